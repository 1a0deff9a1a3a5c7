import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { installationFromInventory, type CbamInstallation } from '@carbonbase/cbam';
import { account, INVENTORY_FORMAT, parseInventory } from '@carbonbase/engine';
import { parseInventoryText } from '@carbonbase/io';
import { parseQuantity, type Quantity } from '@carbonbase/quantity';
import type { CliContext } from '../context.js';

/** The cbam command's options that only apply when it starts from an inventory. */
export interface CbamInventoryOptions {
  method?: string;
  grindingElectricity?: string;
  clinkerConsumed?: string;
}

/**
 * GB/T 32151.8 counts what CBAM attributes to clinker (calcination, kiln dust, raw-meal organic
 * carbon, fuels); the ETS method leaves kiln dust and TOC out.
 */
export const CBAM_DEFAULT_METHOD = 'cn-cement-2015';

function option(text: string | undefined, flag: string): Quantity | undefined {
  if (text === undefined) return undefined;
  try {
    return parseQuantity(text);
  } catch (e) {
    throw new Error(
      `${flag} 需要带单位的数量 needs a quantity such as "91200 MWh": ${(e as Error).message}`,
      {
        cause: e,
      },
    );
  }
}

/**
 * An inventory document (YAML or JSON, `carbonbase.inventory/v1`) accounted by the engine and
 * mapped to a CBAM installation; `undefined` when the file is something else (an installation).
 */
export async function installationFromInventoryFile(
  file: string,
  o: CbamInventoryOptions,
  ctx: CliContext,
): Promise<{ installation: CbamInstallation; notes: readonly string[] } | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new Error(`无法读取 cannot read ${file}: ${(e as Error).message}`, { cause: e });
  }
  const name = basename(file);
  const json = /\.json$/i.test(file);
  // An installation document is JSON; only a file that says it is an inventory takes this path.
  if (json && !text.includes(INVENTORY_FORMAT)) return undefined;
  const raw = parseInventoryText(text, name);
  if (json && (raw as { format?: unknown } | null)?.format !== INVENTORY_FORMAT) return undefined;
  const base = await ctx.loadFactorBase();
  const method = o.method ?? CBAM_DEFAULT_METHOD;
  const result = account(raw, base, { document: name, method });
  const grindingElectricity = option(o.grindingElectricity, '--grinding-electricity');
  const clinkerConsumed = option(o.clinkerConsumed, '--clinker-consumed');
  const link = installationFromInventory(parseInventory(raw, name), result, {
    ...(grindingElectricity ? { grindingElectricity } : {}),
    ...(clinkerConsumed ? { clinkerConsumed } : {}),
  });
  return {
    installation: link.installation,
    notes: [`由清单核算得出 from the inventory, accounted under ${method}`, ...link.notes],
  };
}
