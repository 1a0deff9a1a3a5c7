import type { FactorBase, FactorQuery } from '@carbonbase/factors';
import {
  assertCompatible,
  compatible,
  convert,
  multiply,
  quantity,
  type Quantity,
} from '@carbonbase/quantity';
import type { ExplainedInput } from './explain.js';
import type { FactorInput } from './model.js';

/** What the CBAM calculation needs from a factor base. */
export type FactorLookup = Pick<FactorBase, 'resolve' | 'get' | 'all'>;

export class CbamError extends Error {
  constructor(
    /** Where in the installation document, e.g. `processes[0].direct.calcination`. */
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'CbamError';
  }
}

/**
 * Resolves a factor input to an explained input in `unit`. A factor-base record is cited as
 * `id@version` with its mark; a given value is cited by the source the operator named.
 */
export function resolveFactor(
  base: FactorLookup,
  input: FactorInput | undefined,
  fallback: FactorQuery | undefined,
  what: { symbol: string; name: string; unit?: string; path: string },
): ExplainedInput {
  const { symbol, name, unit, path } = what;
  if (input && 'value' in input) {
    return {
      symbol,
      name,
      value: unit === undefined ? input.value : inUnit(input.value, unit, path),
      origin: 'actual',
      source: input.source,
      ...(input.verification ? { verification: input.verification } : {}),
    };
  }
  let record;
  if (input && 'ref' in input) {
    record = base.get(input.ref);
    if (!record) throw new CbamError(path, `no factor ${input.ref} in the factor base`);
  } else {
    const query = input?.query ?? fallback;
    if (!query) throw new CbamError(path, `${name}: give a factor (value, ref or query)`);
    try {
      record = base.resolve(query).record;
    } catch (e) {
      throw new CbamError(path, (e as Error).message);
    }
  }
  return {
    symbol,
    name,
    value:
      unit === undefined
        ? record.value
        : inUnit(record.value, unit, `${path} (${record.id}@${record.version})`),
    origin: 'factor',
    ref: `${record.id}@${record.version}`,
    verification: record.verification,
  };
}

/** GWP of CO2 is 1 by definition: the explicit step from CO2 to CO2e (the registry keeps them apart). */
const GWP_CO2 = quantity(1, 'tCO2e/tCO2');

/**
 * `q` in `unit`. CO2 amounts and CO2 rates are accepted where CO2e is asked for (×1 by
 * definition); anything else of the wrong dimension is an error naming the path.
 */
export function inUnit(q: Quantity, unit: string, path: string): Quantity {
  try {
    if (compatible(q.unit, unit)) return convert(q, unit);
    const asCo2e = multiply(q, GWP_CO2);
    assertCompatible(asCo2e.unit, unit);
    return convert(asCo2e, unit);
  } catch (e) {
    throw new CbamError(path, `${q.value} ${q.unit} is not in ${unit}: ${(e as Error).message}`);
  }
}
