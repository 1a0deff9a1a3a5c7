import { FactorNotFoundError, type FactorQuery } from '@carbonbase/factors';
import { PLAUSIBILITY, type FactorLookup, type MethodSet } from '@carbonbase/engine';
import { combineUnits, compatible, conversionFactor, valueIn } from '@carbonbase/quantity';
import type { ChainStep } from './chain.js';
import type { BatchKind, ParameterColumn, PreparedBatch, RowParameter } from './columns.js';

/** Values derived per row by a formula that is not a product (the clinker output method). */
export type RowFormula = 'clinker-output';

/** Engine warnings about a row's own values: counted per row by the batch. */
export const ROW_WARNING_CODES: ReadonlySet<string> = new Set([
  'ncv-far-from-default',
  'cao-out-of-range',
]);

const column = (b: PreparedBatch, p: RowParameter): ParameterColumn => {
  const col = b.columns.parameters?.[p];
  if (!col) throw new Error(`internal: no ${p} column`);
  return col;
};

/** The unit of a parameter in a plan's rows (one signature, so one unit), taken from row i. */
const unitAt = (b: PreparedBatch, col: ParameterColumn, i: number) =>
  b.columns.units[col.unit[i]!]!;

/**
 * Clinker factor of the output method, as packages/engine/src/calc/cement.ts computes it:
 * EF = valueIn((CaO − CaO_nc) × k_CaO, tCO2/t) + valueIn((MgO − MgO_nc) × k_MgO, tCO2/t), where
 * `a − b` is `a − b × (b's unit → a's unit)` and a missing non-carbonate part is 0 %. The unit
 * multipliers are fixed for a plan's rows, so they are computed once from its first row.
 */
function clinkerOutput(b: PreparedBatch, first: number, method: MethodSet) {
  const part = (oxide: 'cao' | 'mgo', nc: 'caoNonCarbonate' | 'mgoNonCarbonate') => {
    const total = column(b, oxide);
    const unit = unitAt(b, total, first);
    const nonCarbonate = b.columns.parameters?.[nc];
    const given =
      nonCarbonate !== undefined && nonCarbonate.value[first] === nonCarbonate.value[first];
    const ncFactor = conversionFactor(given ? unitAt(b, nonCarbonate, first) : '%', unit);
    const k = method.stoichiometry[oxide].value;
    const product = combineUnits(unit, k.unit, 1);
    return {
      total: total.value,
      nc: given ? nonCarbonate.value : undefined,
      ncFactor,
      k: k.value,
      multiplier: product.multiplier,
      toFactor: conversionFactor(product.unit, 'tCO2/t'),
    };
  };
  const cao = part('cao', 'caoNonCarbonate');
  const mgo = part('mgo', 'mgoNonCarbonate');
  const net = (p: typeof cao, i: number) => p.total[i]! - (p.nc ? p.nc[i]! : 0) * p.ncFactor;
  return {
    net: (i: number) => [net(cao, i), net(mgo, i)] as const,
    ef: (i: number) =>
      net(cao, i) * cao.k * cao.multiplier * cao.toFactor +
      net(mgo, i) * mgo.k * mgo.multiplier * mgo.toFactor,
  };
}

/**
 * The per-row evaluator of a plan with the rows' own values: the amount multiplied, left to
 * right, by the chain's constants and by each row's parameter values (a derived clinker factor
 * for the output method), exactly as the engine's `multiply` and `convert` do.
 */
export function compileRow(
  b: PreparedBatch,
  first: number,
  steps: readonly ChainStep[],
  formula: RowFormula | undefined,
  method: MethodSet,
): (i: number, amount: number) => number {
  const derived = formula === 'clinker-output' ? clinkerOutput(b, first, method).ef : undefined;
  const cols = steps.map((s) => {
    if (typeof s === 'number') return undefined;
    if (formula === 'clinker-output' && s.parameter === 'clinkerEf') return null;
    return column(b, s.parameter).value;
  });
  const consts = steps.map((s) => (typeof s === 'number' ? s : 0));
  return (i, amount) => {
    let v = amount;
    for (let j = 0; j < consts.length; j++) {
      const col = cols[j];
      v *= col === undefined ? consts[j]! : col === null ? derived!(i) : col[i]!;
    }
    return v;
  };
}

/** A finding on one row: a failure (the engine would refuse the document) or a warning. */
export interface RowFinding {
  readonly field: string;
  readonly message: string;
  /** Warning code; undefined for a failure. */
  readonly warning?: string;
}

/** The engine's plausibility bounds, as plain numbers in the units the checks below use. */
const CARBON_CONTENT_TC_PER_GJ = {
  min: valueIn(PLAUSIBILITY.carbonContent.min, 'tC/GJ'),
  max: valueIn(PLAUSIBILITY.carbonContent.max, 'tC/GJ'),
} as const;
const NCV_TOLERANCE = valueIn(PLAUSIBILITY.ncvTolerance, '%') / 100;
const CAO_PERCENT = {
  min: valueIn(PLAUSIBILITY.clinkerCaO.min, '%'),
  max: valueIn(PLAUSIBILITY.clinkerCaO.max, '%'),
} as const;

