import { useMemo, useState } from 'react';
import {
  Card,
  Col,
  Empty,
  Row,
  Segmented,
  Skeleton,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RequestState } from '../../api/useRequest.js';
import { PALETTE } from '../../charts/palette.js';
import { EChart } from '../../components/EChart.js';
import { ErrorState } from '../../components/ErrorState.js';
import {
  relativeChange,
  type GroupOverview,
  type OverviewEnterprise,
  type RegionOverview,
} from '../../figures/useGroupOverview.js';
import { bilingualPart } from '../../format/bilingual.js';
import { formatChange, formatCompact, formatNumber, formatQuantity } from '../../format/number.js';
import { shortLanguage } from '../../i18n/index.js';
import { barOption } from '../overview/EnterpriseOverviewPage.js';
import { formatTonnes, notePart } from './scopeFormat.js';
import { DecompositionPanel } from './DecompositionPanel.js';
import { POLLUTANTS, SynergyPanel } from './SynergyPanel.js';

type Lang = 'zh' | 'en';
type Overviews = RequestState<ReadonlyMap<number, GroupOverview> | undefined> & {
  readonly reload: () => void;
};

type RankRow = OverviewEnterprise & {
  readonly rank: number | undefined;
  readonly tied: boolean;
  readonly intensityRank: number | undefined;
};

/** The production bases the engine names (packages/engine, intensities); others show their id. */
const BASES = ['per-t-clinker', 'per-t-cement', 'per-10k-cny'] as const;
const isKnownBasis = (b: string): b is (typeof BASES)[number] =>
  (BASES as readonly string[]).includes(b);

const isRegion = (o: GroupOverview): o is RegionOverview => o.scope === 'region';

/** A change as the API gives it: red when emissions grow, green when they fall. */
function ChangeText({ change, lang }: { change: number | undefined; lang: Lang }) {
  if (change === undefined) return <>—</>;
  return (
    <span style={{ color: change > 0 ? '#c4513b' : '#1b7f5f' }}>{formatChange(change, lang)}</span>
  );
}

/**
 * The year of a park or region as the overview routes give it: the total without double
 * counting and its change on the year before, the enterprises ranked by total (with their
 * intensity and its rank within the same production basis, and their SO₂, NOₓ and PM), shares by
 * sector, totals and intensities over the years, (region) the parks compared, the pollution–carbon
 * synergy (SynergyPanel), and the API's notes, among them how purchases inside and outside the
 * group are told apart. No figure is computed here.
 */
