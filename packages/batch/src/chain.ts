import { combineUnits, conversionFactor, parseUnit, type Quantity } from '@carbonbase/quantity';
import type { RowParameter } from './columns.js';

/** A step of a chain: a constant multiplier, or the row's value of a parameter. */
export type ChainStep = number | { readonly parameter: RowParameter };

/**
 * The per-row arithmetic of a line as a list of multipliers. @carbonbase/quantity computes
 * `multiply(a, b)` as (a × b) × unit multiplier and `convert(q, u)` as q × conversion factor, so a
 * line's figure is its amount multiplied, left to right, by a fixed sequence of numbers once the
 * factors and units are known. Replaying that sequence gives the per-document engine's result bit
 * for bit; a multiplier of exactly 1 changes nothing in IEEE arithmetic and is left out. A value
 * the row gives itself (a measured NCV) is a parameter step, read from its column per row; its
 * unit, fixed per plan, gives the unit multiplier that follows it.
 */
export class MultiplierChain {
  readonly steps: ChainStep[] = [];

  constructor(private current: string) {}

  get unit(): string {
    return this.current;
  }

  /** The constant multipliers, for a chain without parameter steps. */
  get multipliers(): number[] {
    return this.steps.map((s) => {
      if (typeof s !== 'number') throw new Error(`internal: chain has a ${s.parameter} step`);
      return s;
    });
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

  /** Same as `multiply(q, by)` with `by` the row's value of `parameter`, given in `unit`. */
  timesParameter(parameter: RowParameter, unit: string): this {
    const c = combineUnits(this.current, unit, 1);
    this.steps.push({ parameter });
    this.push(c.multiplier);
    this.current = c.unit;
    return this;
  }

  /** Same as `scale(q, k)`. */
  scale(k: number): this {
    this.push(k);
    return this;
  }

  /** Takes the value as it is in another unit (the engine's relabelling of t of carbon as tC). */
  relabel(unit: string): this {
    this.current = parseUnit(unit).text;
    return this;
  }

  private push(k: number): void {
    if (k !== 1) this.steps.push(k);
  }
}

/** Applies a chain of constant multipliers to one amount, as the kernel does for every row. */
export function applyChain(amount: number, multipliers: readonly number[]): number {
  let v = amount;
  for (const k of multipliers) v *= k;
  return v;
}
