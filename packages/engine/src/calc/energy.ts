import {
  compatible,
  convert,
  multiply,
  quantity,
  scale,
  subtract,
  sum,
  type Quantity,
} from '@carbonbase/quantity';
import type { FactorQuery } from '@carbonbase/factors';
import type { LineOf } from '../document/schema.js';
import { CALORIFIC_TCE, STEAM_REFERENCE_ENTHALPY } from '../methods/constants.js';
import { co2ToCo2e } from './co2e.js';
import { fmt, type LineTrace } from './context.js';
import type { EnergyUse, LineCalc } from './line-calc.js';

function gridQuery(trace: LineTrace): FactorQuery {
  const { ctx } = trace;
  const opts = ctx.inventory.options;
  const region =
    ctx.method.grid.region === 'national' ? 'CN' : (opts?.gridRegion ?? ctx.regionOf(trace.line));
  return {
    code: 'electricity',
    parameter: 'ef',
    kind: 'grid',
    basis: opts?.gridBasis ?? ctx.method.grid.basis,
    region,
    year: opts?.gridYear ?? ctx.inventory.period.year,
  };
}

function gridFactor(trace: LineTrace): Quantity {
  const query = gridQuery(trace);
  const ef = trace.resolve(
    'amount',
    'EF_grid',
    `电网排放因子 grid factor (${query.basis}, ${query.region})`,
    query,
    'tCO2/MWh',
  );
  const chosen = trace.factors[trace.factors.length - 1];
  if (chosen?.year !== undefined && chosen.year < trace.ctx.inventory.period.year) {
    trace.note(
      `电网因子年份 ${chosen.year} 早于报告年 ${trace.ctx.inventory.period.year}: the latest published factor is used (${trace.ctx.method.grid.citation.clause})`,
    );
  }
  return ef;
}

/** Electricity in standard coal: 当量值 from the factor base or the calorific content; 等价值 only when a coefficient is known. */
function electricityEnergy(trace: LineTrace, mwh: Quantity, sign: 1 | -1): EnergyUse {
  const region = trace.ctx.regionOf(trace.line);
  const calQuery: FactorQuery = {
    code: 'electricity',
    parameter: 'coefficient',
    kind: 'standard-coal',
    basis: 'calorific',
    region,
  };
  let calorific: Quantity;
  if (trace.peek(calQuery)) {
    const k = trace.resolve(
      'amount',
      'k_当量',
      '电力折标系数（当量值）calorific coefficient',
      calQuery,
      'kgce/kWh',
    );
    calorific = trace.step(
      'E_ce',
      '综合能耗 当量值 energy, calorific equivalent',
      `${fmt(mwh)} × ${fmt(k)}`,
      scale(convert(multiply(mwh, k), 'tce'), sign),
    );
  } else {
    calorific = trace.step(
      'E_ce',
      `综合能耗 当量值 energy, calorific (3.6 MJ/kWh; ${CALORIFIC_TCE.standard}: ${CALORIFIC_TCE.clause})`,
      `${fmt(mwh)} → tce`,
      scale(convert(mwh, 'tce'), sign),
    );
  }
  const given = trace.ctx.inventory.options?.electricityEquivalentCoefficient;
  let equivalent: Quantity | undefined;
  if (given) {
    trace.inputs.push({
      symbol: 'k_等价',
      name: '电力折标系数（等价值）equal-value coefficient, given in the document',
      value: given,
      origin: 'measured',
      field: 'options.electricityEquivalentCoefficient',
    });
    equivalent = trace.step(
      'E_ce,eq',
      '综合能耗 等价值 energy, equal value',
      `${fmt(mwh)} × ${fmt(given)}`,
      scale(convert(multiply(mwh, given), 'tce'), sign),
    );
  } else {
    const eqQuery: FactorQuery = {
      code: 'electricity',
      parameter: 'coefficient',
      kind: 'standard-coal',
      basis: 'equivalent',
      region,
      year: trace.ctx.inventory.period.year,
    };
    if (trace.peek(eqQuery)) {
      const k = trace.resolve(
        'amount',
        'k_等价',
        '电力折标系数（等价值）equal-value coefficient',
        eqQuery,
        'kgce/kWh',
      );
      equivalent = trace.step(
        'E_ce,eq',
        '综合能耗 等价值 energy, equal value',
        `${fmt(mwh)} × ${fmt(k)}`,
        scale(convert(multiply(mwh, k), 'tce'), sign),
      );
    } else {
      trace.note(
        '等价值需要发电煤耗系数 the equal value needs the generation coal rate: give options.electricityEquivalentCoefficient or load a standard-coal factor with basis "equivalent"',
      );
    }
  }
  return { calorific, equivalent };
}

