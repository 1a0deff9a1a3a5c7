import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import {
  FACTOR_KINDS,
  describeRegion,
  factorRef,
  toFactorJson,
  type FactorKind,
} from '@carbonbase/factors';
import type { CliContext } from '../context.js';
import { json, table, verificationLabel } from '../format.js';
import { registerFactorImportCommand } from './factors-import.command.js';

function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text))
    throw new InvalidArgumentError('年份应为四位数 a year has four digits');
  return Number(text);
}

function parseLimit(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('应为正整数 a positive whole number');
  return n;
}

const kindOption = () => new Option('--kind <kind>', '类型 factor kind').choices(FACTOR_KINDS);

export function registerFactorCommands(program: Command, ctx: CliContext): Command {
  const factors = program
    .command('factors')
    .description('排放因子库 the factor base: search, show, sets, import');

  factors
    .command('search')
    .description(
      '按中英文名称、别名、编码、类型、地区、年份检索 search by name, alias, code, kind, region, year',
    )
    .argument('<text...>', '检索词 words to find (all must match)')
    .option('--region <code>', '地区 region code, e.g. CN-GX (its grid region and CN included)')
    .option('--year <year>', '年份 data year', parseYear)
    .addOption(kindOption())
    .option('--set <id>', '因子集 only this factor set')
    .option('--limit <n>', '最多显示 at most this many', parseLimit, 50)
    .option('--json', '输出 JSON output JSON')
    .action(
      async (
        words: string[],
        o: {
          region?: string;
          year?: number;
          kind?: FactorKind;
          set?: string;
          limit: number;
          json?: boolean;
        },
      ) => {
        const base = await ctx.loadFactorBase();
        const found = base.search(words.join(' '), {
          ...(o.region && { region: o.region }),
          ...(o.year !== undefined && { year: o.year }),
          ...(o.kind && { kind: o.kind }),
          ...(o.set && { set: o.set }),
        });
        const shown = found.slice(0, o.limit);
        if (o.json) {
          ctx.out(json(shown.map(toFactorJson)));
          return;
        }
        if (!found.length) {
          ctx.out('未找到 nothing found');
          return;
        }
        ctx.out(
          table(
            [
              '名称 Name',
              '数值 Value',
              '单位 Unit',
              '地区 Region',
              '年份 Year',
              '来源 Source',
              '核验 Check',
              'id@version',
            ],
            shown.map((r) => [
              `${r.name}\n${r.nameEn}`,
              String(r.value.value),
              r.value.unit,
              r.region,
              r.year !== undefined ? String(r.year) : '—',
              [r.source.document, r.source.clause].filter(Boolean).join(' '),
              verificationLabel(r.verification),
              factorRef(r),
            ]),
          ),
        );
        ctx.out(
          `共 ${found.length} 条 ${found.length} found${found.length > shown.length ? `, 显示 showing ${shown.length}` : ''}`,
        );
      },
    );

  factors
    .command('show')
    .description('显示一个因子的全部信息 show one factor with its provenance')
    .argument('<id>', '因子 id 或 id@version')
    .option('--json', '输出 JSON output JSON')
    .action(async (id: string, o: { json?: boolean }) => {
      const base = await ctx.loadFactorBase();
      const r = base.get(id);
      if (!r) throw new Error(`未找到因子 no factor with id ${id}`);
      if (o.json) {
        ctx.out(json(toFactorJson(r)));
        return;
      }
      const rows: [string, string][] = [
        ['id@version', factorRef(r)],
        ['名称 Name', `${r.name} / ${r.nameEn}`],
        ['别名 Aliases', r.aliases.join(', ') || '—'],
        ['类型 Kind', `${r.kind} · ${r.code} · ${r.parameter}`],
        ['数值 Value', `${r.value.value} ${r.value.unit}`],
        ['气体 Gas', r.gas ?? '—'],
        ['地区 Region', describeRegion(r.region)],
        ['年份 Year', r.year !== undefined ? String(r.year) : '—'],
        [
          '有效期 Valid',
          r.validFrom || r.validTo ? `${r.validFrom ?? '…'} – ${r.validTo ?? '…'}` : '—',
        ],
        ['口径 Basis', r.basis ?? '—'],
        ['来源 Source', [r.source.document, r.source.clause].filter(Boolean).join(', ')],
        ['链接 URL', r.source.url ?? '—'],
        ['许可 Licence', r.licence],
        ['核验 Verification', verificationLabel(r.verification)],
        ['说明 Notes', r.notes ?? '—'],
      ];
      ctx.out(table(['项目 Field', '内容 Value'], rows));
    });

  factors
    .command('sets')
    .description('列出已加载的因子集 list the loaded factor sets')
    .option('--json', '输出 JSON output JSON')
    .action(async (o: { json?: boolean }) => {
      const base = await ctx.loadFactorBase();
      const sets = base.summaries();
      if (o.json) {
        ctx.out(json(sets));
        return;
      }
      ctx.out(
        table(
          [
            '因子集 Set',
            '版本 Version',
            '名称 Name',
            '条数 Records',
            '发布 Publisher',
            '许可 Licence',
          ],
          sets.map((s) => [
            s.id,
            s.version,
            `${s.name}\n${s.nameEn}`,
            String(s.records),
            s.publisher,
            s.licence,
          ]),
        ),
      );
    });

  factors
    .command('resolve')
    .description(
      '按规则选用一个因子并说明理由 choose one factor by the resolution rule and say why',
    )
    .argument('<code>', '对象编码 subject code, e.g. electricity, bituminous-coal')
    .argument('<parameter>', '参数 parameter, e.g. ef, ncv, carbon-content')
    .option('--region <code>', '地区 site region, e.g. CN-GX', 'CN')
    .option('--year <year>', '报告年份 reporting year', parseYear)
    .option('--basis <basis>', '口径 published basis, e.g. average, fossil, AR5')
    .option('--set <id>', '固定因子集 pin a factor set')
    .option('--json', '输出 JSON output JSON')
    .action(
      async (
        code: string,
        parameter: string,
        o: { region: string; year?: number; basis?: string; set?: string; json?: boolean },
      ) => {
        const base = await ctx.loadFactorBase();
        const res = base.resolve({
          code,
          parameter,
          region: o.region,
          ...(o.year !== undefined && { year: o.year }),
          ...(o.basis && { basis: o.basis }),
          ...(o.set && { set: o.set }),
        });
        if (o.json) {
          ctx.out(json({ ref: res.ref, factor: toFactorJson(res.record), reasons: res.reasons }));
          return;
        }
        ctx.out(
          `${res.ref}  ${res.record.value.value} ${res.record.value.unit}  ${res.record.name}`,
        );
        for (const reason of res.reasons) ctx.out(`  · ${reason}`);
      },
    );

  registerFactorImportCommand(factors, ctx);
  return factors;
}
