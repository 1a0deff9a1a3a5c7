import { quantity, valueIn, type Quantity } from '@carbonbase/quantity';
import { annualCost } from '../macc.js';
import type { Candidate } from '../measures/instantiate.js';
import type { Pollutant } from '../measures/schema.js';
import { writeLp, type Row, type Term } from './lp.js';
import { exclusionRows } from './portfolio.js';
import type { MipSolver } from './solver.js';

export interface ParetoProblem {
  readonly candidates: readonly Candidate[];
  readonly discountRate: Quantity;
  /** Pollutants whose reduction (t/a) is an objective of its own, next to CO2 and cost. */
  readonly pollutants: readonly Pollutant[];
  /** Upper limit on total investment, if any. */
  readonly budget?: Quantity;
  /** Epsilon levels per reduction objective, evenly spaced from 0 to its maximum (default 5). */
  readonly steps?: number;
}

export interface ParetoPoint {
  readonly chosen: readonly string[];
  readonly annualCost: Quantity;
  readonly abatement: Quantity;
  /** Reduction per pollutant objective (positive = less pollutant). */
  readonly reductions: Readonly<Partial<Record<Pollutant, Quantity>>>;
}

export interface ParetoSet {
  /** Mutually non-dominated plans, by rising CO2 abatement. */
  readonly points: readonly ParetoPoint[];
  /** Epsilon-constraint problems solved (two MIPs each). */
  readonly grid: number;
  readonly method: string;
}

/**
 * Carbon, pollutants and cost as separate objectives (least annual cost, most CO2 avoided, most of
 * each pollutant avoided). Epsilon-constraint method: for every combination of lower bounds on
 * the reductions, minimise cost; then, with cost held at that optimum, maximise the normalised
 * sum of the reductions so that the point is efficient rather than only weakly efficient.
 * Duplicates and dominated points are dropped.
 */
export function paretoPortfolios(problem: ParetoProblem, solve: MipSolver): ParetoSet {
  const steps = problem.steps ?? 5;
  if (!(Number.isInteger(steps) && steps >= 2))
    throw new RangeError('steps must be an integer ≥ 2');
  const cands = problem.candidates;
  const col = (i: number) => `x${i}`;
  const columns = cands.map((_, i) => col(i));
  const cost = cands.map((c) => valueIn(annualCost(c, problem.discountRate), 'CNY/a'));
  const objectives: { key: 'CO2' | Pollutant; coef: number[] }[] = [
    { key: 'CO2', coef: cands.map((c) => valueIn(c.abatement, 'tCO2/a')) },
    ...problem.pollutants.map((p) => ({
      key: p,
      coef: cands.map((c) => -valueIn(c.pollutants[p], 't/a')),
    })),
  ];
  const terms = (coef: readonly number[]): Term[] =>
    coef.map((v, i) => ({ coef: v, name: col(i) }));
  const side: Row[] = [...exclusionRows(cands)];
  if (problem.budget !== undefined)
    side.push({
      name: 'budget',
      terms: cands.map((c, i) => ({ coef: valueIn(c.capex, 'CNY'), name: col(i) })),
      sense: '<=',
      rhs: valueIn(problem.budget, 'CNY'),
    });
  if (cands.length === 0) return { points: [], grid: 0, method: METHOD };

  const maximise = (coef: readonly number[]) => {
    const s = solve(writeLp({ sense: 'Maximize', objective: terms(coef), rows: side, columns }));
    if (s.status !== 'optimal') throw new Error(`solver: ${s.detail}`);
    return Math.max(0, s.objective);
  };
  const max = objectives.map((o) => maximise(o.coef));
  const levels = max.map((m) => Array.from({ length: steps }, (_, k) => (m * k) / (steps - 1)));
  // Normalised weights so that no objective dominates the tie-break by its scale.
  const scale = max.map((m) => (m > 0 ? 1 / m : 0));
  const tieBreak = cands.map((_, i) =>
    objectives.reduce((s, o, k) => s + (o.coef[i] as number) * (scale[k] as number), 0),
  );

  const raw: { chosen: boolean[] }[] = [];
  let grid = 0;
  for (const eps of combinations(levels)) {
    grid++;
    // A tiny slack keeps a bound equal to a maximum from failing on rounding.
    const bounds: Row[] = objectives.map((o, k) => ({
      name: `eps${k}`,
      terms: terms(o.coef),
      sense: '>=',
      rhs: (eps[k] as number) - 1e-7 * Math.max(1, max[k] as number),
    }));
    const first = solve(
      writeLp({ sense: 'Minimize', objective: terms(cost), rows: [...side, ...bounds], columns }),
    );
    if (first.status === 'infeasible') continue;
    if (first.status !== 'optimal') throw new Error(`solver: ${first.detail}`);
    const costCap: Row = {
      name: 'cost',
      terms: terms(cost),
      sense: '<=',
      rhs: first.objective + 1e-7 * Math.max(1, Math.abs(first.objective)),
    };
    const second = solve(
      writeLp({
        sense: 'Maximize',
        objective: terms(tieBreak),
        rows: [...side, ...bounds, costCap],
        columns,
      }),
    );
    const s = second.status === 'optimal' ? second : first;
    raw.push({ chosen: cands.map((_, i) => (s.values[col(i)] ?? 0) > 0.5) });
  }

  const points = raw.map(({ chosen }) => {
    const pick = <T>(f: (i: number) => T) => cands.flatMap((_, i) => (chosen[i] ? [f(i)] : []));
    const add = (coef: readonly number[]) =>
      pick((i) => coef[i] as number).reduce((a, b) => a + b, 0);
    return {
      chosen: pick((i) => (cands[i] as Candidate).id),
      values: [add(cost), ...objectives.map((o) => add(o.coef))],
    };
  });
  const unique = points.filter(
    (p, k) => points.findIndex((q) => q.chosen.join('|') === p.chosen.join('|')) === k,
  );
  const efficient = unique.filter(
    (p) => !unique.some((q) => q !== p && dominates(q.values, p.values)),
  );
  efficient.sort(
    (a, b) =>
      (a.values[1] as number) - (b.values[1] as number) ||
      (a.values[0] as number) - (b.values[0] as number),
  );
  return {
    points: efficient.map((p) => ({
      chosen: p.chosen,
      annualCost: quantity(p.values[0] as number, 'CNY/a'),
      abatement: quantity(p.values[1] as number, 'tCO2/a'),
      reductions: Object.fromEntries(
        problem.pollutants.map((pol, k) => [pol, quantity(p.values[k + 2] as number, 't/a')]),
      ),
    })),
    grid,
    method: METHOD,
  };
}

const METHOD =
  'epsilon-constraint: min cost s.t. reductions ≥ ε, then max normalised reductions at that cost (HiGHS)';

/** Values are [cost, reduction…]: less cost and more reduction are better. */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  const tol = (x: number, y: number) => 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  let strictly = false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k] as number;
    const y = b[k] as number;
    const better = k === 0 ? y - x : x - y;
    if (better < -tol(x, y)) return false;
    if (better > tol(x, y)) strictly = true;
  }
  return strictly;
}

function* combinations(levels: readonly (readonly number[])[]): Generator<number[]> {
  if (levels.length === 0) {
    yield [];
    return;
  }
  const [head, ...rest] = levels;
  for (const v of head as readonly number[])
    for (const tail of combinations(rest)) yield [v, ...tail];
}
