/**
 * PACT carries every amount as a decimal string (`"12.5"`, `"-0.3"`), never as a JSON number, so
 * that no reader sees binary floating-point artefacts. These helpers are the only place where a
 * number becomes such a string or comes back from one.
 */

/** The decimal syntax PACT's `format: decimal` stands for: optional minus, digits, optional fraction. */
export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

/**
 * Significant digits kept when writing a number. 15 is the most that every IEEE-754 double
 * round-trips through decimal, so artefacts such as 0.1 + 0.2 = 0.30000000000000004 disappear
 * while every value computed from real measurements is kept.
 */
const SIGNIFICANT_DIGITS = 15;

/** Writes a finite number as a plain decimal string without exponent or trailing zeros. */
export function toDecimalString(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`${value} cannot be written as a PACT decimal`);
  if (value === 0) return '0'; // also turns -0 into "0"
  const [mantissa = '', exponentText = '0'] = value.toPrecision(SIGNIFICANT_DIGITS).split('e');
  const negative = mantissa.startsWith('-');
  const [intPart = '', fracPart = ''] = mantissa.replace('-', '').split('.');
  const exponent = Number(exponentText);
  // Shift the decimal point by the exponent on the digit string, so no float arithmetic happens.
  const digits = intPart + fracPart;
  const pointAt = intPart.length + exponent;
  let text: string;
  if (pointAt <= 0) text = `0.${'0'.repeat(-pointAt)}${digits}`;
  else if (pointAt >= digits.length) text = digits + '0'.repeat(pointAt - digits.length);
  else text = `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
  text = trimZeros(text);
  return negative && text !== '0' ? `-${text}` : text;
}

function trimZeros(text: string): string {
  let t = text.replace(/^0+(?=\d)/, '');
  if (t.includes('.')) t = t.replace(/0+$/, '').replace(/\.$/, '');
  return t === '' ? '0' : t;
}

/** Reads a PACT decimal string; anything else is an error, never NaN. */
export function parseDecimal(text: string): number {
  if (!DECIMAL_PATTERN.test(text)) throw new RangeError(`"${text}" is not a PACT decimal`);
  return Number(text);
}
