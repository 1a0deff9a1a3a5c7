import { useMemo } from 'react';
import {
  Card,
  Col,
  Empty,
  Progress,
  Row,
  Segmented,
  Skeleton,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Park } from '../../api/types.js';
import { PALETTE } from '../../charts/echarts.js';
import { EChart } from '../../components/EChart.js';
import { ErrorState } from '../../components/ErrorState.js';
import { nameOf } from '../../enterprise/EnterpriseBar.js';
import {
  change,
  monthlyTotals,
  ranking,
  sumQuantities,
  totalsBy,
  type EnterpriseFigures,
} from '../../figures/figures.js';
import type { useScopeFigures } from '../../figures/useScopeFigures.js';
import { bilingualPart } from '../../format/bilingual.js';
import {
  formatChange,
  formatCompact,
  formatNumber,
  formatQuantity,
  formatShare,
} from '../../format/number.js';
import { shortLanguage } from '../../i18n/index.js';
import { barOption } from '../overview/EnterpriseOverviewPage.js';

interface RankRow extends EnterpriseFigures {
  readonly rank: number;
  readonly share: number;
  readonly change: number | undefined;
}

/**
 * The figures of a set of enterprises (a park, or the whole region): totals, ranking, sector
 * shares, the month-by-month trend over the years, and, for a region, the parks compared.
 */
