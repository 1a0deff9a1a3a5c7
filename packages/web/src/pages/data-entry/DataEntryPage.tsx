import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Tag,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.js';
import { ApiError, call } from '../../api/client.js';
import type { EmissionSource } from '../../api/types.js';
import { useRequest } from '../../api/useRequest.js';
import { mayEnterData } from '../../auth/roles.js';
import { useUser } from '../../auth/AuthContext.js';
import { ErrorState } from '../../components/ErrorState.js';
import { EnterpriseBar, nameOf } from '../../enterprise/EnterpriseBar.js';
import { useEnterpriseSelection } from '../../enterprise/useEnterpriseSelection.js';
import { shortLanguage } from '../../i18n/index.js';
import { ActivityTable } from './ActivityTable.js';
import { ImportCard } from './ImportCard.js';

interface EntryForm {
  sourceId: string;
  month: number;
  value: number;
  unit: string;
  reason: string;
}

const STATUS_COLOURS = {
  open: 'green',
  submitted: 'blue',
  returned: 'orange',
  accepted: 'default',
} as const;

/** 数据填报: the year's monthly figures, a form for one figure, and the Excel import. */
export function DataEntryPage() {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const api = useApi();
  const user = useUser();
  const { message } = App.useApp();
  const selection = useEnterpriseSelection();
  const { enterprise } = selection;
  // Data can be entered for a year without a run yet: without a choice, the latest year with one.
  const year = selection.year ?? new Date().getFullYear();
  const [version, setVersion] = useState(0);
  const [form] = Form.useForm<EntryForm>();
  const [saving, setSaving] = useState(false);

  const detail = useRequest(`enterprise:${enterprise?.id}`, (signal) =>
    enterprise
      ? call(
          api.GET('/api/v1/enterprises/{id}', { params: { path: { id: enterprise.id } }, signal }),
        )
      : Promise.resolve(undefined),
  );
  const activity = useRequest(`activity:${enterprise?.id}:${year}:${version}`, async (signal) =>
    enterprise
      ? (
          await call(
            api.GET('/api/v1/enterprises/{id}/activity', {
              params: { path: { id: enterprise.id }, query: { year } },
              signal,
            }),
          )
        ).items
      : [],
  );
  const period = useRequest(`period:${enterprise?.id}:${year}:${version}`, (signal) =>
    enterprise
      ? call(
          api.GET('/api/v1/enterprises/{id}/periods/{year}', {
            params: { path: { id: enterprise.id, year } },
            signal,
          }),
        )
      : Promise.resolve(undefined),
  );

  if (selection.enterprises.status === 'error')
    return (
      <ErrorState error={selection.enterprises.error} onRetry={selection.enterprises.reload} />
    );
  if (selection.enterprises.data?.length === 0)
    return <Empty description={t('overview.noEnterprise')} />;

  const sources: readonly EmissionSource[] = detail.data?.sources ?? [];
  const entering = mayEnterData(user);
  const open =
    period.data === undefined || period.data.status === 'open' || period.data.status === 'returned';
  const refresh = () => {
    setVersion((v) => v + 1);
    selection.runs.reload();
  };

  const unitOfSource = (sourceId: string) =>
    activity.data?.find((a) => a.sourceId === sourceId)?.quantity.unit;

  const save = async (values: EntryForm) => {
    if (!enterprise) return;
    setSaving(true);
    try {
      const written = await call(
        api.POST('/api/v1/enterprises/{id}/activity', {
          params: { path: { id: enterprise.id } },
          body: {
            sourceId: values.sourceId,
            month: `${year}-${String(values.month).padStart(2, '0')}`,
            amount: { value: values.value, unit: values.unit.trim() },
            reason: values.reason.trim(),
          },
        }),
      );
      void message.success(
        written.appended
          ? t('dataEntry.saved', { version: written.version.version })
          : t('dataEntry.unchanged'),
      );
      refresh();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.messages[lang] : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <EnterpriseBar
        title={t('dataEntry.title')}
        selection={selection}
        extra={
          period.data && (
            <Tag color={STATUS_COLOURS[period.data.status]} className="period-status">
              {t(`period.${period.data.status}`)}
            </Tag>
          )
        }
      />
      {entering && enterprise && !open && (
        <Card size="small">{t('dataEntry.closed', { year })}</Card>
      )}
      <Row gutter={[16, 16]}>
        {entering && enterprise && open && (
          <>
            <Col xs={24} xl={12}>
              <ImportCard enterpriseId={enterprise.id} year={year} onImported={refresh} />
            </Col>
            <Col xs={24} xl={12}>
              <Card title={t('dataEntry.formTitle', { year })}>
                <Form<EntryForm>
                  form={form}
                  layout="vertical"
                  onFinish={(v) => void save(v)}
                  onValuesChange={(changed: Partial<EntryForm>) => {
                    if (changed.sourceId) {
                      const unit = unitOfSource(changed.sourceId);
                      if (unit) form.setFieldValue('unit', unit);
                    }
                  }}
                >
                  <Row gutter={12}>
                    <Col span={16}>
                      <Form.Item
                        name="sourceId"
                        label={t('dataEntry.source')}
                        rules={[{ required: true }]}
                      >
                        <Select
                          id="entry-source"
                          showSearch={{ optionFilterProp: 'label' }}
                          options={sources.map((s) => ({
                            value: s.id,
                            label: `${nameOf(s, lang)} (${s.code})`,
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item
                        name="month"
                        label={t('dataEntry.month')}
                        rules={[{ required: true }]}
                      >
                        <Select
                          id="entry-month"
                          options={Array.from({ length: 12 }, (_, i) => ({
                            value: i + 1,
                            label:
                              lang === 'zh'
                                ? `${i + 1}月`
                                : `${year}-${String(i + 1).padStart(2, '0')}`,
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={16}>
                      <Form.Item
                        name="value"
                        label={t('dataEntry.amount')}
                        rules={[{ required: true }]}
                      >
                        <InputNumber id="entry-value" style={{ width: '100%' }} min={0} />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item
                        name="unit"
                        label={t('dataEntry.unit')}
                        rules={[{ required: true }]}
                      >
                        <Input id="entry-unit" />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.Item
                    name="reason"
                    label={t('dataEntry.reason')}
                    rules={[{ required: true }]}
                  >
                    <Input id="entry-reason" placeholder={t('dataEntry.reasonPlaceholder')} />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={saving}>
                    {t('dataEntry.save')}
                  </Button>
                </Form>
              </Card>
            </Col>
          </>
        )}
        <Col xs={24}>
          <Card title={t('dataEntry.tableTitle', { year })}>
            {activity.status === 'error' ? (
              <ErrorState error={activity.error} onRetry={activity.reload} />
            ) : detail.status === 'error' ? (
              <ErrorState error={detail.error} onRetry={detail.reload} />
            ) : sources.length === 0 && detail.status === 'success' ? (
              <Empty description={t('dataEntry.noSources')} />
            ) : (
              <ActivityTable
                sources={sources}
                activity={activity.data ?? []}
                year={year}
                loading={activity.status === 'loading' || detail.status === 'loading'}
              />
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
