import { account, type FactorLookup, type InventoryResult } from '@carbonbase/engine';
import type { BatchResult } from './account.js';
import { inventoryDocument, lineOf, rowId } from './document.js';

/**
 * The inventory document of one enterprise and year, built from its rows (line ids `r<row>`, the
 * row's index in the input), in row order: exactly what the batch summed for that enterprise-year.
 */
export function enterpriseDocument(
  r: Pick<BatchResult, 'batch' | 'method'>,
  enterprise: number,
  year: number,
): Record<string, unknown> {
  const c = r.batch.columns;
  const lines: Record<string, unknown>[] = [];
  for (let i = r.batch.start[enterprise]!; i < r.batch.end[enterprise]!; i++) {
    if (c.year[i] !== year) continue;
    lines.push(
      lineOf(
        c,
        rowId(r.batch.inputRow?.[i] ?? i),
        c.kind[i]!,
        c.code[i]!,
        c.unit[i]!,
        c.amount[i]!,
        c.month[i]!,
      ),
    );
  }
  if (!lines.length)
    throw new RangeError(`企业无该年数据 ${c.enterpriseIds[enterprise]} has no rows for ${year}`);
  const region = c.regions[c.enterpriseRegion[enterprise]!]!;
  return inventoryDocument(c.enterpriseIds[enterprise]!, region, year, r.method.id, lines);
}

/**
 * Full results with an explanation for every line and total, for one enterprise-year, on demand:
 * the per-document engine on that enterprise's rows. The batch itself never builds explanations.
 */
export function explainEnterprise(
  r: Pick<BatchResult, 'batch' | 'method'>,
  factors: FactorLookup,
  enterprise: number,
  year: number,
): InventoryResult {
  return account(enterpriseDocument(r, enterprise, year), factors, {
    method: r.method.id,
    document: `${r.batch.columns.enterpriseIds[enterprise]}/${year}`,
  });
}
