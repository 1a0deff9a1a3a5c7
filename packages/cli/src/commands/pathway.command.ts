import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import {
  AppError,
  evaluate,
  listIndicatorSystems,
  projectScenarioFile,
  type Evaluation,
  type EvaluationRequest,
  type Pathway,
  type PathwayScenario,
} from '@carbonbase/app';
import type { Quantity } from '@carbonbase/quantity';
import type { CliContext } from '../context.js';
import { json, table } from '../format.js';
import { DEFAULT_TENANT, findEnterprise, operatorActor } from '../operator.js';

function parseYear(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1990 || n > 2100)
    throw new InvalidArgumentError('年份 year yyyy');
  return n;
}

const fixed = (q: Quantity | null | undefined, decimals = 2) =>
  q == null
    ? '—'
    : `${q.value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })} ${q.unit}`;

const yes = (b: boolean) => (b ? '是 yes' : '否 no');

async function readJsonFile(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new AppError('validation-failed', `${file} 不是 JSON`, `${file} is not JSON`, [
      { file, reason: (e as Error).message },
    ]);
  }
}

/** One scenario's pathway: the goals, then every fifth year and the peak year. */
function renderPathway(s: PathwayScenario, p: Pathway): string[] {
  const shown = p.years.filter(
    (y) => y.year === s.baseYear || y.year % 5 === 0 || y.year === p.peakYear,
  );
  return [
    `${s.id} ${s.name} / ${s.nameEn}`,
    table(
      ['指标 Figure', '数值 Value'],
      [
        [
          '峰值年份 peak year',
          `${p.peakYear}${p.stillRising ? '（2060 年仍在上升 still rising）' : ''}`,
        ],
        ['峰值 peak', fixed(p.peakValue)],
        ['2030 年前达峰 peaks by 2030', yes(p.peaksBy2030)],
        ['2030 年排放 2030', fixed(p.value2030)],
        ['2060 年排放（需清除或抵消） 2060, left for removals or offsets', fixed(p.residual2060)],
        ['2060 年中和 neutral by 2060', yes(p.neutralBy2060)],
        ['累计 cumulative', fixed(p.cumulative)],
      ],
    ),
    table(
      ['年份 Year', '产量 Production', '毛排放 Gross', '措施减排 Measures', '排放 Emissions'],
      shown.map((y) => [
        `${y.year}${y.year === p.peakYear ? ' ▲' : ''}`,
        fixed(y.production),
        fixed(y.gross),
        fixed(y.abatement),
        fixed(y.emissions),
      ]),
    ),
    ...(p.flooredYears.length > 0
      ? [
          `措施减排超过排放、取零 measures exceed emissions, floored at zero: ${p.flooredYears.join(', ')}`,
        ]
      : []),
  ];
}

function renderEvaluation(e: Evaluation): string[] {
  const head = [
    `${e.system.name}`,
    `${e.subject.code} ${e.subject.name} — ${e.year}${e.system.template ? '（模板 template）' : ''}`,
  ];
  if (e.kind === 'graded-limit') {
    const g = e.grade;
    return [
      ...head,
      table(
        ['指标 Indicator', '值 Value', '限额 Limits', '等级 Grade'],
        g.indicators.map((i) => [
          `${i.id} ${i.name}`,
          fixed(i.value, 2),
          i.limits.map((l) => `${l.grade}: ${fixed(l.limit, 2)} [${l.mark}]`).join('; '),
          i.grade ?? '超限额 over the limit',
        ]),
      ),
      ...g.notGraded.map((n) => `未分级 not graded ${n.id}: ${n.reason.zh} ${n.reason.en}`),
      ...g.notes.map((n) => `${n.reading ? '(R) ' : ''}${n.zh} ${n.en}`),
    ];
  }
  if (e.kind === 'neutrality-check') {
    const r = e.result;
    return [
      ...head,
      table(
        ['项目 Item', '数值 Value'],
        [
          ...Object.entries(e.inventory).map(([c, q]) => [`盘查 inventory ${c}`, fixed(q)]),
          ['核证减排 verified reductions', fixed(r.reductions)],
          ['抵消 offsets', fixed(r.offsets)],
          ['净排放 net', fixed(r.net)],
          ['可声明碳中和 claimable', yes(r.claimable)],
        ],
      ),
      ...r.decisions
        .filter((d) => d.reasons.length > 0)
        .map((d) => `${d.id}: ${d.reasons.join('; ')}`),
      ...r.reasons.map((x) => `不能声明 not claimable: ${x}`),
      ...r.unverifiedRules.map((x) => `未核实规则 unverified rule: ${x}`),
      ...e.notes,
    ];
  }
  return [
    ...head,
    table(
      ['指标 Indicator', '值 Value', '阈值 Thresholds', '达到 Met', '来源 Source'],
      e.indicators.map((i) => [
        `${i.mandatory ? '★ ' : ''}${i.id}`,
        i.applicable ? (i.value ? fixed(i.value, 4) : (i.assessedLevel ?? '—')) : '不适用 n/a',
        i.thresholds.map((t) => `${t.level} ${t.value.value} [${t.mark}]`).join('; ') || '—',
        i.levelsMet.join(' ') || '—',
        i.source === 'store' ? '核算 run' : '输入 input',
      ]),
    ),
    table(
      ['等级 Level', '得分 Score', '门槛 Min', '限定性未达 Mandatory misses', '达到 Reached'],
      e.levels.map((l) => [
        l.level,
        l.score.toFixed(2),
        String(l.minScore),
        l.mandatoryMisses.join(', ') || '—',
        yes(l.reached),
      ]),
    ),
    `评价等级 level: ${e.level ?? '未达任何等级 none reached'}（★ 限定性指标 mandatory）`,
    `未核实阈值 unverified thresholds: ${e.unverifiedThresholds.length}`,
    ...e.notes,
  ];
}

