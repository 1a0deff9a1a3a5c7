import type { ProductFootprintInput } from '@carbonbase/pact';

/**
 * The validity period PACT filters on: the declared one, or else (PACT v3 "validity period")
 * three years from the end of the reference period.
 */
export function validityPeriod(fp: ProductFootprintInput): { start: Date; end: Date } {
  if (fp.validityPeriod) {
    return { start: new Date(fp.validityPeriod.start), end: new Date(fp.validityPeriod.end) };
  }
  const start = new Date(fp.referencePeriod.end);
  const end = new Date(start);
  end.setUTCFullYear(end.getUTCFullYear() + 3);
  return { start, end };
}
