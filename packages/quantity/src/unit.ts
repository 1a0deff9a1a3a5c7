import { DimensionError, UnknownUnitError } from './errors.js';
import { lookupSymbol, type UnitInfo } from './registry.js';

/** One factor of a compound unit, e.g. GJ in GJ/万Nm3 (exponent 1) or 万Nm3 (exponent −1). */
export interface UnitTerm {
  readonly unit: UnitInfo;
  readonly exponent: number;
}

/** Base dimension → exponent; a dimensionless unit has no entries. */
export type Dimensions = Readonly<Record<string, number>>;

/** A parsed unit expression: its canonical spelling, its dimensions and its size. */
export interface Unit {
  readonly text: string;
  readonly terms: readonly UnitTerm[];
  /** Pure numeric scale written into the unit, such as the 10^-3 in "10^-3 tC/GJ". */
  readonly scale: number;
  readonly dimensions: Dimensions;
  /** Size of one of this unit in the reference units of its dimensions. */
  readonly factor: number;
}

const SCALE = /^10\^(-?\d+)$/;
const TERM = /^(.+?)(?:\^(-?\d+))?$/;
const cache = new Map<string, Unit>();

/** Parses a unit expression such as `t`, `GJ/万Nm3`, `tCO2/MWh`, `10^-3 tC/GJ`, `kWh/t·a`. */
export function parseUnit(expression: string): Unit {
  const cached = cache.get(expression);
  if (cached) return cached;
  const unit = parseUncached(expression);
  cache.set(expression, unit);
  return unit;
}

function parseUncached(expression: string): Unit {
  const text = expression
    .trim()
    .replace(/10\^4\s*(?=[^\s·*×/^])/g, '万')
    .replace(/10\^8\s*(?=[^\s·*×/^])/g, '亿')
    .replace(/\s*([/·*×])\s*/g, '$1');
  if (text === '') throw new UnknownUnitError(expression, 'empty unit');
  const sides = text.split('/');
  if (sides.length > 2) {
    throw new UnknownUnitError(expression, 'use one "/" and "·" for the denominator, e.g. kg/t·km');
  }
  let scale = 1;
  const terms: UnitTerm[] = [];
  sides.forEach((side, index) => {
    const sign = index === 0 ? 1 : -1;
    for (const token of side.split(/[·*×\s]+/)) {
      if (token === '' || token === '1') {
        if (token === '' && !(index === 0 && side === '')) {
          throw new UnknownUnitError(expression, 'missing unit around an operator');
        }
        continue;
      }
      const scaleMatch = SCALE.exec(token);
      if (scaleMatch) {
        scale *= 10 ** (sign * Number(scaleMatch[1]));
        continue;
      }
      const m = TERM.exec(token);
      if (!m?.[1]) throw new UnknownUnitError(expression);
      let info: UnitInfo;
      try {
        info = lookupSymbol(m[1]);
      } catch {
        throw new UnknownUnitError(expression, `"${m[1]}" is not a known unit`);
      }
      terms.push({ unit: info, exponent: sign * (m[2] ? Number(m[2]) : 1) });
    }
  });
  return build(mergeTerms(terms), scale);
}

function mergeTerms(terms: readonly UnitTerm[]): UnitTerm[] {
  const bySymbol = new Map<string, UnitTerm>();
  for (const t of terms) {
    const prev = bySymbol.get(t.unit.symbol);
    bySymbol.set(t.unit.symbol, { unit: t.unit, exponent: (prev?.exponent ?? 0) + t.exponent });
  }
  return [...bySymbol.values()].filter((t) => t.exponent !== 0);
}

function build(terms: readonly UnitTerm[], scale: number): Unit {
  const dims: Record<string, number> = {};
  let factor = scale;
  for (const t of terms) {
    factor *= t.unit.factor ** t.exponent;
    if (t.unit.dimension !== null) {
      dims[t.unit.dimension] = (dims[t.unit.dimension] ?? 0) + t.exponent;
      if (dims[t.unit.dimension] === 0) delete dims[t.unit.dimension];
    }
  }
  return { text: formatTerms(terms, scale), terms, scale, dimensions: dims, factor };
}

