import { formatQuantity, quantity, valueIn, type Quantity } from '@carbonbase/quantity';
import { annualCost } from '../macc.js';
import type { Candidate } from '../measures/instantiate.js';
import { POLLUTANTS, type Pollutant } from '../measures/schema.js';
import { writeLp, type BinaryModel, type Row, type Term } from './lp.js';
import type { MipSolver } from './solver.js';
import { weakestMark, type Mark } from '../provenance.js';

/** What to reach: tonnes avoided per year, or a share of a baseline (a 20 % cut). */
export type Target =
  | { readonly kind: 'absolute'; readonly abatement: Quantity }
  | { readonly kind: 'relative'; readonly baseline: Quantity; readonly cut: Quantity };

export interface PortfolioProblem {
  readonly candidates: readonly Candidate[];
  readonly target: Target;
  readonly discountRate: Quantity;
  /** Upper limit on total investment, if any. */
  readonly budget?: Quantity;
}

export interface PortfolioPlan {
  readonly status: 'optimal';
  readonly target: Quantity;
  readonly chosen: readonly string[];
  /** Equivalent annual cost of the plan (capex × CRF + O&M + energy), CNY/a. */
  readonly annualCost: Quantity;
  readonly capex: Quantity;
  readonly abatement: Quantity;
  readonly pollutants: Readonly<Record<Pollutant, Quantity>>;
  /** Weakest mark among the chosen measures' values: how far the plan's numbers can be trusted. */
  readonly mark: Mark;
  /** Candidates not offered to the solver, with the reason. */
  readonly left: readonly { readonly candidate: string; readonly reason: string }[];
}

/** Which constraint makes the target unreachable. */
export type Binding = 'potential' | 'exclusions' | 'budget';

export interface PortfolioInfeasible {
  readonly status: 'infeasible';
  readonly target: Quantity;
  readonly binding: Binding;
  /** Most CO2 the candidates can avoid with every constraint kept. */
  readonly maxAchievable: Quantity;
  /** Most CO2 they can avoid when only the exclusions are kept (no budget). */
  readonly maxWithoutBudget: Quantity;
  /** Sum over all candidates, ignoring exclusions and budget. */
  readonly maxIgnoringExclusions: Quantity;
  /** Least investment that reaches the target, when the budget is what binds. */
  readonly requiredBudget?: Quantity;
  readonly explanation: string;
  readonly explanationZh: string;
}

export type PortfolioResult = PortfolioPlan | PortfolioInfeasible;

export function targetAbatement(t: Target): number {
  return t.kind === 'absolute'
    ? valueIn(t.abatement, 'tCO2/a')
    : valueIn(t.baseline, 'tCO2/a') * valueIn(t.cut, '1');
}

/**
 * Chooses measures (0/1) to reach the target at the least equivalent annual cost, under the
 * budget and the mutual exclusions; when no choice reaches it, solves the relaxed problems that
 * tell which constraint binds and by how much.
 */
