import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import {
  account,
  formatNumber,
  renderExplanation,
  type Explanation,
  type InventoryResult,
} from '@carbonbase/engine';
import { parseInventoryText } from '@carbonbase/io';
import type { Quantity } from '@carbonbase/quantity';
import type { CliContext } from '../context.js';
import { json, table } from '../format.js';
import { writeInventoryReport } from './account-xlsx.js';

interface AccountOptions {
  method?: string;
  json?: boolean;
  xlsx?: string;
}

/** Accounts the file; returns the result and the document as read (for the Excel report). */
async function run(
  file: string,
  ctx: CliContext,
  method: string | undefined,
): Promise<{ result: InventoryResult; raw: unknown }> {
  const text = await readFile(file, 'utf8');
  const raw = parseInventoryText(text, basename(file));
  const base = await ctx.loadFactorBase();
  const result = account(raw, base, { document: basename(file), ...(method ? { method } : {}) });
  return { result, raw };
}

const q = (x: Quantity) => ({ value: x.value, unit: x.unit });

/** The `--json` shape of issue 3, plus the CETS boundaries, biomass CO2 and memo items. */
export function accountJson(r: InventoryResult) {
  return {
    method: {
      id: r.method.id,
      version: r.method.version,
      name: r.method.name,
      nameEn: r.method.nameEn,
    },
    period: r.period,
    total: q(r.total),
    byScope: r.byScope,
    byGas: r.byGas,
    byKind: r.byKind,
    lines: r.lines.map((l) => ({
      id: l.id,
      kind: l.kind,
      emissions: q(l.emissions),
      explanation: l.explanation,
    })),
    intensities: r.intensities,
    energy: r.energy,
    warnings: r.warnings,
    ...(r.scope2 ? { scope2: r.scope2 } : {}),
    ...(r.boundaries ? { boundaries: r.boundaries } : {}),
    biomassCO2: q(r.biomassCO2),
    memo: r.memo,
  };
}

const TREATMENT: Record<string, string> = {
  included: '计入 included',
  deducted: '扣减 deducted',
  memo: '备忘 memo',
  excluded: '不适用 excluded',
};

/** Presentation rounding by the method's rule; the data keep full precision. */
function show(x: Quantity, decimals: number): string {
  const v = Number(x.value.toFixed(decimals));
  return `${v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })} ${x.unit}`;
}

export function renderAccount(r: InventoryResult): string {
  const d = r.method.rounding.decimals;
  const out: string[] = [];
  out.push(`${r.reporter.name} (${r.reporter.region}) — ${r.period.year}`);
  out.push(`方法 method: ${r.method.name}`);
  out.push(`        ${r.method.nameEn} [${r.method.id}@${r.method.version}]`);
  out.push(
    table(
      [
        '行 Line',
        '类型 Kind',
        '设施 Facility',
        '月 Month',
        '范围 Scope',
        '处理 Treatment',
        '排放 Emissions',
      ],
      r.lines.map((l) => [
        l.id,
        l.kind,
        l.facility ?? '',
        l.month !== undefined ? String(l.month) : '',
        l.scope ?? '',
        TREATMENT[l.treatment] ?? l.treatment,
        l.treatment === 'memo' && l.calculated
          ? `(${show(l.calculated, d)})`
          : show(l.emissions, d),
      ]),
    ),
  );
  const rows: string[][] = [['总排放 Total', show(r.total, d)]];
  for (const [k, v] of Object.entries(r.byScope)) rows.push([`按范围 by scope: ${k}`, show(v, d)]);
  if (r.scope2) {
    rows.push(['范围二 基于位置 Scope 2 location-based', show(r.scope2.locationBased, d)]);
    rows.push(['范围二 基于市场 Scope 2 market-based', show(r.scope2.marketBased, d)]);
  }
  for (const [k, v] of Object.entries(r.byGas)) rows.push([`按气体 by gas: ${k}`, show(v, d)]);
  for (const [k, v] of Object.entries(r.byKind)) rows.push([`按类型 by kind: ${k}`, show(v, d)]);
  if (Object.keys(r.byFacility).length > 1)
    for (const [k, v] of Object.entries(r.byFacility))
      rows.push([`按设施 by facility: ${k}`, show(v, d)]);
  if (r.boundaries) {
    rows.push([
      '熟料生产边界 clinker-production boundary (direct)',
      show(r.boundaries.clinkerProduction, d),
    ]);
    rows.push([
      '  其中边界内购入能源 its purchased energy (shown apart)',
      show(r.boundaries.clinkerProductionIndirect, d),
    ]);
    rows.push(['企业层级 enterprise boundary', show(r.boundaries.enterprise, d)]);
  }
  rows.push(['生物质 CO2（不计入总量）biomass CO2, outside totals', show(r.biomassCO2, d)]);
  for (const i of r.intensities)
    rows.push([i.name, `${formatNumber(i.value.value, 6)} ${i.value.unit}`]);
  rows.push(['综合能耗 当量值 energy (calorific)', show(r.energy.calorific, d)]);
  rows.push([
    '综合能耗 等价值 energy (equal value)',
    r.energy.equivalent ? show(r.energy.equivalent, d) : '— (see note)',
  ]);
  out.push(table(['项目 Item', '数值 Value'], rows));
  out.push(`取整 rounding: ${r.method.rounding.rule}`);
  for (const n of r.energy.notes) out.push(`注 note: ${n}`);
  if (r.warnings.length) {
    out.push(`警告 warnings (${r.warnings.length}):`);
    for (const w of r.warnings)
      out.push(
        `  [${w.code}]${w.line ? ` ${w.line}` : ''}${w.field ? `.${w.field}` : ''}: ${w.message}`,
      );
  }
  return out.join('\n');
}

