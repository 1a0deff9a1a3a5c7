import { combineUnits, conversionFactor, parseUnit, type Quantity } from '@carbonbase/quantity';

/**
 * The per-row arithmetic of a line as a list of multipliers. @carbonbase/quantity computes
 * `multiply(a, b)` as (a × b) × unit multiplier and `convert(q, u)` as q × conversion factor, so a
 * line's figure is its amount multiplied, left to right, by a fixed sequence of numbers once the
 * factors and units are known. Replaying that sequence gives the per-document engine's result bit
 * for bit; a multiplier of exactly 1 changes nothing in IEEE arithmetic and is left out.
 */
export class MultiplierChain {
  readonly multipliers: number[] = [];

  constructor(private current: string) {}

  get unit(): string {
    return this.current;
  }

  /** Same as `convert(q, unit)`. */
  convert(unit: string): this {
    this.push(conversionFactor(this.current, unit));
    this.current = parseUnit(unit).text;
    return this;
  }

  /** Same as `multiply(q, by)`. */
  times(by: Quantity): this {
    const { unit, multiplier } = combineUnits(this.current, by.unit, 1);
    this.push(by.value);
    this.push(multiplier);
    this.current = unit;
    return this;
  }

  /** Same as `scale(q, k)`. */
  scale(k: number): this {
    this.push(k);
    return this;
  }

  private push(k: number): void {
    if (k !== 1) this.multipliers.push(k);
  }
}

/** Applies a chain to one amount, as the kernel does for every row. */
export function applyChain(amount: number, multipliers: readonly number[]): number {
  let v = amount;
  for (const k of multipliers) v *= k;
  return v;
}
