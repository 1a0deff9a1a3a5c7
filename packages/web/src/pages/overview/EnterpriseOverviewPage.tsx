import { lazy, Suspense, useMemo } from 'react';
import { Card, Col, Empty, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/ApiContext.js';
import { call } from '../../api/client.js';
import { asExplanation } from '../../api/explanation.js';
import type { Run } from '../../api/types.js';
import { useRequest } from '../../api/useRequest.js';
import { PALETTE } from '../../charts/palette.js';
import { EChart } from '../../components/EChart.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Panel } from '../../components/Panel.js';
import { NoRunCard } from '../../enterprise/NoRunCard.js';
import { EnterpriseBar, nameOf } from '../../enterprise/EnterpriseBar.js';
import {
  latestRun,
  runYear,
  useEnterpriseSelection,
} from '../../enterprise/useEnterpriseSelection.js';
import { change, emissionsBySource, sortedEntries } from '../../figures/figures.js';
import { bilingualPart } from '../../format/bilingual.js';
import { formatChange, formatCompact, formatNumber, formatQuantity } from '../../format/number.js';
import { shortLanguage } from '../../i18n/index.js';

// The grade card brings antd's Table and Descriptions, which nothing else on this first page
// uses: loaded beside the page's requests, it keeps them out of the JavaScript before the figures.
const GradeCard = lazy(() => import('./GradeCard.js').then((m) => ({ default: m.GradeCard })));

// The scope and source charts sit side by side: one height, tall enough for ten two-line names.
const SIDE_BY_SIDE_HEIGHT = 340;

/** 企业概览: the year's emissions of one enterprise at a glance, each figure from its run. */
export function EnterpriseOverviewPage() {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const api = useApi();
  const selection = useEnterpriseSelection();
  const { enterprise, year } = selection;
  const summary = latestRun(selection.runs.data, year);
  const previousSummary = latestRun(selection.runs.data, year === undefined ? undefined : year - 1);

  const getRun = (id: string | undefined, signal: AbortSignal) =>
    id === undefined
      ? Promise.resolve(undefined)
      : call(api.GET('/api/v1/runs/{id}', { params: { path: { id } }, signal }));
  const run = useRequest(`run:${summary?.id}`, (signal) => getRun(summary?.id, signal));
  const previous = useRequest(`run:${previousSummary?.id}`, (signal) =>
    getRun(previousSummary?.id, signal),
  );
  const detail = useRequest(`enterprise:${enterprise?.id}`, (signal) =>
    enterprise
      ? call(
          api.GET('/api/v1/enterprises/{id}', { params: { path: { id: enterprise.id } }, signal }),
        )
      : Promise.resolve(undefined),
  );
  // The panels below the figures wait for the run: their requests (the total's explanation, the
  // peers' runs, the grade) are heavier than the run's, and on the one server they would delay it.
  const shown = run.data?.id === summary?.id ? run.data : undefined;
  const bySource = useRequest(`explain-total:${shown?.id}`, async (signal) => {
    if (!summary || !shown) return undefined;
    const total = await call(
      api.GET('/api/v1/runs/{id}/explanations/{subject}', {
        params: { path: { id: summary.id, subject: 'total' } },
        signal,
      }),
    );
    return emissionsBySource(asExplanation(total));
  });
  const peers = useRequest(`peers:${enterprise?.id}:${year}:${shown?.id}`, async (signal) => {
    if (!shown) return undefined;
    if (!enterprise?.industry || year === undefined) return [];
    // the enterprises of the industry and the year's runs, asked for together
    const [same, runs] = await Promise.all([
      call(
        api.GET('/api/v1/enterprises', {
          params: { query: { industry: enterprise.industry, limit: 50 } },
          signal,
        }),
      ),
      call(api.GET('/api/v1/runs', { params: { query: { year, limit: 500 } }, signal })),
    ]);
    const rows = await Promise.all(
      same.items.map(async (e) => {
        const r = runs.items.find((x) => x.enterpriseId === e.id && runYear(x) === year);
        // this enterprise's run is on the page already
        const peer = r && (r.id === shown.id ? shown : await getRun(r.id, signal));
        return peer ? { enterprise: e, run: peer } : undefined;
      }),
    );
    return rows.filter((r): r is { enterprise: (typeof same.items)[number]; run: Run } => !!r?.run);
  });

  const sourceNames = useMemo(
    () => new Map((detail.data?.sources ?? []).map((s) => [s.code, nameOf(s, lang)])),
    [detail.data, lang],
  );

  if (selection.enterprises.status === 'error')
    return (
      <ErrorState error={selection.enterprises.error} onRetry={selection.enterprises.reload} />
    );
  if (selection.enterprises.data?.length === 0)
    return <Empty description={t('overview.noEnterprise')} />;

  const title = t('overview.title');
  const noRun =
    selection.runs.status === 'success' && (selection.runs.data.length === 0 || !summary);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <EnterpriseBar title={title} selection={selection} />
      {selection.runs.status === 'error' && (
        <ErrorState error={selection.runs.error} onRetry={selection.runs.reload} />
      )}
      {noRun ? (
        <NoRunCard enterpriseId={enterprise?.id} />
      ) : (
        <>
          <Kpis run={run.data} previous={previous.data} loading={run.status === 'loading'} />
          {run.status === 'error' && <ErrorState error={run.error} onRetry={run.reload} />}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Panel
                title={t('overview.byScope')}
                request={run}
                isEmpty={(r) => !r || Object.keys(r.figures.byScope).length === 0}
                empty={t('common.noData')}
              >
                {(r) => r && <ScopeChart run={r} />}
              </Panel>
            </Col>
            <Col xs={24} xl={12}>
              <Panel
                title={t('overview.bySource')}
                request={bySource}
                isEmpty={(rows) => rows?.length === 0}
                empty={t('common.noData')}
              >
                {(rows) =>
                  rows && (
                    <EChart
                      style={{ height: SIDE_BY_SIDE_HEIGHT }}
                      option={barOption(
                        rows
                          .slice(0, 10)
                          .map((r) => [sourceNames.get(r.source) ?? r.source, r.emissions.value]),
                        rows[0]?.emissions.unit ?? 'tCO2e',
                        lang,
                      )}
                    />
                  )
                }
              </Panel>
            </Col>
            <Col xs={24} xl={14}>
              <Panel
                title={t('overview.monthly')}
                request={run}
                isEmpty={(r) => !r || Object.keys(r.figures.byMonth).length === 0}
                empty={t('common.noData')}
              >
                {(r) =>
                  r && (
                    <EChart
                      style={{ height: 300 }}
                      option={monthlyOption(r, previous.data, year ?? 0, lang, t)}
                    />
                  )
                }
              </Panel>
            </Col>
            <Col xs={24} xl={10}>
              <Suspense
                fallback={
                  <Card>
                    <Skeleton active paragraph={{ rows: 5 }} />
                  </Card>
                }
              >
                <GradeCard enterprise={enterprise} runId={summary?.id} />
              </Suspense>
            </Col>
            <Col xs={24}>
              <Panel
                title={t('overview.peers', {
                  industry: enterprise?.industry ? bilingualPart(enterprise.industry, lang) : '',
                })}
                request={peers}
                isEmpty={(rows) => rows !== undefined && rows.length < 2}
                empty={t('overview.noPeers')}
                height={200}
              >
                {(rows) => {
                  if (!rows) return null;
                  const sorted = [...rows].sort(
                    (a, b) => b.run.figures.total.value - a.run.figures.total.value,
                  );
                  return (
                    <EChart
                      style={{ height: Math.max(160, sorted.length * 40 + 40) }}
                      option={barOption(
                        sorted.map((r) => [nameOf(r.enterprise, lang), r.run.figures.total.value]),
                        sorted[0]?.run.figures.total.unit ?? 'tCO2e',
                        lang,
                        sorted.findIndex((r) => r.enterprise.id === enterprise?.id),
                      )}
                    />
                  );
                }}
              </Panel>
            </Col>
          </Row>
          {run.data && (
            <Typography.Text type="secondary">
              {t('overview.provenance', {
                method: `${run.data.methodSet.id}@${run.data.methodSet.version}`,
                factors: run.data.factorRefs.length,
                date: new Date(run.data.createdAt).toLocaleString(i18n.language),
              })}{' '}
              <Link to={`/results?enterprise=${enterprise?.id ?? ''}&year=${year ?? ''}`}>
                {t('overview.toResults')}
              </Link>
            </Typography.Text>
          )}
        </>
      )}
    </Space>
  );
}

