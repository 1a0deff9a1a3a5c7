import { formatQuantity, quantity, valueIn, type Quantity } from '@carbonbase/quantity';
import type { Candidate } from '../measures/instantiate.js';
import { POLLUTANTS, type Pollutant } from '../measures/schema.js';
import { weakestMark, type Mark } from '../provenance.js';
import { writeLp, type BinaryModel, type Row, type Term } from './lp.js';
import type { MipSolver } from './solver.js';

/**
 * What a schedule must reach. Each holds from its year to the end of the horizon (a cut once made
 * is kept):
 * - `cut`: emissions ≤ reference × (1 − cut) in every year from `year` on;
 * - `peak`: no later year's emissions exceed those of `year` (peak by that year, a sufficient
 *   linear form of "the peak year is no later than `year`");
 * - `intensity`: emissions ≤ intensity × production in every year from `year` on.
 */
export type ScheduleTarget =
  | {
      readonly kind: 'cut';
      readonly id?: string;
      readonly year: number;
      readonly reference: Quantity;
      readonly cut: Quantity;
    }
  | { readonly kind: 'peak'; readonly id?: string; readonly year: number }
  | {
      readonly kind: 'intensity';
      readonly id?: string;
      readonly year: number;
      readonly intensity: Quantity;
    };

/** At most `perYear` candidates of the listed measures may start in any one year. */
export interface AdoptionLimit {
  readonly id: string;
  readonly measures: readonly string[];
  readonly perYear: number;
}

/** A limit as a share of the park's enterprises, e.g. 25 % of 12 → at most 3 a year. */
export function shareLimit(
  id: string,
  measures: readonly string[],
  share: Quantity,
  enterprises: number,
): AdoptionLimit {
  // The small epsilon keeps 25 % × 12 = 3 from becoming 2.9999… → 2.
  return { id, measures, perYear: Math.floor(valueIn(share, '1') * enterprises + 1e-9) };
}

export interface YearSeries {
  readonly year: number;
  readonly value: Quantity;
}

export interface ScheduleProblem {
  readonly candidates: readonly Candidate[];
  /** Horizon: measures may start in any of these years; costs and targets are counted in them. */
  readonly firstYear: number;
  readonly lastYear: number;
  /** Emissions without any measure, one per year of the horizon (e.g. tCO2/a). */
  readonly baseline: readonly YearSeries[];
  /** Production per year; needed by intensity targets. */
  readonly production?: readonly YearSeries[];
  readonly targets: readonly ScheduleTarget[];
  /** Costs are discounted to the first year: (1 + r)^−(t − firstYear). */
  readonly discountRate: Quantity;
  /** Investment allowed per year (undiscounted); years not listed are unlimited. */
  readonly budgets?: readonly { readonly year: number; readonly capex: Quantity }[];
  /** Candidates that may not be chosen at all. */
  readonly excluded?: readonly { readonly candidate: string; readonly reason: string }[];
  readonly limits?: readonly AdoptionLimit[];
}

export interface ScheduleYear {
  readonly year: number;
  readonly baseline: Quantity;
  readonly abatement: Quantity;
  readonly emissions: Quantity;
  /** Investment made in the year, undiscounted. */
  readonly capex: Quantity;
  /** Pollutant change from the measures in operation (negative = less). */
  readonly pollutants: Readonly<Record<Pollutant, Quantity>>;
}

export interface SchedulePlan {
  readonly status: 'optimal';
  readonly adoptions: readonly { readonly candidate: string; readonly year: number }[];
  /** Present value at the first year of capex plus O&M and energy cost changes. */
  readonly presentCost: Quantity;
  readonly years: readonly ScheduleYear[];
  readonly mark: Mark;
  readonly left: readonly { readonly candidate: string; readonly reason: string }[];
}

/** The constraint that makes the targets unreachable, checked in this order. */
export type ScheduleBinding = 'potential' | 'exclusions' | 'adoption-limits' | 'budgets';

export interface ScheduleInfeasible {
  readonly status: 'infeasible';
  readonly binding: ScheduleBinding;
  /** Targets that cannot be met even on their own once the binding constraint is added. */
  readonly targets: readonly string[];
  readonly explanation: string;
  readonly explanationZh: string;
}

export type ScheduleResult = SchedulePlan | ScheduleInfeasible;

