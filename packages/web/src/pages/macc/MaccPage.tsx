import { useMemo, useState } from 'react';
import { Alert, Card, Col, InputNumber, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.js';
import { call, type GetOk } from '../../api/client.js';
import { useRequest } from '../../api/useRequest.js';
import { EChart } from '../../components/EChart.js';
import { Panel } from '../../components/Panel.js';
import { formatCompact, formatNumber } from '../../format/number.js';
import { shortLanguage } from '../../i18n/index.js';
import { twoLines } from './labels.js';
import { ScopePicker, usePlanningScope, type PlanningScope } from './usePlanningScope.js';

export type Macc = GetOk<'/api/v1/enterprises/{id}/macc'>;
type Bar = Macc['bars'][number];
type Lang = 'zh' | 'en';

const GREEN = '#1b7f5f';
const RED = '#c4513b';
const SWATCH = {
  display: 'inline-block',
  width: 12,
  height: 12,
  marginRight: 6,
  verticalAlign: 'middle',
} as const;
/** Bars narrower than this (pixels) get no label: "DEMO-…" would say nothing. */
const LABEL_MIN_WIDTH = 44;
/** One line of the bars' 11-pixel labels. */
const LINE = 14;
// "1,869.27万" broke before 万 in a narrow column
const NOWRAP = { whiteSpace: 'nowrap' } as const;
const MARK_COLOR: Record<string, string> = {
  verified: 'green',
  secondary: 'blue',
  recalled: 'orange',
  example: 'default',
};

/** The MACC of a scope: GET /{enterprises|parks|regions}/{id}/macc. */
export function useMacc(
  api: ReturnType<typeof useApi>,
  scope: PlanningScope | undefined,
  rate: number,
) {
  return useRequest(`macc:${scope?.kind ?? ''}:${scope?.id ?? ''}:${rate}`, async (signal) => {
    if (!scope) return undefined;
    const query = { query: { discountRate: `${rate} %` } };
    const path = { path: { id: scope.id } };
    const options = { params: { ...path, ...query }, signal };
    if (scope.kind === 'enterprise') return call(api.GET('/api/v1/enterprises/{id}/macc', options));
    if (scope.kind === 'park') return call(api.GET('/api/v1/parks/{id}/macc', options));
    return call(api.GET('/api/v1/regions/{id}/macc', options));
  });
}

const measureName = (b: Pick<Bar, 'name' | 'nameEn'>, lang: Lang) =>
  lang === 'en' ? b.nameEn : b.name;

/**
 * The curve: one bar per measure, as wide as the CO2 it avoids a year and as high as its
 * levelized cost; measures that save money (below zero) in green. Drawn with a custom series so
 * the widths are true to the x axis.
 */
export function maccOption(bars: readonly Bar[], lang: Lang, t: TFunction): EChartsCoreOption {
  const data = bars.map((b) => [b.from.value, b.to.value, b.cost.value]);
  return {
    grid: { left: 72, right: 24, top: 24, bottom: 56 },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const b = bars[p.dataIndex]!;
        return [
          `<b>${measureName(b, lang)}</b> · ${b.enterprise}`,
          `${t('macc.table.cost')}: ${formatNumber(b.cost.value, lang, 1)} CNY/tCO2`,
          `${t('macc.table.abatement')}: ${formatNumber(b.abatement.value, lang, 0)} tCO2/a`,
          `${t('macc.table.capex')}: ${formatCompact(b.capex.value, lang)} CNY`,
          `${t('macc.table.mark')}: ${t(`macc.mark.${b.mark}`)} · ${t('macc.sources')}: ${b.sources.join(', ')}`,
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'value',
      name: t('macc.axisX'),
      nameLocation: 'middle',
      nameGap: 32,
      axisLabel: { formatter: (v: number) => formatCompact(v, lang, 0) },
    },
    yAxis: {
      type: 'value',
      name: t('macc.axisY'),
      axisLabel: { formatter: (v: number) => formatNumber(v, lang, 0) },
    },
    series: [
      {
        type: 'custom',
        data,
        encode: { x: [0, 1], y: 2 },
        renderItem: (
          params: {
            dataIndex: number;
            coordSys: { x: number; y: number; width: number; height: number };
          },
          api: {
            value: (i: number) => number;
            coord: (p: [number, number]) => [number, number];
          },
        ) => {
          const [x0, y0] = api.coord([api.value(0), 0]);
          const [x1, y1] = api.coord([api.value(1), api.value(2)]);
          const negative = api.value(2) < 0;
          const width = Math.max(x1 - x0, 1);
          const height = Math.abs(y1 - y0);
          const rect = {
            type: 'rect',
            shape: { x: x0, y: Math.min(y0, y1), width, height },
            style: { fill: negative ? GREEN : RED, stroke: '#fff', lineWidth: 0.5, opacity: 0.85 },
          };
          // A label where the bar is wide enough to hold a few characters; the tooltip has the rest.
          if (width < LABEL_MIN_WIDTH) return rect;
          const b = bars[params.dataIndex]!;
          // Inside the bar by the zero line when the bar is tall enough for the label, the name
          // on two lines when it is tall enough for three; else just past the bar's end, in its
          // own column (the curve rises left to right, so that space is free), within the plot.
          const nameLines = height >= 3 * LINE + 8 ? 2 : 1;
          const labelHeight = (nameLines + 1) * LINE;
          const inside = height >= labelHeight + 8;
          const plot = params.coordSys;
          const y = inside
            ? negative
              ? y0 + 4
              : y0 - 4 - labelHeight
            : negative
              ? Math.min(y1 + 4, plot.y + plot.height - labelHeight)
              : Math.max(y1 - 4 - labelHeight, plot.y);
          // each line cut to the bar's width, so no label runs into its neighbours
          const text = (content: string, top: number) => ({
            type: 'text',
            style: {
              text: content,
              x: x0 + width / 2,
              y: top,
              align: 'center',
              verticalAlign: 'top',
              width: width - 6,
              overflow: 'truncate',
              ellipsis: '…',
              lineHeight: LINE,
              fill: inside ? '#fff' : '#333',
              font: '11px sans-serif',
            },
          });
          return {
            type: 'group',
            children: [
              rect,
              text(
                nameLines === 2 ? twoLines(measureName(b, lang), width - 6) : measureName(b, lang),
                y,
              ),
              text(b.enterprise, y + nameLines * LINE),
            ],
          };
        },
      },
    ],
  };
}

/** 边际减排成本曲线: the MACC of an enterprise, park or region, and its table. */
export function MaccPage() {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const api = useApi();
  const scopeState = usePlanningScope();
  const [rate, setRate] = useState(8);
  const macc = useMacc(api, scopeState.scope, rate);
  const m = macc.data;
  const option = useMemo(() => (m ? maccOption(m.bars, lang, t) : undefined), [m, lang, t]);
  const saving = m ? m.bars.filter((b) => b.cost.value < 0) : [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, justifyContent: 'space-between' }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('macc.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('macc.subtitle')}</Typography.Text>
        </div>
        <Space wrap>
          <ScopePicker state={scopeState} />
          <span>
            {t('macc.rate')}{' '}
            <InputNumber
              className="macc-rate"
              min={0}
              max={30}
              step={1}
              value={rate}
              suffix="%"
              onChange={(v) => v !== null && setRate(v)}
            />
          </span>
        </Space>
      </div>
      {m && (
        <Row gutter={[16, 16]}>
          <Col xs={12} xl={6}>
            <Card>
              <Statistic
                title={t('macc.kpi.total')}
                value={formatCompact(m.total.value, lang)}
                suffix="tCO2/a"
              />
            </Card>
          </Col>
          <Col xs={12} xl={6}>
            <Card>
              <Statistic
                title={t('macc.kpi.share')}
                value={formatNumber((100 * m.total.value) / m.baseline.value, lang, 1)}
                suffix="%"
              />
            </Card>
          </Col>
          <Col xs={12} xl={6}>
            <Card>
              <Statistic
                title={t('macc.kpi.saving')}
                value={formatCompact(
                  saving.reduce((s, b) => s + b.abatement.value, 0),
                  lang,
                )}
                suffix="tCO2/a"
                valueStyle={{ color: GREEN }}
              />
            </Card>
          </Col>
          <Col xs={12} xl={6}>
            <Card>
              <Statistic
                title={t('macc.kpi.measures')}
                value={m.bars.length}
                suffix={`/ ${m.sites.length} ${t('macc.kpi.sites')}`}
              />
            </Card>
          </Col>
        </Row>
      )}
      <Panel
        title={
          m
            ? t('macc.chartTitle', {
                name: lang === 'en' && m.scope.nameEn ? m.scope.nameEn : m.scope.name,
                year: m.year,
                rate: formatNumber(m.discountRate.value, lang),
              })
            : t('macc.title')
        }
        request={macc}
        isEmpty={(d) => !d || d.bars.length === 0}
        empty={t('macc.empty')}
        height={420}
        id="macc-chart"
      >
        {() =>
          option && (
            <>
              <EChart option={option} style={{ height: 420 }} />
              <Space size="large">
                <span>
                  <span style={{ ...SWATCH, background: GREEN }} />
                  {t('macc.legendSaving')}
                </span>
                <span>
                  <span style={{ ...SWATCH, background: RED }} />
                  {t('macc.legendCost')}
                </span>
              </Space>
            </>
          )
        }
      </Panel>
      {m && (
        <Card title={t('macc.tableTitle')}>
          <Table<Bar>
            className="macc-table"
            size="small"
            rowKey="candidate"
            dataSource={m.bars}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: '#', render: (_v, _b, i) => i + 1, width: 48 },
              { title: t('macc.table.measure'), render: (_v, b) => measureName(b, lang) },
              {
                title: t('macc.table.enterprise'),
                dataIndex: 'enterprise',
                render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>,
              },
              {
                title: `${t('macc.table.cost')} (CNY/tCO2)`,
                align: 'right',
                render: (_v, b) => (
                  <span style={{ color: b.cost.value < 0 ? GREEN : undefined }}>
                    {formatNumber(b.cost.value, lang, 1)}
                  </span>
                ),
              },
              {
                title: `${t('macc.table.abatement')} (tCO2/a)`,
                align: 'right',
                render: (_v, b) => formatNumber(b.abatement.value, lang, 0),
              },
              {
                title: `${t('macc.table.cumulative')} (tCO2/a)`,
                align: 'right',
                render: (_v, b) => formatNumber(b.to.value, lang, 0),
              },
              {
                title: `${t('macc.table.capex')} (CNY)`,
                align: 'right',
                render: (_v, b) => <span style={NOWRAP}>{formatCompact(b.capex.value, lang)}</span>,
              },
              {
                title: `${t('macc.table.annualCost')} (CNY/a)`,
                align: 'right',
                render: (_v, b) => (
                  <span style={NOWRAP}>{formatCompact(b.annualCost.value, lang)}</span>
                ),
              },
              {
                title: t('macc.table.mark'),
                render: (_v, b) => <Tag color={MARK_COLOR[b.mark]}>{t(`macc.mark.${b.mark}`)}</Tag>,
              },
            ]}
          />
          {m.left.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              {t('macc.left', { count: m.left.length })} {m.left.map((l) => l.candidate).join(', ')}
            </Typography.Paragraph>
          )}
          <Alert
            type="info"
            showIcon
            title={t('macc.noteTitle')}
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {[
                  ...m.notes,
                  ...(m.withoutRun.length
                    ? [t('macc.withoutRun', { list: m.withoutRun.map((e) => e.code).join(', ') })]
                    : []),
                ].map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            }
          />
        </Card>
      )}
    </Space>
  );
}
