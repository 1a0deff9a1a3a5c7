import { multiply, quantity, valueIn, type Quantity } from '@carbonbase/quantity';
import { Reader } from './data-reader.js';
import type { Candidate } from './measures/instantiate.js';
import type { SchedulePlan } from './optimize/schedule.js';

/** A yearly rate of change that holds for the years from..to (inclusive). */
export interface RatePeriod {
  readonly from: number;
  readonly to: number;
  /** Change per year, e.g. 3 % (growth) or −1.5 % (intensity improving). */
  readonly ratePerYear: Quantity;
}

/** A measure in operation: CO2 avoided each year from `from` to `until` (inclusive, or the end). */
export interface MeasureAdoption {
  readonly id: string;
  readonly from: number;
  readonly until?: number;
  readonly abatement: Quantity;
}

export interface PathwayScenario {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly baseYear: number;
  /** Output in the base year, e.g. t/a. */
  readonly production: Quantity;
  /** Emissions per unit of output in the base year, e.g. tCO2/t. */
  readonly intensity: Quantity;
  /** Production growth; every year after the base year must be covered. */
  readonly growth: readonly RatePeriod[];
  /** Autonomous intensity change (technology, fuel mix) apart from the listed measures. */
  readonly intensityChange: readonly RatePeriod[];
  readonly measures: readonly MeasureAdoption[];
  readonly notes?: string;
}

export interface PathwayYear {
  readonly year: number;
  readonly production: Quantity;
  readonly intensity: Quantity;
  /** production × intensity, before the measures. */
  readonly gross: Quantity;
  readonly abatement: Quantity;
  readonly emissions: Quantity;
}

export interface Pathway {
  readonly scenario: string;
  readonly years: readonly PathwayYear[];
  /** First year of the highest emissions (argmax). */
  readonly peakYear: number;
  readonly peakValue: Quantity;
  /** True when emissions are highest in the last year: no peak inside the horizon. */
  readonly stillRising: boolean;
  readonly value2030: Quantity;
  readonly value2060: Quantity;
  /** Σ of yearly emissions from the base year to the last year. */
  readonly cumulative: Quantity;
  /** Peak year ≤ 2030 (碳达峰). */
  readonly peaksBy2030: boolean;
  /** Emissions left in 2060 that removals or offsets would have to balance (碳中和). */
  readonly residual2060: Quantity;
  readonly neutralBy2060: boolean;
  /** Years where the measures would avoid more than the gross emissions; floored at zero. */
  readonly flooredYears: readonly number[];
}

export const PEAK_GOAL_YEAR = 2030;
export const NEUTRALITY_GOAL_YEAR = 2060;

/**
 * Projects a scenario year by year to 2060: production and intensity grow at their period's rate,
 * P_t = P_{t−1}(1 + g_t), I_t = I_{t−1}(1 + h_t); emissions E_t = max(0, P_t·I_t − Σ abatement of
 * the measures in operation). Measures avoid a fixed amount a year (as sized by the optimizer).
 */
export function projectPathway(s: PathwayScenario, unit = 'tCO2/a'): Pathway {
  const last = NEUTRALITY_GOAL_YEAR;
  if (!(Number.isInteger(s.baseYear) && s.baseYear < PEAK_GOAL_YEAR))
    throw new RangeError(`${s.id}: base year must be an integer before ${PEAK_GOAL_YEAR}`);
  const stock = unit.replace(/\/a$/, '');
  if (stock === unit) throw new RangeError(`${unit} is not a rate per year`);
  const rate = (periods: readonly RatePeriod[], y: number, what: string, required: boolean) => {
    const hits = periods.filter((p) => p.from <= y && y <= p.to);
    if (hits.length > 1) throw new RangeError(`${s.id}: two ${what} periods cover ${y}`);
    const p = hits[0];
    if (p === undefined) {
      if (required) throw new RangeError(`${s.id}: no ${what} rate for ${y}`);
      return 0;
    }
    return valueIn(p.ratePerYear, '1');
  };
  const productionUnit = s.production.unit;
  const intensityUnit = s.intensity.unit;
  let p = s.production.value;
  let i = s.intensity.value;
  // Emissions per (production unit × intensity unit), e.g. t/a × tCO2/t → tCO2/a.
  const toUnit = valueIn(multiply(quantity(1, productionUnit), quantity(1, intensityUnit)), unit);
  const years: PathwayYear[] = [];
  const floored: number[] = [];
  for (let y = s.baseYear; y <= last; y++) {
    if (y > s.baseYear) {
      p *= 1 + rate(s.growth, y, 'growth', true);
      i *= 1 + rate(s.intensityChange, y, 'intensity', false);
    }
    const gross = p * i * toUnit;
    const abatement = s.measures
      .filter((m) => m.from <= y && (m.until === undefined || y <= m.until))
      .reduce((sum, m) => sum + valueIn(m.abatement, unit), 0);
    if (abatement > gross) floored.push(y);
    years.push({
      year: y,
      production: quantity(p, productionUnit),
      intensity: quantity(i, intensityUnit),
      gross: quantity(gross, unit),
      abatement: quantity(abatement, unit),
      emissions: quantity(Math.max(0, gross - abatement), unit),
    });
  }
  let peak = years[0] as PathwayYear;
  for (const y of years) if (y.emissions.value > peak.emissions.value) peak = y;
  const at = (year: number) => (years.find((y) => y.year === year) as PathwayYear).emissions;
  const v2060 = at(NEUTRALITY_GOAL_YEAR);
  return {
    scenario: s.id,
    years,
    peakYear: peak.year,
    peakValue: peak.emissions,
    stillRising: peak.year === last,
    value2030: at(PEAK_GOAL_YEAR),
    value2060: v2060,
    cumulative: quantity(
      years.reduce((sum, y) => sum + y.emissions.value, 0),
      stock,
    ),
    peaksBy2030: peak.year <= PEAK_GOAL_YEAR,
    residual2060: v2060,
    neutralBy2060: v2060.value <= 0,
    flooredYears: floored,
  };
}

