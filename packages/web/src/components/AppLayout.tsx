import { useState, type ReactNode } from 'react';
import { Layout, Menu, Typography, theme, type MenuProps } from 'antd';
import {
  AppstoreOutlined,
  BankOutlined,
  CalculatorOutlined,
  DatabaseOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileExcelOutlined,
  FormOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { Language } from '../i18n/index.js';
import { LanguageSwitch } from './LanguageSwitch.js';

const { Header, Sider, Content } = Layout;

interface NavEntry {
  readonly key: string;
  readonly label: 'overview' | 'dataEntry' | 'results' | 'factors' | 'park' | 'region' | 'reports';
  readonly icon: ReactNode;
  /** Route of a page that exists; entries without one are shown disabled as coming soon. */
  readonly path?: string;
}

// The pages of issue 5 in the order users work: enterprise first, then park and region. Only the
// factor library exists; the others are shown under "coming soon" and cannot be opened.
const NAV: readonly NavEntry[] = [
  { key: 'overview', label: 'overview', icon: <DashboardOutlined /> },
  { key: 'data-entry', label: 'dataEntry', icon: <FormOutlined /> },
  { key: 'results', label: 'results', icon: <CalculatorOutlined /> },
  { key: 'factors', label: 'factors', icon: <DatabaseOutlined />, path: '/factors' },
  { key: 'park', label: 'park', icon: <AppstoreOutlined /> },
  { key: 'region', label: 'region', icon: <EnvironmentOutlined /> },
  { key: 'reports', label: 'reports', icon: <FileExcelOutlined /> },
];

export function AppLayout({
  language,
  onLanguageChange,
  children,
}: {
  language: Language;
  onLanguageChange: (l: Language) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);

  const toItem = (entry: NavEntry) => ({
    key: entry.key,
    icon: entry.icon,
    disabled: !entry.path,
    label: entry.path ? (
      <Link to={entry.path}>{t(`nav.${entry.label}`)}</Link>
    ) : (
      t(`nav.${entry.label}`)
    ),
  });
  const items: MenuProps['items'] = [
    ...NAV.filter((e) => e.path).map(toItem),
    // Listed so users see what is coming; disabled, because the pages do not exist yet.
    {
      type: 'group',
      key: 'coming-soon',
      label: t('nav.comingSoon'),
      children: NAV.filter((e) => !e.path).map(toItem),
    },
  ];
  const selected = NAV.filter((e) => e.path && location.pathname.startsWith(e.path)).map(
    (e) => e.key,
  );

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
          <LanguageSwitch value={language} onChange={onLanguageChange} />
        </Header>
        <Content style={{ padding: 24 }}>{children}</Content>
      </Layout>
    </Layout>
  );
}
