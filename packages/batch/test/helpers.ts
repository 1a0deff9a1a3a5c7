import { expect } from 'vitest';
import { account } from '@carbonbase/engine';
import { FactorBase } from '@carbonbase/factors';
import { bundledFactorSetsDir, loadFactorSetTree } from '@carbonbase/io';
import {
  enterpriseDocument,
  enterpriseSummary,
  type ActivityColumns,
  type BatchKind,
  type BatchResult,
  type DocumentExtras,
  type ParameterColumn,
  type RowParameter,
} from '../src/index.js';

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
  /** The row's own values: parameter → [value, unit]. */
  readonly params?: Partial<Record<RowParameter, readonly [number, string]>>;
  /** Line fields without a column. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

export interface TestEnterprise {
  readonly id: string;
  readonly region: string;
  readonly extras?: DocumentExtras;
}

/** Columns from row objects, with dictionaries in first-seen order. */
export function columnsOf(
  enterprises: readonly TestEnterprise[],
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
  const base = {
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
  };
  const names = [...new Set(rows.flatMap((r) => Object.keys(r.params ?? {})))] as RowParameter[];
  const parameters: Partial<Record<RowParameter, ParameterColumn>> = {};
  for (const name of names) {
    const given = rows.map((r) => r.params?.[name]);
    parameters[name] = {
      value: Float64Array.from(given, (g) => (g ? g[0] : NaN)),
      unit: Uint8Array.from(given, (g) => (g ? units.at(g[1]) : 0)),
    };
  }
  const lineExtras = new Map(rows.flatMap((r, i) => (r.extra ? [[i, r.extra] as const] : [])));
  const documentExtras = new Map(
    enterprises.flatMap((e, i) => (e.extras ? [[i, e.extras] as const] : [])),
  );
  return {
    ...base,
    kinds: kinds.list as BatchKind[],
    codes: codes.list,
    units: units.list,
    ...(names.length ? { parameters } : {}),
    ...(lineExtras.size ? { lineExtras } : {}),
    ...(documentExtras.size ? { documentExtras } : {}),
  };
}

/** Every enterprise-year of the batch against the per-document engine on the same rows, with ===. */
export function expectSameAsEngine(r: BatchResult, factors = bundled): number {
  let checked = 0;
  r.batch.columns.enterpriseIds.forEach((_, e) => {
    for (const year of r.batch.years) {
      let doc: Record<string, unknown>;
      try {
        doc = enterpriseDocument(r, e, year);
      } catch {
        continue; // no rows in that year
      }
      const want = account(doc, factors, { method: r.method.id });
      const got = enterpriseSummary(r, e, year);
      expect(got.total.value).toBe(want.total.value);
      const nonZero = (o: Record<string, { value: number }>) =>
        Object.fromEntries(
          Object.entries(o)
            .filter(([, q]) => q.value !== 0)
            .map(([k, q]) => [k, q.value]),
        );
      const values = (o: Record<string, { value: number } | undefined>) =>
        Object.fromEntries(Object.entries(o).map(([k, q]) => [k, q!.value]));
      expect(values(got.byMonth)).toEqual(nonZero(want.byMonth));
      expect(values(got.byScope)).toEqual(nonZero(want.byScope));
      expect(values(got.byKind)).toEqual(nonZero(want.byKind));
      checked++;
    }
  });
  return checked;
}
