import type { ErrorObject } from 'ajv/dist/2020.js';
import type { PactVersion } from './pact-types.js';
import type { PactSchemaName, PactSchemas } from './schemas.js';

/** One schema violation, located by a JSON Pointer into the document. */
export interface PactValidationError {
  /** JSON Pointer of the offending field, e.g. "/pcf/pCfExcludingBiogenic" ("" is the root). */
  readonly path: string;
  readonly message: string;
}

export interface PactValidationResult {
  readonly valid: boolean;
  readonly errors: readonly PactValidationError[];
}

/** Checks a document against the official schema of one PACT version (ProductFootprint by default). */
export function validatePact(
  doc: unknown,
  version: PactVersion,
  schemas: PactSchemas,
  schema: PactSchemaName = 'ProductFootprint',
): PactValidationResult {
  const validate = schemas.validator(version, schema);
  if (validate(doc)) return { valid: true, errors: [] };
  return { valid: false, errors: dedupe((validate.errors ?? []).map(toError)) };
}

/** "/pcf/pCfExcludingBiogenic: must be string" — one line per error, for messages and logs. */
export function formatPactErrors(errors: readonly PactValidationError[]): string[] {
  return errors.map((e) => `${e.path || '/'}: ${e.message}`);
}

function toError(e: ErrorObject): PactValidationError {
  // A missing property is reported on its parent; point at the property itself instead.
  const missing =
    e.keyword === 'required'
      ? (e.params as { missingProperty?: string }).missingProperty
      : undefined;
  if (missing !== undefined)
    return { path: `${e.instancePath}/${missing}`, message: 'is required' };
  const allowed = (e.params as { allowedValues?: unknown }).allowedValues;
  const suffix = Array.isArray(allowed) ? ` (${allowed.map(String).join(', ')})` : '';
  return { path: e.instancePath, message: `${e.message ?? 'is invalid'}${suffix}` };
}

function dedupe(errors: PactValidationError[]): PactValidationError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
