import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import { LockOutlined, UserOutlined, BankOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { homePage, PAGE_PATHS } from '../../auth/roles.js';
import { useAuth } from '../../auth/AuthContext.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import type { Language } from '../../i18n/index.js';
import { shortLanguage } from '../../i18n/index.js';

interface LoginForm {
  tenant: string;
  login: string;
  password: string;
}

/** Accounts of the demo district (`carbonbase serve` seeds them on first run). */
const DEMO_LOGINS = ['cement-clerk', 'park-bm', 'bureau', 'admin'] as const;
const DEMO_PASSWORD = 'carbonbase-demo';

export function LoginPage({
  language,
  onLanguageChange,
}: {
  language: Language;
  onLanguageChange: (l: Language) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const auth = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<LoginForm>();
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;

  if (auth.user) return <Navigate to={from ?? PAGE_PATHS[homePage(auth.user)]} replace />;

  const submit = async (values: LoginForm) => {
    setBusy(true);
    setError(undefined);
    try {
      const user = await auth.login(values.tenant.trim(), values.login.trim(), values.password);
      void navigate(from ?? PAGE_PATHS[homePage(user)], { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const message =
    error instanceof ApiError
      ? error.messages[lang]
      : error instanceof Error
        ? error.message
        : undefined;

  return (
    <div
      style={{
        minHeight: '100%',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(160deg, #eef6f2 0%, #f7f9fb 60%)',
        padding: 16,
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch value={language} onChange={onLanguageChange} />
      </div>
      <Card style={{ width: 400, maxWidth: '100%' }}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <div style={{ textAlign: 'center' }}>
            <BankOutlined style={{ fontSize: 32, color: '#1b7f5f' }} />
            <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
              {t('app.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
          </div>
          {auth.expired && !message && <Alert type="warning" showIcon title={t('login.expired')} />}
          {message && <Alert type="error" showIcon title={message} />}
          <Form<LoginForm>
            form={form}
            layout="vertical"
            requiredMark={false}
            initialValues={{ tenant: 'default', login: '', password: '' }}
            onFinish={(v) => void submit(v)}
          >
            <Form.Item
              name="tenant"
              label={t('login.tenant')}
              rules={[{ required: true, message: t('login.required') }]}
            >
              <Input id="login-tenant" prefix={<BankOutlined />} autoComplete="organization" />
            </Form.Item>
            <Form.Item
              name="login"
              label={t('login.login')}
              rules={[{ required: true, message: t('login.required') }]}
            >
              <Input id="login-name" prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.required') }]}
            >
              <Input.Password
                id="login-password"
                prefix={<LockOutlined />}
                autoComplete="current-password"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
          <Alert
            type="info"
            title={t('login.demoTitle')}
            description={
              <Space orientation="vertical" size={4}>
                <Typography.Text type="secondary">
                  {t('login.demoHint', { password: DEMO_PASSWORD })}
                </Typography.Text>
                <Space wrap size={[4, 4]}>
                  {DEMO_LOGINS.map((login) => (
                    <Tag.CheckableTag
                      key={login}
                      checked={false}
                      onChange={() =>
                        form.setFieldsValue({ tenant: 'default', login, password: DEMO_PASSWORD })
                      }
                    >
                      {login} · {t(`login.demo.${login}`)}
                    </Tag.CheckableTag>
                  ))}
                </Space>
              </Space>
            }
          />
        </Space>
      </Card>
    </div>
  );
}