function formatScale(scale: number): string {
  const k = Math.log10(scale);
  return Number.isInteger(k) ? `10^${k}` : String(scale);
}

function formatTerms(terms: readonly UnitTerm[], scale: number): string {
  const power = (t: UnitTerm) =>
    Math.abs(t.exponent) === 1 ? t.unit.symbol : `${t.unit.symbol}^${Math.abs(t.exponent)}`;
  const num = terms.filter((t) => t.exponent > 0).map(power);
  const den = terms.filter((t) => t.exponent < 0).map(power);
  if (scale !== 1) num.unshift(formatScale(scale));
  const top = num.length ? num.join('·') : '1';
  return den.length ? `${top}/${den.join('·')}` : top;
}

/** Human-readable dimension, e.g. "energy/mass" or "dimensionless". */
export function describeDimensions(d: Dimensions): string {
  const entries = Object.entries(d).sort(([a], [b]) => a.localeCompare(b));
  const side = (sign: number) =>
    entries
      .filter(([, e]) => Math.sign(e) === sign)
      .map(([name, e]) => (Math.abs(e) === 1 ? name : `${name}^${Math.abs(e)}`))
      .join('·');
  const num = side(1);
  const den = side(-1);
  if (!num && !den) return 'dimensionless';
  return den ? `${num || '1'}/${den}` : num;
}

export function sameDimensions(a: Dimensions, b: Dimensions): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? 0) !== (b[k] ?? 0)) return false;
  return true;
}

/** The factor that turns a number in `from` into a number in `to`; throws on a dimension mismatch. */
export function conversionFactor(from: string, to: string): number {
  const a = parseUnit(from);
  const b = parseUnit(to);
  if (!sameDimensions(a.dimensions, b.dimensions)) {
    throw new DimensionError(
      a.text,
      b.text,
      describeDimensions(a.dimensions),
      describeDimensions(b.dimensions),
    );
  }
  return a.factor / b.factor;
}

/**
 * The unit of a product (exponent +1) or quotient (−1) of two units, simplified: repeated symbols
 * add up, a symbol over another of the same single dimension cancels into a number (t/kg → 1000),
 * and dimensionless terms (%, 10^k) fold into that number. Returns the unit and the number.
 */
export function combineUnits(
  a: string,
  b: string,
  exponent: 1 | -1,
): { unit: string; multiplier: number } {
  const ua = parseUnit(a);
  const ub = parseUnit(b);
  let multiplier = ua.scale * ub.scale ** exponent;
  let terms = mergeTerms([
    ...ua.terms,
    ...ub.terms.map((t) => ({ unit: t.unit, exponent: t.exponent * exponent })),
  ]);
  // Fold dimensionless terms (%, ‰) into the number.
  for (const t of terms) if (t.unit.dimension === null) multiplier *= t.unit.factor ** t.exponent;
  terms = terms.filter((t) => t.unit.dimension !== null);
  // Cancel opposite terms of one dimension: keep the numerator's unit, fold the ratio.
  let changed = true;
  while (changed) {
    changed = false;
    for (const p of terms) {
      if (p.exponent <= 0) continue;
      const q = terms.find((t) => t.exponent < 0 && t.unit.dimension === p.unit.dimension);
      if (!q) continue;
      multiplier *= p.unit.factor / q.unit.factor;
      terms = terms
        .map((t) =>
          t === p
            ? { unit: t.unit, exponent: t.exponent - 1 }
            : t === q
              ? { unit: t.unit, exponent: t.exponent + 1 }
              : t,
        )
        .filter((t) => t.exponent !== 0);
      changed = true;
      break;
    }
  }
  return { unit: formatTerms(terms, 1), multiplier };
}
