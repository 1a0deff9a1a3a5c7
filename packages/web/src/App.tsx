import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { App as AntApp, Button, ConfigProvider, Result, Skeleton } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from './auth/AuthContext.js';
import { homePage, PAGE_PATHS, pagesFor, type PageKey } from './auth/roles.js';
import { AppLayout } from './components/AppLayout.js';
import type { Language } from './i18n/index.js';
import { LoginPage } from './pages/login/LoginPage.js';
import { EnterpriseOverviewPage } from './pages/overview/EnterpriseOverviewPage.js';

// The overview is the first page most users see, so it is in the main bundle; the other pages
// load when first opened.
const FactorLibraryPage = lazy(() =>
  import('./pages/factor-library/FactorLibraryPage.js').then((m) => ({
    default: m.FactorLibraryPage,
  })),
);
const DataEntryPage = lazy(() =>
  import('./pages/data-entry/DataEntryPage.js').then((m) => ({ default: m.DataEntryPage })),
);
const ResultsPage = lazy(() =>
  import('./pages/results/ResultsPage.js').then((m) => ({ default: m.ResultsPage })),
);
const ParkOverviewPage = lazy(() =>
  import('./pages/park/ParkOverviewPage.js').then((m) => ({ default: m.ParkOverviewPage })),
);
const RegionOverviewPage = lazy(() =>
  import('./pages/region/RegionOverviewPage.js').then((m) => ({ default: m.RegionOverviewPage })),
);
const ReportsPage = lazy(() =>
  import('./pages/reports/ReportsPage.js').then((m) => ({ default: m.ReportsPage })),
);
const FootprintPage = lazy(() =>
  import('./pages/footprint/FootprintPage.js').then((m) => ({ default: m.FootprintPage })),
);
const EvaluationsPage = lazy(() =>
  import('./pages/evaluations/EvaluationsPage.js').then((m) => ({ default: m.EvaluationsPage })),
);
const MaccPage = lazy(() =>
  import('./pages/macc/MaccPage.js').then((m) => ({ default: m.MaccPage })),
);
const OptimizerPage = lazy(() =>
  import('./pages/optimizer/OptimizerPage.js').then((m) => ({ default: m.OptimizerPage })),
);
const PathwaysPage = lazy(() =>
  import('./pages/pathways/PathwaysPage.js').then((m) => ({ default: m.PathwaysPage })),
);

const ANTD_LOCALES = { 'zh-CN': zhCN, 'en-US': enUS } as const;
const LANGUAGE_KEY = 'carbonbase.language';
const PRIMARY = '#1b7f5f';
// A calm green for a carbon product; the menu's selected colours are set explicitly because the
// derived ones come out grey on this primary.
const THEME = {
  token: { colorPrimary: PRIMARY },
  components: { Menu: { itemSelectedBg: '#e4f2ec', itemSelectedColor: PRIMARY } },
} as const;

const PAGE_ELEMENTS: Readonly<Record<PageKey, ReactNode>> = {
  region: <RegionOverviewPage />,
  park: <ParkOverviewPage />,
  overview: <EnterpriseOverviewPage />,
  dataEntry: <DataEntryPage />,
  results: <ResultsPage />,
  reports: <ReportsPage />,
  footprint: <FootprintPage />,
  evaluations: <EvaluationsPage />,
  macc: <MaccPage />,
  optimizer: <OptimizerPage />,
  pathways: <PathwaysPage />,
  factors: <FactorLibraryPage />,
};

function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** Remembers the user's language across visits. */
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

/** Pages behind login: without a session, to the login page, which comes back here after. */
function RequireAuth({
  language,
  onLanguageChange,
}: {
  language: Language;
  onLanguageChange: (l: Language) => void;
}) {
  const { user } = useAuth();
  const location = useLocation();
  if (!user)
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return (
    <AppLayout language={language} onLanguageChange={onLanguageChange}>
      <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
        <Outlet />
      </Suspense>
    </AppLayout>
  );
}

function Home() {
  const { user } = useAuth();
  return <Navigate to={user ? PAGE_PATHS[homePage(user)] : '/login'} replace />;
}

/** A page the user's roles do not open: a 403 rather than a page whose every request fails. */
function Guard({ page }: { page: PageKey }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  if (user && !pagesFor(user).includes(page))
    return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
  return PAGE_ELEMENTS[page];
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
      <AntApp style={{ height: '100%' }}>
        <Routes>
          <Route
            path="/login"
            element={<LoginPage language={language} onLanguageChange={changeLanguage} />}
          />
          <Route element={<RequireAuth language={language} onLanguageChange={changeLanguage} />}>
            <Route path="/" element={<Home />} />
            {(Object.keys(PAGE_PATHS) as PageKey[]).map((page) => (
              <Route key={page} path={PAGE_PATHS[page]} element={<Guard page={page} />} />
            ))}
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </AntApp>
    </ConfigProvider>
  );
}
