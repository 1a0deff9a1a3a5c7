import { useState } from 'react';
import { Card, Col, Empty, Row, Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart.js';
import {
  relativeChange,
  type GroupOverview,
  type OverviewEnterprise,
} from '../../figures/useGroupOverview.js';
import { bilingualPart } from '../../format/bilingual.js';
import { formatChange, formatNumber } from '../../format/number.js';
import { formatEmissions, formatTonnes, fractionOf } from './scopeFormat.js';

type Lang = 'zh' | 'en';
export type Pollutant = OverviewEnterprise['pollutants'][number]['pollutant'];
type SynergyChange = OverviewEnterprise['synergy'][number];
type SynergyClass = SynergyChange['class'];

/** The order the API gives pollutants in (packages/analysis POLLUTANTS). */
export const POLLUTANTS: readonly Pollutant[] = ['SO2', 'NOx', 'PM'];

/** Quadrant colours: co-control green, the two trade-offs blue and amber, both up red. */
const CLASSES: readonly { readonly id: SynergyClass; readonly color: string }[] = [
  { id: 'co-control', color: '#1b7f5f' },
  { id: 'carbon-only', color: '#3b82c4' },
  { id: 'pollutant-only', color: '#e0a030' },
  { id: 'neither', color: '#c4513b' },
  { id: 'no-change', color: '#8c8c8c' },
];
const TAG_COLOR: Record<SynergyClass, string> = {
  'co-control': 'green',
  'carbon-only': 'blue',
  'pollutant-only': 'gold',
  neither: 'red',
  'no-change': 'default',
};

/** Names go into the tooltip's HTML. */
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One enterprise's change against one pollutant, as fractions of the year before. */
interface Point {
  readonly name: string;
  readonly change: SynergyChange;
  readonly carbon: number;
  readonly pollutant: number;
}

/**
 * 减污降碳协同: each enterprise's year-on-year change of carbon against that of one pollutant,
 * placed in its quadrant as the API classes it, and the group's change (the same enterprises in
 * both years). The classes and changes are the API's; only the rates are read off its figures.
 */
export function SynergyPanel({ overview: o, lang }: { overview: GroupOverview; lang: Lang }) {
  const { t } = useTranslation();
  const withData = POLLUTANTS.filter((p) =>
    o.enterprises.some((e) => e.synergy.some((s) => s.pollutant === p)),
  );
  const [chosen, setChosen] = useState<Pollutant | undefined>();
  const pollutant = chosen !== undefined && withData.includes(chosen) ? chosen : withData[0];
  const reported = o.enterprises.some((e) => e.pollutants.length > 0);
  const label = (p: Pollutant) => t(`scope.pollutant.${p}`);

  const points: Point[] = [];
  const notPlotted: string[] = [];
  for (const e of o.enterprises) {
    const change = e.synergy.find((s) => s.pollutant === pollutant);
    if (!change) continue;
    const name = bilingualPart(e.name, lang);
    const carbon = fractionOf(change.carbonChange, e.emissions);
    const amount = e.pollutants.find((p) => p.pollutant === pollutant)?.amount;
    const rate = fractionOf(change.pollutantChange, amount);
    if (carbon === undefined || rate === undefined) notPlotted.push(name);
    else points.push({ name, change, carbon, pollutant: rate });
  }

  return (
    <Card
      title={t('scope.synergy.title')}
      className="synergy-panel"
      extra={
        withData.length > 1 && (
          <Segmented
            size="small"
            className="synergy-pollutant"
            options={withData.map((p) => ({ value: p, label: label(p) }))}
            value={pollutant}
            onChange={(v) => setChosen(v)}
          />
        )
      }
    >
      {!reported ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('scope.synergy.noPollutants')} />
      ) : (
        <Row gutter={[24, 16]}>
          <Col xs={24} xl={13}>
            {pollutant === undefined ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('scope.synergy.noChange')}
              />
            ) : (
              <>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                  {t('scope.synergy.reading')}
                </Typography.Paragraph>
                <EChart
                  style={{ height: 340 }}
                  option={quadrantOption(points, label(pollutant), lang, t)}
                />
                {notPlotted.length > 0 && (
                  <Typography.Text type="secondary">
                    {t('scope.synergy.notPlotted', { names: notPlotted.join('、') })}
                  </Typography.Text>
                )}
              </>
            )}
          </Col>
          <Col xs={24} xl={11}>
            <GroupSynergy overview={o} lang={lang} />
          </Col>
        </Row>
      )}
    </Card>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function quadrantOption(points: readonly Point[], pollutant: string, lang: Lang, t: T) {
  // Each axis symmetric about zero, so that the origin sits in the middle and the four
  // quadrants are the same size; each its own reach, as pollutants move more than carbon.
  const bound = (values: readonly number[]) =>
    Math.ceil(Math.max(0.05, ...values.map(Math.abs)) * 1.15 * 20) / 20;
  const percent = (v: number) => formatChange(v, lang);
  const axis = (name: string, reach: number, gap: number) => ({
    type: 'value',
    name,
    nameLocation: 'middle',
    nameGap: gap,
    min: -reach,
    max: reach,
    axisLine: { onZero: false },
    axisLabel: { formatter: percent },
    splitLine: { lineStyle: { type: 'dashed', color: '#eee' } },
  });
  const names = CLASSES.map((c) => t(`scope.synergy.class.${c.id}`));
  const xReach = bound(points.map((p) => p.carbon));
  const yReach = bound(points.map((p) => p.pollutant));
  // A name points towards the middle, so that those at the edges are not cut off, and goes
  // below its point when another point sits where it would be written (a quarter of the width
  // along, at about the same height).
  const position = (p: Point) => {
    const towards = p.carbon > 0 ? -1 : 1;
    const crowded = points.some(
      (q) =>
        q !== p &&
        Math.abs(q.pollutant - p.pollutant) < 0.06 * yReach &&
        (q.carbon - p.carbon) * towards > 0 &&
        (q.carbon - p.carbon) * towards < 0.5 * xReach,
    );
    return crowded ? 'bottom' : towards > 0 ? 'right' : 'left';
  };
  return {
    animation: false,
    grid: { left: 56, right: 24, top: 16, bottom: 84 },
    // a plain legend wraps onto a second line rather than hiding classes behind paging
    legend: { bottom: 0, data: names },
    tooltip: {
      trigger: 'item',
      formatter: (p: { data?: { point?: Point } }) => {
        if (!p.data?.point) return '';
        const { name, change, carbon, pollutant: rate } = p.data.point;
        return [
          `<b>${escapeHtml(name)}</b>`,
          t('scope.synergy.tooltipCarbon', {
            change: percent(carbon),
            amount: formatEmissions(change.carbonChange, lang),
          }),
          t('scope.synergy.tooltipPollutant', {
            pollutant,
            change: percent(rate),
            amount: formatTonnes(change.pollutantChange, lang, { signed: true, withUnit: true }),
          }),
          t(`scope.synergy.class.${change.class}`),
        ].join('<br/>');
      },
    },
    xAxis: axis(t('scope.synergy.x'), xReach, 28),
    yAxis: axis(t('scope.synergy.y', { pollutant }), yReach, 44),
    series: [
      // the zero lines that divide the quadrants, on a series of their own so they show
      // whichever classes have points
      {
        type: 'scatter',
        data: [],
        silent: true,
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { color: '#8c8c8c', type: 'solid', width: 1 },
          data: [{ xAxis: 0 }, { yAxis: 0 }],
        },
      },
      ...CLASSES.map((c, i) => ({
        name: names[i],
        type: 'scatter',
        symbolSize: 12,
        itemStyle: { color: c.color, opacity: 0.85 },
        label: {
          show: true,
          position: 'right',
          fontSize: 11,
          color: '#595959',
          formatter: (p: { data: { point: Point } }) => p.data.point.name,
        },
        labelLayout: { hideOverlap: true },
        data: points
          .filter((p) => p.change.class === c.id)
          .map((p) => ({
            value: [p.carbon, p.pollutant],
            point: p,
            label: { position: position(p) },
          })),
      })),
    ],
  };
}