/**
 * The engine's checks of a row's own values, per plan: carbon content and oxidation of fuels,
 * CaO of clinker and the non-carbonate parts, CO2 purity; and its warning on a measured NCV far
 * from the default. Returns undefined when the plan's rows have nothing to check.
 */
export function compileChecks(
  b: PreparedBatch,
  plan: {
    readonly kind: BatchKind;
    readonly code: string;
    readonly unit: string;
    readonly region: string;
    readonly formula?: RowFormula;
  },
  first: number,
  method: MethodSet,
  factors: FactorLookup,
): ((i: number) => RowFinding | undefined) | undefined {
  const given = (p: RowParameter) => {
    const col = b.columns.parameters?.[p];
    return col && col.value[first] === col.value[first] ? col : undefined;
  };
  const inUnit = (col: ParameterColumn, to: string) => conversionFactor(unitAt(b, col, first), to);
  const checks: ((i: number) => RowFinding | undefined)[] = [];
  const range = (
    p: RowParameter,
    to: string,
    bad: (v: number) => boolean,
    finding: (v: number, raw: string) => RowFinding,
  ) => {
    const col = given(p);
    if (!col) return;
    const k = inUnit(col, to);
    const unit = unitAt(b, col, first);
    checks.push((i) => {
      const v = col.value[i]! * k;
      return bad(v) ? finding(v, `${col.value[i]} ${unit}`) : undefined;
    });
  };
  if (plan.kind === 'fuel-combustion') {
    range(
      'carbonContent',
      'tC/GJ',
      (v) => v > CARBON_CONTENT_TC_PER_GJ.max || v < CARBON_CONTENT_TC_PER_GJ.min,
      (v, raw) => ({
        field: 'carbonContent',
        message: `单位热值含碳量不可信 implausible carbon content ${raw} = ${v} tC/GJ (measured); fuel tables print it in 10^-3 tC/GJ (tC/TJ): write e.g. "20.2 tC/TJ" or "0.0202 tC/GJ"`,
      }),
    );
    range(
      'oxidation',
      '1',
      (v) => v <= 0 || v > 1,
      (_, raw) => ({ field: 'oxidation', message: `${raw} must lie in (0, 100 %]` }),
    );
    const ncv = given('ncv');
    if (ncv && !compatible(plan.unit, 'GJ')) {
      // The default the engine compares with: its fuel query (fuel.ts, fuelQuery) for the site region.
      const query: FactorQuery = {
        code: plan.code,
        parameter: 'ncv',
        kind: 'fuel-property',
        region: plan.region,
        preferSets: method.fuelSets,
      };
      let def;
      try {
        def = factors.resolve(query);
      } catch (e) {
        if (!(e instanceof FactorNotFoundError)) throw e;
      }
      const defUnit = def?.record.value.unit;
      if (def && defUnit && compatible(defUnit, unitAt(b, ncv, first))) {
        const k = inUnit(ncv, defUnit);
        const d = def.record.value.value;
        const ref = def.ref;
        checks.push((i) => {
          const ratio = (ncv.value[i]! * k) / d;
          return Math.abs(ratio - 1) > NCV_TOLERANCE
            ? {
                field: 'ncv',
                warning: 'ncv-far-from-default',
                message: `实测低位发热量偏离缺省值超过 ±${NCV_TOLERANCE * 100} % measured NCV differs from the default ${d} ${defUnit} (${ref}) by more than ±${NCV_TOLERANCE * 100} %; check the unit and the sample`,
              }
            : undefined;
        });
      }
    }
  } else if (plan.kind === 'clinker') {
    range(
      'cao',
      '%',
      (v) => v < CAO_PERCENT.min || v > CAO_PERCENT.max,
      () => ({
        field: 'cao',
        warning: 'cao-out-of-range',
        message: `熟料 CaO 含量异常 clinker CaO is outside ${CAO_PERCENT.min} %–${CAO_PERCENT.max} %; check the analysis (GB/T 176) and the unit`,
      }),
    );
    if (plan.formula === 'clinker-output') {
      const { net } = clinkerOutput(b, first, method);
      checks.push((i) => {
        const [c, m] = net(i);
        return c < 0 || m < 0
          ? {
              field: 'caoNonCarbonate',
              message: 'non-carbonate CaO/MgO exceeds the total content',
            }
          : undefined;
      });
    }
  } else if (plan.kind === 'ccus') {
    range(
      'purity',
      '1',
      (v) => v <= 0 || v > 1,
      (_, raw) => ({ field: 'purity', message: `${raw} must lie in (0, 100 %]` }),
    );
  }
  if (!checks.length) return undefined;
  // A failure wins over a warning on the same row, as in the engine (the document is refused).
  return (i) => {
    let warning: RowFinding | undefined;
    for (const check of checks) {
      const f = check(i);
      if (f && !f.warning) return f;
      warning ??= f;
    }
    return warning;
  };
}