export function electricity(
  trace: LineTrace,
  line: LineOf<'electricity-purchased'> | LineOf<'electricity-exported'>,
): LineCalc {
  const exported = line.kind === 'electricity-exported';
  const ad = trace.activity(
    'AD',
    exported ? '输出电量 electricity exported' : '购入电量 electricity purchased',
    line.amount,
    'amount',
  );
  const mwh = trace.convert('electricity in MWh', ad, 'MWh');
  const ef = gridFactor(trace);
  const co2 = trace.step(
    'E_CO2',
    exported
      ? '输出电力排放 CO2 of exported electricity: AD × EF'
      : '购入电力排放（基于位置）CO2, location-based: AD × EF',
    `${fmt(mwh)} × ${fmt(ef)}`,
    trace.convert('CO2 in t', multiply(mwh, ef), 'tCO2'),
  );
  const co2e = co2ToCo2e(trace, co2);
  let marketCo2e: Quantity | undefined;
  if (line.kind === 'electricity-purchased') {
    const contracts = line.contracts ?? [];
    if (trace.ctx.method.contracts === 'market-based') {
      marketCo2e = marketBased(trace, line, mwh, ef);
    } else if (contracts.length) {
      trace.warn(
        'contracts-ignored',
        `合同工具不适用于 ${trace.ctx.method.id} contractual instruments (green certificates, PPAs) are not recognised by this method; the grid factor applies to all purchased electricity`,
        'contracts',
      );
    }
  }
  return {
    formula: 'electricity',
    formulaText: 'E = AD × EF_grid',
    gas: 'CO2',
    co2e,
    gasMass: co2,
    ...(marketCo2e ? { marketCo2e } : {}),
    energy: electricityEnergy(trace, mwh, exported ? -1 : 1),
  };
}

/**
 * Market-based Scope 2: each contractual instrument at its own factor (green certificates and
 * green power at 0), the uncovered rest at the residual mix, or, where none is published (China),
 * at the location factor, which the Scope 2 Guidance allows as the last step of its hierarchy.
 */
function marketBased(
  trace: LineTrace,
  line: LineOf<'electricity-purchased'>,
  mwh: Quantity,
  locationEf: Quantity,
): Quantity {
  const parts: Quantity[] = [];
  const covered: Quantity[] = [];
  (line.contracts ?? []).forEach((c, i) => {
    const field = `contracts[${i}]`;
    let ef: Quantity;
    if (c.ef)
      ef = trace.measured(
        `EF_${c.instrument}`,
        `合同工具排放因子 factor of ${c.instrument}${c.reference ? ` (${c.reference})` : ''}`,
        c.ef,
        `${field}.ef`,
      );
    else if (c.instrument === 'green-certificate' || c.instrument === 'green-power') {
      ef = quantity(0, 'tCO2/MWh');
      trace.inputs.push({
        symbol: `EF_${c.instrument}`,
        name: `绿证/绿电 zero-emission attribute${c.reference ? ` (${c.reference})` : ''}`,
        value: ef,
        origin: 'constant',
        field: `${field}.instrument`,
      });
    } else
      return trace.fail(
        `${field}.ef`,
        `a ${c.instrument} must state the emission factor it conveys`,
      );
    const amount = trace.convert(
      'contract electricity in MWh',
      trace.activity(
        `AD_${i}`,
        `合同电量 contracted electricity (${c.instrument})`,
        c.amount,
        `${field}.amount`,
      ),
      'MWh',
    );
    covered.push(amount);
    parts.push(
      trace.step(
        `E_${i}`,
        `合同电量排放 contract ${i + 1}`,
        `${fmt(amount)} × ${fmt(ef)}`,
        trace.convert('CO2 in t', multiply(amount, ef), 'tCO2'),
      ),
    );
  });
  const coveredSum = sum(covered, 'MWh');
  const rest = subtract(mwh, coveredSum);
  if (rest.value < -1e-9 * Math.max(1, mwh.value))
    trace.fail(
      'contracts',
      `contracts cover ${fmt(coveredSum)}, more than the ${fmt(mwh)} purchased`,
    );
  const residual = trace.ctx.inventory.options?.residualMix;
  let restEf: Quantity;
  if (residual)
    restEf = trace.measured(
      'EF_residual',
      '剩余组合因子 residual mix',
      residual,
      'options.residualMix',
    );
  else {
    restEf = locationEf;
    if (rest.value > 0)
      trace.warn(
        'no-residual-mix',
        '无剩余组合因子 no residual mix given: the location-based grid factor is used for uncovered electricity (market-based hierarchy, last step)',
        'options.residualMix',
      );
  }
  parts.push(
    trace.step(
      'E_rest',
      '未覆盖电量排放 uncovered electricity',
      `${fmt(rest)} × ${fmt(restEf)}`,
      trace.convert('CO2 in t', multiply(rest, restEf), 'tCO2'),
    ),
  );
  const market = sum(parts, 'tCO2');
  trace.step('E_market', '基于市场的排放 market-based Scope 2', parts.map(fmt).join(' + '), market);
  return co2ToCo2e(trace, market);
}