/** The group's change, pollutant by pollutant, over the enterprises with a run in both years. */
function GroupSynergy({ overview: o, lang }: { overview: GroupOverview; lang: Lang }) {
  const { t } = useTranslation();
  const net = relativeChange(o.yearOnYear.net);
  const delta = o.yearOnYear.net.ok ? o.yearOnYear.net.delta : undefined;
  const totals = o.rollup?.pollutants;
  return (
    <div className="synergy-group">
      <Typography.Text strong>{t('scope.synergy.group')}</Typography.Text>
      {net !== undefined && delta && (
        <Typography.Paragraph style={{ margin: '4px 0 8px' }}>
          {t('scope.synergy.groupCarbon', {
            change: formatChange(net, lang),
            amount: formatEmissions(delta, lang),
          })}
        </Typography.Paragraph>
      )}
      {o.yearOnYear.synergy.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('scope.synergy.groupNone')}</Typography.Paragraph>
      ) : (
        <Table
          size="small"
          rowKey="pollutant"
          pagination={false}
          // scrolls inside the card rather than widening the page on a narrow screen
          scroll={{ x: 'max-content' }}
          dataSource={o.yearOnYear.synergy}
          columns={[
            {
              title: t('scope.synergy.col.pollutant'),
              key: 'pollutant',
              render: (_, s) => t(`scope.pollutant.${s.pollutant}`),
            },
            {
              title: t('scope.synergy.col.total'),
              key: 'total',
              align: 'right',
              render: (_, s) => {
                const q = totals?.[s.pollutant];
                return q ? formatTonnes(q, lang) : '—';
              },
            },
            {
              title: t('scope.synergy.col.change'),
              key: 'change',
              align: 'right',
              render: (_, s) => (
                <span style={{ color: s.pollutantChange.value > 0 ? '#c4513b' : '#1b7f5f' }}>
                  {formatTonnes(s.pollutantChange, lang, { signed: true })}
                </span>
              ),
            },
            {
              title: t('scope.synergy.col.elasticity'),
              key: 'elasticity',
              align: 'right',
              render: (_, s) => (s.elasticity === null ? '—' : formatNumber(s.elasticity, lang, 2)),
            },
            {
              title: t('scope.synergy.col.class'),
              key: 'class',
              render: (_, s) => (
                <Tooltip title={t(`scope.synergy.class.${s.class}`)}>
                  <Tag color={TAG_COLOR[s.class]}>{t(`scope.synergy.short.${s.class}`)}</Tag>
                </Tooltip>
              ),
            },
          ]}
        />
      )}
      {o.yearOnYear.synergy.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
          {t('scope.synergy.elasticity')}
        </Typography.Paragraph>
      )}
    </div>
  );
}
