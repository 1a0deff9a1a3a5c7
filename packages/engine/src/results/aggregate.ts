import { divide, quantity, sum, valueIn, type Quantity } from '@carbonbase/quantity';
import type { Warning } from '../calc/context.js';
import { fmt } from '../calc/context.js';
import type { Inventory } from '../document/schema.js';
import type { Explanation } from '../explain/types.js';
import type { MethodSet } from '../methods/method-set.js';
import { periodMonths } from './quality.js';
import type {
  EnergyResult,
  Intensity,
  InventoryResult,
  LineResult,
  MemoItem,
  RESULT_FORMAT,
} from './types.js';

const T = 'tCO2e';
const SITE = '(site)';
const WHOLE_PERIOD = '(whole period)';

function group(
  lines: readonly LineResult[],
  key: (l: LineResult) => string | undefined,
  value: (l: LineResult) => Quantity = (l) => l.emissions,
): Record<string, Quantity> {
  const buckets = new Map<string, Quantity[]>();
  for (const l of lines) {
    if (l.treatment !== 'included' && l.treatment !== 'deducted') continue;
    const k = key(l);
    if (k === undefined) continue;
    const list = buckets.get(k);
    if (list) list.push(value(l));
    else buckets.set(k, [value(l)]);
  }
  const out: Record<string, Quantity> = {};
  for (const k of [...buckets.keys()].sort()) out[k] = sum(buckets.get(k)!, T);
  return out;
}

function sumExplanation(
  subject: string,
  title: string,
  parts: readonly LineResult[],
  result: Quantity,
  method: MethodSet,
  pick: (l: LineResult) => Quantity = (l) => l.emissions,
): Explanation {
  const counted = parts.filter((l) => l.treatment === 'included' || l.treatment === 'deducted');
  return {
    subject,
    title,
    formula: {
      id: 'total',
      text: 'E = Σ lines (deductions negative)',
      citation: method.formulas.total,
    },
    inputs: counted.map((l) => ({
      symbol: l.id,
      name: `${l.kind} (${l.treatment})`,
      value: pick(l),
      origin: 'derived' as const,
    })),
    factors: [],
    conversions: [],
    steps: [
      {
        symbol: 'E',
        description: title,
        expression: counted.map((l) => fmt(pick(l))).join(' + ') || '0',
        value: result,
      },
    ],
    result,
    treatment: 'total',
    notes: [],
  };
}

interface AggregateInput {
  readonly format: typeof RESULT_FORMAT;
  readonly document: string;
  readonly inventory: Inventory;
  readonly method: MethodSet;
  readonly lines: readonly LineResult[];
  readonly warnings: readonly Warning[];
}

