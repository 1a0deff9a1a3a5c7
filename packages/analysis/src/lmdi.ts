import { quantity, valueIn, type Quantity } from '@carbonbase/quantity';

/**
 * Additive LMDI-I (Ang 2004, 2005): C = Σ_i Q · S_i · I_i · F_i with S_i = Q_i/Q (structure),
 * I_i = E_i/Q_i (energy intensity), F_i = C_i/E_i (emission factor). Each effect is
 * ΔC_x = Σ_i L(C_i^T, C_i^0) · ln(x_i^T / x_i^0), L(a, b) = (a − b)/(ln a − ln b), L(a, a) = a,
 * and the effects add up to C^T − C^0 with no residual.
 */

export interface LmdiSector {
  readonly id: string;
  /** Activity of the sector (output), any unit shared by all sectors and both years. */
  readonly output: Quantity;
  readonly energy: Quantity;
  readonly emissions: Quantity;
}

export type LmdiFactor = 'activity' | 'structure' | 'intensity' | 'emissionFactor';
export const LMDI_FACTORS: readonly LmdiFactor[] = [
  'activity',
  'structure',
  'intensity',
  'emissionFactor',
];

export interface SectorEffects {
  readonly id: string;
  readonly effects: Readonly<Record<LmdiFactor, Quantity>>;
  readonly change: Quantity;
  /** How a zero was handled for this sector (Ang & Liu 2007 limits), if one occurred. */
  readonly zeroRule?: string;
}

export interface LmdiResult {
  readonly effects: Readonly<Record<LmdiFactor, Quantity>>;
  /** C^T − C^0. */
  readonly total: Quantity;
  readonly sectors: readonly SectorEffects[];
}

export class LmdiInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LmdiInputError';
  }
}

/**
 * Logarithmic mean for positive a, b; L(a, a) = a (zeros are handled apart). For nearly equal a
 * and b, ln a − ln b rounds to 0, so log1p((a − b)/b) is used there; far apart, log1p of a
 * number near −1 loses digits, so ln(a/b) is used instead.
 */
export function logMean(a: number, b: number): number {
  const d = a - b;
  if (d === 0) return a;
  const r = d / b;
  return d / (Math.abs(r) < 0.5 ? Math.log1p(r) : Math.log(a / b));
}

interface Row {
  q: number;
  e: number;
  c: number;
}

/**
 * Decomposes the change in emissions from `base` to `target`. Sectors are matched by id; a sector
 * missing from one year counts as all zeros there.
 */
export function lmdi(base: readonly LmdiSector[], target: readonly LmdiSector[]): LmdiResult {
  const first = base[0] ?? target[0];
  if (!first) throw new LmdiInputError('no sectors');
  // All numbers in the units of the first sector, so a mix of t and kt cannot skew the shares.
  const units = { q: first.output.unit, e: first.energy.unit, c: first.emissions.unit };
  const toRow = (s: LmdiSector): Row => ({
    q: valueIn(s.output, units.q),
    e: valueIn(s.energy, units.e),
    c: valueIn(s.emissions, units.c),
  });
  const ids = [...new Set([...base.map((s) => s.id), ...target.map((s) => s.id)])];
  const zero: Row = { q: 0, e: 0, c: 0 };
  const find = (list: readonly LmdiSector[], id: string) => {
    const s = list.find((x) => x.id === id);
    return s ? toRow(s) : zero;
  };
  const rows0 = ids.map((id) => find(base, id));
  const rowsT = ids.map((id) => find(target, id));
  const q0 = rows0.reduce((s, r) => s + r.q, 0);
  const qT = rowsT.reduce((s, r) => s + r.q, 0);
  if (!(q0 > 0 && qT > 0))
    throw new LmdiInputError('total activity must be positive in both years');

  const totals: Record<LmdiFactor, number> = {
    activity: 0,
    structure: 0,
    intensity: 0,
    emissionFactor: 0,
  };
  const sectors: SectorEffects[] = ids.map((id, k) => {
    const r0 = rows0[k] as Row;
    const rT = rowsT[k] as Row;
    check(id, r0);
    check(id, rT);
    const { effects, zeroRule } = sectorEffects(r0, rT, q0, qT);
    for (const f of LMDI_FACTORS) totals[f] += effects[f];
    return {
      id,
      effects: wrap(effects, units.c),
      change: quantity(rT.c - r0.c, units.c),
      ...(zeroRule !== undefined && { zeroRule }),
    };
  });
  const c0 = rows0.reduce((s, r) => s + r.c, 0);
  const cT = rowsT.reduce((s, r) => s + r.c, 0);
  return { effects: wrap(totals, units.c), total: quantity(cT - c0, units.c), sectors };
}

function wrap(v: Record<LmdiFactor, number>, unit: string): Record<LmdiFactor, Quantity> {
  return {
    activity: quantity(v.activity, unit),
    structure: quantity(v.structure, unit),
    intensity: quantity(v.intensity, unit),
    emissionFactor: quantity(v.emissionFactor, unit),
  };
}

/** C = Q·S·I·F forbids emissions without energy and energy without output. */
function check(id: string, r: Row): void {
  if (r.q < 0 || r.e < 0 || r.c < 0)
    throw new LmdiInputError(`sector ${id}: negative values cannot be decomposed with LMDI-I`);
  if (r.e === 0 && r.c > 0) throw new LmdiInputError(`sector ${id}: emissions without energy`);
  if (r.q === 0 && r.e > 0) throw new LmdiInputError(`sector ${id}: energy without output`);
}

/** In the chain S → I → F, the first factor that is zero is the one that makes C_i zero. */
function firstZero(r: Row): LmdiFactor {
  if (r.q === 0) return 'structure';
  if (r.e === 0) return 'intensity';
  return 'emissionFactor';
}

function sectorEffects(
  r0: Row,
  rT: Row,
  q0: number,
  qT: number,
): { effects: Record<LmdiFactor, number>; zeroRule?: string } {
  const effects: Record<LmdiFactor, number> = {
    activity: 0,
    structure: 0,
    intensity: 0,
    emissionFactor: 0,
  };
  if (r0.c > 0 && rT.c > 0) {
    const w = logMean(rT.c, r0.c);
    effects.activity = w * Math.log(qT / q0);
    effects.structure = w * Math.log(rT.q / qT / (r0.q / q0));
    effects.intensity = w * Math.log(rT.e / rT.q / (r0.e / r0.q));
    effects.emissionFactor = w * Math.log(rT.c / rT.e / (r0.c / r0.e));
    return { effects };
  }
  // Ang & Liu (2007): replace zeros by δ and let δ → 0. The factor that is zero gets the whole
  // change (C^T when it appears, −C^0 when it vanishes); factors with finite ratios get 0 because
  // L(C, δ) → 0. Ratios 0/0 (e.g. intensity of a sector with no output) stay finite in that limit.
  if (r0.c === 0 && rT.c === 0) return { effects, zeroRule: 'zero in both years: all effects 0' };
  if (r0.c === 0) {
    const f = firstZero(r0);
    effects[f] = rT.c;
    return { effects, zeroRule: `zero in base year: ${f} effect = C^T` };
  }
  const f = firstZero(rT);
  effects[f] = -r0.c;
  return { effects, zeroRule: `zero in target year: ${f} effect = −C^0` };
}
