/**
 * Formatting and reading helpers of the park and region overviews (ScopeDashboard, SynergyPanel),
 * apart from the components so that they are tested on their own.
 */
import { formatCompact, formatNumber } from '../../format/number.js';

type Lang = 'zh' | 'en';

/**
 * The reader's half of an API note. The notes are written Chinese first, then English, and the
 * Chinese half may itself hold codes and units in Latin letters ("DEMO-PWR-01 向本地区 …",
 * "61.5万 MWh"), so the English half is the first Latin word after the note's last Chinese
 * character (and the figures after it: "…为第 1 by total"), not after its first one
 * (bilingualPart, made for names).
 */
export function notePart(note: string, lang: Lang): string {
  const m = /^(.*[\u3000-\u9fff\uff00-\uffef][^A-Za-z]*?)\s+([A-Za-z].*)$/su.exec(note.trim());
  if (!m?.[1] || !m[2]) return note;
  return lang === 'zh' ? m[1] : m[2];
}

/**
 * Tonnes of a pollutant, the unit in the heading: 万/亿 (zh) as for emissions from 10 000 t, whole
 * tonnes from 100 t, one decimal from 1 t, three (to the kilogram, as stored) below, so that a
 * small emitter does not read as zero. Another unit than t is always written out.
 */
export function formatTonnes(
  q: { value: number; unit: string },
  lang: Lang,
  options: { readonly signed?: boolean; readonly withUnit?: boolean } = {},
): string {
  const abs = Math.abs(q.value);
  const text =
    abs >= 1e4
      ? formatCompact(q.value, lang)
      : formatNumber(q.value, lang, abs >= 100 ? 0 : abs >= 1 ? 1 : 3);
  const sign = options.signed && q.value > 0 ? '+' : '';
  return q.unit === 't' && !options.withUnit ? `${sign}${text}` : `${sign}${text} ${q.unit}`;
}

/**
 * A change against the year before as a fraction: the API gives this year's figure and its
 * change, so the year before is their difference (the same unit is required; none when it is
 * zero, which has no rate).
 */
export function fractionOf(
  change: { value: number; unit: string },
  now: { value: number; unit: string } | null | undefined,
): number | undefined {
  if (!now || now.unit !== change.unit) return undefined;
  const before = now.value - change.value;
  return before === 0 ? undefined : change.value / before;
}

/**
 * A change of emissions for a sentence: 万/亿 with two decimals in Chinese (-19.25万 tCO2e),
 * whole tonnes in English below a million (-192,484 tCO2e), where two decimals of a tonne would
 * only be noise.
 */
export function formatEmissions(q: { value: number; unit: string }, lang: Lang): string {
  const text =
    lang === 'en' && Math.abs(q.value) < 1e6
      ? formatNumber(q.value, 'en', 0)
      : formatCompact(q.value, lang);
  return `${text} ${q.unit}`;
}