export function aggregate(input: AggregateInput): InventoryResult {
  const { inventory, method, lines } = input;
  const ghg = method.contracts === 'market-based';
  const scope2Basis = inventory.options?.scope2Total ?? 'location';
  // Under market-based Scope 2 the total takes each electricity line's market figure, and the
  // line (and its explanation) shows the figure that was added up.
  const useMarket = (l: LineResult): l is LineResult & { marketBased: Quantity } =>
    ghg && scope2Basis === 'market' && l.scope === 'scope2' && l.marketBased !== undefined;
  const counted: LineResult[] = lines.map((l) =>
    useMarket(l)
      ? {
          ...l,
          emissions: l.marketBased,
          explanation: {
            ...l.explanation,
            result: l.marketBased,
            notes: [
              ...l.explanation.notes,
              '总量采用基于市场的范围二 the total uses the market-based Scope 2 figure (options.scope2Total)',
            ],
          },
        }
      : l,
  );
  const total = sum(
    counted.map((l) => l.emissions),
    T,
  );

  const byScope = group(counted, (l) => l.scope);
  const byGas = group(counted, (l) => l.gas);
  const byKind = group(counted, (l) => l.kind);
  const byFacility = group(counted, (l) => l.facility ?? SITE);
  const byMonth = group(counted, (l) =>
    l.month === undefined
      ? WHOLE_PERIOD
      : `${inventory.period.year}-${String(l.month).padStart(2, '0')}`,
  );

  const totals: Explanation[] = [
    sumExplanation('total', `总排放 total (${method.id})`, counted, total, method),
  ];
  for (const [scope, value] of Object.entries(byScope)) {
    totals.push(
      sumExplanation(
        `total:${scope}`,
        `小计 subtotal ${scope}`,
        counted.filter((l) => l.scope === scope),
        value,
        method,
      ),
    );
  }

  const breakdowns: [string, Record<string, Quantity>, (l: LineResult) => string][] = [
    ['gas', byGas, (l) => l.gas],
    ['kind', byKind, (l) => l.kind],
    ['facility', byFacility, (l) => l.facility ?? SITE],
    [
      'month',
      byMonth,
      (l) =>
        l.month === undefined
          ? WHOLE_PERIOD
          : `${inventory.period.year}-${String(l.month).padStart(2, '0')}`,
    ],
  ];
  for (const [name, by, keyOf] of breakdowns) {
    for (const [key, value] of Object.entries(by)) {
      totals.push(
        sumExplanation(
          `total:${name}:${key}`,
          `按${name} by ${name}: ${key}`,
          counted.filter((l) => keyOf(l) === key),
          value,
          method,
        ),
      );
    }
  }

  // Source groups verifiers ask about: "where does the process figure come from?"
  const groups: [string, string, readonly string[]][] = [
    [
      'total:combustion',
      '燃料燃烧排放 fuel combustion (fossil)',
      ['fuel-combustion', 'alternative-fuel'],
    ],
    [
      'total:process',
      '过程排放 process emissions',
      [
        'clinker',
        'non-carbonate-raw-material',
        'kiln-dust',
        'raw-meal-organic-carbon',
        'process-emission',
      ],
    ],
  ];
  for (const [subject, title, kinds] of groups) {
    const part = counted.filter((l) => kinds.includes(l.kind));
    if (part.some((l) => l.treatment === 'included' || l.treatment === 'deducted')) {
      totals.push(
        sumExplanation(
          subject,
          title,
          part,
          sum(
            part
              .filter((l) => l.treatment === 'included' || l.treatment === 'deducted')
              .map((l) => l.emissions),
            T,
          ),
          method,
        ),
      );
    }
  }

  let scope2: InventoryResult['scope2'];
  if (ghg) {
    const s2 = lines.filter((l) => l.scope === 'scope2');
    const location = sum(
      s2.map((l) => l.emissions),
      T,
    );
    const market = sum(
      s2.map((l) => l.marketBased ?? l.emissions),
      T,
    );
    scope2 = { locationBased: location, marketBased: market, inTotal: scope2Basis };
    totals.push(
      sumExplanation(
        'total:scope2-location',
        '范围二（基于位置） Scope 2 location-based',
        s2,
        location,
        method,
      ),
    );
    totals.push(
      sumExplanation(
        'total:scope2-market',
        '范围二（基于市场） Scope 2 market-based',
        s2,
        market,
        method,
        (l) => l.marketBased ?? l.emissions,
      ),
    );
  }

  let boundaries: InventoryResult['boundaries'];
  if (method.clinkerBoundary) {
    const inside = counted.filter((l) => l.inClinkerBoundary !== false);
    const direct = inside.filter((l) => l.scope === 'scope1');
    const indirect = inside.filter((l) => l.scope === 'scope2' || l.scope === 'exported');
    const clinkerProduction = sum(
      direct.map((l) => l.emissions),
      T,
    );
    boundaries = {
      clinkerProduction,
      clinkerProductionIndirect: sum(
        indirect.map((l) => l.emissions),
        T,
      ),
      enterprise: total,
      note: '熟料生产边界 = 边界内直接排放（燃料燃烧 + 过程）; 间接排放单列 clinker-production boundary = direct emissions (fuel + process) of lines inside it; its purchased-energy emissions are shown separately because whether the ETS figure includes them is not verified (R)',
    };
    totals.push(
      sumExplanation(
        'total:clinker-production',
        '熟料生产边界 clinker-production boundary (direct)',
        direct,
        clinkerProduction,
        method,
      ),
    );
  }

  const biomassCO2 = sum(
    lines.flatMap((l) => (l.biomassCO2 ? [l.biomassCO2] : [])),
    'tCO2',
  );
  const memo: MemoItem[] = lines
    .filter((l) => l.treatment === 'memo' || (l.biomassCO2 && l.biomassCO2.value !== 0))
    .map((l) =>
      l.treatment === 'memo'
        ? {
            line: l.id,
            kind: l.kind,
            value: l.calculated ?? quantity(0, T),
            reason: l.explanation.treatment,
          }
        : {
            line: l.id,
            kind: l.kind,
            value: l.biomassCO2!,
            reason:
              '生物质 CO2，单独报告，不计入总量 biomass CO2, reported separately, outside totals',
          },
    );

  const intensityList = intensities(inventory, total, boundaries?.clinkerProduction);
  const energyResult = energy(lines);
  totals.push(
    ...intensityList.map(intensityExplanation),
    ...energyExplanations(lines, energyResult, method),
  );

  return {
    format: input.format,
    document: input.document,
    method: {
      id: method.id,
      version: method.version,
      name: method.name,
      nameEn: method.nameEn,
      standards: method.standards.map((s) => s.id),
      rounding: method.rounding,
    },
    reporter: { name: inventory.reporter.name, region: inventory.reporter.region },
    period: { year: inventory.period.year, months: periodMonths(inventory) },
    total,
    byScope,
    ...(scope2 ? { scope2 } : {}),
    byGas,
    byKind,
    byFacility,
    byMonth,
    ...(boundaries ? { boundaries } : {}),
    biomassCO2,
    memo,
    intensities: intensityList,
    energy: energyResult,
    lines: counted,
    totals,
    warnings: input.warnings,
  };
}

