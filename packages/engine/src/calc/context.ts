import {
  FactorNotFoundError,
  type FactorBase,
  type FactorQuery,
  type Resolution,
} from '@carbonbase/factors';
import { compatible, convert, dimensionOf, type Quantity } from '@carbonbase/quantity';
import type { DocumentIssue } from '../document/issues.js';
import type { Inventory, InventoryLine } from '../document/schema.js';
import type {
  CalculationStep,
  ExplainedFactor,
  ExplainedInput,
  UnitConversion,
} from '../explain/types.js';
import type { MethodConstant } from '../methods/constants.js';
import type { MethodSet } from '../methods/method-set.js';

/** What the engine needs from a factor base: resolution only (FactorBase satisfies it). */
export type FactorLookup = Pick<FactorBase, 'resolve'>;

/** A data-quality finding that does not stop the calculation. */
export interface Warning {
  readonly code: string;
  readonly message: string;
  readonly line?: string;
  readonly field?: string;
}

/** Thrown to abandon one line after its issue has been recorded; the engine goes on with the rest. */
export class LineFailed extends Error {
  constructor() {
    super('line failed');
    this.name = 'LineFailed';
  }
}

/** Shared state of one accounting run: the document, the method, the factors, and findings. */
export class RunContext {
  readonly issues: DocumentIssue[] = [];
  readonly warnings: Warning[] = [];

  constructor(
    readonly inventory: Inventory,
    readonly method: MethodSet,
    readonly factors: FactorLookup,
    readonly document: string,
  ) {}

  fail(line: string | undefined, field: string, message: string): never {
    this.issues.push({ document: this.document, line, field, message });
    throw new LineFailed();
  }

  warn(code: string, message: string, line?: string, field?: string): void {
    this.warnings.push({ code, message, line, field });
  }

  /** The site region of a line: its facility's region, else the reporter's. */
  regionOf(line: InventoryLine): string {
    const facility = this.inventory.facilities?.find((f) => f.id === line.facility);
    return facility?.region ?? this.inventory.reporter.region;
  }
}

/** Quantity in an expression string: 12 significant digits hide float noise; the value itself is kept exact. */
export const fmt = (q: Quantity): string => `${Number(q.value.toPrecision(12))} ${q.unit}`;

/** Collects the derivation of one line while it is calculated; becomes its Explanation. */
export class LineTrace {
  readonly inputs: ExplainedInput[] = [];
  readonly factors: ExplainedFactor[] = [];
  readonly conversions: UnitConversion[] = [];
  readonly steps: CalculationStep[] = [];
  readonly notes: string[] = [];

  constructor(
    readonly ctx: RunContext,
    readonly line: InventoryLine,
  ) {}

  fail(field: string, message: string): never {
    return this.ctx.fail(this.line.id, field, message);
  }

  warn(code: string, message: string, field?: string): void {
    this.ctx.warn(code, message, this.line.id, field);
  }

  activity(symbol: string, name: string, value: Quantity, field: string): Quantity {
    this.inputs.push({ symbol, name, value, origin: 'activity', field });
    return value;
  }

  measured(symbol: string, name: string, value: Quantity, field: string): Quantity {
    this.inputs.push({ symbol, name, value, origin: 'measured', field });
    return value;
  }

  constant(c: MethodConstant, origin: 'constant' | 'default' = 'constant'): Quantity {
    this.inputs.push({
      symbol: c.symbol,
      name: c.name,
      value: c.value,
      origin,
      citation: c.citation,
    });
    return c.value;
  }

  derived(symbol: string, name: string, value: Quantity): Quantity {
    this.inputs.push({ symbol, name, value, origin: 'derived' });
    return value;
  }

  note(text: string): void {
    this.notes.push(text);
  }

  step(symbol: string, description: string, expression: string, value: Quantity): Quantity {
    this.steps.push({ symbol, description, expression, value });
    return value;
  }

  /** Converts and records the conversion when the unit actually changes. */
  convert(what: string, q: Quantity, unit: string): Quantity {
    const to = convert(q, unit);
    if (to.unit !== q.unit) this.conversions.push({ what, from: q, to });
    return to;
  }

  /**
   * Resolves a factor without recording it (for comparisons); undefined when there is none.
   */
  peek(query: FactorQuery): Resolution | undefined {
    try {
      return this.ctx.factors.resolve(query);
    } catch (e) {
      if (e instanceof FactorNotFoundError) return undefined;
      throw e;
    }
  }

  /**
   * Resolves a default from the factor base and records it as an input and a cited factor. A
   * missing factor fails the line on `field`; a value of the wrong dimension fails it too (a data
   * error in the factor set, named by its id@version).
   */
  resolve(
    field: string,
    symbol: string,
    name: string,
    query: FactorQuery,
    expectedUnit: string | readonly string[],
    onMissing?: (error: FactorNotFoundError) => never,
  ): Quantity {
    const expected = typeof expectedUnit === 'string' ? [expectedUnit] : expectedUnit;
    let res: Resolution;
    try {
      res = this.ctx.factors.resolve(query);
    } catch (e) {
      if (!(e instanceof FactorNotFoundError)) throw e;
      if (onMissing) onMissing(e);
      return this.fail(
        field,
        `${e.message} — give "${field}" in the document or load a factor set that has it`,
      );
    }
    const r = res.record;
    if (!expected.some((u) => compatible(r.value.unit, u))) {
      this.fail(
        field,
        `因子单位不符 factor ${res.ref} has unit "${r.value.unit}" (${dimensionOf(r.value.unit)}), expected ${expected.map((u) => `${u} (${dimensionOf(u)})`).join(' or ')}`,
      );
    }
    this.factors.push({
      ref: res.ref,
      id: r.id,
      version: r.version,
      code: r.code,
      parameter: r.parameter,
      value: r.value,
      region: r.region,
      ...(r.year !== undefined ? { year: r.year } : {}),
      ...(r.basis !== undefined ? { basis: r.basis } : {}),
      set: r.set,
      source: {
        document: r.source.document,
        ...(r.source.clause !== undefined ? { clause: r.source.clause } : {}),
        ...(r.source.url !== undefined ? { url: r.source.url } : {}),
      },
      verification: r.verification,
      reasons: res.reasons,
    });
    this.inputs.push({ symbol, name, value: r.value, origin: 'default', factor: res.ref });
    if (r.verification === 'recalled') {
      this.warn(
        'recalled-factor',
        `因子仅凭记忆未经核实 factor ${res.ref} (${r.code} ${r.parameter}) is marked recalled (R): check it against ${r.source.document} before relying on the figure`,
        field,
      );
    }
    return r.value;
  }

  /** A parameter: the document's measured value when given, else the factor-base default. */
  param(
    field: string,
    symbol: string,
    name: string,
    given: Quantity | undefined,
    query: FactorQuery,
    expectedUnit: string | readonly string[],
    onMissing?: (error: FactorNotFoundError) => never,
  ): { value: Quantity; measured: boolean } {
    if (given) return { value: this.measured(symbol, name, given, field), measured: true };
    return {
      value: this.resolve(field, symbol, name, query, expectedUnit, onMissing),
      measured: false,
    };
  }
}