function findExplanation(r: InventoryResult, subject: string): Explanation | undefined {
  return (
    r.lines.find((l) => l.id === subject)?.explanation ??
    r.totals.find((t) => t.subject === subject)
  );
}

export function registerAccountCommands(program: Command, ctx: CliContext): Command {
  program
    .command('account')
    .description(
      '核算温室气体排放清单 account an inventory (carbonbase.inventory/v1, YAML or JSON)',
    )
    .argument('<file>', '清单文件 inventory file')
    .option(
      '--method <id>',
      '核算方法 method set (overrides the document): cn-gbt32150-2015, cn-cement-2015, cn-cement-cets-2024, ghg-protocol',
    )
    .option('--json', '输出 JSON output JSON')
    .option('--xlsx <out.xlsx>', '导出 Excel 报告 also write an Excel report')
    .action(async (file: string, o: AccountOptions) => {
      const { result: r, raw } = await run(file, ctx, o.method);
      if (o.xlsx) await writeInventoryReport(r, raw, o.xlsx);
      ctx.out(o.json ? json(accountJson(r)) : renderAccount(r));
      if (o.xlsx && !o.json) ctx.out(`已写入 written: ${o.xlsx}`);
    });

  program
    .command('explain')
    .description('展示某行或合计的推导过程 show the derivation of a line or a total')
    .argument('<file>', '清单文件 inventory file')
    .argument(
      '<subject>',
      '行号或合计 line id, or total, total:scope1, total:process, total:kind:<kind>, energy:calorific, intensity:per-t-clinker, …',
    )
    .option('--method <id>', '核算方法 method set (overrides the document)')
    .option('--json', '输出 JSON output JSON')
    .action(async (file: string, subject: string, o: AccountOptions) => {
      const { result: r } = await run(file, ctx, o.method);
      const e = findExplanation(r, subject);
      if (!e) {
        const known = [...r.lines.map((l) => l.id), ...r.totals.map((t) => t.subject)];
        throw new Error(
          `未找到 "${subject}" not found in ${basename(file)}; known: ${known.join(', ')}`,
        );
      }
      if (o.json) {
        ctx.out(json(e));
        return;
      }
      // A total is shown with the full derivation of every line it adds up.
      const isLine = r.lines.some((l) => l.id === e.subject);
      const parts = isLine
        ? []
        : e.inputs.flatMap((i) => r.lines.find((l) => l.id === i.symbol)?.explanation ?? []);
      ctx.out([renderExplanation(e), ...parts.map(renderExplanation)].join('\n\n'));
    });
  return program;
}
