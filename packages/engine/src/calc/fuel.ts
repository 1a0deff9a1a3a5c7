import {
  compatible,
  convert,
  multiply,
  quantity,
  subtract,
  valueIn,
  type Quantity,
} from '@carbonbase/quantity';
import type { FactorNotFoundError, FactorQuery } from '@carbonbase/factors';
import type { LineOf } from '../document/schema.js';
import { ALT_FUEL_OXIDATION, CALORIFIC_TCE, CO2_PER_CARBON } from '../methods/constants.js';
import { co2ToCo2e } from './co2e.js';
import { fmt, type LineTrace } from './context.js';
import type { EnergyUse, LineCalc } from './line-calc.js';
import { PLAUSIBILITY } from './plausibility.js';

const { max: MAX_CARBON_CONTENT, min: MIN_CARBON_CONTENT } = PLAUSIBILITY.carbonContent;
const NCV_TOLERANCE = valueIn(PLAUSIBILITY.ncvTolerance, '%') / 100;

function fuelQuery(trace: LineTrace, code: string, parameter: string): FactorQuery {
  const { ctx } = trace;
  const pinned = ctx.inventory.options?.fuelFactorSet;
  return {
    code,
    parameter,
    kind: 'fuel-property',
    region: ctx.regionOf(trace.line),
    ...(pinned ? { set: pinned } : {}),
    preferSets: ctx.method.fuelSets,
  };
}

function checkCarbonContent(trace: LineTrace, cc: Quantity, measured: boolean): void {
  const v = valueIn(cc, 'tC/GJ');
  if (v > valueIn(MAX_CARBON_CONTENT, 'tC/GJ') || v < valueIn(MIN_CARBON_CONTENT, 'tC/GJ')) {
    trace.fail(
      'carbonContent',
      `单位热值含碳量不可信 implausible carbon content ${fmt(cc)} = ${v} tC/GJ (${measured ? 'measured' : 'default'}); ` +
        `fuel tables print it in 10^-3 tC/GJ (tC/TJ): write e.g. "20.2 tC/TJ" or "0.0202 tC/GJ"`,
    );
  }
}

function checkFraction(trace: LineTrace, field: string, f: Quantity): void {
  const v = valueIn(f, '1');
  if (v <= 0 || v > 1) trace.fail(field, `${fmt(f)} must lie in (0, 100 %]`);
}

/** Heat content of the fuel burnt: AD = FC × NCV (GJ), or the amount itself when given as energy. */
function heatContent(
  trace: LineTrace,
  amount: Quantity,
  fuel: string,
  givenNcv: Quantity | undefined,
  query: FactorQuery | undefined,
): { ad: Quantity; ncvMeasured: boolean } {
  if (compatible(amount.unit, 'GJ')) {
    trace.note('活动数据以热量给出 amount given as heat; no NCV needed');
    return { ad: trace.convert('activity heat in GJ', amount, 'GJ'), ncvMeasured: true };
  }
  const perUnit = compatible(amount.unit, 't') ? 'GJ/t' : 'GJ/万Nm3';
  let ncv: Quantity;
  let measured = false;
  if (givenNcv) {
    ncv = trace.measured('NCV', '低位发热量 net calorific value', givenNcv, 'ncv');
    measured = true;
    const def = query ? trace.peek({ ...query, parameter: 'ncv' }) : undefined;
    if (def && compatible(def.record.value.unit, givenNcv.unit)) {
      const ratio = valueIn(givenNcv, def.record.value.unit) / def.record.value.value;
      if (Math.abs(ratio - 1) > NCV_TOLERANCE) {
        trace.warn(
          'ncv-far-from-default',
          `实测低位发热量偏离缺省值 measured NCV ${fmt(givenNcv)} differs from the default ${fmt(def.record.value)} (${def.ref}) by ${Math.round((ratio - 1) * 100)} % (more than ±${NCV_TOLERANCE * 100} %); check the unit and the sample`,
          'ncv',
        );
      }
    }
  } else if (query) {
    ncv = trace.resolve(
      'ncv',
      'NCV',
      '低位发热量 net calorific value',
      { ...query, parameter: 'ncv' },
      perUnit,
      (d) => unknownFuel(trace, fuel, d),
    );
  } else {
    return trace.fail('ncv', 'give "ncv" (no default exists for this fuel)');
  }
  if (!compatible(ncv.unit, perUnit)) {
    trace.fail(
      'ncv',
      `NCV ${fmt(ncv)} does not fit the amount ${fmt(amount)}: expected ${perUnit} (a ${compatible(amount.unit, 't') ? 'solid or liquid by mass' : 'gas by volume'})`,
    );
  }
  const ad = trace.step(
    'AD',
    '活动数据（热量） activity data as heat: AD = FC × NCV',
    `${fmt(amount)} × ${fmt(ncv)}`,
    multiply(amount, ncv),
  );
  return { ad: trace.convert('heat in GJ', ad, 'GJ'), ncvMeasured: measured };
}

