import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { account, parseInventory } from '@carbonbase/engine';
import {
  ALLOCATION_RULES,
  CEMENT_PRODUCTS,
  cementFootprint,
  parseBackgroundSet,
  parseCementInputs,
  type AllocationRule,
  type CementFootprint,
  type CementProduct,
} from '@carbonbase/footprint';
import { parseInventoryText } from '@carbonbase/io';
import { valueIn, type Quantity } from '@carbonbase/quantity';
import type { CliContext } from '../context.js';
import { json, table } from '../format.js';

/**
 * ISO 14067 counts every emission of the system: GB/T 32151.8 includes kiln dust and raw-meal
 * organic carbon, which the ETS method (cn-cement-cets-2024) leaves out.
 */
export const FOOTPRINT_METHOD = 'cn-cement-2015';

interface FootprintOptions {
  product: string;
  inputs?: string;
  allocation?: string;
  background?: string;
  method?: string;
  json?: boolean;
}

/** data/footprint-background beside the packages: src/commands and dist/commands are 4 levels down. */
export const BUNDLED_BACKGROUND = fileURLToPath(
  new URL('../../../../data/footprint-background/uslci-2017-cement-inputs.json', import.meta.url),
);

async function read(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new Error(`无法读取 cannot read ${file}: ${(e as Error).message}`, { cause: e });
  }
}

function pick<T extends string>(value: string | undefined, allowed: readonly T[], flag: string) {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`${flag} 应为 must be one of ${allowed.join(', ')}: ${value}`);
}

/** Six significant digits for people; --json keeps full precision. */
const n = (q: Quantity, unit: string) => String(Number(valueIn(q, unit).toPrecision(6)));

export function renderFootprint(f: CementFootprint): string {
  const out: string[] = [];
  out.push(`${f.productName} — ${f.inventory.reporter} (${f.inventory.year})`);
  out.push(
    `摇篮到大门碳足迹 cradle-to-gate carbon footprint; 声明单位 declared unit: ${f.declaredUnit.value} ${f.declaredUnit.unit}`,
  );
  out.push(
    `清单 inventory: ${f.inventory.document}, 方法 method ${f.inventory.method}; 电网因子 grid factors: ${f.inventory.electricityFactors.join(', ') || '—'}`,
  );
  const total = valueIn(f.total, 'tCO2e/t');
  out.push(
    table(
      ['组成 Breakdown', 'tCO2e/t', '占比 share'],
      [
        ...f.breakdown.map((b) => [
          b.label,
          n(b.value, 'tCO2e/t'),
          total ? `${((valueIn(b.value, 'tCO2e/t') / total) * 100).toFixed(1)} %` : '—',
        ]),
        ['合计 total', n(f.total, 'tCO2e/t'), '100.0 %'],
      ],
    ),
  );
  if (f.constituents.length) {
    out.push('组成 composition (per t cement):');
    for (const c of f.constituents)
      out.push(`  ${c.id}: ${c.name} [${c.kind}] ${n(c.share, '%')} %`);
  }
  out.push(`分配 allocation: ${f.allocation.rule}`);
  for (const s of f.allocation.statements) out.push(`  - ${s}`);
  for (const b of f.allocation.byProducts)
    out.push(`  - ${b.id} ${b.name}: ${n(b.burden, 'tCO2e/t')} tCO2e/t — ${b.basis}`);
  out.push(`燃料上游 fuel upstream: ${f.fuelUpstream.status} — ${f.fuelUpstream.statement}`);
  if (f.background)
    out.push(
      `背景数据 background: ${f.background.id}@${f.background.version} (${f.background.region}; ${f.background.licence})`,
    );
  out.push('数据质量 data quality:');
  for (const q of f.dataQuality) out.push(`  - ${q}`);
  return out.join('\n');
}

export function registerFootprintCommand(program: Command, ctx: CliContext): Command {
  return program
    .command('footprint')
    .description(
      '熟料/水泥产品碳足迹（摇篮到大门，每吨） cradle-to-gate carbon footprint of 1 t clinker or cement from an enterprise inventory (ISO 14067)',
    )
    .argument('<inventory>', '清单文件 inventory document (carbonbase.inventory/v1, YAML/JSON)')
    .option('--product <product>', '产品 product: clinker | cement', 'cement')
    .option(
      '--inputs <file>',
      '组成与供应链 composition, supply chain, prices (carbonbase.cement-footprint/v1, YAML/JSON)',
    )
    .option(
      '--allocation <rule>',
      '分配规则 allocation rule: economic (default, EN 15804+A2 practice) | cut-off',
    )
    .option(
      '--background <file>',
      '背景数据集 background data set (default: data/footprint-background/uslci-2017-cement-inputs.json, US data)',
    )
    .option(
      '--method <id>',
      `核算方法 method set for the inventory (default ${FOOTPRINT_METHOD}: the full process scope)`,
    )
    .option('--json', '输出 JSON print the result as JSON')
    .action(async (file: string, o: FootprintOptions) => {
      const product = pick<CementProduct>(o.product, CEMENT_PRODUCTS, '--product') ?? 'cement';
      const allocation = pick<AllocationRule>(o.allocation, ALLOCATION_RULES, '--allocation');
      const name = basename(file);
      const raw = parseInventoryText(await read(file), name);
      const base = await ctx.loadFactorBase();
      const result = account(raw, base, { document: name, method: o.method ?? FOOTPRINT_METHOD });
      const inputs = o.inputs
        ? parseCementInputs(parseInventoryText(await read(o.inputs), basename(o.inputs)), o.inputs)
        : undefined;
      const backgroundFile = o.background ?? BUNDLED_BACKGROUND;
      // clinker needs it too: the upstream of the kiln's fuels comes from the background set
      const background = parseBackgroundSet(
        JSON.parse(await read(backgroundFile)) as unknown,
        backgroundFile,
      );
      const f = cementFootprint(parseInventory(raw, name), result, {
        product,
        ...(inputs ? { inputs } : {}),
        background,
        ...(allocation ? { allocation } : {}),
      });
      ctx.out(o.json ? json(f) : renderFootprint(f));
    });
}
