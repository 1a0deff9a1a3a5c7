import { multiply, quantity, sum, valueIn, type Quantity } from '@carbonbase/quantity';
import { attributeDirect, attributeIndirect, type Attribution } from './attribution.js';
import { defaultSee, type Component } from './defaults.js';
import { fmt, Trace, type Explanation } from './explain.js';
import { CbamError, inUnit, type FactorLookup } from './factor-input.js';
import { goodOf, type CnCode } from './goods.js';
import { defaultRoutes, routeMeaning } from './routes.js';
import type { CbamInstallation, PrecursorUse, ProductionProcess, SeeSource } from './model.js';

export type SeeBasis = 'actual' | 'default';

/** One component (direct or indirect) of a good's specific embedded emissions. */
export interface SeeComponent {
  /** tCO2e per t of good. */
  readonly value: Quantity;
  readonly basis: SeeBasis;
  /** `actual`, `default (+10 % mark-up 2026)`, or `actual (precursor … default (+10 % …))`. */
  readonly label: string;
  /** AttrEm_g, for an actual value. */
  readonly attributed?: Quantity;
  /** Σ M_p × SEE_p, for an actual value of a complex good. */
  readonly precursorEmbedded?: Quantity;
  /** Attributed emissions per source (actual values). */
  readonly sources?: Attribution['sources'];
  /** `id@version` of the default-value row and the mark-up (default values). */
  readonly refs?: readonly string[];
  readonly explanation: Explanation;
}

export interface PrecursorSee {
  readonly value: Quantity;
  readonly basis: SeeBasis;
  readonly label: string;
  /** How a purchased precursor's default was derived (default row and mark-up, cited). */
  readonly explanation?: Explanation;
}

export interface PrecursorResult {
  readonly good: CnCode;
  readonly amount: Quantity;
  /** Own process id, or the supplier's name. */
  readonly process?: string;
  readonly supplier?: string;
  readonly direct: PrecursorSee;
  readonly indirect: PrecursorSee;
}

export interface GoodResult {
  readonly process: string;
  readonly processName: string;
  readonly good: CnCode;
  readonly goodName: string;
  readonly kind: 'simple' | 'complex';
  readonly route?: string;
  /** What the route letter means and how far that is confirmed (`routeMeaning`). */
  readonly routeMeaning?: string;
  /** AL_g. */
  readonly activityLevel: Quantity;
  readonly direct: SeeComponent;
  readonly indirect: SeeComponent;
  /** Direct + indirect, tCO2e/t (cement counts both). */
  readonly total: Quantity;
  readonly precursors: readonly PrecursorResult[];
  /** The clinker factor, for the communication data (clinker made by the output or factor method). */
  readonly clinkerFactor?: Quantity;
}

export interface CbamResult {
  readonly installation: CbamInstallation['installation'];
  readonly period: CbamInstallation['period'];
  /** Year whose mark-up applies to default values. */
  readonly year: number;
  readonly goods: readonly GoodResult[];
}

export interface SeeOptions {
  /** Year of import, for the mark-up on defaults; default: the reporting year. */
  readonly year?: number;
  /**
   * Production route ((A) grey, (B) white clinker/cement) of the processes that name none, for
   * goods whose default values differ by route. A process that names another route is an error.
   */
  readonly route?: string;
}

