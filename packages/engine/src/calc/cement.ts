import { multiply, quantity, subtract, valueIn, type Quantity } from '@carbonbase/quantity';
import type { LineOf } from '../document/schema.js';
import { CO2_PER_CARBON, CSI_CLINKER_DEFAULT, CSI_TOC_DEFAULT } from '../methods/constants.js';
import { co2ToCo2e } from './co2e.js';
import { fmt, type LineTrace } from './context.js';
import type { LineCalc } from './line-calc.js';
import type { FacilityClinkerFactor } from './dispatch.js';
import { PLAUSIBILITY } from './plausibility.js';

/** Plausible CaO content of Portland clinker (issue 3, data quality): outside it, warn. */
const CAO_RANGE = PLAUSIBILITY.clinkerCaO;

function checkCao(trace: LineTrace, cao: Quantity): void {
  const v = valueIn(cao, '%');
  if (v < valueIn(CAO_RANGE.min, '%') || v > valueIn(CAO_RANGE.max, '%')) {
    trace.warn(
      'cao-out-of-range',
      `熟料 CaO 含量异常 clinker CaO ${fmt(cao)} is outside ${fmt(CAO_RANGE.min)}–${fmt(CAO_RANGE.max)}; check the analysis (GB/T 176) and the unit`,
      'cao',
    );
  }
}

function processCo2(trace: LineTrace, q: Quantity, ef: Quantity, what: string): Quantity {
  return trace.step(
    'E_CO2',
    what,
    `${fmt(q)} × ${fmt(ef)}`,
    trace.convert('CO2 in t', multiply(q, ef), 'tCO2'),
  );
}

/** Output method: EF_cli = (CaO − CaO_nc) × k_CaO + (MgO − MgO_nc) × k_MgO. */
function outputMethodFactor(trace: LineTrace, line: LineOf<'clinker'>): Quantity {
  const { method } = trace.ctx;
  if (!line.cao)
    return trace.fail(
      'cao',
      `${method.id} uses the output method: give the measured clinker CaO content "cao" (GB/T 176)`,
    );
  if (!line.mgo)
    return trace.fail(
      'mgo',
      `${method.id} uses the output method: give the measured clinker MgO content "mgo" (GB/T 176)`,
    );
  const cao = trace.measured('FR_CaO', '熟料中 CaO 含量 CaO in clinker', line.cao, 'cao');
  checkCao(trace, cao);
  const mgo = trace.measured('FR_MgO', '熟料中 MgO 含量 MgO in clinker', line.mgo, 'mgo');
  const zero = quantity(0, '%');
  const caoNc = line.caoNonCarbonate
    ? trace.measured(
        'FR_CaO,nc',
        '非碳酸盐 CaO non-carbonate CaO',
        line.caoNonCarbonate,
        'caoNonCarbonate',
      )
    : zero;
  const mgoNc = line.mgoNonCarbonate
    ? trace.measured(
        'FR_MgO,nc',
        '非碳酸盐 MgO non-carbonate MgO',
        line.mgoNonCarbonate,
        'mgoNonCarbonate',
      )
    : zero;
  if (!line.caoNonCarbonate || !line.mgoNonCarbonate) {
    trace.note(
      '未申报非碳酸盐来源的 CaO/MgO，按 0 计 non-carbonate CaO/MgO not declared: taken as 0 (all CaO/MgO from carbonates, the conservative reading)',
    );
  }
  const kCao = trace.constant(method.stoichiometry.cao);
  const kMgo = trace.constant(method.stoichiometry.mgo);
  const netCao = subtract(cao, caoNc);
  const netMgo = subtract(mgo, mgoNc);
  if (netCao.value < 0 || netMgo.value < 0)
    trace.fail('caoNonCarbonate', 'non-carbonate CaO/MgO exceeds the total content');
  const ef = quantity(
    valueIn(multiply(netCao, kCao), 'tCO2/t') + valueIn(multiply(netMgo, kMgo), 'tCO2/t'),
    'tCO2/t',
  );
  return trace.step(
    'EF_cli',
    '熟料排放因子 clinker factor (output method)',
    `(${fmt(cao)} − ${fmt(caoNc)}) × ${fmt(kCao)} + (${fmt(mgo)} − ${fmt(mgoNc)}) × ${fmt(kMgo)}`,
    ef,
  );
}