export function ScopeDashboard({
  figures,
  year,
  onYear,
  parks,
}: {
  figures: ReturnType<typeof useScopeFigures>;
  year: number | undefined;
  onYear: (year: number) => void;
  /** Given for a region: totals are also shown by park. */
  parks?: readonly Park[];
}) {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const data = figures.data;
  const shownYear = year !== undefined && data?.byYear.has(year) ? year : data?.years[0];
  const rows = (shownYear !== undefined && data?.byYear.get(shownYear)) || [];
  const previousRows = (shownYear !== undefined && data?.byYear.get(shownYear - 1)) || [];
  const unit = rows[0]?.run.figures.total.unit ?? 'tCO2e';
  const total = sumQuantities(
    rows.map((r) => r.run.figures.total),
    unit,
  );
  const previousTotal =
    previousRows.length > 0
      ? sumQuantities(
          previousRows.map((r) => r.run.figures.total),
          unit,
        )
      : undefined;
  const delta = change(previousTotal, total);

  const ranked: RankRow[] = useMemo(
    () =>
      ranking(rows).map((r, i) => ({
        ...r,
        rank: i + 1,
        share: total.value ? r.run.figures.total.value / total.value : 0,
        change: change(
          previousRows.find((p) => p.enterprise.id === r.enterprise.id)?.run.figures.total,
          r.run.figures.total,
        ),
      })),
    [rows, previousRows, total.value],
  );
  const sectors = useMemo(
    () => totalsBy(rows, (e) => e.industry, t('park.otherIndustry')),
    [rows, t],
  );
  const trend = useMemo(
    () =>
      data ? [...data.years].reverse().flatMap((y) => monthlyTotals(data.byYear.get(y) ?? [])) : [],
    [data],
  );
  const byPark = useMemo(
    () =>
      parks
        ? totalsBy(rows, (e) => e.parkId, '').map((g) => ({
            ...g,
            name: g.key
              ? nameOf(parks.find((p) => p.id === g.key) ?? { name: g.key }, lang)
              : t('region.noPark'),
          }))
        : [],
    [parks, rows, lang, t],
  );

  if (figures.status === 'error')
    return <ErrorState error={figures.error} onRetry={figures.reload} />;
  if (!data)
    return (
      <Card>
        <Typography.Text type="secondary">{t('park.loading')}</Typography.Text>
        <Progress
          className="scope-progress"
          percent={
            figures.progress.total
              ? Math.round((100 * figures.progress.done) / figures.progress.total)
              : 0
          }
          format={() => `${figures.progress.done} / ${figures.progress.total}`}
        />
        <Skeleton active />
      </Card>
    );
  if (data.enterprises.length === 0 || shownYear === undefined)
    return (
      <Card>
        <Empty description={t('park.noData')} />
      </Card>
    );

  const sectorOption = {
    animation: false,
    color: [...PALETTE],
    tooltip: {
      trigger: 'item',
      valueFormatter: (v: number) => formatQuantity(Math.round(v), unit, lang),
    },
    legend: { type: 'scroll', bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '44%'],
        label: {
          formatter: (p: { name: string; percent: number }) =>
            `${p.name} ${formatNumber(p.percent, lang, 1)}%`,
        },
        data: sectors.map((s) => ({ name: bilingualPart(s.key, lang), value: s.total.value })),
      },
    ],
  };
  const trendOption = {
    animation: false,
    color: [PALETTE[0]],
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number) => formatQuantity(Math.round(v), unit, lang),
    },
    xAxis: { type: 'category', data: trend.map(([m]) => m) },
    yAxis: {
      type: 'value',
      name: unit,
      axisLabel: { formatter: (v: number) => formatCompact(v, lang, 1) },
    },
    series: [
      {
        type: 'line',
        smooth: false,
        areaStyle: { opacity: 0.12 },
        data: trend.map(([, q]) => q.value),
      },
    ],
  };

  return (
    <>
      <Row gutter={[16, 16]} align="middle">
        <Col flex="auto">
          {data.years.length > 1 && (
            <Segmented
              className="scope-year"
              options={data.years.map((y) => ({
                value: y,
                label: t('common.yearOf', { year: y }),
              }))}
              value={shownYear}
              onChange={(v) => onYear(Number(v))}
            />
          )}
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} xl={6}>
          <Card className="kpi-total">
            <Statistic
              title={t('park.kpi.total')}
              value={formatCompact(total.value, lang)}
              suffix={unit}
            />
            <div style={{ marginTop: 8, minHeight: 24 }}>
              {delta !== undefined ? (
                <Tag color={delta > 0 ? 'red' : 'green'}>
                  {t('overview.kpi.vsLastYear', { change: formatChange(delta, lang) })}
                </Tag>
              ) : (
                <Typography.Text type="secondary">{t('overview.kpi.noLastYear')}</Typography.Text>
              )}
            </div>
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card>
            <Statistic title={t('park.kpi.enterprises')} value={data.enterprises.length} />
            <div style={{ marginTop: 8, minHeight: 24 }}>
              <Typography.Text type="secondary">
                {t('park.kpi.reported', { count: rows.length })}
              </Typography.Text>
            </div>
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card>
            <Statistic
              title={t('park.kpi.largest')}
              value={ranked[0] ? formatShare(ranked[0].share, lang) : t('common.none')}
            />
            <div style={{ marginTop: 8, minHeight: 24 }}>
              <Typography.Text type="secondary" ellipsis>
                {ranked[0] && nameOf(ranked[0].enterprise, lang)}
              </Typography.Text>
            </div>
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card>
            <Statistic title={t('park.kpi.sectors')} value={sectors.length} />
            <div style={{ marginTop: 8, minHeight: 24 }}>
              <Typography.Text type="secondary" ellipsis>
                {sectors[0] &&
                  `${bilingualPart(sectors[0].key, lang)} ${formatShare(total.value ? sectors[0].total.value / total.value : 0, lang)}`}
              </Typography.Text>
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('park.trend')}>
            <EChart style={{ height: 300 }} option={trendOption} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('park.sectors')}>
            <EChart style={{ height: 300 }} option={sectorOption} />
          </Card>
        </Col>
        {parks && (
          <Col xs={24}>
            <Card title={t('region.byPark')}>
              <EChart
                style={{ height: Math.max(140, byPark.length * 48 + 40) }}
                option={barOption(
                  byPark.map((p) => [p.name, p.total.value]),
                  unit,
                  lang,
                )}
              />
            </Card>
          </Col>
        )}
        <Col xs={24}>
          <Card title={t('park.ranking', { year: shownYear })}>
            <Table<RankRow>
              size="small"
              className="ranking-table"
              rowKey={(r) => r.enterprise.id}
              dataSource={ranked}
              pagination={false}
              scroll={{ x: 900 }}
              columns={[
                { title: t('park.rank'), dataIndex: 'rank', width: 64 },
                {
                  title: t('common.enterprise'),
                  key: 'name',
                  render: (_, r) => (
                    <Link to={`/overview?enterprise=${r.enterprise.id}&year=${shownYear}`}>
                      {nameOf(r.enterprise, lang)}
                    </Link>
                  ),
                },
                {
                  title: t('park.industry'),
                  key: 'industry',
                  render: (_, r) =>
                    r.enterprise.industry ? bilingualPart(r.enterprise.industry, lang) : '—',
                },
                {
                  title: t('park.emissions'),
                  key: 'total',
                  align: 'right',
                  render: (_, r) =>
                    formatQuantity(
                      Math.round(r.run.figures.total.value),
                      r.run.figures.total.unit,
                      lang,
                    ),
                },
                {
                  title: t('park.share'),
                  key: 'share',
                  align: 'right',
                  width: 90,
                  render: (_, r) => formatShare(r.share, lang),
                },
                {
                  title: t('park.change'),
                  key: 'change',
                  align: 'right',
                  width: 110,
                  render: (_, r) =>
                    r.change === undefined ? (
                      '—'
                    ) : (
                      <span style={{ color: r.change > 0 ? '#c4513b' : '#1b7f5f' }}>
                        {formatChange(r.change, lang)}
                      </span>
                    ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
