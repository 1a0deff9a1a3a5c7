/**
 * Some records carry both languages in one text, Chinese first ("水泥熟料生产 cement clinker
 * production (C3011)"). This picks the part for the reader; a text that is not of that shape is
 * shown whole.
 */
export function bilingualPart(text: string, lang: 'zh' | 'en'): string {
  const m = /^(.*?[\u3000-\u9fff\uff00-\uffef][^A-Za-z]*?)\s+([A-Za-z].*)$/u.exec(text.trim());
  if (!m?.[1] || !m[2]) return text;
  return lang === 'zh' ? m[1].trim() : m[2].trim();
}
