import { account, type FactorLookup, type InventoryResult } from '@carbonbase/engine';
import type { PreparedBatch } from './columns.js';
import { inventoryDocument, lineOf, rowId } from './document.js';

/**
 * The inventory document of one enterprise and year, built from its rows (line ids `r<row>`, the
 * row's index in the input), in row order, with its parameters and extra fields: exactly what the
 * batch summed for that enterprise-year.
 */
export function enterpriseDocument(
  r: { readonly batch: PreparedBatch; readonly method: { readonly id: string } },
  enterprise: number,
  year: number,
): Record<string, unknown> {
  const b = r.batch;
  const c = b.columns;
  const lines: Record<string, unknown>[] = [];
  for (let i = b.start[enterprise]!; i < b.end[enterprise]!; i++) {
    if (c.year[i] !== year) continue;
    lines.push(lineOf(b, i, rowId(b.inputRow?.[i] ?? i)));
  }
  if (!lines.length)
    throw new RangeError(`企业无该年数据 ${c.enterpriseIds[enterprise]} has no rows for ${year}`);
  const region = c.regions[c.enterpriseRegion[enterprise]!]!;
  return inventoryDocument(
    c.enterpriseIds[enterprise]!,
    region,
    year,
    r.method.id,
    lines,
    c.documentExtras?.get(enterprise),
  );
}

/**
 * Full results with an explanation for every line and total, for one enterprise-year, on demand:
 * the per-document engine on that enterprise's rows. The batch itself never builds explanations.
 */
export function explainEnterprise(
  r: { readonly batch: PreparedBatch; readonly method: { readonly id: string } },
  factors: FactorLookup,
  enterprise: number,
  year: number,
): InventoryResult {
  return account(enterpriseDocument(r, enterprise, year), factors, {
    method: r.method.id,
    document: `${r.batch.columns.enterpriseIds[enterprise]}/${year}`,
  });
}
