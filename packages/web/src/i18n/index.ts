/**
 * i18next with the two message catalogues. Chinese is the default: the users are Chinese energy
 * managers, park administrations and bureaus; English is for verifiers and foreign buyers.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from './zh-CN.json' with { type: 'json' };
import enUS from './en-US.json' with { type: 'json' };

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((l) => l === value);
}

/** The short form the formatters and bilingual data fields use. */
export function shortLanguage(language: string): 'zh' | 'en' {
  return language.startsWith('en') ? 'en' : 'zh';
}

export const resources = {
  'zh-CN': { translation: zhCN },
  'en-US': { translation: enUS },
} as const;

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    // React escapes what it renders; escaping here too would show "&amp;" to users.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