function intensities(
  inventory: Inventory,
  total: Quantity,
  clinkerBoundary: Quantity | undefined,
): Intensity[] {
  const out: Intensity[] = [];
  const prod = inventory.production;
  const clinkerLines = inventory.lines.filter((l) => l.kind === 'clinker');
  let clinker: { q: Quantity; source: string } | undefined;
  if (prod?.clinker) clinker = { q: prod.clinker, source: 'production.clinker' };
  else if (clinkerLines.length) {
    clinker = {
      q: sum(
        clinkerLines.map((l) => l.amount),
        't',
      ),
      source: `Σ clinker lines (${clinkerLines.map((l) => l.id).join(', ')})`,
    };
  }
  const push = (id: string, name: string, num: Quantity, den: { q: Quantity; source: string }) => {
    if (valueIn(den.q, den.q.unit) === 0) return;
    out.push({
      id,
      name,
      value: divide(num, den.q),
      numerator: num,
      denominator: den.q,
      denominatorSource: den.source,
    });
  };
  if (clinker) {
    push('per-t-clinker', '单位熟料排放 emissions per tonne of clinker', total, clinker);
    if (clinkerBoundary)
      push(
        'clinker-production-per-t-clinker',
        '熟料生产边界单位熟料排放 clinker-boundary emissions per tonne of clinker',
        clinkerBoundary,
        clinker,
      );
  }
  if (prod?.cement)
    push('per-t-cement', '单位水泥排放 emissions per tonne of cement', total, {
      q: prod.cement,
      source: 'production.cement',
    });
  if (prod?.outputValue)
    push('per-10k-cny', '万元产值排放 emissions per 10 000 CNY of output value', total, {
      q: prod.outputValue,
      source: 'production.outputValue',
    });
  return out;
}

function energy(lines: readonly LineResult[]): EnergyResult {
  const withEnergy = lines.filter((l) => l.energy);
  const calorific = sum(
    withEnergy.map((l) => l.energy!.calorific),
    'tce',
  );
  const lacking = withEnergy.filter((l) => !l.energy!.equivalent).map((l) => l.id);
  const notes = [
    '按 GB/T 2589 计：燃料按实测热值或折标系数，电力当量值 0.1229 kgce/kWh 或按热值，输出能源扣减 GB/T 2589: fuels by measured heat or standard-coal coefficient; electricity 当量值 by coefficient or calorific content; exported energy deducted',
  ];
  if (lacking.length) {
    notes.push(
      `等价值无法计算 the equal value needs an electricity coefficient (options.electricityEquivalentCoefficient or a standard-coal factor with basis "equivalent"); lacking for: ${lacking.join(', ')}`,
    );
  }
  return {
    calorific,
    equivalent: lacking.length
      ? null
      : sum(
          withEnergy.map((l) => l.energy!.equivalent!),
          'tce',
        ),
    notes,
  };
}

function intensityExplanation(i: Intensity): Explanation {
  return {
    subject: `intensity:${i.id}`,
    title: i.name,
    formula: {
      id: 'intensity',
      text: 'I = E / output',
      citation: {
        standard: 'carbonbase',
        clause: 'ratio of a total to an output figure of the document',
        verification: 'verified',
      },
    },
    inputs: [
      { symbol: 'E', name: 'emissions', value: i.numerator, origin: 'derived' },
      {
        symbol: 'P',
        name: `output (${i.denominatorSource})`,
        value: i.denominator,
        origin: 'activity',
      },
    ],
    factors: [],
    conversions: [],
    steps: [
      {
        symbol: 'I',
        description: i.name,
        expression: `${fmt(i.numerator)} ÷ ${fmt(i.denominator)}`,
        value: i.value,
      },
    ],
    result: i.value,
    treatment: 'intensity',
    notes: [],
  };
}

function energyExplanations(
  lines: readonly LineResult[],
  e: EnergyResult,
  method: MethodSet,
): Explanation[] {
  const withEnergy = lines.filter((l) => l.energy);
  const make = (
    subject: string,
    title: string,
    pick: (l: LineResult) => Quantity | undefined,
    result: Quantity,
  ): Explanation => ({
    subject,
    title,
    formula: {
      id: 'energy',
      text: 'E_ce = Σ lines (exported energy negative)',
      citation: {
        standard: 'GB/T 2589-2020 综合能耗计算通则',
        clause: `standard-coal conversion (${method.id} result)`,
        verification: 'secondary',
      },
    },
    inputs: withEnergy.flatMap((l) => {
      const v = pick(l);
      return v ? [{ symbol: l.id, name: l.kind, value: v, origin: 'derived' as const }] : [];
    }),
    factors: [],
    conversions: [],
    steps: [
      {
        symbol: 'E_ce',
        description: title,
        expression:
          withEnergy
            .map((l) => pick(l))
            .filter((v) => v !== undefined)
            .map(fmt)
            .join(' + ') || '0',
        value: result,
      },
    ],
    result,
    treatment: 'energy',
    notes: [...e.notes],
  });
  const out = [
    make(
      'energy:calorific',
      '综合能耗 当量值 comprehensive energy, calorific',
      (l) => l.energy?.calorific,
      e.calorific,
    ),
  ];
  if (e.equivalent)
    out.push(
      make(
        'energy:equivalent',
        '综合能耗 等价值 comprehensive energy, equal value',
        (l) => l.energy?.equivalent,
        e.equivalent,
      ),
    );
  return out;
}
