import { useState, type ReactNode } from 'react';
import { Button, Dropdown, Layout, Menu, Space, Typography, theme, type MenuProps } from 'antd';
import {
  AppstoreOutlined,
  BankOutlined,
  CalculatorOutlined,
  DatabaseOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileExcelOutlined,
  FormOutlined,
  FundOutlined,
  LineChartOutlined,
  AuditOutlined,
  NodeIndexOutlined,
  BarChartOutlined,
  LogoutOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useAuth, useUser } from '../auth/AuthContext.js';
import { PAGE_PATHS, pagesFor, type PageKey } from '../auth/roles.js';
import { bilingualPart } from '../format/bilingual.js';
import { shortLanguage, type Language } from '../i18n/index.js';
import { LanguageSwitch } from './LanguageSwitch.js';

const { Header, Sider, Content } = Layout;

const ENTERPRISE_PAGES: ReadonlySet<PageKey> = new Set([
  'overview',
  'dataEntry',
  'results',
  'reports',
]);

const ICONS: Readonly<Record<PageKey, ReactNode>> = {
  region: <EnvironmentOutlined />,
  park: <AppstoreOutlined />,
  overview: <DashboardOutlined />,
  dataEntry: <FormOutlined />,
  results: <CalculatorOutlined />,
  reports: <FileExcelOutlined />,
  footprint: <NodeIndexOutlined />,
  evaluations: <AuditOutlined />,
  macc: <BarChartOutlined />,
  optimizer: <FundOutlined />,
  pathways: <LineChartOutlined />,
  factors: <DatabaseOutlined />,
};

/**
 * The side menu's sections, in order; a page's role decides whether it is listed (roles.ts),
 * a section without a page the user opens is left out.
 */
const SECTIONS: readonly { readonly key: SectionKey; readonly pages: readonly PageKey[] }[] = [
  { key: 'overviews', pages: ['region', 'park', 'overview'] },
  { key: 'data', pages: ['dataEntry', 'results', 'reports'] },
  { key: 'analysis', pages: ['evaluations', 'macc', 'optimizer', 'pathways'] },
  { key: 'footprint', pages: ['footprint'] },
  { key: 'factors', pages: ['factors'] },
];
type SectionKey = 'overviews' | 'data' | 'analysis' | 'footprint' | 'factors';

export function AppLayout({
  language,
  onLanguageChange,
  children,
}: {
  language: Language;
  onLanguageChange: (l: Language) => void;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);

  const user = useUser();
  const { logout } = useAuth();
  const pages = pagesFor(user);
  // The enterprise and year travel from one enterprise page to the next.
  const carried = new URLSearchParams(location.search);
  const keep = new URLSearchParams(
    [...carried].filter(([k]) => k === 'enterprise' || k === 'year'),
  ).toString();
  const item = (page: PageKey) => ({
    key: page,
    icon: ICONS[page],
    label: (
      <Link
        to={ENTERPRISE_PAGES.has(page) && keep ? `${PAGE_PATHS[page]}?${keep}` : PAGE_PATHS[page]}
      >
        {t(`nav.${page}`)}
      </Link>
    ),
  });
  // A page no section names (a new one) still shows, after the sections.
  const unsectioned = pages.filter((p) => !SECTIONS.some((s) => s.pages.includes(p)));
  const items: MenuProps['items'] = [
    ...SECTIONS.flatMap((section) => {
      const shown = section.pages.filter((p) => pages.includes(p));
      return shown.length === 0
        ? []
        : [
            {
              type: 'group' as const,
              key: `section-${section.key}`,
              label: collapsed ? null : t(`scope.menu.${section.key}`),
              children: shown.map(item),
            },
          ];
    }),
    ...unsectioned.map(item),
  ];
  const selected = pages.filter((p) => location.pathname.startsWith(PAGE_PATHS[p]));
  const lang = shortLanguage(i18n.language);
  const roles = [...new Set(user.roles.map((r) => t(`role.${r.role}`)))].join('、');

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        width={216}
        theme="light"
        style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
      >
        {/* The sider spans the page; its content is sticky, so navigation stays in view while a
            long table scrolls. */}
        <div style={{ position: 'sticky', top: 0 }}>
          <div
            style={{
              padding: collapsed ? '16px 0' : '16px 20px',
              textAlign: collapsed ? 'center' : 'start',
            }}
          >
            <BankOutlined style={{ fontSize: 22, color: token.colorPrimary }} />
            {!collapsed && (
              <Typography.Text strong style={{ marginInlineStart: 8, fontSize: 16 }}>
                {t('app.name')}
              </Typography.Text>
            )}
          </div>
          <Menu
            mode="inline"
            items={items}
            selectedKeys={selected}
            style={{ borderInlineEnd: 'none' }}
          />
        </div>
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            paddingInline: 24,
          }}
        >
          <Typography.Text style={{ fontSize: 16 }}>{t('app.title')}</Typography.Text>
          <Space size="middle">
            <LanguageSwitch value={language} onChange={onLanguageChange} />
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'roles', label: roles, disabled: true },
                  { type: 'divider' },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('login.logout') },
                ],
                onClick: ({ key }) => {
                  if (key === 'logout') void logout();
                },
              }}
            >
              <Button type="text" icon={<UserOutlined />} className="user-menu">
                {bilingualPart(user.displayName, lang)}
              </Button>
            </Dropdown>
          </Space>
        </Header>
        <Content style={{ padding: 24 }}>{children}</Content>
      </Layout>
    </Layout>
  );
}