/** Processes in an order where every own precursor comes before the process that uses it. */
function ordered(processes: readonly ProductionProcess[]): ProductionProcess[] {
  const byId = new Map<string, ProductionProcess>();
  processes.forEach((p, i) => {
    if (byId.has(p.id)) throw new CbamError(`processes[${i}].id`, `duplicate process id ${p.id}`);
    byId.set(p.id, p);
  });
  const out: ProductionProcess[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (p: ProductionProcess, chain: string[]) => {
    const s = state.get(p.id);
    if (s === 'done') return;
    if (s === 'visiting')
      throw new CbamError(p.id, `precursor cycle: ${[...chain, p.id].join(' → ')}`);
    state.set(p.id, 'visiting');
    for (const pre of p.precursors ?? []) {
      if (!('process' in pre.from)) continue;
      const q = byId.get(pre.from.process);
      if (!q) throw new CbamError(p.id, `precursor from unknown process ${pre.from.process}`);
      visit(q, [...chain, p.id]);
    }
    state.set(p.id, 'done');
    out.push(p);
  };
  for (const p of processes) visit(p, []);
  return out;
}

function labelWithPrecursorDefaults(pre: readonly PrecursorResult[], c: Component): string {
  // Only precursors whose value is, or rests on, a default need naming in the label.
  // (A supplier's actual value is labelled by its source, which must not count as a default.)
  const defaults = pre.filter(
    (x) => x[c].basis === 'default' || (x.process !== undefined && x[c].label !== 'actual'),
  );
  if (!defaults.length) return 'actual';
  return `actual (precursor ${defaults
    .map((x) => `${x.good} ${x.supplier ?? x.process ?? ''}: ${x[c].label}`)
    .join('; ')})`;
}

/**
 * Specific embedded emissions per good, direct and indirect separately (IR (EU) 2023/1773
 * Annex IV; methods.md §8, formula R):
 *
 *     SEE_g = (AttrEm_g + Σ_p M_p × SEE_p) / AL_g
 *
 * A component without data falls back to the default value for the good and the country, with
 * the year's mark-up, labelled `default (+10 % mark-up 2026)`.
 */
export function specificEmbeddedEmissions(
  inst: CbamInstallation,
  base: FactorLookup,
  options: SeeOptions = {},
): CbamResult {
  const year = options.year ?? inst.period.year;
  const country = inst.installation.country;
  const region = inst.installation.region ?? country;
  const results = new Map<string, GoodResult>();
  const index = new Map(inst.processes.map((p, i) => [p.id, i]));

  for (const q of ordered(inst.processes)) {
    const path = `processes[${index.get(q.id)}]`;
    const p = withRoute(base, q, options.route, path);
    const good = goodOf(p.good);
    const al = inUnit(p.production, 't', `${path}.production`);
    if (al.value <= 0) throw new CbamError(`${path}.production`, 'production must be positive');
    if (good.kind === 'simple' && p.precursors?.length)
      throw new CbamError(`${path}.precursors`, `${p.good} is a simple good: no precursors`);

    const precursors = (p.precursors ?? []).map((u, i) =>
      precursorSee(base, u, `${path}.precursors[${i}]`, p, results, year),
    );
    const directAttr = p.direct ? attributeDirect(base, region, p, path, p.direct) : undefined;
    const direct = directAttr
      ? actualComponent('direct', p, al, precursors, directAttr)
      : fallback(base, 'direct', p, country, year, precursors);
    const indirect = p.indirect
      ? actualComponent('indirect', p, al, precursors, attributeIndirect(base, p, path, p.indirect))
      : fallback(base, 'indirect', p, country, year, precursors);
    const clinkerFactor = directAttr?.clinkerFactor;
    results.set(p.id, {
      process: p.id,
      processName: p.name,
      good: p.good,
      goodName: good.nameEn,
      kind: good.kind,
      ...(p.route !== undefined ? { route: p.route, routeMeaning: routeMeaning(p.route) } : {}),
      activityLevel: al,
      direct,
      indirect,
      total: quantity(
        valueIn(direct.value, 'tCO2e/t') + valueIn(indirect.value, 'tCO2e/t'),
        'tCO2e/t',
      ),
      precursors,
      ...(clinkerFactor ? { clinkerFactor } : {}),
    });
  }
  checkOwnConsumption(inst, results);
  return {
    installation: inst.installation,
    period: inst.period,
    year,
    // In document order, not calculation order: the operator's order is the report's.
    goods: inst.processes.map((p) => results.get(p.id)!),
  };
}

/** The process with the calculation's route filled in where its good has routes and it names none. */
function withRoute(
  base: FactorLookup,
  p: ProductionProcess,
  route: string | undefined,
  path: string,
): ProductionProcess {
  if (route !== undefined && p.route !== undefined && p.route !== route)
    throw new CbamError(
      `${path}.route`,
      `工序 ${p.id} 已声明路线 (${p.route})，与所选路线 (${route}) 不一致 process ${p.id} names route (${p.route}), the calculation was asked for route (${route})`,
    );
  const routes = defaultRoutes(base, p.good);
  const chosen = p.route ?? (routes.length ? route : undefined);
  if (chosen !== undefined && routes.length && !routes.includes(chosen))
    throw new CbamError(
      `${path}.route`,
      `${p.good} 没有路线 (${chosen}) has no default rows for route (${chosen}); routes: ${routes.map(routeMeaning).join('; ')}`,
    );
  return chosen === p.route ? p : { ...p, route: chosen };
}

function precursorSee(
  base: FactorLookup,
  u: PrecursorUse,
  path: string,
  p: ProductionProcess,
  done: ReadonlyMap<string, GoodResult>,
  year: number,
): PrecursorResult {
  const allowed: readonly string[] = goodOf(p.good).precursors;
  if (!allowed.includes(u.good))
    throw new CbamError(`${path}.good`, `${u.good} is not a relevant precursor of ${p.good}`);
  const amount = inUnit(u.amount, 't', `${path}.amount`);
  if ('process' in u.from) {
    const own = done.get(u.from.process)!;
    if (own.good !== u.good)
      throw new CbamError(
        `${path}.from`,
        `process ${own.process} makes ${own.good}, not ${u.good}`,
      );
    const pick = (c: Component): PrecursorSee => ({
      value: own[c].value,
      basis: own[c].basis,
      label: own[c].label,
    });
    return {
      good: u.good,
      amount,
      process: own.process,
      direct: pick('direct'),
      indirect: pick('indirect'),
    };
  }
  const from = u.from;
  const pick = (c: Component, s: SeeSource): PrecursorSee => {
    if (s.basis === 'actual')
      return {
        value: inUnit(s.value, 'tCO2e/t', `${path}.from.${c}.value`),
        basis: 'actual',
        label: `actual (${s.source})`,
      };
    const d = defaultSee(base, {
      good: u.good,
      component: c,
      country: s.country,
      route: s.route,
      year,
    });
    return { value: d.value, basis: 'default', label: d.label, explanation: d.explanation };
  };
  return {
    good: u.good,
    amount,
    supplier: from.supplier,
    direct: pick('direct', from.direct),
    indirect: pick('indirect', from.indirect),
  };
}

function actualComponent(
  c: Component,
  p: ProductionProcess,
  al: Quantity,
  precursors: readonly PrecursorResult[],
  attr: Attribution,
): SeeComponent {
  const t = new Trace();
  t.absorb(attr.explanation);
  const alq = t.input({
    symbol: 'AL_g',
    name: `${p.good} produced`,
    value: al,
    origin: 'activity',
  });
  const terms = precursors.map((x, i) => {
    // A purchased precursor on a default: its derivation (row and mark-up) becomes part of this one.
    const d = x[c].explanation;
    if (d) t.absorb(d);
    const see = t.input({
      symbol: `SEE_p${i + 1}`,
      name: `${c} SEE of precursor ${x.good} (${x.process ? `own process ${x.process}` : `supplier ${x.supplier}`}), ${x[c].label}`,
      value: x[c].value,
      origin: x[c].basis === 'default' ? 'default' : x.process ? 'derived' : 'actual',
    });
    t.input({
      symbol: `M_p${i + 1}`,
      name: `${x.good} consumed`,
      value: x.amount,
      origin: 'activity',
    });
    return t.step(
      `EE_p${i + 1}`,
      'embedded in the precursor',
      `${fmt(x.amount)} × ${fmt(see)}`,
      inUnit(multiply(x.amount, see), 'tCO2e', 'M × SEE'),
    );
  });
  const embedded = sum(terms, 'tCO2e');
  const total = quantity(valueIn(attr.emissions, 'tCO2e') + valueIn(embedded, 'tCO2e'), 'tCO2e');
  const value = t.step(
    `SEE_${c}`,
    `specific embedded ${c} emissions`,
    `(${fmt(attr.emissions)}${terms.length ? ` + ${terms.map(fmt).join(' + ')}` : ''}) / ${fmt(alq)}`,
    quantity(valueIn(total, 'tCO2e') / valueIn(alq, 't'), 'tCO2e/t'),
  );
  if (goodOf(p.good).kind === 'complex' && !precursors.length)
    t.note(`${p.good} is a complex good but no precursor was declared`);
  const label = labelWithPrecursorDefaults(precursors, c);
  return {
    value,
    basis: 'actual',
    label,
    attributed: attr.emissions,
    precursorEmbedded: embedded,
    sources: attr.sources,
    explanation: t.finish(
      `${p.id} ${p.good} ${c}: ${label}`,
      precursors.length ? 'SEE_g = (AttrEm_g + Σ M_p × SEE_p) / AL_g' : 'SEE_g = AttrEm_g / AL_g',
      value,
    ),
  };
}

function fallback(
  base: FactorLookup,
  c: Component,
  p: ProductionProcess,
  country: string,
  year: number,
  precursors: readonly PrecursorResult[],
): SeeComponent {
  const d = defaultSee(base, { good: p.good, component: c, country, route: p.route, year });
  const notes = [
    `no ${c} data for process ${p.id}: the default value for ${p.good} from ${country} is used`,
    ...(precursors.length
      ? [
          'the default covers the whole good, precursors included; the declared precursors are not added',
        ]
      : []),
    ...d.explanation.notes,
  ];
  return {
    value: d.value,
    basis: 'default',
    label: d.label,
    refs: [d.ref, d.markUp.ref],
    explanation: { ...d.explanation, subject: `${p.id} ${p.good} ${c}: ${d.label}`, notes },
  };
}

/** Own clinker consumed beyond what the installation made means the data do not add up. */
function checkOwnConsumption(inst: CbamInstallation, results: ReadonlyMap<string, GoodResult>) {
  const used = new Map<string, Quantity[]>();
  for (const p of inst.processes)
    for (const u of p.precursors ?? [])
      if ('process' in u.from)
        used.set(u.from.process, [...(used.get(u.from.process) ?? []), u.amount]);
  for (const [id, amounts] of used) {
    const made = results.get(id)!.activityLevel;
    const consumed = sum(amounts, 't');
    if (consumed.value > valueIn(made, 't') * (1 + 1e-9))
      throw new CbamError(
        id,
        `own ${results.get(id)!.good} consumed (${fmt(consumed)}) exceeds production (${fmt(made)})`,
      );
  }
}