export function ScopeDashboard({
  overviews,
  year,
  onYear,
  enterpriseIds,
}: {
  overviews: Overviews;
  year: number | undefined;
  onYear: (year: number) => void;
  /** Enterprise code → id, for links to the enterprise overview. */
  enterpriseIds: ReadonlyMap<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const data = overviews.data;
  const years = useMemo(() => [...(data?.keys() ?? [])].sort((a, b) => b - a), [data]);
  const shownYear = year !== undefined && data?.has(year) ? year : years[0];
  const o = shownYear === undefined ? undefined : data?.get(shownYear);

  if (overviews.status === 'error')
    return <ErrorState error={overviews.error} onRetry={overviews.reload} />;
  if (data === undefined)
    return (
      <Card>
        <Typography.Text type="secondary">{t('scope.loading')}</Typography.Text>
        <Skeleton active />
      </Card>
    );
  if (!o?.rollup)
    return (
      <Card>
        <Empty description={t('scope.noData')} />
      </Card>
    );
  const rollup = o.rollup;
  const net = rollup.net;
  const yoy = relativeChange(o.yearOnYear.net);
  const topSector = o.sectors[0];

  return (
    <>
      {years.length > 1 && (
        <Segmented
          className="scope-year"
          options={years.map((y) => ({ value: y, label: t('common.yearOf', { year: y }) }))}
          value={shownYear}
          onChange={(v) => onYear(Number(v))}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} xl={6}>
          <Card className="kpi-total">
            <Statistic
              title={t('scope.kpi.net')}
              value={formatCompact(net.value, lang)}
              suffix={net.unit}
            />
            <div style={{ marginTop: 8, minHeight: 24 }}>
              {yoy !== undefined ? (
                <Tooltip
                  title={
                    o.yearOnYear.leftOut.length > 0 &&
                    t('scope.leftOut', { codes: o.yearOnYear.leftOut.join(', ') })
                  }
                >
                  <Tag color={yoy > 0 ? 'red' : 'green'}>
                    {t('overview.kpi.vsLastYear', { change: formatChange(yoy, lang) })}
                    {o.yearOnYear.leftOut.length > 0 && ' *'}
                  </Tag>
                </Tooltip>
              ) : (
                <Typography.Text type="secondary">{t('overview.kpi.noLastYear')}</Typography.Text>
              )}
            </div>
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card>
            <Statistic
              title={t('scope.kpi.enterprises')}
              value={o.enterprises.length + o.withoutRun.length}
            />
            <div style={{ marginTop: 8, minHeight: 24 }}>
              <Typography.Text type="secondary">
                {t('scope.kpi.reported', { count: o.enterprises.length })}
              </Typography.Text>
            </div>
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card className="kpi-direct">
            <Statistic
              title={t('scope.kpi.direct')}
              value={formatCompact(rollup.direct.value, lang)}
              suffix={rollup.direct.unit}
            />
            <div style={{ marginTop: 8, minHeight: 24 }}>
              <Typography.Text type="secondary" ellipsis>
                {t('scope.kpi.indirect', {
                  value: `${formatCompact(rollup.indirect.value, lang)} ${rollup.indirect.unit}`,
                })}
              </Typography.Text>
            </div>
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card>
            <Statistic title={t('scope.kpi.sectors')} value={o.sectors.length} />
            <div style={{ marginTop: 8, minHeight: 24 }}>
              <Typography.Text type="secondary" ellipsis>
                {topSector &&
                  `${bilingualPart(topSector.sector, lang)} ${formatQuantity(Number(topSector.share.value.toFixed(1)), topSector.share.unit, lang)}`}
              </Typography.Text>
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('scope.trend')}>
            <EChart
              style={{ height: 320 }}
              option={trendOption(
                data,
                {
                  direct: t('scope.series.direct'),
                  indirect: t('scope.series.indirect'),
                  net: t('scope.series.net'),
                },
                lang,
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('scope.sectors')}>
            <EChart style={{ height: 320 }} option={sectorOption(o, lang)} />
          </Card>
        </Col>
        {isRegion(o) && (
          <Col xs={24}>
            <Card title={t('scope.byPark')}>
              <EChart
                style={{ height: Math.max(140, o.parks.length * 48 + 40) }}
                option={barOption(
                  o.parks.map((p) => [bilingualPart(p.name, lang), p.rollup?.net.value ?? 0]),
                  net.unit,
                  lang,
                )}
              />
              {o.outsideParks.length > 0 && (
                <Typography.Text type="secondary">
                  {t('scope.outsideParks', { codes: o.outsideParks.join(', ') })}
                </Typography.Text>
              )}
            </Card>
          </Col>
        )}
        <Col xs={24}>
          <IntensityTrend data={data} lang={lang} />
        </Col>
        <Col xs={24}>
          <DecompositionPanel
            scope={o.scope}
            id={o.id}
            from={years.find((y) => y < o.year)}
            to={o.year}
            lang={lang}
          />
        </Col>
        <Col xs={24}>
          <SynergyPanel overview={o} lang={lang} />
        </Col>
        <Col xs={24}>
          <Card title={t('scope.ranking', { year: shownYear })}>
            <RankingTable overview={o} enterpriseIds={enterpriseIds} lang={lang} />
          </Card>
        </Col>
        <Col xs={24}>
          <Notes overview={o} lang={lang} />
        </Col>
      </Row>
    </>
  );
}

function trendOption(
  data: ReadonlyMap<number, GroupOverview>,
  names: { direct: string; indirect: string; net: string },
  lang: Lang,
) {
  const years = [...data.keys()].sort((a, b) => a - b);
  const rollups = years.map((y) => data.get(y)!.rollup!);
  const unit = rollups[0]?.net.unit ?? 'tCO2e';
  return {
    animation: false,
    color: [PALETTE[0], PALETTE[1], PALETTE[3]],
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number) => formatQuantity(Math.round(v), unit, lang),
    },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: {
      type: 'value',
      name: unit,
      axisLabel: { formatter: (v: number) => formatCompact(v, lang, 1) },
    },
    series: [
      {
        name: names.direct,
        type: 'bar',
        stack: 'gross',
        barMaxWidth: 48,
        data: rollups.map((r) => r.direct.value),
      },
      {
        name: names.indirect,
        type: 'bar',
        stack: 'gross',
        barMaxWidth: 48,
        data: rollups.map((r) => r.indirect.value),
      },
      {
        name: names.net,
        type: 'line',
        symbolSize: 8,
        data: rollups.map((r) => r.net.value),
      },
    ],
  };
}

