import {
  profileFor,
  weakestMark,
  type Mark,
  type PriceTable,
  type Site,
  type SiteAssumptions,
  type SourcedQuantity,
} from '@carbonbase/analysis';
import type { InventoryResult, LineResult } from '@carbonbase/engine';
import { formatQuantity, quantity, valueIn, type Quantity } from '@carbonbase/quantity';

/**
 * An enterprise's measure site built from its stored year: the latest annual run (its lines and
 * the inventory lines it was computed from), the enterprise's industry, the default price table
 * and the per-industry assumptions (data/measures/prices.json, site-assumptions.json). Pure: the
 * store-reading part is in planning.ts. Every figure the site gets is listed as a derivation with
 * its basis and mark (docs/methods/analysis.md, "MACC and optimizer over the store").
 */

/** The fields of a stored inventory line this module reads. */
export interface RunLine {
  readonly id: string;
  readonly kind: string;
  readonly fuel?: string;
  /** Source of on-site generation (`waste-heat`, `solar`, …). */
  readonly source?: string;
}

export interface SiteInput {
  readonly enterprise: { readonly code: string; readonly name: string; readonly industry?: string };
  readonly result: InventoryResult;
  /** The inventory lines of the run's inputs (fuel codes, generation sources). */
  readonly lines: readonly RunLine[];
}

/** Prices a request gives in place of the derived ones. */
export interface PriceOverrides {
  readonly electricity?: Quantity;
  readonly fuel?: Quantity;
}

/** One figure or feature of a site and where it came from. */
export interface Derivation {
  /** `driver:clinker`, `feature:whr-installed`, `price:electricity`, `factor:fuel`, … */
  readonly item: string;
  /** The value as text with its unit, or `yes` for a feature. */
  readonly value: string;
  /** How it was obtained, Chinese then English. */
  readonly basis: string;
  readonly mark: Mark;
  /** Id of the source in prices.json or site-assumptions.json; absent for figures of the run. */
  readonly source?: string;
}

export interface StoreSite {
  readonly site: Site;
  /** The run total as an annual rate (scope 1 + 2 of the run), tCO2e/a. */
  readonly baseline: Quantity;
  /** Production of the run (the denominator of its first intensity over the total), t/a. */
  readonly production?: Quantity;
  readonly derivations: readonly Derivation[];
  /** Weakest mark of the assumptions the site rests on. */
  readonly mark: Mark;
}

/** Diesel and gasoline run vehicles and standby generators, not boilers. */
const MOBILE_FUELS = new Set(['diesel', 'gasoline']);
const TCE_GJ = 29.3076;

const amountOf = (l: LineResult): Quantity | undefined =>
  l.explanation.inputs.find((i) => i.field === 'amount')?.value;

/** Sum of the lines' amounts in `unit` (lines without an amount add nothing). */
const amounts = (lines: readonly LineResult[], unit: string) =>
  lines.reduce((s, l) => {
    const a = amountOf(l);
    return a ? s + valueIn(a, unit) : s;
  }, 0);

const energyTce = (lines: readonly LineResult[]) =>
  lines.reduce((s, l) => s + (l.energy ? valueIn(l.energy.calorific, 'tce') : 0), 0);

const co2Of = (lines: readonly LineResult[]) =>
  lines.reduce((s, l) => s + (l.gas === 'CO2' && l.gasMass ? valueIn(l.gasMass, 'tCO2') : 0), 0);

const show = (q: Quantity, digits = 4) => formatQuantity(q, digits);