function Kpis({
  run,
  previous,
  loading,
}: {
  run: Run | undefined;
  previous: Run | undefined;
  loading: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const f = run?.figures;
  const delta = f && change(previous?.figures.total, f.total);
  const scope = (key: string) => f?.byScope[key];
  const cards: {
    key: string;
    title: string;
    value: ReturnType<typeof scope>;
    extra?: React.ReactNode;
  }[] = [
    {
      key: 'total',
      title: t('overview.kpi.total'),
      value: f?.total,
      extra:
        delta !== undefined ? (
          <Tag
            color={delta > 0 ? 'red' : 'green'}
            icon={delta > 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />}
          >
            {t('overview.kpi.vsLastYear', { change: formatChange(delta, lang) })}
          </Tag>
        ) : (
          <Typography.Text type="secondary">{t('overview.kpi.noLastYear')}</Typography.Text>
        ),
    },
    { key: 'scope1', title: t('overview.kpi.scope1'), value: scope('scope1') },
    { key: 'scope2', title: t('overview.kpi.scope2'), value: scope('scope2') },
    { key: 'biomass', title: t('overview.kpi.biomass'), value: f?.biomassCO2 },
  ];
  return (
    <Row gutter={[16, 16]}>
      {cards.map((c) => (
        <Col xs={24} sm={12} xl={6} key={c.key}>
          <Card loading={loading} className={`kpi-${c.key}`}>
            <Statistic
              title={
                <Typography.Text type="secondary" ellipsis={{ tooltip: c.title }}>
                  {c.title}
                </Typography.Text>
              }
              value={c.value ? formatCompact(c.value.value, lang) : t('common.none')}
              suffix={c.value?.unit}
              // A quarter of a laptop screen holds "2.35 million tCO2e" on one line at this size.
              styles={{ content: { fontSize: 22, whiteSpace: 'nowrap' }, suffix: { fontSize: 14 } }}
            />
            <div style={{ marginTop: 8, minHeight: 24 }}>
              {c.extra ??
                (c.value && f && f.total.value !== 0 && (
                  <Typography.Text type="secondary">
                    {t('overview.kpi.share', {
                      share: formatNumber((c.value.value / f.total.value) * 100, lang, 1),
                    })}
                  </Typography.Text>
                ))}
            </div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function ScopeChart({ run }: { run: Run }) {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const unit = run.figures.total.unit;
  const data = sortedEntries(run.figures.byScope).map(([k, q]) => ({
    name: t(`scope.${k}`, { defaultValue: k }),
    value: q.value,
  }));
  const option = useMemo(
    () => ({
      animation: false,
      color: [...PALETTE],
      tooltip: {
        trigger: 'item',
        valueFormatter: (v: number) => formatQuantity(Math.round(v), unit, lang),
      },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['45%', '70%'],
          center: ['50%', '45%'],
          // The legend names the scopes: beside the ring, whose sides are a third of the card
          // wide, a name in English as well did not fit.
          label: {
            formatter: (p: { value: number; percent: number }) =>
              `${formatCompact(p.value, lang)} ${unit}\n${formatNumber(p.percent, lang, 1)}%`,
          },
          data,
        },
      ],
    }),
    [data, unit, lang],
  );
  return <EChart style={{ height: SIDE_BY_SIDE_HEIGHT }} option={option} />;
}

/** A horizontal bar chart of named values, largest at the top; `highlight` marks one bar. */
export function barOption(
  rows: readonly [string, number][],
  unit: string,
  lang: 'zh' | 'en',
  highlight = -1,
) {
  const reversed = [...rows].reverse();
  const marked = highlight < 0 ? -1 : rows.length - 1 - highlight;
  return {
    animation: false,
    grid: { left: 8, right: 40, top: 8, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number) => formatQuantity(Math.round(v), unit, lang),
    },
    xAxis: {
      type: 'value',
      name: unit,
      nameLocation: 'end',
      // Few ticks: English labels are written in full below a million and would collide.
      splitNumber: 3,
      axisLabel: { formatter: (v: number) => formatCompact(v, lang, 1) },
    },
    yAxis: {
      type: 'category',
      data: reversed.map(([name]) => name),
      // Source names run long in English: two lines, then an ellipsis (the tooltip has all).
      axisLabel: {
        width: 170,
        height: 28,
        lineHeight: 14,
        overflow: 'break',
        lineOverflow: 'truncate',
      },
    },
    series: [
      {
        type: 'bar',
        data: reversed.map(([, value], i) => ({
          value,
          itemStyle: { color: i === marked ? PALETTE[2] : PALETTE[0] },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: number }) => formatCompact(p.value, lang, 1),
        },
      },
    ],
  };
}

function monthlyOption(
  run: Run,
  previous: Run | undefined,
  year: number,
  lang: 'zh' | 'en',
  t: (key: 'overview.series', options: { year: number }) => string,
) {
  const unit = run.figures.total.unit;
  const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
  const series = (r: Run | undefined, y: number) =>
    months.map((m) => r?.figures.byMonth[`${y}-${m}`]?.value ?? null);
  return {
    animation: false,
    color: [PALETTE[0], '#b5b5b5'],
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number | null) =>
        v === null ? '—' : formatQuantity(Math.round(v), unit, lang),
    },
    xAxis: {
      type: 'category',
      data: months.map((m) => (lang === 'zh' ? `${Number(m)}月` : m)),
    },
    yAxis: {
      type: 'value',
      name: unit,
      axisLabel: { formatter: (v: number) => formatCompact(v, lang, 1) },
    },
    series: [
      {
        type: 'bar',
        name: t('overview.series', { year }),
        data: series(run, year),
        barMaxWidth: 24,
      },
      ...(previous
        ? [
            {
              type: 'line',
              name: t('overview.series', { year: year - 1 }),
              data: series(previous, year - 1),
            },
          ]
        : []),
    ],
  };
}
