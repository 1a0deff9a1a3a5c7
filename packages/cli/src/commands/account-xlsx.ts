import { writeFile } from 'node:fs/promises';
import { parseInventory, type Inventory, type InventoryResult } from '@carbonbase/engine';
import { inventoryReportBuffer } from '@carbonbase/io';

/**
 * Writes the Excel report of `account --xlsx <out.xlsx>`. `document` is the inventory the result
 * was accounted from, as read by `parseInventoryText` (unparsed); it gives the report
 * facility names and production figures.
 */
export async function writeInventoryReport(
  result: InventoryResult,
  document: unknown,
  path: string,
): Promise<void> {
  const inventory: Inventory = parseInventory(document, result.document);
  await writeFile(path, await inventoryReportBuffer(result, inventory));
}
