import type { Verification } from '@carbonbase/factors';
import type { Quantity } from '@carbonbase/quantity';

/** How an input of a CBAM calculation was obtained; the importer needs to know which are defaults. */
export type InputOrigin =
  /** Activity data of the installation (production, fuel, electricity amounts). */
  | 'activity'
  /** Measured or determined by the operator (clinker CaO, a supplier's actual SEE). */
  | 'actual'
  /** A factor from the factor base (cited as id@version). */
  | 'factor'
  /** A CBAM default value, or a mark-up applied to one. */
  | 'default'
  /** Computed in another part of this calculation (a precursor's SEE, the clinker factor for CKD). */
  | 'derived';

export interface ExplainedInput {
  readonly symbol: string;
  readonly name: string;
  readonly value: Quantity;
  readonly origin: InputOrigin;
  /** `id@version` of the factor-base record. */
  readonly ref?: string;
  /** Free-text source when the value was given rather than looked up. */
  readonly source?: string;
  readonly verification?: Verification;
}

export interface CalculationStep {
  readonly symbol: string;
  readonly description: string;
  /** The arithmetic with numbers filled in. */
  readonly expression: string;
  readonly value: Quantity;
}

/** The derivation of one figure, as data: formula, inputs (with factor refs), steps, notes. */
export interface Explanation {
  readonly subject: string;
  readonly formula: string;
  readonly inputs: readonly ExplainedInput[];
  readonly steps: readonly CalculationStep[];
  readonly result: Quantity;
  readonly notes: readonly string[];
}

/** A quantity in an expression: 12 significant digits hide float noise; values stay exact. */
export const fmt = (q: Quantity): string => `${Number(q.value.toPrecision(12))} ${q.unit}`;

/** Collects a derivation while it is computed. */
export class Trace {
  readonly inputs: ExplainedInput[] = [];
  readonly steps: CalculationStep[] = [];
  readonly notes: string[] = [];

  input(i: ExplainedInput): Quantity {
    this.inputs.push(i);
    return i.value;
  }

  step(symbol: string, description: string, expression: string, value: Quantity): Quantity {
    this.steps.push({ symbol, description, expression, value });
    return value;
  }

  note(text: string): void {
    this.notes.push(text);
  }

  /** Takes over another derivation's inputs, steps and notes (a sub-calculation). */
  absorb(e: Explanation): void {
    this.inputs.push(...e.inputs);
    this.steps.push(...e.steps);
    this.notes.push(...e.notes);
  }

  finish(subject: string, formula: string, result: Quantity): Explanation {
    return {
      subject,
      formula,
      inputs: [...this.inputs],
      steps: [...this.steps],
      result,
      notes: [...this.notes],
    };
  }
}

function describeOrigin(i: ExplainedInput): string {
  const parts: string[] = [i.origin];
  if (i.ref) parts.push(i.ref);
  if (i.source) parts.push(i.source);
  if (i.verification) parts.push(`mark: ${i.verification}`);
  return parts.join(', ');
}

/** The explanation as text lines: formula, inputs with their origin and factor ref, steps, notes. */
export function explanationLines(e: Explanation): string[] {
  const lines = [`${e.subject}: ${e.formula}`];
  for (const i of e.inputs)
    lines.push(`  ${i.symbol} = ${fmt(i.value)} — ${i.name} [${describeOrigin(i)}]`);
  for (const s of e.steps) lines.push(`  ${s.symbol} = ${s.expression} = ${fmt(s.value)}`);
  for (const n of e.notes) lines.push(`  note: ${n}`);
  lines.push(`  = ${fmt(e.result)}`);
  return lines;
}
