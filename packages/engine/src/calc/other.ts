import {
  compatible,
  dimensionOf,
  multiply,
  quantity,
  valueIn,
  type Quantity,
} from '@carbonbase/quantity';
import type { LineOf } from '../document/schema.js';
import { CO2_DENSITY } from '../methods/constants.js';
import { co2ToCo2e } from './co2e.js';
import { fmt, type LineTrace } from './context.js';
import type { LineCalc } from './line-calc.js';

export function processEmission(trace: LineTrace, line: LineOf<'process-emission'>): LineCalc {
  const ad = trace.activity('AD', `活动数据 activity (${line.process})`, line.amount, 'amount');
  const ef = trace.measured('EF', '排放因子 emission factor', line.factor, 'factor');
  const product = multiply(ad, ef);
  if (!compatible(product.unit, 'tCO2')) {
    trace.fail(
      'factor',
      `factor ${fmt(ef)} does not fit the amount ${fmt(ad)}: their product is "${product.unit}" (${dimensionOf(product.unit)}), not a mass of CO2`,
    );
  }
  const co2 = trace.step(
    'E_CO2',
    '过程排放 process CO2: AD × EF',
    `${fmt(ad)} × ${fmt(ef)}`,
    trace.convert('CO2 in t', product, 'tCO2'),
  );
  return {
    formula: 'process-emission',
    formulaText: 'E = AD × EF',
    gas: 'CO2',
    co2e: co2ToCo2e(trace, co2),
    gasMass: co2,
  };
}

export function ccus(trace: LineTrace, line: LineOf<'ccus'>): LineCalc {
  let co2: Quantity;
  if (compatible(line.amount.unit, 'tCO2')) {
    co2 = trace.convert(
      'CO2 in t',
      trace.activity('R', '回收的 CO2 captured CO2', line.amount, 'amount'),
      'tCO2',
    );
  } else {
    const q = trace.activity('Q', '回收气体体积 captured gas volume', line.amount, 'amount');
    if (!line.purity)
      return trace.fail('purity', 'a captured gas volume needs its CO2 purity "purity"');
    const pur = trace.measured('PUR', 'CO2 纯度 CO2 purity', line.purity, 'purity');
    const v = valueIn(pur, '1');
    if (v <= 0 || v > 1) trace.fail('purity', `${fmt(pur)} must lie in (0, 100 %]`);
    const rho = trace.constant(CO2_DENSITY);
    co2 = trace.step(
      'R',
      '回收量 captured CO2: Q × PUR × 19.77',
      `${fmt(q)} × ${fmt(pur)} × ${fmt(rho)}`,
      trace.convert('CO2 in t', multiply(multiply(q, pur), rho), 'tCO2'),
    );
  }
  trace.note(`去向 destination: ${line.destination}. ${trace.ctx.method.ccusCondition}`);
  return {
    formula: 'ccus',
    formulaText: 'R = Q × PUR × ρ_CO2 (or measured tCO2)',
    gas: 'CO2',
    co2e: co2ToCo2e(trace, co2),
    gasMass: co2,
  };
}

export function nonCo2(trace: LineTrace, line: LineOf<'non-co2'>): LineCalc {
  const m = trace.convert(
    'gas mass in t',
    trace.activity(
      'm',
      `${line.gas} 排放量 mass of ${line.gas}${line.source ? ` (${line.source})` : ''}`,
      line.amount,
      'amount',
    ),
    't',
  );
  const basis = trace.ctx.inventory.options?.gwp ?? trace.ctx.method.gwp;
  const gwp = trace.resolve(
    'gas',
    'GWP',
    `全球增温潜势 GWP100 (${basis})`,
    { code: line.gas, parameter: 'gwp100', kind: 'gwp', basis },
    ['1', 'tCO2e/t'],
    (d) => trace.fail('gas', `未知温室气体 unknown gas "${line.gas}" for ${basis}: ${d}`),
  );
  // GWP may be stored dimensionless or as tCO2e per tonne of gas; both mean the same thing.
  const perTonne = compatible(gwp.unit, '1') ? valueIn(gwp, '1') : valueIn(gwp, 'tCO2e/t');
  const co2e = trace.step(
    'E_CO2e',
    `二氧化碳当量 CO2e = m × GWP (${basis})`,
    `${fmt(m)} × ${fmt(gwp)}`,
    quantity(m.value * perTonne, 'tCO2e'),
  );
  return { formula: 'non-co2', formulaText: 'E = m × GWP100', gas: line.gas, co2e, gasMass: m };
}

export function spend(trace: LineTrace, line: LineOf<'spend'>): LineCalc {
  const amount = trace.activity('S', `采购金额 spend (${line.category})`, line.amount, 'amount');
  const f = trace.param(
    'factor',
    'EF_spend',
    '支出排放因子 spend-based factor',
    line.factor,
    { code: line.category, parameter: 'ef', kind: 'spend', region: trace.ctx.regionOf(line) },
    ['tCO2e/CNY', 'tCO2e/USD', 'tCO2e/EUR'],
    (d) =>
      trace.fail(
        'category',
        `未知支出类别 no spend factor for category "${line.category}": ${d}; give "factor"`,
      ),
  );
  const product = multiply(amount, f.value);
  if (!compatible(product.unit, 'tCO2e')) {
    trace.fail(
      'factor',
      `factor ${fmt(f.value)} does not fit the spend ${fmt(amount)} (different currencies?): product "${product.unit}"`,
    );
  }
  const co2e = trace.step(
    'E_CO2e',
    '范围三类别1 Scope 3 category 1: spend × EF',
    `${fmt(amount)} × ${fmt(f.value)}`,
    trace.convert('CO2e in t', product, 'tCO2e'),
  );
  return { formula: 'spend', formulaText: 'E = spend × EF_spend', gas: 'CO2e', co2e };
}
