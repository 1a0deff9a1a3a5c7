import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  InputNumber,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.js';
import { ApiError, call, type GetOk, type PostOk } from '../../api/client.js';
import { useRequest } from '../../api/useRequest.js';
import { PALETTE } from '../../charts/palette.js';
import { EChart } from '../../components/EChart.js';
import { formatCompact, formatNumber } from '../../format/number.js';
import { shortLanguage } from '../../i18n/index.js';
import { ScopePicker, usePlanningScope } from '../macc/usePlanningScope.js';

type Plan = PostOk<'/api/v1/optimizations'>;
type Lang = 'zh' | 'en';

interface TargetForm {
  cut: number;
  by: number;
  budget?: number | null;
  rate: number;
  exclusions: string[];
}

/** Abatement and emissions per year of the plan, against the emissions allowed. */
function yearsOption(plan: Plan, lang: Lang, t: TFunction): EChartsCoreOption {
  const years = plan.years ?? [];
  return {
    grid: { left: 80, right: 72, top: 40, bottom: 32 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
    yAxis: {
      type: 'value',
      name: 'tCO2e/a',
      // the cut is a few per cent of the total: an axis from zero would hide it
      scale: true,
      axisLabel: { formatter: (v: number) => formatCompact(v, lang, 0) },
    },
    series: [
      {
        name: t('optimizer.chart.emissions'),
        type: 'bar',
        stack: 'e',
        color: PALETTE[6],
        data: years.map((y) => Math.round(y.emissions.value)),
        markLine: {
          symbol: 'none',
          lineStyle: { color: PALETTE[3], type: 'dashed' },
          label: { formatter: t('optimizer.chart.cap') },
          data: [{ yAxis: plan.target.cap.value }],
        },
      },
      {
        name: t('optimizer.chart.abatement'),
        type: 'bar',
        stack: 'e',
        color: PALETTE[0],
        data: years.map((y) => Math.round(y.abatement.value)),
      },
    ],
  };
}

/** 减排方案优化: a target in, the least-cost plan (or why there is none) out. */
export function OptimizerPage() {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const api = useApi();
  const scopeState = usePlanningScope();
  const [form] = Form.useForm<TargetForm>();
  const [state, setState] = useState<
    | { status: 'idle' }
    | { status: 'solving' }
    | { status: 'done'; plan: Plan }
    | { status: 'error'; error: unknown }
  >({ status: 'idle' });
  const measures = useRequest('measures', (signal) =>
    call(api.GET('/api/v1/measures', { signal })),
  );
  const measureOptions = useMemo(
    () =>
      (measures.data?.libraries ?? []).flatMap(
        (l: GetOk<'/api/v1/measures'>['libraries'][number]) =>
          l.measures.map((m) => ({ value: m.id, label: lang === 'en' ? m.nameEn : m.name })),
      ),
    [measures.data, lang],
  );

  const solve = async (v: TargetForm) => {
    const scope = scopeState.scope;
    if (!scope) return;
    setState({ status: 'solving' });
    try {
      const plan = await call(
        api.POST('/api/v1/optimizations', {
          body: {
            scope:
              scope.kind === 'enterprise'
                ? { enterpriseId: scope.id }
                : scope.kind === 'park'
                  ? { parkId: scope.id }
                  : { regionId: scope.id },
            target: { kind: 'cut', cut: { value: v.cut, unit: '%' }, by: v.by },
            discountRate: { value: v.rate, unit: '%' },
            ...(v.budget != null && { budgetPerYear: { value: v.budget * 1e4, unit: 'CNY/a' } }),
            ...(v.exclusions.length > 0 && { exclusions: v.exclusions }),
          },
        }),
      );
      setState({ status: 'done', plan });
    } catch (error) {
      setState({ status: 'error', error });
    }
  };

  const plan = state.status === 'done' ? state.plan : undefined;
  const names = new Map((plan?.candidates ?? []).map((c) => [c.candidate, c]));
  const option = useMemo(
    () => (plan?.status === 'optimal' ? yearsOption(plan, lang, t) : undefined),
    [plan, lang, t],
  );
  const last = plan?.years?.at(-1);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, justifyContent: 'space-between' }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('optimizer.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('optimizer.subtitle')}</Typography.Text>
        </div>
        <ScopePicker state={scopeState} />
      </div>
      <Card title={t('optimizer.formTitle')}>
        <Form<TargetForm>
          form={form}
          layout="inline"
          className="optimizer-form"
          initialValues={{ cut: 10, by: 2030, rate: 8, exclusions: [] }}
          onFinish={(v) => void solve(v)}
        >
          <Form.Item label={t('optimizer.cut')} name="cut" rules={[{ required: true }]}>
            <InputNumber min={0.1} max={99} suffix="%" style={{ width: 110 }} />
          </Form.Item>
          <Form.Item label={t('optimizer.by')} name="by" rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item label={t('optimizer.budget')} name="budget">
            <InputNumber
              min={0}
              placeholder={t('optimizer.noBudget')}
              suffix={t('optimizer.budgetUnit')}
              style={{ width: 190 }}
            />
          </Form.Item>
          <Form.Item label={t('optimizer.rate')} name="rate" rules={[{ required: true }]}>
            <InputNumber min={0} max={30} suffix="%" style={{ width: 90 }} />
          </Form.Item>
          <Form.Item label={t('optimizer.exclusions')} name="exclusions">
            <Select
              mode="multiple"
              allowClear
              options={measureOptions}
              style={{ minWidth: 240 }}
              placeholder={t('optimizer.none')}
            />
          </Form.Item>
          <Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              loading={state.status === 'solving'}
              disabled={!scopeState.scope}
            >
              {t('optimizer.solve')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {state.status === 'solving' && (
        <Card className="optimizer-solving">
          <Spin /> <Typography.Text>{t('optimizer.solving')}</Typography.Text>
        </Card>
      )}
      {state.status === 'error' && (
        <Alert
          type="error"
          showIcon
          title={t('common.errorTitle')}
          description={
            state.error instanceof ApiError ? state.error.messages[lang] : String(state.error)
          }
        />
      )}
      {plan?.status === 'infeasible' && (
        <Alert
          className="optimizer-infeasible"
          type="warning"
          showIcon
          title={t('optimizer.infeasible', {
            binding: t(`optimizer.binding.${plan.binding ?? 'potential'}`),
          })}
          description={
            <>
              <div>{lang === 'en' ? plan.explanation?.en : plan.explanation?.zh}</div>
              <div>
                {t('optimizer.targetWas')}: {plan.target.description[lang]}
              </div>
            </>
          }
        />
      )}
      {plan?.status === 'optimal' && last && (
        <>
          <Typography.Text className="optimizer-target">
            {t('optimizer.targetWas')}: {plan.target.description[lang]} · {plan.sites.length}{' '}
            {t('optimizer.sites')} · {plan.candidates.length} {t('optimizer.candidates')}
          </Typography.Text>
          <Row gutter={[16, 16]}>
            <Col xs={12} xl={6}>
              <Card>
                <Statistic
                  title={t('optimizer.kpi.presentCost')}
                  value={formatCompact(plan.presentCost?.value ?? 0, lang)}
                  suffix="CNY"
                  valueStyle={{ color: (plan.presentCost?.value ?? 0) < 0 ? '#1b7f5f' : undefined }}
                />
              </Card>
            </Col>
            <Col xs={12} xl={6}>
              <Card>
                <Statistic
                  title={t('optimizer.kpi.capex')}
                  value={formatCompact(plan.totalCapex?.value ?? 0, lang)}
                  suffix="CNY"
                />
              </Card>
            </Col>
            <Col xs={12} xl={6}>
              <Card>
                <Statistic
                  title={t('optimizer.kpi.abatement', { year: last.year })}
                  value={formatCompact(last.abatement.value, lang)}
                  suffix="tCO2e/a"
                />
              </Card>
            </Col>
            <Col xs={12} xl={6}>
              <Card>
                <Statistic
                  title={t('optimizer.kpi.emissions', { year: last.year })}
                  value={formatCompact(last.emissions.value, lang)}
                  suffix="tCO2e/a"
                />
                <Typography.Text type="secondary">
                  {t('optimizer.cap')}: {formatCompact(plan.target.cap.value, lang)} tCO2e/a
                </Typography.Text>
              </Card>
            </Col>
          </Row>
          <Card title={t('optimizer.chartTitle')}>
            {option && <EChart option={option} style={{ height: 320 }} />}
          </Card>
          <Card title={t('optimizer.planTitle')}>
            <Table
              className="optimizer-plan"
              size="small"
              rowKey="candidate"
              pagination={{ pageSize: 25, hideOnSinglePage: true }}
              dataSource={[...(plan.adoptions ?? [])].sort(
                (a, b) => a.enterprise.localeCompare(b.enterprise) || a.year - b.year,
              )}
              columns={[
                { title: t('optimizer.table.enterprise'), dataIndex: 'enterprise' },
                { title: t('optimizer.table.year'), dataIndex: 'year' },
                {
                  title: t('optimizer.table.measure'),
                  render: (_v, a) => {
                    const c = names.get(a.candidate);
                    return c ? (lang === 'en' ? c.nameEn : c.name) : a.measure;
                  },
                },
                {
                  title: `${t('optimizer.table.capex')} (CNY)`,
                  align: 'right',
                  render: (_v, a) => formatCompact(names.get(a.candidate)?.capex.value ?? 0, lang),
                },
                {
                  title: `${t('optimizer.table.abatement')} (tCO2/a)`,
                  align: 'right',
                  render: (_v, a) =>
                    formatNumber(names.get(a.candidate)?.abatement.value ?? 0, lang, 0),
                },
                {
                  title: t('optimizer.table.mark'),
                  render: (_v, a) => (
                    <Tag>{t(`macc.mark.${names.get(a.candidate)?.mark ?? 'example'}`)}</Tag>
                  ),
                },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              {t('optimizer.note')}
            </Typography.Paragraph>
          </Card>
        </>
      )}
    </Space>
  );
}
