import type { ActivityColumns, BatchKind } from './columns.js';

/** Seeded 32-bit generator (mulberry32): the same seed gives the same data on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Provinces of the factor base's region list (grid factors exist for each, or for its grid). */
export const PROVINCES = [
  'CN-BJ',
  'CN-TJ',
  'CN-HE',
  'CN-SX',
  'CN-NM',
  'CN-LN',
  'CN-JL',
  'CN-HL',
  'CN-SH',
  'CN-JS',
  'CN-ZJ',
  'CN-AH',
  'CN-FJ',
  'CN-JX',
  'CN-SD',
  'CN-HA',
  'CN-HB',
  'CN-HN',
  'CN-GD',
  'CN-GX',
  'CN-HI',
  'CN-CQ',
  'CN-SC',
  'CN-GZ',
  'CN-YN',
  'CN-XZ',
  'CN-SN',
  'CN-GS',
  'CN-QH',
  'CN-NX',
  'CN-XJ',
] as const;

/** Fuels with GB/T 32151 defaults, the unit their tables use, and a typical monthly amount. */
const FUELS: readonly { code: string; unit: 't' | '万Nm3'; typical: number }[] = [
  { code: 'bituminous-coal', unit: 't', typical: 8000 },
  { code: 'anthracite', unit: 't', typical: 3000 },
  { code: 'washed-coal', unit: 't', typical: 2000 },
  { code: 'coke', unit: 't', typical: 1500 },
  { code: 'fuel-oil', unit: 't', typical: 300 },
  { code: 'gasoline', unit: 't', typical: 40 },
  { code: 'diesel', unit: 't', typical: 120 },
  { code: 'lpg', unit: 't', typical: 30 },
  { code: 'natural-gas', unit: '万Nm3', typical: 90 },
  { code: 'coke-oven-gas', unit: '万Nm3', typical: 200 },
];
const UNITS = ['t', '万Nm3', 'GJ', 'MWh', 'kWh'] as const;

/** The kinds generated, in the order of the data's kind dictionary. */
const KINDS = [
  'fuel-combustion',
  'electricity-purchased',
  'electricity-exported',
  'heat-purchased',
  'heat-exported',
] as const satisfies readonly BatchKind[];

/** Share of sources by kind (fuel lines dominate national inventories by count). */
const KIND_WEIGHTS: readonly [(typeof KINDS)[number], number][] = [
  ['fuel-combustion', 0.6],
  ['electricity-purchased', 0.25],
  ['heat-purchased', 0.08],
  ['electricity-exported', 0.04],
  ['heat-exported', 0.03],
];

export interface GenerateOptions {
  readonly rows: number;
  readonly seed?: number;
  /** Reporting years; every enterprise reports each (default 2023). */
  readonly years?: readonly number[];
  /** Allocate the row columns on SharedArrayBuffers, ready for worker threads. */
  readonly shared?: boolean;
}

/**
 * Synthetic national activity data: enterprises in the 31 provinces, each with 3–12 sources
 * (fuels, purchased and exported electricity and heat) reported monthly, rows grouped by
 * enterprise. Deterministic for a seed, so benchmarks and their comparators see identical inputs.
 */
export function generateActivity(options: GenerateOptions): ActivityColumns {
  const { rows, seed = 20240601, years = [2023], shared = false } = options;
  const rand = seededRandom(seed);
  const buffer = (bytes: number) =>
    shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  const enterprise = new Uint32Array(buffer(rows * 4));
  const year = new Uint16Array(buffer(rows * 2));
  const month = new Uint8Array(buffer(rows));
  const kind = new Uint8Array(buffer(rows));
  const code = new Uint16Array(buffer(rows * 2));
  const unit = new Uint8Array(buffer(rows));
  const amount = new Float64Array(buffer(rows * 8));
  const ids: string[] = [];
  const regions: number[] = [];
  const unitIndex = (u: (typeof UNITS)[number]) => UNITS.indexOf(u);
  let i = 0;
  while (i < rows) {
    const e = ids.length;
    ids.push(`E${String(e).padStart(7, '0')}`);
    regions.push(Math.floor(rand() * PROVINCES.length));
    const sources = 3 + Math.floor(rand() * 10);
    const plan: { kind: number; code: number; unit: number; base: number }[] = [];
    for (let s = 0; s < sources; s++) {
      let r = rand();
      let k = 0;
      while (k < KIND_WEIGHTS.length - 1 && r >= KIND_WEIGHTS[k]![1]) r -= KIND_WEIGHTS[k++]![1];
      const kindName = KIND_WEIGHTS[k]![0];
      const size = Math.exp(rand() * 3 - 1.5);
      if (kindName === 'fuel-combustion') {
        const f = Math.floor(rand() * FUELS.length);
        const fuel = FUELS[f]!;
        // One fuel line in twenty reports heat directly (GJ), which needs no NCV.
        const inGJ = rand() < 0.05;
        plan.push({
          kind: KINDS.indexOf(kindName),
          code: f,
          unit: unitIndex(inGJ ? 'GJ' : fuel.unit),
          base: fuel.typical * size * (inGJ ? 25 : 1),
        });
      } else if (kindName.startsWith('electricity')) {
        const inKWh = rand() < 0.1;
        plan.push({
          kind: KINDS.indexOf(kindName),
          code: 0,
          unit: unitIndex(inKWh ? 'kWh' : 'MWh'),
          base: 5000 * size * (inKWh ? 1000 : 1),
        });
      } else {
        plan.push({
          kind: KINDS.indexOf(kindName),
          code: 0,
          unit: unitIndex('GJ'),
          base: 20000 * size,
        });
      }
    }
    for (const y of years) {
      for (const s of plan) {
        for (let m = 1; m <= 12 && i < rows; m++, i++) {
          enterprise[i] = e;
          year[i] = y;
          month[i] = m;
          kind[i] = s.kind;
          code[i] = s.code;
          unit[i] = s.unit;
          // Three decimals, as activity data is reported.
          amount[i] = Math.round(s.base * (0.7 + 0.6 * rand()) * 1000) / 1000;
        }
      }
    }
  }
  return {
    enterpriseIds: ids,
    enterpriseRegion: Uint16Array.from(regions),
    regions: [...PROVINCES],
    kinds: [...KINDS],
    codes: FUELS.map((f) => f.code),
    units: [...UNITS],
    enterprise,
    year,
    month,
    kind,
    code,
    unit,
    amount,
  };
}
