/**
 * Arithmetic the enterprise pages do on the API's figures: grouping and summing quantities that
 * the API already computed (no emission is calculated in the browser; park and region figures
 * come whole from the overview routes). Every sum checks that its parts share a unit, so a
 * tCO2e figure is never added to a tCO2 one by accident.
 */
import type { Explanation, Quantity } from '../api/types.js';

export class UnitMismatch extends Error {
  constructor(a: string, b: string) {
    super(`cannot add ${a} to ${b}`);
    this.name = 'UnitMismatch';
  }
}

/** The sum of quantities of one unit; `unit` names the result when the list is empty. */
export function sumQuantities(parts: readonly Quantity[], unit: string): Quantity {
  let value = 0;
  for (const q of parts) {
    if (q.unit !== unit) throw new UnitMismatch(q.unit, unit);
    value += q.value;
  }
  return { value, unit };
}

/** A figure map sorted by key (months `2025-01` … `2025-12`, scopes, kinds). */
export function sortedEntries(map: Readonly<Record<string, Quantity>>): [string, Quantity][] {
  return Object.entries(map).sort(([a], [b]) => a.localeCompare(b));
}

/** The source code of a monthly line id (`coal-line-1.m07` → `coal-line-1`). */
export function sourceOfLine(lineId: string): string {
  const m = /^(.*)\.m(0[1-9]|1[0-2])$/.exec(lineId);
  return m?.[1] ?? lineId;
}

/**
 * Emissions by source from the explanation of the total: its inputs are the lines that make up
 * the total (deductions negative), one per source and month. Largest first.
 */
export function emissionsBySource(total: Explanation): { source: string; emissions: Quantity }[] {
  const unit = total.result.unit;
  const parts = new Map<string, Quantity[]>();
  for (const input of total.inputs) {
    const source = sourceOfLine(input.symbol);
    parts.set(source, [...(parts.get(source) ?? []), input.value]);
  }
  return [...parts]
    .map(([source, qs]) => ({ source, emissions: sumQuantities(qs, unit) }))
    .sort((a, b) => b.emissions.value - a.emissions.value);
}

/** The change from one figure to the next, as a fraction (0.05 = +5 %); undefined from zero. */
export function change(previous: Quantity | undefined, current: Quantity): number | undefined {
  if (!previous || previous.value === 0 || previous.unit !== current.unit) return undefined;
  return (current.value - previous.value) / Math.abs(previous.value);
}
