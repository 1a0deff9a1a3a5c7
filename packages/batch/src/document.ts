import { INVENTORY_FORMAT } from '@carbonbase/engine';
import {
  ROW_PARAMETERS,
  SUBJECT_FIELD,
  type DocumentExtras,
  type PreparedBatch,
} from './columns.js';

/**
 * Row i as an inventory line of `carbonbase.inventory/v1` (the engine's input): its kind, subject
 * (`code`), amount with its unit, month, the parameters it gives and its extra fields. A probe
 * line (`probeAmount`) replaces the amount, is whole-period and leaves the extra fields out.
 */
export function lineOf(
  b: PreparedBatch,
  i: number,
  id: string,
  probeAmount?: number,
): Record<string, unknown> {
  const c = b.columns;
  const k = c.kinds[c.kind[i]!]!;
  const subject = SUBJECT_FIELD[k];
  const code = c.codes[c.code[i]!] ?? '';
  const month = probeAmount === undefined ? c.month[i]! : 0;
  const line: Record<string, unknown> = {
    id,
    kind: k,
    ...(month ? { month } : {}),
    ...(subject && code !== '' ? { [subject]: code } : {}),
    amount: { value: probeAmount ?? c.amount[i]!, unit: c.units[c.unit[i]!]! },
  };
  if (c.parameters) {
    for (const name of ROW_PARAMETERS) {
      const p = c.parameters[name];
      if (p && p.value[i] === p.value[i])
        line[name] = { value: p.value[i]!, unit: c.units[p.unit[i]!]! };
    }
  }
  const extra = probeAmount === undefined ? c.lineExtras?.get(b.inputRow?.[i] ?? i) : undefined;
  return extra ? { ...line, ...extra } : line;
}

/** An inventory document for one enterprise and year: what the per-document engine accounts. */
export function inventoryDocument(
  name: string,
  region: string,
  year: number,
  method: string,
  lines: readonly Record<string, unknown>[],
  extras?: DocumentExtras,
): Record<string, unknown> {
  return {
    format: INVENTORY_FORMAT,
    reporter: { name, region },
    period: { year },
    method,
    ...extras,
    lines,
  };
}

/** Line id of row `i` in the documents the batch builds, so explanations point back to rows. */
export const rowId = (i: number): string => `r${i}`;
