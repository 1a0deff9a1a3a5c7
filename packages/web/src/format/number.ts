/**
 * Number formatting with Chinese conventions: thousands separators everywhere, and 万 (10⁴) and
 * 亿 (10⁸) for large magnitudes in Chinese, where English uses thousand / million / billion.
 * Pure functions of (value, language) so that tests pin the output and no page formats by hand.
 */
export type NumberLang = 'zh' | 'en';

const LOCALE: Record<NumberLang, string> = { zh: 'zh-CN', en: 'en-US' };

/**
 * A value as published: thousands separators, up to `maxFractionDigits` decimals, trailing zeros
 * dropped (factor values carry their own precision; padding would invent digits).
 */
export function formatNumber(value: number, lang: NumberLang, maxFractionDigits = 6): string {
  if (!Number.isFinite(value)) return String(value);
  return new Intl.NumberFormat(LOCALE[lang], {
    maximumFractionDigits: maxFractionDigits,
    useGrouping: true,
  }).format(value);
}

interface Scale {
  readonly factor: number;
  readonly word: string;
}

// Largest first. English uses words, not "K/M/B", because users read the figures in reports.
const ZH_SCALES: readonly Scale[] = [
  { factor: 1e8, word: '亿' },
  { factor: 1e4, word: '万' },
];
const EN_SCALES: readonly Scale[] = [
  { factor: 1e9, word: 'billion' },
  { factor: 1e6, word: 'million' },
];

/**
 * A large magnitude for reading at a glance: 12,345,678 → "1,234.57万" (zh) / "12.35 million"
 * (en); 123,456,789 → "1.23亿". Values below 10,000 (zh) or 1,000,000 (en) are shown in full.
 * `fractionDigits` applies to the scaled value.
 */
export function formatCompact(value: number, lang: NumberLang, fractionDigits = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (lang === 'zh') {
    for (const s of ZH_SCALES) {
      if (abs >= s.factor)
        return `${formatNumber(value / s.factor, 'zh', fractionDigits)}${s.word}`;
    }
    return formatNumber(value, 'zh', fractionDigits);
  }
  for (const s of EN_SCALES) {
    if (abs >= s.factor) return `${formatNumber(value / s.factor, 'en', fractionDigits)} ${s.word}`;
  }
  return formatNumber(value, 'en', fractionDigits);
}

/** A value with its unit: "19.57 GJ/t", "1.2万 t". Units are written as published (tCO2/MWh). */
export function formatQuantity(value: number, unit: string, lang: NumberLang): string {
  if (unit === '%') return `${formatNumber(value, lang)}%`;
  return `${formatNumber(value, lang)} ${unit}`;
}

/** A large quantity at a glance with its unit: "12.35万 tCO2e" (zh), "123,456 tCO2e" (en). */
export function formatQuantityCompact(
  quantity: { readonly value: number; readonly unit: string },
  lang: NumberLang,
  fractionDigits = 2,
): string {
  return `${formatCompact(quantity.value, lang, fractionDigits)} ${quantity.unit}`;
}

/** A fraction as a signed percentage: 0.0312 → "+3.1%", -0.2 → "-20%". */
export function formatChange(fraction: number, lang: NumberLang): string {
  const text = formatNumber(Math.abs(fraction) * 100, lang, 1);
  return `${fraction > 0 ? '+' : fraction < 0 ? '-' : '±'}${text}%`;
}

/** A share as a percentage: 0.4567 → "45.7%". */
export function formatShare(fraction: number, lang: NumberLang): string {
  return `${formatNumber(fraction * 100, lang, 1)}%`;
}
