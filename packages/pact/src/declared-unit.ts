import { compatible, convert, type Quantity } from '@carbonbase/quantity';

/**
 * PACT names its declared units in words; carbonbase writes units as registry symbols. This table
 * is the one bridge between them. `unit` is null where the registry has no such unit yet, so the
 * gap is visible here rather than hidden in a conversion.
 */
export const PACT_DECLARED_UNITS = [
  { pact: 'kilogram', unit: 'kg', versions: ['2', '3'] },
  { pact: 'liter', unit: 'L', versions: ['2', '3'] },
  { pact: 'cubic meter', unit: 'm3', versions: ['2', '3'] },
  { pact: 'kilowatt hour', unit: 'kWh', versions: ['2', '3'] },
  { pact: 'megajoule', unit: 'MJ', versions: ['2', '3'] },
  { pact: 'ton kilometer', unit: 't·km', versions: ['2', '3'] },
  { pact: 'square meter', unit: 'm2', versions: ['2', '3'] },
  { pact: 'piece', unit: 'item', versions: ['3'] },
  { pact: 'hour', unit: 'h', versions: ['3'] },
  // A data-transfer dimension (bit) does not exist in the unit registry.
  { pact: 'megabit second', unit: null, versions: ['3'] },
] as const satisfies readonly {
  pact: string;
  unit: string | null;
  versions: readonly ('2' | '3')[];
}[];

export type PactDeclaredUnit = (typeof PACT_DECLARED_UNITS)[number]['pact'];
export type PactMajorVersion = '2' | '3';

export class PactUnitError extends Error {
  override readonly name = 'PactUnitError';
}

/**
 * The PACT declared unit for a carbonbase declared unit, with the amount converted into it: 1 t of
 * clinker becomes 1000 kilogram. Values per declared unit do not change, since the declared unit
 * is the same physical amount.
 */
export function toPactDeclaredUnit(
  declared: Quantity,
  version: PactMajorVersion,
): { unit: PactDeclaredUnit; amount: number } {
  const rows = PACT_DECLARED_UNITS.filter(
    (r) => r.unit !== null && (r.versions as readonly string[]).includes(version),
  );
  // The same unit first (MJ stays megajoule), then any unit of the same dimension (t → kilogram).
  const row =
    rows.find((r) => r.unit === declared.unit) ??
    rows.find((r) => r.unit !== null && compatible(declared.unit, r.unit));
  if (row?.unit) return { unit: row.pact, amount: convert(declared, row.unit).value };
  throw new PactUnitError(
    `declared unit "${declared.unit}" has no PACT v${version} equivalent ` +
      `(PACT allows ${PACT_DECLARED_UNITS.filter((r) =>
        (r.versions as readonly string[]).includes(version),
      )
        .map((r) => r.pact)
        .join(', ')})`,
  );
}

/** The registry unit for a PACT declared unit; throws for units the registry lacks. */
export function fromPactDeclaredUnit(pact: string): string {
  const row = PACT_DECLARED_UNITS.find((r) => r.pact === pact);
  if (!row) throw new PactUnitError(`"${pact}" is not a PACT declared unit`);
  if (row.unit === null) {
    throw new PactUnitError(`PACT declared unit "${pact}" has no unit in the carbonbase registry`);
  }
  return row.unit;
}