export function optimizePortfolio(problem: PortfolioProblem, solve: MipSolver): PortfolioResult {
  const target = targetAbatement(problem.target);
  const left: { candidate: string; reason: string }[] = [];
  const cands = problem.candidates.filter((c) => {
    if (valueIn(c.abatement, 'tCO2/a') > 0) return true;
    left.push({ candidate: c.id, reason: 'avoids no CO2' });
    return false;
  });
  const col = (i: number) => `x${i}`;
  const columns = cands.map((_, i) => col(i));
  const abatement: Term[] = cands.map((c, i) => ({
    coef: valueIn(c.abatement, 'tCO2/a'),
    name: col(i),
  }));
  const capex: Term[] = cands.map((c, i) => ({ coef: valueIn(c.capex, 'CNY'), name: col(i) }));
  const cost: Term[] = cands.map((c, i) => ({
    coef: valueIn(annualCost(c, problem.discountRate), 'CNY/a'),
    name: col(i),
  }));
  const exclusions = exclusionRows(cands);
  const budgetRow: Row[] =
    problem.budget === undefined
      ? []
      : [{ name: 'budget', terms: capex, sense: '<=', rhs: valueIn(problem.budget, 'CNY') }];
  const targetRow: Row = { name: 'abatement', terms: abatement, sense: '>=', rhs: target };
  const run = (m: BinaryModel) => {
    if (m.columns.length === 0)
      return { status: 'infeasible' as const, objective: 0, values: {}, detail: 'no candidates' };
    const s = solve(writeLp(m));
    if (s.status === 'other') throw new Error(`solver stopped: ${s.detail}`);
    return s;
  };

  const main = run({
    sense: 'Minimize',
    objective: cost,
    rows: [targetRow, ...budgetRow, ...exclusions],
    columns,
  });
  if (main.status === 'optimal' || (cands.length === 0 && target <= 0)) {
    const chosen = cands.filter((_, i) => (main.values[col(i)] ?? 0) > 0.5);
    const sum = (f: (c: Candidate) => number) => chosen.reduce((s, c) => s + f(c), 0);
    return {
      status: 'optimal',
      target: quantity(target, 'tCO2/a'),
      chosen: chosen.map((c) => c.id),
      annualCost: quantity(
        sum((c) => valueIn(annualCost(c, problem.discountRate), 'CNY/a')),
        'CNY/a',
      ),
      capex: quantity(
        sum((c) => valueIn(c.capex, 'CNY')),
        'CNY',
      ),
      abatement: quantity(
        sum((c) => valueIn(c.abatement, 'tCO2/a')),
        'tCO2/a',
      ),
      pollutants: Object.fromEntries(
        POLLUTANTS.map((p) => [
          p,
          quantity(
            sum((c) => valueIn(c.pollutants[p], 't/a')),
            't/a',
          ),
        ]),
      ) as Record<Pollutant, Quantity>,
      mark: weakestMark(chosen.map((c) => c.mark)),
      left,
    };
  }

  // Infeasible: measure the gap under each relaxation.
  const best = (rows: Row[]) => {
    const s = run({ sense: 'Maximize', objective: abatement, rows, columns });
    return s.status === 'optimal' ? s.objective : 0;
  };
  const all = abatement.reduce((s, t) => s + t.coef, 0);
  const noBudget = best(exclusions);
  const withBudget = budgetRow.length > 0 ? best([...budgetRow, ...exclusions]) : noBudget;
  const q = (v: number) => formatQuantity(quantity(v, 'tCO2/a'), 1);
  const base = {
    status: 'infeasible' as const,
    target: quantity(target, 'tCO2/a'),
    maxAchievable: quantity(withBudget, 'tCO2/a'),
    maxWithoutBudget: quantity(noBudget, 'tCO2/a'),
    maxIgnoringExclusions: quantity(all, 'tCO2/a'),
  };
  if (all < target) {
    return {
      ...base,
      binding: 'potential',
      explanation: `Target ${q(target)} exceeds what all ${cands.length} candidate measures together avoid (${q(all)}); add measures or lower the target.`,
      explanationZh: `目标 ${q(target)} 超过全部 ${cands.length} 项候选措施的合计减排量（${q(all)}）；需增加措施或降低目标。`,
    };
  }
  if (noBudget < target) {
    return {
      ...base,
      binding: 'exclusions',
      explanation: `Target ${q(target)} needs measures that exclude each other: respecting the exclusions the most is ${q(noBudget)} (all candidates together ${q(all)}).`,
      explanationZh: `目标 ${q(target)} 需要同时采用互斥措施：在互斥约束下最多减排 ${q(noBudget)}（全部候选合计 ${q(all)}）。`,
    };
  }
  const need = run({
    sense: 'Minimize',
    objective: capex,
    rows: [targetRow, ...exclusions],
    columns,
  });
  const required = need.status === 'optimal' ? need.objective : Number.NaN;
  const money = (v: number) => formatQuantity(quantity(v, 'CNY'), 0);
  const budget = problem.budget ? valueIn(problem.budget, 'CNY') : Number.NaN;
  return {
    ...base,
    binding: 'budget',
    requiredBudget: quantity(required, 'CNY'),
    explanation: `The budget ${money(budget)} binds: within it at most ${q(withBudget)} can be avoided; reaching ${q(target)} needs an investment of at least ${money(required)}.`,
    explanationZh: `投资预算 ${money(budget)} 是约束瓶颈：预算内最多减排 ${q(withBudget)}；达到 ${q(target)} 至少需要投资 ${money(required)}。`,
  };
}

/** x_i + x_j ≤ 1 for every pair that excludes each other (either direction is enough). */
export function exclusionRows(cands: readonly Candidate[]): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < cands.length; i++)
    for (let j = i + 1; j < cands.length; j++) {
      const a = cands[i] as Candidate;
      const b = cands[j] as Candidate;
      if (a.excludes.includes(b.id) || b.excludes.includes(a.id))
        rows.push({
          name: `excl${rows.length}`,
          terms: [
            { coef: 1, name: `x${i}` },
            { coef: 1, name: `x${j}` },
          ],
          sense: '<=',
          rhs: 1,
        });
    }
  return rows;
}
