import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import {
  AppError,
  calculateYear,
  exportRunXlsx,
  getRun,
  importActivityFile,
  listRuns,
  resultOf,
} from '@carbonbase/app';
import type { InventoryResult } from '@carbonbase/engine';
import type { CalculationRun, CalculationRunSummary, Store } from '@carbonbase/store';
import type { CliContext } from '../context.js';
import { json, table } from '../format.js';
import {
  DEFAULT_TENANT,
  findEnterprise,
  initStore,
  operatorActor,
  renderInit,
} from '../operator.js';
import { accountJson } from './account.command.js';

function parseYear(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1990 || n > 2100)
    throw new InvalidArgumentError('年份 year yyyy');
  return n;
}

const tenantOption = ['--tenant <id>', '租户 tenant', DEFAULT_TENANT] as const;

/** Two decimals for display (tCO2e); the stored figures keep full precision. */
const tco2e = (x: { value: number; unit: string }) =>
  `${x.value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${x.unit}`;

/** Prints an application error with every detail (file, sheet, row, column, reason), then fails. */
function failWith(ctx: CliContext, e: unknown): never {
  if (e instanceof AppError) {
    for (const d of e.details)
      ctx.err(
        `  ${[
          d.file,
          d.sheet !== undefined ? `工作表 sheet ${d.sheet}` : undefined,
          d.row !== undefined ? `行 row ${d.row}` : undefined,
          d.column !== undefined ? `列 column ${d.column}` : undefined,
          d.field !== undefined ? `字段 field ${d.field}` : undefined,
        ]
          .filter(Boolean)
          .join(', ')}: ${d.reason}`,
      );
    throw new Error(e.message);
  }
  throw e;
}

function renderTotals(r: InventoryResult): string {
  const rows: string[][] = [['总排放 Total', tco2e(r.total)]];
  for (const [k, v] of Object.entries(r.byScope)) rows.push([`按范围 by scope: ${k}`, tco2e(v)]);
  for (const [k, v] of Object.entries(r.byKind)) rows.push([`按类型 by kind: ${k}`, tco2e(v)]);
  if (r.boundaries)
    rows.push(['熟料生产边界 clinker-production boundary', tco2e(r.boundaries.clinkerProduction)]);
  rows.push(['生物质 CO2（不计入）biomass CO2, outside totals', tco2e(r.biomassCO2)]);
  return table(['项目 Item', '数值 Value'], rows);
}

/** Summary rows of runs, with their enterprise codes and totals (read from each run). */
async function runRows(store: Store, tenantId: string, runs: readonly CalculationRunSummary[]) {
  const codes = new Map(
    (await store.organisations.listEnterprises(tenantId, {}, { limit: 100_000 })).map((e) => [
      e.id,
      e.code,
    ]),
  );
  const actor = await operatorActor(store, tenantId);
  return Promise.all(
    runs.map(async (s) => {
      const run = await getRun(store, actor, s.id);
      return {
        id: s.id,
        enterprise: s.enterpriseId ? (codes.get(s.enterpriseId) ?? s.enterpriseId) : null,
        period: s.periodStart && s.periodEnd ? `${s.periodStart}/${s.periodEnd}` : null,
        method: `${s.methodSet.id}@${s.methodSet.version}`,
        total: resultOf(run).total,
        createdAt: s.createdAt.toISOString(),
        createdBy: s.createdBy,
      };
    }),
  );
}

const runHeader = (run: CalculationRun) => ({
  id: run.id,
  enterpriseId: run.enterpriseId ?? null,
  periodStart: run.periodStart ?? null,
  periodEnd: run.periodEnd ?? null,
  createdAt: run.createdAt.toISOString(),
  createdBy: run.createdBy,
  inputHash: run.inputHash,
  resultsHash: run.resultsHash,
  factorRefs: run.factorRefs,
});