export function targetLabel(t: ScheduleTarget): string {
  return t.id ?? `${t.kind}@${t.year}`;
}

/**
 * Chooses measures and their start years to meet the targets at least discounted cost. A measure
 * started in year y works from y for its lifetime (not renewed inside the horizon); its capex is
 * paid in y, its O&M and energy cost changes in each year it works. Effects add up, as in the
 * single-year optimizer; abatement does not scale with production.
 */
export function optimizeSchedule(problem: ScheduleProblem, solve: MipSolver): ScheduleResult {
  const { firstYear, lastYear } = problem;
  if (!(Number.isInteger(firstYear) && Number.isInteger(lastYear) && firstYear <= lastYear))
    throw new RangeError(`horizon ${firstYear}–${lastYear} is not a range of years`);
  const years: number[] = [];
  for (let y = firstYear; y <= lastYear; y++) years.push(y);
  const unit = problem.baseline[0]?.value.unit ?? 'tCO2/a';
  const series = (s: readonly YearSeries[] | undefined, what: string, u: string) => {
    const m = new Map<number, number>();
    for (const p of s ?? []) m.set(p.year, valueIn(p.value, u));
    return (y: number) => {
      const v = m.get(y);
      if (v === undefined) throw new RangeError(`no ${what} for ${y}`);
      return v;
    };
  };
  const base = series(problem.baseline, 'baseline emissions', unit);
  for (const y of years) base(y);

  const excluded = new Map((problem.excluded ?? []).map((e) => [e.candidate, e.reason]));
  for (const id of excluded.keys())
    if (!problem.candidates.some((c) => c.id === id))
      throw new Error(`excluded candidate "${id}" is not among the candidates`);
  const left: { candidate: string; reason: string }[] = [];
  const cands = problem.candidates.filter((c) => {
    const why = excluded.get(c.id);
    if (why !== undefined) left.push({ candidate: c.id, reason: `excluded: ${why}` });
    else if (!(valueIn(c.abatement, unit) > 0))
      left.push({ candidate: c.id, reason: 'avoids no CO2' });
    else return true;
    return false;
  });

  const r = valueIn(problem.discountRate, '1');
  const df = (t: number) => (1 + r) ** -(t - firstYear);
  const col = (i: number, y: number) => `x${i}_${y}`;
  const columns = cands.flatMap((_, i) => years.map((y) => col(i, y)));
  // A lifetime of 12.5 a works in 13 calendar years counted from the start year.
  const life = cands.map((c) => Math.ceil(valueIn(c.lifetime, 'a') - 1e-9));
  const works = (i: number, y: number, t: number) => y <= t && t < y + (life[i] as number);
  const abate = cands.map((c) => valueIn(c.abatement, unit));
  const annual = cands.map((c) => valueIn(c.opex, 'CNY/a') + valueIn(c.energyCost, 'CNY/a'));
  const capex = cands.map((c) => valueIn(c.capex, 'CNY'));
  const costOf = (i: number, y: number) =>
    (capex[i] as number) * df(y) +
    years.filter((t) => works(i, y, t)).reduce((s, t) => s + (annual[i] as number) * df(t), 0);
  const objective: Term[] = cands.flatMap((_, i) =>
    years.map((y) => ({ coef: costOf(i, y), name: col(i, y) })),
  );
  /** Abatement in year t as terms. */
  const abatedIn = (t: number): Term[] =>
    cands.flatMap((_, i) =>
      years
        .filter((y) => works(i, y, t))
        .map((y) => ({ coef: abate[i] as number, name: col(i, y) })),
    );

  const once: Row[] = cands.map((_, i) => ({
    name: `once${i}`,
    terms: years.map((y) => ({ coef: 1, name: col(i, y) })),
    sense: '<=',
    rhs: 1,
  }));
  const exclusions: Row[] = [];
  for (let i = 0; i < cands.length; i++)
    for (let j = i + 1; j < cands.length; j++) {
      const a = cands[i] as Candidate;
      const b = cands[j] as Candidate;
      if (a.excludes.includes(b.id) || b.excludes.includes(a.id))
        exclusions.push({
          name: `excl${exclusions.length}`,
          terms: years.flatMap((y) => [
            { coef: 1, name: col(i, y) },
            { coef: 1, name: col(j, y) },
          ]),
          sense: '<=',
          rhs: 1,
        });
    }
  const limits: Row[] = (problem.limits ?? []).flatMap((l, k) => {
    const members = cands.flatMap((c, i) => (l.measures.includes(c.measure) ? [i] : []));
    if (members.length === 0) return [];
    return years.map((y) => ({
      name: `limit${k}_${y}`,
      terms: members.map((i) => ({ coef: 1, name: col(i, y) })),
      sense: '<=' as const,
      rhs: l.perYear,
    }));
  });
  const budgets: Row[] = (problem.budgets ?? [])
    .filter((b) => b.year >= firstYear && b.year <= lastYear)
    .map((b) => ({
      name: `budget_${b.year}`,
      terms: cands.map((_, i) => ({ coef: capex[i] as number, name: col(i, b.year) })),
      sense: '<=',
      rhs: valueIn(b.capex, 'CNY'),
    }));
  const targetRows = problem.targets.map((t, k) => ({
    label: targetLabel(t),
    rows: targetRowsFor(t, k, problem, years, base, unit, abatedIn),
  }));
  const allTargets = targetRows.flatMap((t) => t.rows);

  const run = (m: BinaryModel) => {
    if (m.columns.length === 0) {
      const ok = m.rows.every((row) => (row.sense === '>=' ? row.rhs <= 1e-9 : row.rhs >= -1e-9));
      return { status: ok ? ('optimal' as const) : ('infeasible' as const), values: {} };
    }
    const s = solve(writeLp(m));
    if (s.status === 'other') throw new Error(`solver stopped: ${s.detail}`);
    return s;
  };
  const main = run({
    sense: 'Minimize',
    objective,
    rows: [...allTargets, ...once, ...exclusions, ...limits, ...budgets],
    columns,
  });
  if (main.status === 'optimal') {
    const on = (i: number, y: number) =>
      ((main.values as Record<string, number>)[col(i, y)] ?? 0) > 0.5;
    const adoptions = cands
      .flatMap((c, i) =>
        years.filter((y) => on(i, y)).map((y) => ({ candidate: c.id, year: y, i })),
      )
      .sort((a, b) => a.year - b.year || a.candidate.localeCompare(b.candidate));
    const present = adoptions.reduce((s, a) => s + costOf(a.i, a.year), 0);
    const table: ScheduleYear[] = years.map((t) => {
      const live = adoptions.filter((a) => works(a.i, a.year, t));
      const abatement = live.reduce((s, a) => s + (abate[a.i] as number), 0);
      return {
        year: t,
        baseline: quantity(base(t), unit),
        abatement: quantity(abatement, unit),
        emissions: quantity(base(t) - abatement, unit),
        capex: quantity(
          adoptions.filter((a) => a.year === t).reduce((s, a) => s + (capex[a.i] as number), 0),
          'CNY',
        ),
        pollutants: Object.fromEntries(
          POLLUTANTS.map((p) => [
            p,
            quantity(
              live.reduce((s, a) => s + valueIn((cands[a.i] as Candidate).pollutants[p], 't/a'), 0),
              't/a',
            ),
          ]),
        ) as Record<Pollutant, Quantity>,
      };
    });
    return {
      status: 'optimal',
      adoptions: adoptions.map(({ candidate, year }) => ({ candidate, year })),
      presentCost: quantity(present, 'CNY'),
      years: table,
      mark: weakestMark(adoptions.map((a) => (cands[a.i] as Candidate).mark)),
      left,
    };
  }

  // Infeasible: add the side constraints one kind at a time; the first that breaks it binds.
  const feasible = (rows: Row[]) =>
    run({ sense: 'Minimize', objective: [], rows, columns }).status === 'optimal';
  const everything = {
    binding: 'budgets' as const,
    rows: [...once, ...exclusions, ...limits, ...budgets],
  };
  const levels: { binding: ScheduleBinding; rows: Row[] }[] = [
    { binding: 'potential', rows: once },
    { binding: 'exclusions', rows: [...once, ...exclusions] },
    { binding: 'adoption-limits', rows: [...once, ...exclusions, ...limits] },
    everything,
  ];
  // The full problem is infeasible, so at the latest the last level breaks.
  const level = levels.find((l) => !feasible([...allTargets, ...l.rows])) ?? everything;
  const alone = targetRows.filter((t) => !feasible([...t.rows, ...level.rows])).map((t) => t.label);
  const names = alone.length > 0 ? alone.join(', ') : targetRows.map((t) => t.label).join(' + ');
  const what: Record<ScheduleBinding, [string, string]> = {
    potential: [
      `even with every one of the ${cands.length} candidates started in the first year, ${names} cannot be met: add measures or relax the target`,
      `即使 ${cands.length} 项候选措施全部在首年实施，也无法达到 ${names}：需增加措施或放宽目标`,
    ],
    exclusions: [
      `${names} needs measures that exclude each other`,
      `${names} 需要同时采用互斥措施`,
    ],
    'adoption-limits': [
      `the adoption limits (${(problem.limits ?? []).map((l) => `${l.id} ≤ ${l.perYear}/a`).join(', ')}) leave too few measures in time for ${names}`,
      `实施数量限制（${(problem.limits ?? []).map((l) => `${l.id} 每年至多 ${l.perYear} 项`).join('，')}）使措施无法及时到位，达不到 ${names}`,
    ],
    budgets: [
      `the yearly budgets (${(problem.budgets ?? []).map((b) => `${b.year}: ${formatQuantity(b.capex, 0)}`).join(', ')}) do not allow enough investment in time for ${names}`,
      `年度投资预算（${(problem.budgets ?? []).map((b) => `${b.year}：${formatQuantity(b.capex, 0)}`).join('，')}）不足以及时投资，达不到 ${names}`,
    ],
  };
  const [en, zh] = what[level.binding];
  return {
    status: 'infeasible',
    binding: level.binding,
    targets: alone,
    explanation: `Infeasible: ${en}.`,
    explanationZh: `无可行方案：${zh}。`,
  };
}