function sectorOption(o: GroupOverview, lang: Lang) {
  const unit = o.rollup?.net.unit ?? 'tCO2e';
  const data = o.sectors.map((s) => ({
    // without the GB/T 4754 class code the English names carry ("… (C3011)"), as in Chinese
    name: bilingualPart(s.sector, lang).replace(/\s*\([A-Z]\d{2,4}\)$/, ''),
    value: s.emissions.value,
    share: s.share.value,
  }));
  // The share is the API's (% of the total without double counting), not the pie's own.
  const share = new Map(data.map((d) => [d.name, `${formatNumber(d.share, lang, 1)}%`]));
  return {
    animation: false,
    color: [...PALETTE],
    tooltip: {
      trigger: 'item',
      valueFormatter: (v: number) => formatQuantity(Math.round(v), unit, lang),
    },
    // Names and shares in a legend beside the pie, wrapped rather than cut: labels around the
    // pie had no room for the longer sector names in a half-width card.
    legend: {
      type: 'scroll',
      orient: 'vertical',
      left: '49%',
      right: 0,
      top: 'middle',
      itemGap: 8,
      formatter: (name: string) => `${name}  ${share.get(name) ?? ''}`,
      textStyle: { width: 190, overflow: 'break', fontSize: 11, lineHeight: 14 },
    },
    series: [
      {
        type: 'pie',
        radius: ['34%', '62%'],
        center: ['24%', '50%'],
        label: { show: false },
        data,
      },
    ],
  };
}

/**
 * Each enterprise's intensity over the years, one production basis at a time (the API compares
 * intensities only within a basis: per tonne of clinker, of cement, per 10 000 CNY).
 */
function IntensityTrend({ data, lang }: { data: ReadonlyMap<number, GroupOverview>; lang: Lang }) {
  const { t } = useTranslation();
  const years = [...data.keys()].sort((a, b) => a - b);
  const rows = years.flatMap((y) => data.get(y)!.enterprises.map((e) => ({ year: y, e })));
  const bases = [
    ...new Set(
      rows.flatMap(({ e }) =>
        e.productionBasis !== null && e.intensity ? [e.productionBasis] : [],
      ),
    ),
  ].sort();
  const [chosen, setChosen] = useState<string | undefined>();
  const basis = chosen !== undefined && bases.includes(chosen) ? chosen : bases[0];
  const basisLabel = (b: string) => (isKnownBasis(b) ? t(`scope.basis.${b}`) : b);
  const inBasis = rows.filter(({ e }) => e.productionBasis === basis && e.intensity);
  const codes = [...new Set(inBasis.map(({ e }) => e.code))];
  const unit = inBasis[0]?.e.intensity?.unit ?? '';
  const option = {
    animation: false,
    color: [...PALETTE],
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll' },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number) => formatQuantity(Number(v.toFixed(3)), unit, lang),
    },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', name: unit, scale: true },
    series: codes.map((code) => ({
      name: bilingualPart(inBasis.find(({ e }) => e.code === code)!.e.name, lang),
      type: 'line',
      symbolSize: 8,
      connectNulls: false,
      data: years.map(
        (y) => inBasis.find(({ year, e }) => year === y && e.code === code)?.e.intensity?.value,
      ),
    })),
  };
  return (
    <Card
      title={t('scope.intensityTrend')}
      className="intensity-trend"
      extra={
        bases.length > 1 && (
          <Segmented
            size="small"
            options={bases.map((b) => ({ value: b, label: basisLabel(b) }))}
            value={basis}
            onChange={(v) => setChosen(String(v))}
          />
        )
      }
    >
      {basis === undefined ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('scope.noIntensity')} />
      ) : (
        <>
          {bases.length === 1 && (
            <Typography.Text type="secondary">{basisLabel(basis)}</Typography.Text>
          )}
          <EChart style={{ height: 260 }} option={option} />
        </>
      )}
    </Card>
  );
}