/**
 * pathway: carbon-peak pathways of the scenarios in a file (no store needed); evaluate: an
 * enterprise's or a park's year against an indicator system, on the store as the operator.
 */
export function registerPathwayCommands(program: Command, ctx: CliContext): void {
  program
    .command('pathway')
    .description(
      '情景文件的达峰路径（至 2060 年） carbon-peak pathways to 2060 of a scenarios file',
    )
    .argument(
      '<scenarios.json>',
      '情景文件 scenarios file ({"formatVersion": 1, "scenarios": […]})',
    )
    .option('--compare', '并列比较 side by side against the 2030 and 2060 goals')
    .option('--json', '输出 JSON output JSON')
    .action(async (file: string, o: { compare?: boolean; json?: boolean }) => {
      const {
        scenarios,
        pathways,
        comparison: c,
      } = projectScenarioFile(await readJsonFile(file), file);
      if (o.compare) {
        if (o.json) return ctx.out(json(c));
        ctx.out(
          table(
            ['情景 Scenario', '峰值年 Peak', '峰值 Peak value', '2030', '2060', '累计 Cumulative'],
            c.rows.map((r) => [
              `${r.scenario} ${r.name}`,
              `${r.peakYear}${r.peaksBy2030 ? ' ✓' : ''}`,
              fixed(r.peakValue),
              fixed(r.value2030),
              fixed(r.value2060),
              fixed(r.cumulative),
            ]),
          ),
        );
        ctx.out(
          `✓ ${c.peakGoalYear} 年前达峰 peaks by ${c.peakGoalYear}; 累计最少 least cumulative: ${c.leastCumulative ?? '—'}`,
        );
        return;
      }
      if (o.json) return ctx.out(json(pathways));
      scenarios.forEach((s, k) => {
        for (const line of renderPathway(s, pathways[k]!)) ctx.out(line);
      });
    });

  program
    .command('evaluate')
    .description(
      '按评价体系评价企业或园区的年度；不给 --system 时列出体系 evaluate a year against an indicator system; lists the systems without --system',
    )
    .option('--system <id>', '评价体系 indicator system id')
    .option('--enterprise <code|id>', '企业 enterprise')
    .option('--park <code|id>', '园区（绿色园区） park (green park)')
    .option('--year <yyyy>', '年份 year', parseYear)
    .option(
      '--inputs <file.json>',
      '库中没有的输入 inputs the store lacks: {"indicators": {…}, "neutrality": {…}}',
    )
    .option('--tenant <id>', '租户 tenant', DEFAULT_TENANT)
    .option('--json', '输出 JSON output JSON')
    .action(
      async (o: {
        system?: string;
        enterprise?: string;
        park?: string;
        year?: number;
        inputs?: string;
        tenant: string;
        json?: boolean;
      }) => {
        if (o.system === undefined) {
          const systems = await listIndicatorSystems();
          if (o.json) return ctx.out(json(systems));
          ctx.out(
            table(
              ['体系 System', '对象 Subject', '模板 Template', '名称 Name'],
              systems.map((s) => [
                s.id,
                s.subject,
                s.template ? '是 yes' : '否 no',
                s.fromRunOnly ? `${s.name}（取自核算 from the run）` : s.name,
              ]),
            ),
          );
          return;
        }
        if (o.year === undefined)
          throw new InvalidArgumentError('--year 必须给出 --year is required with --system');
        const store = await ctx.openStore();
        const actor = await operatorActor(store, o.tenant);
        const inputs = (o.inputs ? await readJsonFile(o.inputs) : {}) as Pick<
          EvaluationRequest,
          'indicators' | 'neutrality'
        >;
        let parkId: string | undefined;
        if (o.park !== undefined) {
          const park = (await store.organisations.listParks(o.tenant)).find(
            (p) => p.id === o.park || p.code === o.park,
          );
          if (!park) throw new AppError('not-found', `未找到园区 ${o.park}`, `no park ${o.park}`);
          parkId = park.id;
        }
        const enterpriseId =
          o.enterprise === undefined
            ? undefined
            : (await findEnterprise(store, o.tenant, o.enterprise)).id;
        const result = await evaluate(store, actor, {
          system: o.system,
          year: o.year,
          ...(enterpriseId !== undefined && { enterpriseId }),
          ...(parkId !== undefined && { parkId }),
          ...(inputs.indicators !== undefined && { indicators: inputs.indicators }),
          ...(inputs.neutrality !== undefined && { neutrality: inputs.neutrality }),
        });
        if (o.json) return ctx.out(json(result));
        for (const line of renderEvaluation(result)) ctx.out(line);
      },
    );
}