export function clinker(trace: LineTrace, line: LineOf<'clinker'>): LineCalc {
  const { method } = trace.ctx;
  const q = trace.convert(
    'clinker in t',
    trace.activity('Q_cli', '熟料产量 clinker produced', line.amount, 'amount'),
    't',
  );
  let ef: Quantity;
  let formula: LineCalc['formula'];
  let formulaText: string;
  const useOutput =
    method.clinker === 'output' ||
    (method.clinker === 'output-else-default' && line.cao !== undefined);
  if (useOutput) {
    ef = outputMethodFactor(trace, line);
    formula = 'clinker-output';
    formulaText = `E = Q_cli × [(CaO − CaO_nc) × ${method.stoichiometry.cao.symbol} + (MgO − MgO_nc) × ${method.stoichiometry.mgo.symbol}]`;
  } else if (method.clinker === 'output-else-default') {
    ef = trace.constant(CSI_CLINKER_DEFAULT, 'default');
    trace.warn(
      'clinker-default-factor',
      `熟料未实测 CaO clinker CaO not measured: CSI default ${fmt(CSI_CLINKER_DEFAULT.value)} used`,
      'cao',
    );
    formula = 'clinker-default';
    formulaText = 'E = Q_cli × EF_default';
  } else {
    if (line.cao) {
      checkCao(trace, line.cao);
      trace.note(
        `实测 CaO ${fmt(line.cao)} 未用于本方法 measured CaO is not used by ${method.id}: the method applies the default factor by clinker type`,
      );
    }
    const type = line.clinkerType ?? 'portland';
    if (!line.clinkerType) {
      trace.warn(
        'clinker-type-default',
        '未给出熟料品种，按硅酸盐水泥熟料计 clinkerType not given: portland assumed',
        'clinkerType',
      );
    }
    ef = trace.resolve(
      'clinkerType',
      'EF_type',
      `熟料品种缺省排放因子 default factor for ${type} clinker`,
      {
        code: `clinker.${type}`,
        parameter: 'ef',
        region: trace.ctx.regionOf(line),
        preferSets: method.processSets,
      },
      'tCO2/t',
    );
    formula = 'clinker-default';
    formulaText = 'E = Q_cli × EF_type';
  }
  const co2 = processCo2(trace, q, ef, '熟料过程排放 clinker process CO2: Q_cli × EF_cli');
  return {
    formula,
    formulaText,
    gas: 'CO2',
    co2e: co2ToCo2e(trace, co2),
    gasMass: co2,
    clinkerEf: ef,
  };
}

export function nonCarbonateRawMaterial(
  trace: LineTrace,
  line: LineOf<'non-carbonate-raw-material'>,
): LineCalc {
  const q = trace.convert(
    'mass in t',
    trace.activity(
      'Q_j',
      `非碳酸盐替代原料 non-carbonate raw material (${line.material})`,
      line.amount,
      'amount',
    ),
    't',
  );
  const code = line.material.startsWith('altraw.') ? line.material : `altraw.${line.material}`;
  const d = trace.param(
    'deduction',
    'D_j',
    '扣减因子 deduction factor',
    line.deduction,
    {
      code,
      parameter: 'deduction',
      kind: 'raw-material-deduction',
      region: trace.ctx.regionOf(line),
      preferSets: trace.ctx.method.processSets,
    },
    'tCO2/t',
    (error) =>
      error.reason === 'unknown-code'
        ? trace.fail(
            'material',
            `未知替代原料 unknown non-carbonate raw material "${line.material}" (factor code ${code}); give "deduction" to use it anyway`,
          )
        : trace.fail('material', error.message),
  );
  const co2 = processCo2(trace, q, d.value, '扣减量 deduction: Q_j × D_j');
  return {
    formula: 'non-carbonate-deduction',
    formulaText: 'E_deduct = Q_j × D_j',
    gas: 'CO2',
    co2e: co2ToCo2e(trace, co2),
    gasMass: co2,
  };
}

/**
 * Kiln dust leaving the system. GB/T 32151.8 / NDRC: Q_dust × EF_cli (dust taken as fully
 * calcined). With a calcination degree d < 100 % for CKD the CSI correction applies:
 * E = Q × (EF/(1+EF)) × d / (1 − EF/(1+EF) × d), which equals Q × EF at d = 100 % (methods.md §2.3).
 */
