import data from './units.json' with { type: 'json' };
import { UnknownUnitError } from './errors.js';

export interface DimensionInfo {
  readonly id: string;
  readonly reference: string;
  readonly name: string;
  readonly nameEn: string;
}

export interface UnitInfo {
  /** Canonical symbol, including a 万/亿 prefix when one was used (万Nm3, 万元 → 万CNY). */
  readonly symbol: string;
  /** Base dimension, or null for dimensionless units such as % and 1. */
  readonly dimension: string | null;
  /** Size of one of this unit in the dimension's reference unit. */
  readonly factor: number;
  readonly name: string;
  readonly nameEn: string;
}

interface UnitRow {
  symbol: string;
  aliases: string[];
  dimension: string | null;
  factor: number;
  name: string;
  nameEn: string;
}

const dimensions = new Map<string, DimensionInfo>(
  Object.entries(data.dimensions).map(([id, d]) => [id, { id, ...d }]),
);
const bySymbol = new Map<string, UnitInfo>();
for (const row of data.units as UnitRow[]) {
  const info: UnitInfo = {
    symbol: row.symbol,
    dimension: row.dimension,
    factor: row.factor,
    name: row.name,
    nameEn: row.nameEn,
  };
  for (const key of [row.symbol, ...row.aliases]) {
    if (bySymbol.has(key)) throw new Error(`units.json: symbol or alias "${key}" is defined twice`);
    bySymbol.set(key, info);
  }
}
const prefixes = data.prefixes;

/** Looks up one unit symbol (no operators), allowing a 万 or 亿 prefix on any unit. */
export function lookupSymbol(symbol: string): UnitInfo {
  const direct = bySymbol.get(symbol);
  if (direct) return direct;
  for (const p of prefixes) {
    if (symbol.startsWith(p.symbol) && symbol.length > p.symbol.length) {
      const base = bySymbol.get(symbol.slice(p.symbol.length));
      if (base && base.dimension !== null) {
        return {
          symbol: p.symbol + base.symbol,
          dimension: base.dimension,
          factor: base.factor * p.factor,
          name: p.name + base.name,
          nameEn: `${p.nameEn} ${base.nameEn}`,
        };
      }
    }
  }
  throw new UnknownUnitError(symbol);
}

export function dimensionInfo(id: string): DimensionInfo {
  const d = dimensions.get(id);
  if (!d) throw new Error(`unknown dimension ${id}`);
  return d;
}

/** Every registered unit (canonical symbols only), for documentation and pickers. */
export function listUnits(): UnitInfo[] {
  return [...new Set(bySymbol.values())];
}
