import type { Explanation } from './types.js';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isQuantity = (v: unknown): boolean =>
  isRecord(v) && typeof v.value === 'number' && typeof v.unit === 'string';

/**
 * The explanation route answers an open object; this checks the fields the pages read before
 * they are read, so an API change shows as an error message and not as a blank drawer.
 */
export function asExplanation(value: unknown): Explanation {
  if (
    isRecord(value) &&
    typeof value.subject === 'string' &&
    typeof value.title === 'string' &&
    isRecord(value.formula) &&
    typeof value.formula.text === 'string' &&
    Array.isArray(value.inputs) &&
    value.inputs.every((i) => isRecord(i) && typeof i.symbol === 'string' && isQuantity(i.value)) &&
    Array.isArray(value.factors) &&
    Array.isArray(value.steps) &&
    Array.isArray(value.conversions) &&
    Array.isArray(value.notes) &&
    isQuantity(value.result)
  )
    return value as unknown as Explanation;
  throw new Error('the API sent an explanation without the expected fields');
}
