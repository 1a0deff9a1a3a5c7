import { InvalidArgumentError, type Command } from 'commander';
import {
  AppError,
  enterpriseMacc,
  optimizePlan,
  parkMacc,
  regionMacc,
  type PlanResult,
  type PlanScope,
  type PlanningMacc,
} from '@carbonbase/app';
import { parseQuantity, type Quantity } from '@carbonbase/quantity';
import type { Store } from '@carbonbase/store';
import type { CliContext } from '../context.js';
import { json, table } from '../format.js';
import { DEFAULT_TENANT, findEnterprise, operatorActor } from '../operator.js';

function parseYear(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1990 || n > 2100)
    throw new InvalidArgumentError('年份 year yyyy');
  return n;
}

/** A value with its unit, e.g. `8%`, `20 %`, `50000000 CNY/a`; a bare number is refused. */
function parseWithUnit(example: string) {
  return (text: string): Quantity => {
    try {
      return parseQuantity(text);
    } catch (e) {
      throw new InvalidArgumentError(`${(e as Error).message}（例 e.g. "${example}"）`);
    }
  };
}

function parseCount(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('正整数 a whole number ≥ 1');
  return n;
}

const fixed = (q: Quantity | null | undefined, decimals: number) =>
  q == null
    ? '—'
    : `${q.value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })} ${q.unit}`;

interface ScopeOptions {
  enterprise?: string;
  park?: string;
  region?: string;
  tenant: string;
}

/** The one scope the options name, by id or code (also for `analyse decompose`). */
export async function scopeOf(store: Store, o: ScopeOptions): Promise<PlanScope> {
  const named = [o.enterprise, o.park, o.region].filter((x) => x !== undefined);
  if (named.length !== 1)
    throw new AppError(
      'validation-failed',
      '请只给出 --enterprise、--park、--region 之一',
      'give exactly one of --enterprise, --park, --region',
    );
  if (o.enterprise)
    return { enterpriseId: (await findEnterprise(store, o.tenant, o.enterprise)).id };
  const kind = o.park ? 'park' : 'region';
  const key = (o.park ?? o.region)!;
  const all =
    kind === 'park'
      ? await store.organisations.listParks(o.tenant)
      : await store.organisations.listRegions(o.tenant);
  const found = all.find((g) => g.id === key || g.code === key);
  if (!found)
    throw new AppError(
      'not-found',
      `未找到${kind === 'park' ? '园区' : '地区'} ${key}`,
      `no ${kind} ${key} in tenant ${o.tenant}`,
    );
  return kind === 'park' ? { parkId: found.id } : { regionId: found.id };
}

function renderMacc(m: PlanningMacc): string[] {
  const out = [
    `${m.scope.code} ${m.scope.name} — ${m.year}, 折现率 discount rate ${fixed(m.discountRate, 1)}`,
    table(
      [
        '措施 Measure',
        '企业 Enterprise',
        '成本 CNY/tCO2',
        '减排 tCO2/a',
        '累计 Cumulative',
        '投资 Capex',
        '标记 Mark',
      ],
      m.bars.map((b) => [
        `${b.name} ${b.nameEn}`,
        b.enterprise,
        b.cost.value.toFixed(1),
        b.abatement.value.toFixed(1),
        b.to.value.toFixed(1),
        fixed(b.capex, 0),
        b.mark,
      ]),
    ),
    `合计减排潜力 total potential: ${fixed(m.total, 1)}; 基准排放 baseline: ${fixed(m.baseline, 1)}`,
  ];
  for (const l of m.left) out.push(`未上曲线 left off: ${l.candidate} — ${l.reason}`);
  if (m.withoutRun.length)
    out.push(`无核算 without a run: ${m.withoutRun.map((e) => e.code).join(', ')}`);
  out.push(...m.notes);
  return out;
}

function renderPlan(p: PlanResult): string[] {
  const out = [
    `${p.scope.code} ${p.scope.name} — 目标 target: ${p.target.description.zh} / ${p.target.description.en}`,
    `${p.sites.length} 家企业 enterprises, ${p.candidates.length} 项候选措施 candidates`,
  ];
  if (p.status === 'infeasible') {
    out.push(
      `不可行 infeasible — 约束瓶颈 binding: ${p.binding}`,
      p.explanation.zh,
      p.explanation.en,
    );
    return out;
  }
  if (p.status === 'pareto') {
    out.push(
      table(
        [
          '方案 Plan',
          '等年值成本 Annual cost',
          'CO2 减排 Abatement',
          'NOx',
          'SO2',
          '措施数 Measures',
        ],
        p.points.map((x, i) => [
          String(i + 1),
          fixed(x.annualCost, 0),
          fixed(x.abatement, 1),
          fixed(x.reductions.NOx, 2),
          fixed(x.reductions.SO2, 2),
          String(x.chosen.length),
        ]),
      ),
      p.method,
    );
    return out;
  }
  const byId = new Map(p.candidates.map((c) => [c.candidate, c]));
  out.push(
    table(
      ['年份 Year', '企业 Enterprise', '措施 Measure', '投资 Capex', '减排 tCO2/a'],
      p.adoptions.map((a) => {
        const c = byId.get(a.candidate)!;
        return [
          String(a.year),
          a.enterprise,
          `${c.name} ${c.nameEn}`,
          fixed(c.capex, 0),
          c.abatement.value.toFixed(1),
        ];
      }),
    ),
    table(
      ['年份 Year', '基准 Baseline', '减排 Abatement', '排放 Emissions', '投资 Capex'],
      p.years.map((y) => [
        String(y.year),
        fixed(y.baseline, 0),
        fixed(y.abatement, 0),
        fixed(y.emissions, 0),
        fixed(y.capex, 0),
      ]),
    ),
    `折现总成本 present cost: ${fixed(p.presentCost, 0)}; 总投资 total capex: ${fixed(p.totalCapex, 0)}; 标记 mark: ${p.mark}`,
  );
  return out;
}