function unknownFuel(trace: LineTrace, fuel: string, error: FactorNotFoundError): never {
  if (error.reason === 'unknown-code') {
    return trace.fail(
      'fuel',
      `未知燃料 unknown fuel "${fuel}": the factor base has no fuel with this code (give ncv, carbonContent and oxidation to use it anyway)`,
    );
  }
  return trace.fail('fuel', error.message);
}

/** Standard-coal equivalent of a fuel (GB/T 2589): measured NCV, else the coefficient, else the default NCV. */
function fuelEnergy(
  trace: LineTrace,
  fuel: string,
  amount: Quantity,
  ad: Quantity,
  ncvMeasured: boolean,
): EnergyUse {
  let tce: Quantity | undefined;
  if (!ncvMeasured) {
    const coef = trace.peek({
      code: fuel,
      parameter: 'coefficient',
      kind: 'standard-coal',
      region: trace.ctx.regionOf(trace.line),
    });
    if (coef && compatible(multiply(amount, coef.record.value).unit, 'tce')) {
      const c = trace.resolve(
        'fuel',
        'k_ce',
        '折标准煤系数 standard-coal coefficient',
        {
          code: fuel,
          parameter: 'coefficient',
          kind: 'standard-coal',
          region: trace.ctx.regionOf(trace.line),
        },
        `tce/${amount.unit}`,
      );
      // The coefficient's unit may be per t or per m3; multiply() cancels what it can.
      tce = convert(multiply(amount, c), 'tce');
      trace.step(
        'E_ce',
        '综合能耗（折标煤系数） energy in standard coal',
        `${fmt(amount)} × ${fmt(c)}`,
        tce,
      );
    }
  }
  if (!tce) {
    tce = convert(ad, 'tce');
    trace.step(
      'E_ce',
      `综合能耗（按热值） energy in standard coal from heat, ${CALORIFIC_TCE.standard}: ${CALORIFIC_TCE.clause}`,
      `${fmt(ad)} ÷ 29.3076 GJ/tce`,
      tce,
    );
  }
  // Primary energy: 当量值 and 等价值 coincide.
  return { calorific: tce, equivalent: tce };
}

/** The amount in the unit the fuel tables use: t for solids and liquids, 10^4 Nm3 for gases, GJ for heat. */
function tableUnit(trace: LineTrace, amount: Quantity): Quantity {
  const unit = compatible(amount.unit, 't')
    ? 't'
    : compatible(amount.unit, '万Nm3')
      ? '万Nm3'
      : 'GJ';
  return trace.convert(`amount in ${unit}`, amount, unit);
}

export function fuelCombustion(trace: LineTrace, line: LineOf<'fuel-combustion'>): LineCalc {
  const query = fuelQuery(trace, line.fuel, 'ncv');
  const amount = tableUnit(
    trace,
    trace.activity('FC', `燃料消耗量 fuel consumed (${line.fuel})`, line.amount, 'amount'),
  );
  const { ad, ncvMeasured } = heatContent(trace, amount, line.fuel, line.ncv, query);
  const missing = (e: FactorNotFoundError) => unknownFuel(trace, line.fuel, e);
  const cc = trace.param(
    'carbonContent',
    'CC',
    '单位热值含碳量 carbon content per unit heat',
    line.carbonContent,
    { ...query, parameter: 'carbon-content' },
    'tC/GJ',
    missing,
  );
  checkCarbonContent(trace, cc.value, cc.measured);
  const of = trace.param(
    'oxidation',
    'OF',
    '碳氧化率 oxidation rate',
    line.oxidation,
    { ...query, parameter: 'oxidation' },
    '%',
    missing,
  );
  checkFraction(trace, 'oxidation', of.value);
  const carbon = trace.step(
    'C',
    '氧化的碳 carbon oxidised: AD × CC × OF',
    `${fmt(ad)} × ${fmt(cc.value)} × ${fmt(of.value)}`,
    multiply(multiply(ad, cc.value), of.value),
  );
  const k = trace.constant(CO2_PER_CARBON);
  const co2 = trace.step(
    'E_CO2',
    '二氧化碳排放 CO2 emitted: C × 44/12',
    `${fmt(carbon)} × ${fmt(k)}`,
    trace.convert('CO2 in t', multiply(carbon, k), 'tCO2'),
  );
  const co2e = co2ToCo2e(trace, co2);
  return {
    formula: 'fuel-combustion',
    formulaText: 'E = FC × NCV × CC × OF × 44/12',
    gas: 'CO2',
    co2e,
    gasMass: co2,
    energy: fuelEnergy(trace, line.fuel, amount, ad, ncvMeasured),
  };
}

