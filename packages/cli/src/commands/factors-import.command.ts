import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { recalculateAfterFactorUpdate, type RecalculationReport } from '@carbonbase/app';
import { FACTOR_KINDS, type FactorKind, type FactorSet } from '@carbonbase/factors';
import {
  formatImportReport,
  importFactorFile,
  writeFactorSet,
  type ColumnMapping,
} from '@carbonbase/io';
import { FactorSetConflictError, type Store } from '@carbonbase/store';
import { importedFactorSetsDir, type CliContext } from '../context.js';
import { json } from '../format.js';
import { DEFAULT_TENANT, OPERATOR, operatorActor } from '../operator.js';

interface ImportCommandOptions {
  set: string;
  setVersion?: string;
  preset?: 'oefdb';
  mapping?: string;
  sheet?: string;
  region?: string;
  kind?: string;
  licence?: string;
  sourceTitle?: string;
  sourceUrl?: string;
  keepGoodRows?: boolean;
  tenant: string;
  saveRuns?: boolean;
  json?: boolean;
}

/** `--mapping` is a JSON file `{ "value": "数值", … }` or inline `value=数值,unit=单位`. */
async function readMapping(text: string): Promise<ColumnMapping> {
  if (text.endsWith('.json')) return JSON.parse(await readFile(text, 'utf8')) as ColumnMapping;
  const mapping: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const [field, column] = pair.split('=');
    if (!field || !column) throw new Error(`映射格式错误 bad mapping "${pair}": use field=column`);
    mapping[field.trim()] = column.trim();
  }
  return mapping;
}

export function registerFactorImportCommand(factors: Command, ctx: CliContext): void {
  factors
    .command('import')
    .description(
      '从 CSV/XLSX 导入因子集（有错行则整体不导入）import a CSV/XLSX file as a factor set (all or nothing)',
    )
    .argument('<file>', 'CSV 或 XLSX 文件 the file')
    .requiredOption('--set <id>', '因子集编号 id of the new set, e.g. my-company')
    .option('--set-version <version>', '版本 set version (default: today)')
    .option('--preset <name>', '预设格式 known source format: oefdb')
    .option('--mapping <mapping>', '列映射 field=column,… or a JSON file')
    .option('--sheet <name>', '工作表 worksheet (XLSX; default the first)')
    .option('--region <code>', '默认地区 region for rows without one, e.g. CN')
    .option('--kind <kind>', `默认类型 kind for rows without one (${FACTOR_KINDS.join(', ')})`)
    .option('--licence <licence>', '数据许可 licence of the data')
    .option('--source-title <title>', '来源文献 source document for rows without one')
    .option('--source-url <url>', '来源链接 URL of that source')
    .option('--keep-good-rows', '保留合格行 keep the good rows of a file with bad ones')
    .option('--tenant <id>', '检查该租户受影响的核算 tenant whose runs are checked', DEFAULT_TENANT)
    .option('--save-runs', '将变化的重算保存为新核算 save changed recalculations as new runs')
    .option('--json', '输出 JSON 报告 print the report as JSON')
    .action(async (file: string, o: ImportCommandOptions) => {
      if (o.kind && !(FACTOR_KINDS as readonly string[]).includes(o.kind))
        throw new Error(`未知类型 unknown kind ${o.kind}`);
      const report = await importFactorFile(file, {
        setId: o.set,
        ...(o.setVersion && { version: o.setVersion }),
        ...(o.preset && { preset: o.preset }),
        ...(o.mapping && { mapping: await readMapping(o.mapping) }),
        ...(o.sheet && { sheet: o.sheet }),
        ...(o.licence && { licence: o.licence }),
        ...(o.sourceTitle && {
          source: { title: o.sourceTitle, ...(o.sourceUrl && { url: o.sourceUrl }) },
        }),
        defaults: {
          ...(o.region && { region: o.region }),
          ...(o.kind && { kind: o.kind as FactorKind }),
        },
        keepGoodRows: o.keepGoodRows ?? false,
      });
      const stored = report.set ? await loadIntoStore(ctx, report.set, o) : undefined;
      if (o.json) {
        const { set, ...rest } = report;
        ctx.out(json({ ...rest, setId: set?.manifest.id ?? null, ...stored }));
      } else {
        ctx.out(formatImportReport(report));
        ctx.out(stored ? renderStored(stored) : NOTHING_IMPORTED);
      }
      if (!stored) throw new Error(`导入失败 import refused: ${report.rowsRejected} bad row(s)`);
    });
}

const NOTHING_IMPORTED =
  '未导入任何数据 nothing imported (fix the rows above, or pass --keep-good-rows)';

interface Stored {
  /** `loaded`: a new set version; `unchanged`: the same content was already there. */
  readonly status: 'loaded' | 'unchanged';
  readonly written: string;
  /** Runs of the tenant computed with an earlier version of the set, when the tenant exists. */
  readonly recalculation: RecalculationReport | null;
}

/**
 * The store is where calculations and `serve` read factors, and its set versions are immutable
 * (runs cite them), so the set goes there first; the copy in the data folder serves the
 * file-based commands (account, footprint, cbam) and is written only once the store took it.
 */
async function loadIntoStore(
  ctx: CliContext,
  set: FactorSet,
  o: ImportCommandOptions,
): Promise<Stored> {
  const store = await ctx.openStore();
  let status: Stored['status'];
  try {
    status = (await store.factorSets.load(set)).status;
  } catch (e) {
    if (e instanceof FactorSetConflictError)
      throw new Error(
        `因子集 ${e.setRef} 已存在且内容不同，版本不可修改：请用 --set-version 发布新版本 ` +
          `${e.setRef} already exists with other content; versions are immutable: use --set-version`,
        { cause: e },
      );
    throw e;
  }
  const written = await writeFactorSet(set, importedFactorSetsDir(ctx.dataDir), {
    overwrite: true,
  });
  const recalculation = status === 'loaded' ? await recalculate(store, set.manifest.id, o) : null;
  return { status, written, recalculation };
}

/** Which runs the new version changes; skipped while the tenant has no operator (no `init`). */
async function recalculate(
  store: Store,
  setId: string,
  o: ImportCommandOptions,
): Promise<RecalculationReport | null> {
  if (!(await store.access.findUserByLogin(o.tenant, OPERATOR))) return null;
  const actor = await operatorActor(store, o.tenant);
  return recalculateAfterFactorUpdate(store, actor, setId, { save: o.saveRuns ?? false });
}

function renderStored(s: Stored): string {
  const lines = [
    s.status === 'loaded'
      ? `已载入数据库 loaded into the store; 已写入 written: ${s.written}`
      : `数据库中已有相同内容，无变化 the store already holds this content; nothing changed`,
  ];
  const r = s.recalculation;
  if (r) {
    lines.push(
      `使用旧版本的核算 runs on an earlier version: ${r.affected}; 结果变化 changed: ${r.changed.length}`,
    );
    for (const c of r.changed)
      lines.push(
        `  ${c.runId} ${c.before.value} → ${c.after.value} ${c.after.unit}` +
          (c.newRunId ? ` (新核算 new run ${c.newRunId})` : ''),
      );
  }
  return lines.join('\n');
}