export function heat(
  trace: LineTrace,
  line: LineOf<'heat-purchased'> | LineOf<'heat-exported'>,
): LineCalc {
  const exported = line.kind === 'heat-exported';
  let gj: Quantity;
  if (compatible(line.amount.unit, 'GJ')) {
    gj = trace.convert(
      'heat in GJ',
      trace.activity(
        'AD',
        exported ? '输出热量 heat exported' : '购入热量 heat purchased',
        line.amount,
        'amount',
      ),
      'GJ',
    );
  } else {
    const ma = trace.activity(
      'Ma',
      exported ? '输出蒸汽量 steam exported' : '购入蒸汽量 steam purchased',
      line.amount,
      'amount',
    );
    if (!line.enthalpy)
      return trace.fail('enthalpy', 'steam given as a mass needs its enthalpy "enthalpy" (kJ/kg)');
    const en = trace.measured('En', '蒸汽焓值 steam enthalpy', line.enthalpy, 'enthalpy');
    const ref = trace.constant(STEAM_REFERENCE_ENTHALPY);
    const dh = subtract(en, ref);
    if (dh.value <= 0) trace.fail('enthalpy', `steam enthalpy ${fmt(en)} must exceed ${fmt(ref)}`);
    gj = trace.step(
      'AD',
      '蒸汽热量 steam heat: Ma × (En − 83.74)',
      `${fmt(ma)} × (${fmt(en)} − ${fmt(ref)})`,
      convert(multiply(ma, dh), 'GJ'),
    );
  }
  const ef = trace.resolve(
    'amount',
    'EF_heat',
    '热力排放因子 heat factor',
    {
      code: 'heat',
      parameter: 'ef',
      kind: 'heat',
      region: trace.ctx.regionOf(line),
      year: trace.ctx.inventory.period.year,
    },
    'tCO2/GJ',
  );
  const co2 = trace.step(
    'E_CO2',
    exported ? '输出热力排放 CO2 of exported heat' : '购入热力排放 CO2 of purchased heat',
    `${fmt(gj)} × ${fmt(ef)}`,
    trace.convert('CO2 in t', multiply(gj, ef), 'tCO2'),
  );
  const sign = exported ? -1 : 1;
  const tce = trace.step(
    'E_ce',
    `综合能耗 energy in standard coal (${CALORIFIC_TCE.standard}: ${CALORIFIC_TCE.clause})`,
    `${fmt(gj)} → tce`,
    scale(convert(gj, 'tce'), sign),
  );
  trace.note(
    '热力的等价值按当量值计 heat: equal value taken as the calorific value (the supplier boiler efficiency is not known)',
  );
  return {
    formula: 'heat',
    formulaText: 'E = AD × EF_heat',
    gas: 'CO2',
    co2e: co2ToCo2e(trace, co2),
    gasMass: co2,
    energy: { calorific: tce, equivalent: tce },
  };
}

/** On-site generation (waste heat, solar): no emission of its own, reported as a memo item. */
export function electricityGenerated(
  trace: LineTrace,
  line: LineOf<'electricity-generated'>,
): LineCalc {
  const mwh = trace.convert(
    'electricity in MWh',
    trace.activity('AD', `自发电量 on-site generation (${line.source})`, line.amount, 'amount'),
    'MWh',
  );
  trace.note(
    '自发电不单独产生排放：余热发电的燃料已计入燃烧排放，其电量也不计入综合能耗 on-site generation has no emission of its own (waste heat: its fuel is already counted); not added to energy consumption',
  );
  trace.step('MWh', '自发电量 generated', fmt(mwh), mwh);
  return {
    formula: 'electricity-generated',
    formulaText: '—',
    gas: 'CO2',
    co2e: quantity(0, 'tCO2e'),
  };
}