export function alternativeFuel(trace: LineTrace, line: LineOf<'alternative-fuel'>): LineCalc {
  const amount = tableUnit(
    trace,
    trace.activity('Q', `替代燃料消耗量 alternative fuel (${line.fuel})`, line.amount, 'amount'),
  );
  const query = fuelQuery(trace, line.fuel, 'ncv');
  // Alternative fuels are often outside the factor base: a missing default names the field to give.
  const { ad } = heatContent(trace, amount, line.fuel, line.ncv, query);
  let efPerHeat: Quantity;
  if (line.ef) {
    efPerHeat = trace.measured('EF', '单位热值排放因子 CO2 per unit heat', line.ef, 'ef');
  } else {
    const cc = trace.param(
      'carbonContent',
      'CC',
      '单位热值含碳量 carbon content per unit heat',
      line.carbonContent,
      { ...query, parameter: 'carbon-content' },
      'tC/GJ',
    );
    checkCarbonContent(trace, cc.value, cc.measured);
    const k = trace.constant(CO2_PER_CARBON);
    efPerHeat = trace.step(
      'EF',
      '排放因子 EF = CC × 44/12',
      `${fmt(cc.value)} × ${fmt(k)}`,
      multiply(cc.value, k),
    );
  }
  const of = line.oxidation
    ? trace.measured('OF', '碳氧化率 oxidation rate', line.oxidation, 'oxidation')
    : trace.constant(ALT_FUEL_OXIDATION, 'default');
  checkFraction(trace, 'oxidation', of);
  const bio = trace.measured(
    'β',
    '生物质碳比例 biomass share of carbon',
    line.biomassFraction,
    'biomassFraction',
  );
  const b = valueIn(bio, '1');
  if (b < 0 || b > 1) trace.fail('biomassFraction', `${fmt(bio)} must lie in [0, 100 %]`);
  const all = trace.step(
    'E_all',
    '全部 CO2 all CO2: AD × EF × OF',
    `${fmt(ad)} × ${fmt(efPerHeat)} × ${fmt(of)}`,
    trace.convert('CO2 in t', multiply(multiply(ad, efPerHeat), of), 'tCO2'),
  );
  const fossilShare = subtract(quantity(100, '%'), bio);
  const fossil = trace.step(
    'E_CO2',
    '化石部分 fossil part: E_all × (1 − β)',
    `${fmt(all)} × ${fmt(fossilShare)}`,
    trace.convert('CO2 in t', multiply(all, fossilShare), 'tCO2'),
  );
  const biomass = trace.step(
    'E_bio',
    '生物质 CO2（单独报告，不计入总量） biomass CO2, reported separately',
    `${fmt(all)} × ${fmt(bio)}`,
    trace.convert('CO2 in t', multiply(all, bio), 'tCO2'),
  );
  const co2e = co2ToCo2e(trace, fossil);
  const tce = convert(ad, 'tce');
  trace.step(
    'E_ce',
    `综合能耗（按热值） energy in standard coal from heat (${CALORIFIC_TCE.standard})`,
    `${fmt(ad)} ÷ 29.3076 GJ/tce`,
    tce,
  );
  return {
    formula: 'alternative-fuel',
    formulaText: 'E = Q × NCV × EF × OF × (1 − β); E_bio = Q × NCV × EF × OF × β',
    gas: 'CO2',
    co2e,
    gasMass: fossil,
    biomassCo2: biomass,
    energy: { calorific: tce, equivalent: tce },
  };
}