const scopeFlags = (c: Command) =>
  c
    .option('--enterprise <code|id>', '企业 enterprise')
    .option('--park <code|id>', '园区 park')
    .option('--region <code|id>', '地区（含下级） region, with the regions beneath it')
    .option('--year <yyyy>', '核算年，缺省为最近一年 run year (default: the latest)', parseYear)
    .option('--rate <rate>', '折现率 discount rate (default 8%)', parseWithUnit('8%'))
    .option('--tenant <id>', '租户 tenant', DEFAULT_TENANT)
    .option('--json', '输出 JSON output JSON');

/** macc and optimize: abatement cost curves and optimized plans on the local store. */
export function registerPlanningCommands(program: Command, ctx: CliContext): void {
  scopeFlags(
    program
      .command('macc')
      .description(
        '边际减排成本曲线（按最近全年核算） marginal abatement cost curve of an enterprise, park or region',
      ),
  ).action(async (o: ScopeOptions & { year?: number; rate?: Quantity; json?: boolean }) => {
    const store = await ctx.openStore();
    const actor = await operatorActor(store, o.tenant);
    const scope = await scopeOf(store, o);
    const options = {
      ...(o.year !== undefined && { year: o.year }),
      ...(o.rate && { discountRate: o.rate }),
    };
    const m =
      'enterpriseId' in scope
        ? await enterpriseMacc(store, actor, scope.enterpriseId, options)
        : 'parkId' in scope
          ? await parkMacc(store, actor, scope.parkId, options)
          : await regionMacc(store, actor, scope.regionId, options);
    if (o.json) ctx.out(json(m));
    else for (const line of renderMacc(m)) ctx.out(line);
  });

  scopeFlags(
    program
      .command('optimize')
      .description(
        '减排方案优化（HiGHS）：达到目标的最低折现成本措施与年份 least-cost measures and years to reach a target',
      ),
  )
    .option('--cut <share>', '比基准年削减 cut below the base year, e.g. 20%', parseWithUnit('20%'))
    .option(
      '--abatement <rate>',
      '每年减排量 abatement, e.g. "50000 tCO2e/a"',
      parseWithUnit('50000 tCO2e/a'),
    )
    .option(
      '--intensity <value>',
      '强度上限 intensity cap, e.g. "0.8 tCO2e/t"',
      parseWithUnit('0.8 tCO2e/t'),
    )
    .requiredOption('--by <yyyy>', '目标年 target year', parseYear)
    .option(
      '--budget <capex>',
      '每年投资上限 investment per year, e.g. "50000000 CNY/a"',
      parseWithUnit('50000000 CNY/a'),
    )
    .option(
      '--exclude <ids>',
      '不采用的措施或候选，逗号分隔 measures or candidates not to choose, comma-separated',
    )
    .option(
      '--limit <n>',
      '每种措施每年至多实施的企业数 sites that may start one measure in one year',
      parseCount,
    )
    .option('--pareto', '成本、CO2 与污染物的帕累托集 the Pareto set of cost, CO2 and pollutants')
    .action(
      async (
        o: ScopeOptions & {
          year?: number;
          rate?: Quantity;
          json?: boolean;
          cut?: Quantity;
          abatement?: Quantity;
          intensity?: Quantity;
          by: number;
          budget?: Quantity;
          exclude?: string;
          limit?: number;
          pareto?: boolean;
        },
      ) => {
        const targets = [o.cut, o.abatement, o.intensity].filter((x) => x !== undefined);
        if (targets.length !== 1)
          throw new AppError(
            'validation-failed',
            '请只给出 --cut、--abatement、--intensity 之一',
            'give exactly one of --cut, --abatement, --intensity',
          );
        const store = await ctx.openStore();
        const actor = await operatorActor(store, o.tenant);
        const target = o.cut
          ? { kind: 'cut' as const, cut: o.cut, by: o.by }
          : o.abatement
            ? { kind: 'absolute' as const, abatement: o.abatement, by: o.by }
            : { kind: 'intensity' as const, intensity: o.intensity!, by: o.by };
        const plan = await optimizePlan(store, actor, {
          scope: await scopeOf(store, o),
          target,
          ...(o.year !== undefined && { year: o.year }),
          ...(o.rate && { discountRate: o.rate }),
          ...(o.budget && { budgetPerYear: o.budget }),
          ...(o.exclude && {
            exclusions: o.exclude
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean),
          }),
          ...(o.limit !== undefined && { adoptionLimit: o.limit }),
          ...(o.pareto && { objective: 'pareto' as const }),
        });
        if (o.json) ctx.out(json(plan));
        else for (const line of renderPlan(plan)) ctx.out(line);
      },
    );
}
