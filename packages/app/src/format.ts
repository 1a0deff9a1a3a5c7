/** A number as exact decimal text (no exponent for the magnitudes activity data has). */
export function formatUnitless(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}
