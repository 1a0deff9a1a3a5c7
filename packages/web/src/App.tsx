import { useEffect, useState } from 'react';
import { App as AntApp, Button, ConfigProvider, Result } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes } from 'react-router-dom';
import { AppLayout } from './components/AppLayout.js';
import type { Language } from './i18n/index.js';
import { FactorLibraryPage } from './pages/factor-library/FactorLibraryPage.js';

const ANTD_LOCALES = { 'zh-CN': zhCN, 'en-US': enUS } as const;
const LANGUAGE_KEY = 'carbonbase.language';
const PRIMARY = '#1b7f5f';
// A calm green for a carbon product; the menu's selected colours are set explicitly because the
// derived ones come out grey on this primary.
const THEME = {
  token: { colorPrimary: PRIMARY },
  components: { Menu: { itemSelectedBg: '#e4f2ec', itemSelectedColor: PRIMARY } },
} as const;

function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFound')}
      extra={
        <Link to="/factors">
          <Button type="primary">{t('common.backToFactors')}</Button>
        </Link>
      }
    />
  );
}

/** Remembers the user's language across visits (there are no accounts yet to store it in). */
export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage; the switch still works for this visit.
  }
}

export function storedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}

export function App({ initialLanguage }: { initialLanguage: Language }) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<Language>(initialLanguage);
  // The tab title is read in the task bar and in bookmarks: it follows the language too.
  useEffect(() => {
    document.title = `${t('app.name')} ${t('app.title')}`;
  }, [t, language]);

  const changeLanguage = (next: Language) => {
    setLanguage(next);
    void i18n.changeLanguage(next);
    document.documentElement.lang = next;
    storeLanguage(next);
  };

  return (
    <ConfigProvider locale={ANTD_LOCALES[language]} theme={THEME}>
      <AntApp>
        <AppLayout language={language} onLanguageChange={changeLanguage}>
          <Routes>
            <Route path="/" element={<Navigate to="/factors" replace />} />
            <Route path="/factors" element={<FactorLibraryPage />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </AppLayout>
      </AntApp>
    </ConfigProvider>
  );
}
