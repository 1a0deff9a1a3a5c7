import { quantity, scale, type Quantity } from '@carbonbase/quantity';
import { cement, computeLine } from './calc/dispatch.js';
import { LineFailed, LineTrace, RunContext, type FactorLookup } from './calc/context.js';
import type { LineCalc } from './calc/line-calc.js';
import { InventoryError } from './document/issues.js';
import { parseInventory } from './document/parse.js';
import type { Inventory, InventoryLine } from './document/schema.js';
import type { Explanation } from './explain/types.js';
import { getMethodSet, UnknownMethodError } from './methods/registry.js';
import type { KindRule, MethodSet } from './methods/method-set.js';
import { aggregate } from './results/aggregate.js';
import { checkDocumentQuality, checkProcessFloor } from './results/quality.js';
import {
  RESULT_FORMAT,
  type InventoryResult,
  type LineResult,
  type Treatment,
} from './results/types.js';

export interface AccountOptions {
  /** Method-set id or alias; overrides the document's `method`. */
  readonly method?: string;
  /** File name used in error messages and results. */
  readonly document?: string;
}

const ZERO = quantity(0, 'tCO2e');

/**
 * Accounts an inventory: validates the document, calculates every line by the method set with
 * factors from `factors`, and returns results with an explanation for every line and total.
 * Pure: no I/O, no clock, no randomness; the same inputs give the same JSON byte for byte.
 * Throws InventoryError listing every error (document, line id, field).
 */
export function account(
  raw: unknown,
  factors: FactorLookup,
  options: AccountOptions = {},
): InventoryResult {
  const document = options.document ?? 'inventory';
  const inventory = parseInventory(raw, document);
  let method: MethodSet;
  try {
    method = getMethodSet(options.method ?? inventory.method);
  } catch (e) {
    if (e instanceof UnknownMethodError) {
      throw new InventoryError([
        { document, field: options.method ? '--method' : 'method', message: e.message },
      ]);
    }
    throw e;
  }
  return accountInventory(inventory, method, factors, document);
}

export function accountInventory(
  inventory: Inventory,
  method: MethodSet,
  factors: FactorLookup,
  document = 'inventory',
): InventoryResult {
  const ctx = new RunContext(inventory, method, factors, document);
  checkDocumentQuality(ctx);
  const calcs = new Map<string, { calc: LineCalc; trace: LineTrace }>();
  // Kiln dust needs the clinker factor of its facility, so it is calculated after the clinker lines.
  const order = [
    ...inventory.lines.filter((l) => l.kind !== 'kiln-dust'),
    ...inventory.lines.filter((l) => l.kind === 'kiln-dust'),
  ];
  for (const line of order) {
    if (treatmentRule(method, line).treatment === 'excluded') continue;
    const trace = new LineTrace(ctx, line);
    try {
      const facilityEf =
        line.kind === 'kiln-dust'
          ? cement.facilityClinkerFactor(line.facility, inventory.lines, calcs)
          : undefined;
      calcs.set(line.id, { calc: computeLine(trace, line, facilityEf), trace });
    } catch (e) {
      if (!(e instanceof LineFailed)) throw e;
    }
  }
  if (ctx.issues.length) throw new InventoryError(ctx.issues);

  const lines: LineResult[] = inventory.lines.map((line) => {
    const rule = treatmentRule(method, line);
    const done = calcs.get(line.id);
    if (!done) {
      ctx.warn(
        'kind-not-in-method',
        `${line.kind} 不属于 ${method.id}, excluded (see the line's explanation for why)`,
        line.id,
        'kind',
      );
      return excludedLine(line, rule.reason);
    }
    return lineResult(line, rule, done.calc, done.trace, method);
  });

  checkProcessFloor(ctx, lines);
  return aggregate({
    format: RESULT_FORMAT,
    document,
    inventory,
    method,
    lines,
    warnings: ctx.warnings,
  });
}

interface TreatmentRule {
  readonly treatment: Treatment;
  readonly rule?: KindRule;
  readonly reason: string;
}