export function siteFromRun(
  input: SiteInput,
  data: { readonly prices: PriceTable; readonly assumptions: SiteAssumptions },
  overrides: PriceOverrides = {},
): StoreSite {
  const { result: r, enterprise: e } = input;
  const { prices, assumptions: a } = data;
  const byId = new Map(input.lines.map((l) => [l.id, l]));
  const derivations: Derivation[] = [];
  const marks: Mark[] = [];
  const note = (d: Derivation) => {
    derivations.push(d);
    marks.push(d.mark);
  };
  const fromData = (item: string, v: SourcedQuantity, value: string, basis: string) =>
    note({ item, value, basis, mark: v.mark, source: v.source });
  const kind = (k: string) => r.lines.filter((l) => l.kind === k);
  const runMark: Mark = 'verified';

  // ---- amounts of the run
  const clinkerLines = kind('clinker');
  const clinker = amounts(clinkerLines, 't');
  const kilns = new Set(clinkerLines.flatMap((l) => (l.facility ? [l.facility] : [])));
  const purchasedLines = kind('electricity-purchased');
  const purchased = amounts(purchasedLines, 'kWh');
  const generatedLines = kind('electricity-generated');
  const generated = amounts(generatedLines, 'kWh');
  const use = purchased + generated;
  const fossil = kind('fuel-combustion');
  const kilnFuel = [...fossil, ...kind('alternative-fuel')].filter(
    (l) => l.facility !== undefined && kilns.has(l.facility),
  );
  const fuelOf = (l: LineResult) => byId.get(l.id)?.fuel;
  const stationary = fossil.filter(
    (l) => !kilnFuel.includes(l) && !MOBILE_FUELS.has(fuelOf(l) ?? ''),
  );

  const features = new Set<string>();
  const feature = (f: string, basis: string, mark: Mark = runMark, source?: string) => {
    features.add(f);
    note({ item: `feature:${f}`, value: 'yes', basis, mark, ...(source && { source }) });
  };

  // ---- features found in the run
  if (clinker > 0) feature('clinker-kiln', '核算含熟料产量行 the run has clinker-output lines');
  if (generatedLines.some((l) => byId.get(l.id)?.source === 'waste-heat'))
    feature(
      'whr-installed',
      '核算含余热发电行 the run has waste-heat generation lines (source: waste-heat)',
    );
  if (kind('alternative-fuel').length > 0)
    feature(
      'af-supply',
      '核算含替代燃料行：已有替代燃料来源 the run burns alternative fuel: a supply exists',
    );
  if (purchased > 0) feature('grid-connection', '核算含外购电力 the run buys grid electricity');
  if (use > 0) {
    feature('motors', '有用电即有电机 a site that uses electricity runs motors');
    feature('lighting', '有用电即有照明 a site that uses electricity has lighting');
  }
  if (clinker > 0) {
    const perClinker = quantity(use / clinker, 'kWh/t');
    const limit = a.clinkerOnlyElectricity;
    if (valueIn(perClinker, 'kWh/t') > valueIn(limit.value, 'kWh/t'))
      feature(
        'cement-grinding',
        `用电 ${show(perClinker, 1)} 熟料，高于仅熟料生产的 ${show(limit.value)}：厂内粉磨水泥 electricity ${show(perClinker, 1)} clinker exceeds the clinker-only ${show(limit.value)}: cement is ground on site`,
        limit.mark,
        limit.source,
      );
    const heat = quantity((energyTce(kilnFuel) * TCE_GJ) / clinker, 'GJ/t');
    const modern = a.modernKilnHeat;
    if (valueIn(heat, 'GJ/t') <= valueIn(modern.value, 'GJ/t')) {
      const basis = `窑热耗 ${show(heat, 2)} 熟料，不高于 ${show(modern.value)}：按现代窑计 kiln heat ${show(heat, 2)} clinker is at most ${show(modern.value)}: taken as a modern kiln`;
      feature('six-stage-preheater', basis, modern.mark, modern.source);
      feature('modern-cooler', basis, modern.mark, modern.source);
    } else
      note({
        item: 'kiln-heat',
        value: show(heat, 2),
        basis: `窑热耗高于 ${show(modern.value)}：预热器与篦冷机可改造 kiln heat above ${show(modern.value)}: preheater and cooler can be upgraded`,
        mark: modern.mark,
        source: modern.source,
      });
  }
  const profile = profileFor(a, e.industry);
  for (const f of profile.features)
    if (!features.has(f))
      feature(
        f,
        `行业假设 ${profile.id}${profile.note ? `：${profile.note}` : ''} industry assumption ${profile.id}`,
        profile.mark,
        profile.source,
      );

  // ---- drivers
  const drivers: Record<string, Quantity> = {};
  const driver = (id: string, q: Quantity, basis: string, v?: SourcedQuantity) => {
    if (!(q.value > 0)) return;
    drivers[id] = q;
    if (v) fromData(`driver:${id}`, v, show(q, 0), basis);
    else note({ item: `driver:${id}`, value: show(q, 0), basis, mark: runMark });
  };
  driver('clinker', quantity(clinker, 't/a'), '核算熟料产量之和 sum of the run’s clinker lines');
  if (features.has('cement-grinding'))
    driver(
      'cement',
      quantity(clinker / valueIn(a.clinkerFactor.value, '1'), 't/a'),
      `库中无水泥产量：熟料 ÷ 熟料系数 ${show(a.clinkerFactor.value)} the store holds no cement output: clinker ÷ clinker factor ${show(a.clinkerFactor.value)}`,
      a.clinkerFactor,
    );
  driver(
    'purchased-electricity',
    quantity(purchased, 'kWh/a'),
    '核算外购电量之和 sum of the run’s purchased electricity',
  );
  const share = (id: string, s: SourcedQuantity, what: string) =>
    driver(
      id,
      quantity(use * valueIn(s.value, '1'), 'kWh/a'),
      `用电（外购 + 自发）× ${show(s.value)}（${profile.id}）electricity use (bought + generated) × ${show(s.value)} ${what} (${profile.id})`,
      s,
    );
  share('motor-electricity', profile.motorShare, 'motor share');
  share('lighting-electricity', profile.lightingShare, 'lighting share');
  share('pv-generation', profile.pvShare, 'PV potential');
  const heat =
    energyTce(stationary) *
    TCE_GJ *
    valueIn(profile.boilerShare.value, '1') *
    valueIn(a.boilerEfficiency.value, '1');
  if (heat > 0) {
    feature(
      'boiler',
      `固定源燃料的 ${show(profile.boilerShare.value)} 用于锅炉（${profile.id}） ${show(profile.boilerShare.value)} of the stationary fuel fires boilers (${profile.id})`,
      profile.mark,
      profile.source,
    );
    driver(
      'process-heat',
      quantity(heat, 'GJ/a'),
      `固定源燃料热量（不含窑、柴油、汽油）× 锅炉份额 ${show(profile.boilerShare.value)} × 锅炉效率 ${show(a.boilerEfficiency.value)} stationary fuel heat (kiln, diesel and gasoline left out) × boiler share × boiler efficiency`,
      { ...a.boilerEfficiency, mark: weakestMark([a.boilerEfficiency.mark, profile.mark]) },
    );
  }

  // ---- emission factors: what the run used, else the fallback
  const factor = (
    id: 'electricity' | 'fuel',
    co2: number,
    amount: number,
    unit: string,
    basis: string,
  ): Quantity => {
    const fallback = prices.fallbackFactors[id];
    if (amount > 0) {
      const q = quantity(co2 / amount, unit);
      note({ item: `factor:${id}`, value: show(q), basis, mark: runMark });
      return q;
    }
    fromData(
      `factor:${id}`,
      fallback,
      show(fallback.value),
      '核算中无此项，用默认因子 the run has none: fallback factor',
    );
    return fallback.value;
  };
  const electricityFactor = factor(
    'electricity',
    co2Of(purchasedLines),
    purchased / 1000,
    'tCO2/MWh',
    '核算外购电 CO2 ÷ 外购电量（即所用电网因子） CO2 of purchased electricity ÷ its amount: the grid factor of the run',
  );
  const fossilTce = energyTce(fossil);
  const fuelFactor = factor(
    'fuel',
    co2Of(fossil),
    fossilTce,
    'tCO2/tce',
    '核算化石燃料 CO2 ÷ 其折标煤量 CO2 of the run’s fossil fuels ÷ their energy in tce',
  );

  // ---- prices: the table, energy-weighted over the site's fuels, unless the request overrides
  let electricityPrice = prices.electricity.value;
  if (overrides.electricity) {
    electricityPrice = overrides.electricity;
    note({
      item: 'price:electricity',
      value: show(electricityPrice),
      basis: '请求给定 given in the request',
      mark: 'example',
    });
  } else
    fromData(
      'price:electricity',
      prices.electricity,
      show(electricityPrice),
      '默认价格表 default price table',
    );
  let fuelPrice: Quantity;
  if (overrides.fuel) {
    fuelPrice = overrides.fuel;
    note({
      item: 'price:fuel',
      value: show(fuelPrice),
      basis: '请求给定 given in the request',
      mark: 'example',
    });
  } else {
    const priceOf = (fuel: string | undefined) =>
      prices.fuels.find((p) => p.fuel === fuel) ?? prices.otherFuel;
    const used = fossil.map((l) => ({ tce: energyTce([l]), p: priceOf(fuelOf(l)) }));
    const weighted =
      fossilTce > 0
        ? used.reduce((s, u) => s + u.tce * valueIn(u.p.value, 'CNY/kgce'), 0) / fossilTce
        : valueIn(prices.otherFuel.value, 'CNY/kgce');
    fuelPrice = quantity(weighted, 'CNY/kgce');
    const fuels = [...new Set(fossil.map(fuelOf))].map((f) => f ?? '?').join(', ');
    note({
      item: 'price:fuel',
      value: show(fuelPrice),
      basis:
        fossilTce > 0
          ? `默认价格表按各燃料折标煤量加权（${fuels}） default prices weighted by each fuel’s energy (${fuels})`
          : '核算中无化石燃料：其他燃料价格 no fossil fuel in the run: the price of other fuels',
      mark: weakestMark(used.length ? used.map((u) => u.p.mark) : [prices.otherFuel.mark]),
      source: used[0]?.p.source ?? prices.otherFuel.source,
    });
  }

  const production = productionOf(r);
  return {
    site: {
      id: e.code,
      name: e.name,
      drivers,
      features: [...features].sort(),
      prices: { electricity: electricityPrice, fuel: fuelPrice },
      factors: { electricity: electricityFactor, fuel: fuelFactor },
    },
    baseline: quantity(valueIn(r.total, 'tCO2e'), 'tCO2e/a'),
    ...(production && { production }),
    derivations,
    mark: weakestMark(marks),
  };
}

/**
 * The run's production as an annual rate: the denominator of the first engine intensity over the
 * run total (clinker for cement plants); none for runs without one.
 */
function productionOf(r: InventoryResult): Quantity | undefined {
  const overTotal = r.intensities.find(
    (i) =>
      i.numerator.unit === r.total.unit &&
      Math.abs(i.numerator.value - r.total.value) <= 1e-9 * Math.abs(r.total.value),
  );
  return overTotal && quantity(valueIn(overTotal.denominator, 't'), 't/a');
}