export interface ScenarioComparisonRow {
  readonly scenario: string;
  readonly name: string;
  readonly nameEn: string;
  readonly peakYear: number;
  readonly peakValue: Quantity;
  readonly peaksBy2030: boolean;
  readonly value2030: Quantity;
  readonly value2060: Quantity;
  readonly residual2060: Quantity;
  readonly cumulative: Quantity;
}

export interface ScenarioComparison {
  readonly peakGoalYear: number;
  readonly neutralityGoalYear: number;
  readonly rows: readonly ScenarioComparisonRow[];
  /** Scenario with the least cumulative emissions (the carbon budget it uses). */
  readonly leastCumulative: string | null;
}

/** Projects each scenario and lists them side by side against the 2030 and 2060 goals. */
export function compareScenarios(
  scenarios: readonly PathwayScenario[],
  unit = 'tCO2/a',
): ScenarioComparison {
  const rows = scenarios.map((s) => {
    const p = projectPathway(s, unit);
    return {
      scenario: s.id,
      name: s.name,
      nameEn: s.nameEn,
      peakYear: p.peakYear,
      peakValue: p.peakValue,
      peaksBy2030: p.peaksBy2030,
      value2030: p.value2030,
      value2060: p.value2060,
      residual2060: p.residual2060,
      cumulative: p.cumulative,
    };
  });
  let least: ScenarioComparisonRow | null = null;
  for (const r of rows)
    if (least === null || r.cumulative.value < least.cumulative.value) least = r;
  return {
    peakGoalYear: PEAK_GOAL_YEAR,
    neutralityGoalYear: NEUTRALITY_GOAL_YEAR,
    rows,
    leastCumulative: least?.scenario ?? null,
  };
}

/** The measures of an optimized schedule as adoptions, each working for its lifetime. */
export function adoptionsFromSchedule(
  plan: SchedulePlan,
  candidates: readonly Candidate[],
): MeasureAdoption[] {
  return plan.adoptions.map((a) => {
    const c = candidates.find((x) => x.id === a.candidate);
    if (!c) throw new Error(`schedule names unknown candidate ${a.candidate}`);
    const years = Math.ceil(valueIn(c.lifetime, 'a') - 1e-9);
    return { id: c.id, from: a.year, until: a.year + years - 1, abatement: c.abatement };
  });
}

/**
 * Reads scenarios written as data: `{ "formatVersion": 1, "scenarios": [ … ] }` with quantities
 * as text ("3 %", "1000000 t/a", "0.8 tCO2/t"). Throws DataFileError listing every problem.
 */
export function parseScenarios(json: unknown, file = 'scenarios'): PathwayScenario[] {
  const r = new Reader();
  const o = r.object(json, '$');
  if (o.formatVersion !== 1) r.bad('$.formatVersion', 'must be 1');
  const periods = (v: unknown, path: string): RatePeriod[] =>
    r.array(v ?? [], path).map((x, k) => {
      const po = r.object(x, `${path}[${k}]`);
      const ratePerYear = r.quantity(po.ratePerYear, `${path}[${k}].ratePerYear`);
      r.sameDimension(ratePerYear.unit, '1', `${path}[${k}].ratePerYear`);
      const from = r.number(po.from, `${path}[${k}].from`);
      const to = r.number(po.to, `${path}[${k}].to`);
      if (to < from) r.bad(`${path}[${k}]`, `ends (${to}) before it starts (${from})`);
      return { from, to, ratePerYear };
    });
  const scenarios = r.array(o.scenarios, '$.scenarios').map((v, k): PathwayScenario => {
    const p = `$.scenarios[${k}]`;
    const so = r.object(v, p);
    const production = r.quantity(so.production, `${p}.production`);
    const intensity = r.quantity(so.intensity, `${p}.intensity`);
    const notes = r.optionalText(so.notes, `${p}.notes`);
    return {
      id: r.text(so.id, `${p}.id`),
      name: r.text(so.name, `${p}.name`),
      nameEn: r.text(so.nameEn, `${p}.nameEn`),
      baseYear: r.number(so.baseYear, `${p}.baseYear`),
      production,
      intensity,
      growth: periods(so.growth, `${p}.growth`),
      intensityChange: periods(so.intensityChange, `${p}.intensityChange`),
      measures: r.array(so.measures ?? [], `${p}.measures`).map((mv, j) => {
        const mp = `${p}.measures[${j}]`;
        const mo = r.object(mv, mp);
        const abatement = r.quantity(mo.abatement, `${mp}.abatement`);
        return {
          id: r.text(mo.id, `${mp}.id`),
          from: r.number(mo.from, `${mp}.from`),
          ...(mo.until !== undefined && { until: r.number(mo.until, `${mp}.until`) }),
          abatement,
        };
      }),
      ...(notes !== undefined && { notes }),
    };
  });
  const ids = new Set<string>();
  for (const s of scenarios) {
    if (ids.has(s.id)) r.bad('$.scenarios', `scenario id "${s.id}" is used twice`);
    ids.add(s.id);
  }
  return r.finish(file, scenarios);
}