function targetRowsFor(
  t: ScheduleTarget,
  k: number,
  problem: ScheduleProblem,
  years: readonly number[],
  base: (y: number) => number,
  unit: string,
  abatedIn: (t: number) => Term[],
): Row[] {
  if (!years.includes(t.year))
    throw new RangeError(`target ${targetLabel(t)}: ${t.year} is outside the horizon`);
  const from = years.filter((y) => y >= t.year);
  switch (t.kind) {
    case 'cut': {
      const cap = valueIn(t.reference, unit) * (1 - valueIn(t.cut, '1'));
      // A_y ≥ B_y − cap
      return from.map((y) => ({
        name: `t${k}_${y}`,
        terms: abatedIn(y),
        sense: '>=',
        rhs: base(y) - cap,
      }));
    }
    case 'intensity': {
      const pu = problem.production?.[0]?.value.unit;
      if (pu === undefined) throw new RangeError('an intensity target needs production');
      const production = new Map(
        (problem.production ?? []).map((p) => [p.year, valueIn(p.value, pu)]),
      );
      // tCO2/a ÷ t/a: the intensity is read per unit of product, e.g. tCO2/t.
      const i = valueIn(t.intensity, `${splitRate(unit)[0]}/${splitRate(pu)[0]}`);
      return from.map((y) => {
        const p = production.get(y);
        if (p === undefined) throw new RangeError(`intensity target needs production for ${y}`);
        return { name: `t${k}_${y}`, terms: abatedIn(y), sense: '>=', rhs: base(y) - i * p };
      });
    }
    case 'peak': {
      // E_y ≤ E_peak  ⇔  A_y − A_peak ≥ B_y − B_peak
      const atPeak = abatedIn(t.year).map((term) => ({ coef: -term.coef, name: term.name }));
      return from
        .filter((y) => y > t.year)
        .map((y) => ({
          name: `t${k}_${y}`,
          terms: mergeTerms([...abatedIn(y), ...atPeak]),
          sense: '>=',
          rhs: base(y) - base(t.year),
        }));
    }
  }
}

/** "tCO2/a" → ["tCO2", "a"]: emissions are annual rates, production must be too. */
function splitRate(unit: string): [string, string] {
  const k = unit.lastIndexOf('/');
  if (k < 0) throw new RangeError(`baseline unit ${unit} is not a rate per year`);
  return [unit.slice(0, k), unit.slice(k + 1)];
}

/** Adds up the coefficients of repeated columns (a measure working in both years of a peak row). */
function mergeTerms(terms: readonly Term[]): Term[] {
  const m = new Map<string, number>();
  for (const t of terms) m.set(t.name, (m.get(t.name) ?? 0) + t.coef);
  return [...m.entries()].map(([name, coef]) => ({ coef, name }));
}