/** init, import, calculate, runs, export: the system of record from the command line. */
export function registerStoreCommands(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description(
      '创建或升级数据库，载入因子集，创建租户与本地操作员 create or migrate the store, load the factor sets, create the tenant and the local operator',
    )
    .option(...tenantOption)
    .option('--name <name>', '租户名称 tenant name (default: its id)')
    .option(
      '--demo',
      '写入演示区（12 家企业，24 个月） seed the demo district (12 enterprises, 24 months)',
    )
    .action(async (o: { tenant: string; name?: string; demo?: boolean }) => {
      const store = await ctx.openStore();
      const report = await initStore(store, {
        tenantId: o.tenant,
        ...(o.name !== undefined && { name: o.name }),
        demo: o.demo ?? false,
      });
      for (const line of renderInit(report, o.tenant)) ctx.out(line);
    });

  program
    .command('import')
    .description('导入月度活动数据模板 import a filled activity-data template (.xlsx or .csv)')
    .argument('<file>', '模板文件 template file')
    .requiredOption('--enterprise <id|code>', '企业 id 或代码 enterprise id or code')
    .requiredOption('--year <yyyy>', '数据所属年份 the year of the months', parseYear)
    .option(...tenantOption)
    .action(async (file: string, o: { enterprise: string; year: number; tenant: string }) => {
      const store = await ctx.openStore();
      const actor = await operatorActor(store, o.tenant);
      const enterprise = await findEnterprise(store, o.tenant, o.enterprise);
      const bytes = new Uint8Array(await readFile(file));
      let shown = -1;
      const report = await importActivityFile(
        store,
        actor,
        enterprise.id,
        { name: basename(file), bytes },
        {
          year: o.year,
          onProgress: (done, total) => {
            const tenth = Math.floor((done / total) * 10);
            if (tenth > shown) {
              shown = tenth;
              ctx.out(`  ${tenth * 10}% (${done}/${total})`);
            }
          },
        },
      ).catch((e: unknown) => failWith(ctx, e));
      const b = report.batch;
      ctx.out(
        `已导入 imported ${basename(file)} → ${enterprise.code} ${enterprise.name}, ${o.year}`,
      );
      ctx.out(
        table(
          ['项目 Item', '数值 Value'],
          [
            ['读取行 rows read', String(b.rowsRead)],
            ['新增版本 versions added', String(b.versionsAdded)],
            ['未变化 unchanged', String(b.unchanged)],
            ['新建排放源 sources created', String(b.sourcesCreated)],
            ['批次 batch', b.id],
          ],
        ),
      );
    });

  program
    .command('calculate')
    .description('核算企业全年排放并保存 calculate an enterprise year and save the run')
    .requiredOption('--enterprise <id|code>', '企业 id 或代码 enterprise id or code')
    .requiredOption('--year <yyyy>', '年份 year', parseYear)
    .option(...tenantOption)
    .option('--json', '输出 JSON output JSON')
    .action(async (o: { enterprise: string; year: number; tenant: string; json?: boolean }) => {
      const store = await ctx.openStore();
      const actor = await operatorActor(store, o.tenant);
      const enterprise = await findEnterprise(store, o.tenant, o.enterprise);
      const run = await calculateYear(store, actor, enterprise.id, o.year).catch((e: unknown) =>
        failWith(ctx, e),
      );
      const r = resultOf(run);
      if (o.json) {
        ctx.out(json({ run: runHeader(run), ...accountJson(r) }));
        return;
      }
      ctx.out(`核算记录 run ${run.id}`);
      ctx.out(`${enterprise.code} ${enterprise.name} — ${o.year}, ${r.method.name}`);
      ctx.out(renderTotals(r));
      if (r.warnings.length) {
        ctx.out(`警告 warnings (${r.warnings.length}):`);
        for (const w of r.warnings)
          ctx.out(`  [${w.code}]${w.line ? ` ${w.line}` : ''}: ${w.message}`);
      }
    });

  program
    .command('runs')
    .description('列出已保存的核算 list the saved calculation runs')
    .option('--enterprise <id|code>', '企业 id 或代码 enterprise id or code')
    .option('--year <yyyy>', '年份 year', parseYear)
    .option(...tenantOption)
    .option('--json', '输出 JSON output JSON')
    .action(async (o: { enterprise?: string; year?: number; tenant: string; json?: boolean }) => {
      const store = await ctx.openStore();
      const actor = await operatorActor(store, o.tenant);
      const enterprise = o.enterprise
        ? await findEnterprise(store, o.tenant, o.enterprise)
        : undefined;
      const runs = await listRuns(store, actor, {
        ...(enterprise && { enterpriseId: enterprise.id }),
        ...(o.year !== undefined && { year: o.year }),
      });
      const rows = await runRows(store, o.tenant, runs);
      if (o.json) {
        ctx.out(json(rows));
        return;
      }
      ctx.out(
        table(
          [
            '核算 Run',
            '企业 Enterprise',
            '期间 Period',
            '方法 Method',
            '总排放 Total',
            '时间 Created',
          ],
          rows.map((r) => [
            r.id,
            r.enterprise ?? '',
            r.period ?? '',
            r.method,
            tco2e(r.total),
            r.createdAt.slice(0, 19).replace('T', ' '),
          ]),
        ),
      );
    });

  program
    .command('export')
    .description('导出核算报告 export the inventory report of a saved run')
    .argument('<run-id>', '核算记录 id run id')
    .option('--xlsx <file>', 'Excel 报告 write the Excel report')
    .option('--json [file]', 'JSON 报告（不给文件则打印） the JSON report (printed without a file)')
    .option(...tenantOption)
    .action(async (runId: string, o: { xlsx?: string; json?: string | true; tenant: string }) => {
      if (!o.xlsx && !o.json)
        throw new InvalidArgumentError(
          '需要 --xlsx <file> 或 --json [file] give --xlsx <file> or --json [file]',
        );
      const store = await ctx.openStore();
      const actor = await operatorActor(store, o.tenant);
      if (o.xlsx) {
        await writeFile(o.xlsx, await exportRunXlsx(store, actor, runId));
        ctx.out(`已写入 written: ${o.xlsx}`);
      }
      if (o.json) {
        const run = await getRun(store, actor, runId);
        const text = json({ run: runHeader(run), ...accountJson(resultOf(run)) });
        if (o.json === true) ctx.out(text);
        else {
          await writeFile(o.json, `${text}\n`);
          ctx.out(`已写入 written: ${o.json}`);
        }
      }
    });
}
