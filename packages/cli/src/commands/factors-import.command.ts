import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { FACTOR_KINDS, type FactorKind } from '@carbonbase/factors';
import {
  formatImportReport,
  importFactorFile,
  writeFactorSet,
  type ColumnMapping,
} from '@carbonbase/io';
import { importedFactorSetsDir, type CliContext } from '../context.js';
import { json } from '../format.js';

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
  overwrite?: boolean;
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
    .option('--overwrite', '覆盖同版本 replace an existing set version')
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
      const written = report.set
        ? await writeFactorSet(report.set, importedFactorSetsDir(ctx.dataDir), {
            overwrite: o.overwrite ?? false,
          })
        : undefined;
      if (o.json) {
        const { set, ...rest } = report;
        ctx.out(json({ ...rest, written: written ?? null, setId: set?.manifest.id ?? null }));
      } else {
        ctx.out(formatImportReport(report));
        ctx.out(
          written
            ? `已写入 written: ${written}`
            : '未导入任何数据 nothing imported (fix the rows above, or pass --keep-good-rows)',
        );
      }
      if (!written) throw new Error(`导入失败 import refused: ${report.rowsRejected} bad row(s)`);
    });
}
