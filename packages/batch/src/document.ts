import { INVENTORY_FORMAT } from '@carbonbase/engine';
import type { ActivityColumns } from './columns.js';

/** One row as an inventory line of `carbonbase.inventory/v1` (the engine's input). */
export function lineOf(
  c: ActivityColumns,
  id: string,
  kind: number,
  code: number,
  unit: number,
  amount: number,
  month: number,
): Record<string, unknown> {
  const k = c.kinds[kind]!;
  return {
    id,
    kind: k,
    ...(month ? { month } : {}),
    ...(k === 'fuel-combustion' ? { fuel: c.codes[code]! } : {}),
    amount: { value: amount, unit: c.units[unit]! },
  };
}

/** An inventory document for one enterprise and year: what the per-document engine accounts. */
export function inventoryDocument(
  name: string,
  region: string,
  year: number,
  method: string,
  lines: readonly Record<string, unknown>[],
): Record<string, unknown> {
  return {
    format: INVENTORY_FORMAT,
    reporter: { name, region },
    period: { year },
    method,
    lines,
  };
}

/** Line id of row `i` in the documents the batch builds, so explanations point back to rows. */
export const rowId = (i: number): string => `r${i}`;