function RankingTable({
  overview: o,
  enterpriseIds,
  lang,
}: {
  overview: GroupOverview;
  enterpriseIds: ReadonlyMap<string, string>;
  lang: Lang;
}) {
  const { t } = useTranslation();
  const ranked = new Map(
    (o.byTotal.groups[0]?.ranked ?? []).map((r) => [r.enterprise, { rank: r.rank, tied: r.tied }]),
  );
  const intensityRank = new Map(
    o.byIntensity.flatMap((b) =>
      (b.ranking.groups[0]?.ranked ?? []).map((r) => [r.enterprise, r.rank] as const),
    ),
  );
  const rows: RankRow[] = o.enterprises
    .map((e) => ({
      ...e,
      rank: ranked.get(e.code)?.rank,
      tied: ranked.get(e.code)?.tied ?? false,
      intensityRank: intensityRank.get(e.code),
    }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  // The unit is in the heading, so that the figures stay short (万 and 亿 in Chinese).
  const unit = o.rollup?.net.unit ?? 'tCO2e';
  const q = (v: { value: number; unit: string } | null) =>
    v
      ? v.unit === unit
        ? formatCompact(v.value, lang)
        : formatQuantity(v.value, v.unit, lang)
      : '—';
  const withUnit = (title: string) => `${title} (${unit})`;
  return (
    <Table<RankRow>
      size="small"
      className="ranking-table"
      rowKey="code"
      dataSource={rows}
      pagination={false}
      scroll={{ x: 940 }}
      columns={[
        {
          title: t('scope.col.rank'),
          key: 'rank',
          width: 64,
          render: (_, r) =>
            r.rank === undefined ? '—' : `${r.rank}${r.tied ? ` (${t('scope.tied')})` : ''}`,
        },
        {
          title: t('scope.col.enterprise'),
          key: 'name',
          width: 200,
          // the industry under the name: one column fewer, so that the pollutants fit beside
          // the carbon figures on a laptop screen
          render: (_, r) => {
            const id = enterpriseIds.get(r.code);
            const name = bilingualPart(r.name, lang);
            return (
              <>
                {id ? <Link to={`/overview?enterprise=${id}&year=${o.year}`}>{name}</Link> : name}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.sector ? bilingualPart(r.sector, lang) : '—'}
                </Typography.Text>
              </>
            );
          },
        },
        {
          title: withUnit(t('scope.col.direct')),
          key: 'direct',
          align: 'right',
          render: (_, r) => q(r.direct),
        },
        {
          title: withUnit(t('scope.col.indirect')),
          key: 'indirect',
          align: 'right',
          render: (_, r) => q(r.indirect),
        },
        {
          title: withUnit(t('scope.col.emissions')),
          key: 'emissions',
          align: 'right',
          render: (_, r) => q(r.emissions),
        },
        {
          title: t('scope.col.intensity'),
          key: 'intensity',
          align: 'right',
          width: 150,
          render: (_, r) =>
            r.intensity ? (
              <Tooltip
                title={
                  r.intensityRank !== undefined &&
                  t('scope.intensityRank', { rank: r.intensityRank })
                }
              >
                {formatQuantity(Number(r.intensity.value.toFixed(3)), r.intensity.unit, lang)}
                {r.intensityRank !== undefined && (
                  <Typography.Text type="secondary"> #{r.intensityRank}</Typography.Text>
                )}
              </Tooltip>
            ) : (
              '—'
            ),
        },
        {
          title: t('scope.col.change'),
          key: 'change',
          align: 'right',
          width: 90,
          render: (_, r) => <ChangeText change={relativeChange(r.yearOnYear)} lang={lang} />,
        },
        {
          title: t('scope.pollutants'),
          key: 'pollutants',
          children: POLLUTANTS.map((p) => ({
            title: t(`scope.pollutant.${p}`),
            key: p,
            align: 'right' as const,
            width: 72,
            render: (_: unknown, r: RankRow) => {
              const f = r.pollutants.find((x) => x.pollutant === p);
              if (!f) return '—';
              const months =
                f.months.length === 1 && f.months[0] === 0
                  ? t('scope.pollutantSource.wholeYear')
                  : t('scope.pollutantSource.months', { count: f.months.length });
              const sources = f.sources
                .map((x) => t(`scope.pollutantSource.${x}`))
                .join(lang === 'zh' ? '、' : ', ');
              return (
                <Tooltip
                  title={t('scope.pollutantSource.tooltip', {
                    name: t(`scope.pollutantName.${p}`),
                    months,
                    sources,
                  })}
                >
                  {formatTonnes(f.amount, lang)}
                </Tooltip>
              );
            },
          })),
        },
      ]}
    />
  );
}

/** The API's notes as it states them: supply inside and outside the group, method, gaps. */
function Notes({ overview: o, lang }: { overview: GroupOverview; lang: Lang }) {
  const { t } = useTranslation();
  const notes = [...o.notes, ...(o.rollup?.notes ?? [])];
  return (
    <Card title={t('scope.notes')} size="small" className="scope-notes">
      <Typography.Paragraph className="scope-supply">
        <Typography.Text strong>{t('scope.supply')}</Typography.Text>{' '}
        {notePart(o.supply.note, lang)}
      </Typography.Paragraph>
      {o.withoutRun.length > 0 && (
        <Typography.Paragraph type="warning">
          {t('scope.withoutRun', {
            names: o.withoutRun.map((e) => bilingualPart(e.name, lang)).join('、'),
          })}
        </Typography.Paragraph>
      )}
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {notes.map((n) => (
          <li key={n}>
            <Typography.Text type="secondary">{notePart(n, lang)}</Typography.Text>
          </li>
        ))}
      </ul>
    </Card>
  );
}