export function kilnDust(
  trace: LineTrace,
  line: LineOf<'kiln-dust'>,
  facilityEf: FacilityClinkerFactor | undefined,
): LineCalc {
  const q = trace.convert(
    'mass in t',
    trace.activity(
      'Q_dust',
      line.dustType === 'ckd' ? '窑头/窑灰粉尘 cement kiln dust' : '旁路放风粉尘 bypass dust',
      line.amount,
      'amount',
    ),
    't',
  );
  let ef: Quantity;
  if (line.clinkerEf)
    ef = trace.measured('EF_cli', '熟料排放因子 clinker factor', line.clinkerEf, 'clinkerEf');
  else if (facilityEf) {
    ef = trace.derived(
      'EF_cli',
      `同一设施熟料排放因子（产量加权）clinker factor of the facility, output-weighted over ${facilityEf.from.join(', ')}`,
      facilityEf.ef,
    );
  } else
    return trace.fail(
      'clinkerEf',
      'no clinker line in this facility gives a clinker factor: give "clinkerEf"',
    );
  const d = line.calcination ?? quantity(100, '%');
  if (line.calcination)
    trace.measured('d', '煅烧率 calcination degree', line.calcination, 'calcination');
  else
    trace.note(
      '未给出煅烧率，按完全煅烧 calcination not given: fully calcined dust assumed (the GB/T 32151.8 / NDRC formula)',
    );
  const dv = valueIn(d, '1');
  if (dv < 0 || dv > 1) trace.fail('calcination', `${fmt(d)} must lie in [0, 100 %]`);
  let co2: Quantity;
  if (line.dustType === 'bypass' || dv === 1) {
    co2 = processCo2(trace, q, ef, '粉尘排放 dust CO2: Q_dust × EF_cli');
  } else {
    const e = valueIn(ef, 'tCO2/t');
    const r = e / (1 + e);
    const efDust = quantity((r * dv) / (1 - r * dv), 'tCO2/t');
    const n = (x: number) => Number(x.toPrecision(12));
    trace.step(
      'EF_CKD',
      'CSI 窑灰校正 CSI CKD factor: (EF/(1+EF)) × d / (1 − EF/(1+EF) × d)',
      `(${n(e)}/(1+${n(e)})) × ${n(dv)} / (1 − ${n(e)}/(1+${n(e)}) × ${n(dv)})`,
      efDust,
    );
    co2 = processCo2(trace, q, efDust, '粉尘排放 dust CO2: Q_dust × EF_CKD');
  }
  return {
    formula: 'kiln-dust',
    formulaText:
      line.dustType === 'bypass' || dv === 1
        ? 'E = Q_dust × EF_cli'
        : 'E = Q_CKD × (EF/(1+EF)) × d / (1 − EF/(1+EF) × d)',
    gas: 'CO2',
    co2e: co2ToCo2e(trace, co2),
    gasMass: co2,
  };
}

export function rawMealOrganicCarbon(
  trace: LineTrace,
  line: LineOf<'raw-meal-organic-carbon'>,
): LineCalc {
  const q = trace.convert(
    'raw meal in t',
    trace.activity('Q_rm', '生料量 raw meal consumed', line.amount, 'amount'),
    't',
  );
  let toc: Quantity;
  if (line.toc)
    toc = trace.measured('FR_TOC', '生料非燃料碳含量 raw-meal organic carbon', line.toc, 'toc');
  else {
    toc = trace.constant(CSI_TOC_DEFAULT, 'default');
    trace.warn(
      'toc-default',
      `生料有机碳未实测 raw-meal TOC not measured: CSI default ${fmt(CSI_TOC_DEFAULT.value)} used (the national guideline's own default is not verified)`,
      'toc',
    );
  }
  const carbonMass = trace.convert('t', multiply(q, toc), 't');
  // A mass fraction of carbon gives tonnes of carbon: the same number in the carbon dimension.
  const carbon = quantity(carbonMass.value, 'tC');
  trace.conversions.push({
    what: '有机碳质量即碳 mass of organic carbon counted as carbon',
    from: carbonMass,
    to: carbon,
  });
  trace.step('C', '有机碳 organic carbon: Q_rm × FR_TOC', `${fmt(q)} × ${fmt(toc)}`, carbon);
  const k = trace.constant(CO2_PER_CARBON);
  const co2 = trace.step(
    'E_CO2',
    '有机碳煅烧排放 CO2: C × 44/12',
    `${fmt(carbon)} × ${fmt(k)}`,
    trace.convert('CO2 in t', multiply(carbon, k), 'tCO2'),
  );
  return {
    formula: 'raw-meal-organic-carbon',
    formulaText: 'E = Q_rm × FR_TOC × 44/12',
    gas: 'CO2',
    co2e: co2ToCo2e(trace, co2),
    gasMass: co2,
  };
}
