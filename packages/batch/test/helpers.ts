import { FactorBase } from '@carbonbase/factors';
import { bundledFactorSetsDir, loadFactorSetTree } from '@carbonbase/io';
import type { ActivityColumns, BatchKind } from '../src/index.js';

export const sets = await loadFactorSetTree(bundledFactorSetsDir());
export const bundled = new FactorBase(sets);

export interface Row {
  readonly enterprise: number;
  readonly year: number;
  readonly month: number;
  readonly kind: BatchKind;
  readonly code: string;
  readonly unit: string;
  readonly amount: number;
}

/** Columns from row objects, with dictionaries in first-seen order. */
export function columnsOf(
  enterprises: readonly { id: string; region: string }[],
  rows: readonly Row[],
): ActivityColumns {
  const dict = () => {
    const list: string[] = [];
    return { list, at: (s: string) => (list.includes(s) ? list : list.push(s), list.indexOf(s)) };
  };
  const regions = dict();
  const kinds = dict();
  const codes = dict();
  const units = dict();
  const enterpriseRegion = Uint16Array.from(enterprises, (e) => regions.at(e.region));
  return {
    enterpriseIds: enterprises.map((e) => e.id),
    enterpriseRegion,
    regions: regions.list,
    enterprise: Uint32Array.from(rows, (r) => r.enterprise),
    year: Uint16Array.from(rows, (r) => r.year),
    month: Uint8Array.from(rows, (r) => r.month),
    kind: Uint8Array.from(rows, (r) => kinds.at(r.kind)),
    code: Uint16Array.from(rows, (r) => codes.at(r.code)),
    unit: Uint8Array.from(rows, (r) => units.at(r.unit)),
    amount: Float64Array.from(rows, (r) => r.amount),
    kinds: kinds.list as BatchKind[],
    codes: codes.list,
    units: units.list,
  };
}
