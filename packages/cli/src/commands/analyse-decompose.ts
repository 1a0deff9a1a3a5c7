import { InvalidArgumentError, type Command } from 'commander';
import { decomposeChange, type Decomposition } from '@carbonbase/app';
import type { Quantity } from '@carbonbase/quantity';
import type { CliContext } from '../context.js';
import { json, table } from '../format.js';
import { DEFAULT_TENANT, operatorActor } from '../operator.js';
import { scopeOf } from './planning.command.js';

function parseYear(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1990 || n > 2100)
    throw new InvalidArgumentError('年份 year yyyy');
  return n;
}

const fixed = (q: Quantity, decimals: number) =>
  `${q.value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })} ${q.unit}`;
const t2 = (q: Quantity) => fixed(q, 2);

const EFFECTS = [
  ['activity', '活动效应 activity'],
  ['structure', '结构效应 structure'],
  ['intensity', '能源强度效应 energy intensity'],
  ['emissionFactor', '排放因子效应 emission factor'],
] as const;

function render(d: Decomposition): string[] {
  return [
    `${d.code} ${d.name} — ${d.from} → ${d.to} LMDI`,
    table(
      ['项目 Item', '数值 Value'],
      [
        [`${d.from} 排放 emissions`, t2(d.base)],
        ...EFFECTS.map(([f, label]) => [label, t2(d.effects[f])]),
        [`${d.to} 排放 emissions`, t2(d.target)],
        ['变化 change', t2(d.total)],
      ],
    ),
    table(
      ['部门 Sector', `${d.from}`, `${d.to}`, ...EFFECTS.map(([, label]) => label)],
      d.sectors.map((s) => [
        s.sector,
        t2(s.base.emissions),
        t2(s.target.emissions),
        ...EFFECTS.map(([f]) => t2(s.effects[f])),
      ]),
    ),
    ...(d.leftOut.length
      ? [
          `未计入 left out: ${d.leftOut
            .map((m) => `${m.code} (${m.yearsWithRun.join(', ') || '—'})`)
            .join(', ')}`,
        ]
      : []),
    ...d.notes,
  ];
}

/** analyse decompose: the LMDI decomposition of a park's, region's or enterprise's change. */
export function registerDecomposeCommand(analyse: Command, ctx: CliContext): void {
  analyse
    .command('decompose')
    .description(
      '排放变化因素分解（LMDI）：活动、结构、能源强度、排放因子效应 the change in emissions between two years, decomposed by LMDI',
    )
    .option('--park <code|id>', '园区 park')
    .option('--region <code|id>', '地区 region')
    .option('--enterprise <code|id>', '企业 enterprise')
    .requiredOption('--from <yyyy>', '基年 base year', parseYear)
    .requiredOption('--to <yyyy>', '目标年 target year', parseYear)
    .option('--tenant <id>', '租户 tenant', DEFAULT_TENANT)
    .option('--json', '输出 JSON output JSON')
    .action(
      async (o: {
        park?: string;
        region?: string;
        enterprise?: string;
        from: number;
        to: number;
        tenant: string;
        json?: boolean;
      }) => {
        const store = await ctx.openStore();
        const actor = await operatorActor(store, o.tenant);
        const scope = await scopeOf(store, o);
        const d = await decomposeChange(store, actor, { scope, from: o.from, to: o.to });
        if (o.json) ctx.out(json(d));
        else for (const line of render(d)) ctx.out(line);
      },
    );
}
