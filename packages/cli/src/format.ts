import Table from 'cli-table3';
import type { FactorRecord } from '@carbonbase/factors';

const VERIFICATION_LABEL = {
  verified: '已核验 verified',
  secondary: '二手来源 secondary',
  recalled: '待核 recalled',
} as const;

export function verificationLabel(v: FactorRecord['verification']): string {
  return VERIFICATION_LABEL[v];
}

/** A table with bilingual headers, sized for a terminal. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const t = new Table({ head: [...head], style: { head: [], border: [] }, wordWrap: true });
  for (const r of rows) t.push([...r]);
  return t.toString();
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