function treatmentRule(method: MethodSet, line: InventoryLine): TreatmentRule {
  if (line.kind === 'electricity-generated') {
    return {
      treatment: 'memo',
      reason: '自发电为备忘项 on-site generation is a memo item, not an emission source',
    };
  }
  const rule = method.kinds[line.kind];
  if (line.kind === 'ccus' && rule) {
    const deducted = method.ccusDeducted.includes(line.destination);
    return deducted
      ? { treatment: 'deducted', rule, reason: method.ccusCondition }
      : { treatment: 'memo', rule, reason: method.ccusCondition };
  }
  if (!rule) {
    if (method.memoKinds?.kinds.includes(line.kind)) {
      return { treatment: 'memo', reason: method.memoKinds.reason };
    }
    return { treatment: 'excluded', reason: method.excludedReason };
  }
  return { treatment: rule.sign < 0 ? 'deducted' : 'included', rule, reason: '' };
}

function explanation(
  line: InventoryLine,
  calc: LineCalc,
  trace: LineTrace,
  method: MethodSet,
  result: Quantity,
  treatment: string,
): Explanation {
  return {
    subject: line.id,
    title: `${line.kind}${line.facility ? ` @ ${line.facility}` : ''}${line.month ? ` (${line.month}月)` : ''}`,
    formula: { id: calc.formula, text: calc.formulaText, citation: method.formulas[calc.formula] },
    inputs: trace.inputs,
    factors: trace.factors,
    conversions: trace.conversions,
    steps: trace.steps,
    result,
    treatment,
    notes: trace.notes,
  };
}

function lineResult(
  line: InventoryLine,
  tr: TreatmentRule,
  calc: LineCalc,
  trace: LineTrace,
  method: MethodSet,
): LineResult {
  const sign = tr.treatment === 'included' ? 1 : tr.treatment === 'deducted' ? -1 : 0;
  const emissions = sign === 0 ? ZERO : scale(calc.co2e, sign);
  const marketBased = calc.marketCo2e && sign !== 0 ? scale(calc.marketCo2e, sign) : undefined;
  const treatmentText =
    tr.treatment === 'included'
      ? `计入 included in ${tr.rule?.scope ?? ''} (${tr.rule?.citation.standard ?? method.id}: ${tr.rule?.citation.clause ?? ''})`
      : tr.treatment === 'deducted'
        ? `扣减 deducted (${tr.rule?.citation.standard ?? method.id}: ${tr.rule?.citation.clause ?? ''})${tr.reason ? `; ${tr.reason}` : ''}`
        : `备忘 memo, not in the total: ${tr.reason}`;
  return {
    id: line.id,
    kind: line.kind,
    ...(line.facility !== undefined ? { facility: line.facility } : {}),
    ...(line.month !== undefined ? { month: line.month } : {}),
    gas: calc.gas,
    ...(tr.rule && sign !== 0 ? { scope: tr.rule.scope } : {}),
    treatment: tr.treatment,
    emissions,
    calculated: calc.co2e,
    ...(marketBased ? { marketBased } : {}),
    ...(calc.gasMass ? { gasMass: calc.gasMass } : {}),
    ...(calc.biomassCo2 ? { biomassCO2: calc.biomassCo2 } : {}),
    ...(calc.energy
      ? {
          energy: {
            calorific: calc.energy.calorific,
            ...(calc.energy.equivalent ? { equivalent: calc.energy.equivalent } : {}),
          },
        }
      : {}),
    ...(method.clinkerBoundary ? { inClinkerBoundary: line.inClinkerBoundary ?? true } : {}),
    explanation: explanation(line, calc, trace, method, emissions, treatmentText),
  };
}

function excludedLine(line: InventoryLine, reason: string): LineResult {
  return {
    id: line.id,
    kind: line.kind,
    ...(line.facility !== undefined ? { facility: line.facility } : {}),
    ...(line.month !== undefined ? { month: line.month } : {}),
    gas: line.kind === 'non-co2' ? line.gas : 'CO2',
    treatment: 'excluded',
    emissions: ZERO,
    explanation: {
      subject: line.id,
      title: line.kind,
      formula: {
        id: 'excluded',
        text: '—',
        citation: { standard: '—', clause: 'outside the method', verification: 'verified' },
      },
      inputs: [],
      factors: [],
      conversions: [],
      steps: [],
      result: ZERO,
      treatment: `不适用 excluded: ${reason}`,
      notes: [],
    },
  };
}
