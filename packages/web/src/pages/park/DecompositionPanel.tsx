import { Card, Empty, Skeleton, Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.js';
import { call, type GetOk } from '../../api/client.js';
import { useRequest } from '../../api/useRequest.js';
import { PALETTE } from '../../charts/palette.js';
import { EChart } from '../../components/EChart.js';
import { ErrorState } from '../../components/ErrorState.js';
import { bilingualPart } from '../../format/bilingual.js';
import { formatCompact } from '../../format/number.js';
import { formatEmissions, notePart } from './scopeFormat.js';

type Lang = 'zh' | 'en';
type Decomposition = GetOk<'/api/v1/parks/{id}/decomposition'>;
type Effect = keyof Decomposition['effects'];

/** The effects in the order of C = Q · S · I · F, as the waterfall steps through them. */
const EFFECTS: readonly Effect[] = ['activity', 'structure', 'intensity', 'emissionFactor'];
const UP = PALETTE[3];
const DOWN = PALETTE[0];
const TOTAL = PALETTE[1];

const signed = (q: { value: number; unit: string }, lang: Lang) =>
  `${q.value > 0 ? '+' : ''}${formatEmissions(q, lang)}`;

/**
 * 排放变化因素分解 (LMDI): the change of a park's or region's emissions from the year before to
 * the year shown, as the API decomposes it (GET /parks|regions/{id}/decomposition): a waterfall
 * from the base year's emissions through the four effects to the target year's, the activity
 * measure the API chose, the effects by sector and the enterprises left out. No figure is
 * computed here; the waterfall's invisible bases are running sums of the API's effects.
 */
export function DecompositionPanel({
  scope,
  id,
  from,
  to,
  lang,
}: {
  scope: 'park' | 'region';
  id: string;
  /** The base year: the year with runs before `to`, if any. */
  from: number | undefined;
  to: number;
  lang: Lang;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const request = useRequest(
    `decomposition:${scope}:${id}:${from ?? ''}:${to}`,
    async (signal): Promise<Decomposition | undefined> => {
      if (from === undefined) return undefined;
      const params = { path: { id }, query: { from, to } };
      return scope === 'park'
        ? call(api.GET('/api/v1/parks/{id}/decomposition', { params, signal }))
        : call(api.GET('/api/v1/regions/{id}/decomposition', { params, signal }));
    },
  );
  const title = t('decomposition.title', { from: from ?? '—', to });

  if (from === undefined)
    return (
      <Card title={title} className="decomposition-panel">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('decomposition.needTwoYears')} />
      </Card>
    );
  if (request.status === 'error')
    return (
      <Card title={title} className="decomposition-panel">
        <ErrorState error={request.error} onRetry={request.reload} />
      </Card>
    );
  const d = request.status === 'success' ? request.data : undefined;
  if (!d)
    return (
      <Card title={title} className="decomposition-panel">
        <Typography.Text type="secondary">{t('decomposition.loading')}</Typography.Text>
        <Skeleton active />
      </Card>
    );

  const activityNote = `${d.activity.zh} ${d.activity.en}`;
  return (
    <Card title={title} className="decomposition-panel">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('decomposition.reading')}
      </Typography.Paragraph>
      <EChart style={{ height: 340 }} option={waterfallOption(d, lang, t)} />
      <Typography.Paragraph className="decomposition-activity" style={{ marginTop: 8 }}>
        <Typography.Text strong>
          {t('decomposition.activity', {
            measure: t(`decomposition.measure.${d.activity.measure}`),
          })}
        </Typography.Text>{' '}
        {d.activity[lang]}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('decomposition.compared', { count: d.compared.length })}
      </Typography.Paragraph>
      {d.leftOut.length > 0 && (
        <Typography.Paragraph type="warning" className="decomposition-left-out">
          {t('decomposition.leftOut', {
            members: d.leftOut
              .map(
                (m) =>
                  `${bilingualPart(m.name, lang)}（${
                    m.yearsWithRun.length > 0
                      ? t('decomposition.onlyYear', { years: m.yearsWithRun.join('、') })
                      : t('decomposition.noYear')
                  }）`,
              )
              .join('、'),
          })}
        </Typography.Paragraph>
      )}
      {d.sectors.length > 1 && (
        <>
          <Typography.Title level={5}>{t('decomposition.sectors')}</Typography.Title>
          <SectorTable d={d} lang={lang} />
        </>
      )}
      <ul style={{ margin: '12px 0 0', paddingInlineStart: 20 }}>
        {d.notes
          .filter((n) => n !== activityNote)
          .map((n) => (
            <li key={n}>
              <Typography.Text type="secondary">{notePart(n, lang)}</Typography.Text>
            </li>
          ))}
      </ul>
    </Card>
  );
}

function SectorTable({ d, lang }: { d: Decomposition; lang: Lang }) {
  const { t } = useTranslation();
  type Row = Decomposition['sectors'][number];
  return (
    <Table<Row>
      size="small"
      rowKey="sector"
      pagination={false}
      scroll={{ x: true }}
      dataSource={[...d.sectors]}
      columns={[
        {
          title: t('decomposition.col.sector'),
          render: (_, r) => bilingualPart(r.sector, lang).replace(/\s*\([A-Z]\d{2,4}\)$/, ''),
        },
        {
          title: t('decomposition.col.base', { year: d.from }),
          align: 'right',
          render: (_, r) => formatEmissions(r.base.emissions, lang),
        },
        {
          title: t('decomposition.col.target', { year: d.to }),
          align: 'right',
          render: (_, r) => formatEmissions(r.target.emissions, lang),
        },
        ...EFFECTS.map((f) => ({
          title: t(`decomposition.effect.${f}`),
          align: 'right' as const,
          render: (_: unknown, r: Row) => signed(r.effects[f], lang),
        })),
        {
          title: t('decomposition.col.change'),
          align: 'right',
          render: (_, r) => signed(r.change, lang),
        },
      ]}
    />
  );
}

/**
 * A waterfall: the base year's and target year's emissions as whole bars, each effect as a bar
 * floating on the running sum before it (red up, green down). The value axis starts near the
 * lowest level, not at zero, since the effects are a few per cent of the totals.
 */
function waterfallOption(d: Decomposition, lang: Lang, t: TFunction) {
  const unit = d.base.unit;
  const levels = [d.base.value];
  for (const f of EFFECTS) levels.push(levels[levels.length - 1]! + d.effects[f].value);
  const low = Math.min(...levels, d.target.value);
  const high = Math.max(...levels, d.target.value);
  const pad = Math.max((high - low) * 0.6, Math.abs(high) * 0.005);
  // the axis ends on round figures (370万, not 376.8万): a power of ten of the shown range
  const step = 10 ** Math.floor(Math.log10(high - low + 2 * pad));
  const names = [
    t('decomposition.base', { year: d.from }),
    ...EFFECTS.map((f) => t(`decomposition.effect.${f}`)),
    t('decomposition.target', { year: d.to }),
  ];
  const steps = EFFECTS.map((f, k) => {
    const before = levels[k]!;
    const v = d.effects[f].value;
    return { bottom: Math.min(before, before + v), size: Math.abs(v), value: d.effects[f] };
  });
  const label = (text: string) => ({ show: true, position: 'top' as const, formatter: text });
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items: { dataIndex: number }[]) => {
        const k = items[0]?.dataIndex ?? 0;
        const name = names[k] ?? '';
        if (k === 0) return `${name}<br/>${formatEmissions(d.base, lang)}`;
        if (k === names.length - 1)
          return `${name}<br/>${formatEmissions(d.target, lang)}<br/>${t('decomposition.tooltipChange', { value: signed(d.total, lang) })}`;
        return `${name}<br/>${signed(steps[k - 1]!.value, lang)}`;
      },
    },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
    yAxis: {
      type: 'value',
      name: unit,
      min: Math.floor((low - pad) / step) * step,
      max: Math.ceil((high + pad) / step) * step,
      axisLabel: { formatter: (v: number) => formatCompact(v, lang, 1) },
    },
    series: [
      {
        // the invisible part under each floating bar
        type: 'bar',
        stack: 'waterfall',
        silent: true,
        itemStyle: { color: 'transparent' },
        data: [0, ...steps.map((s) => s.bottom), 0],
      },
      {
        type: 'bar',
        stack: 'waterfall',
        barMaxWidth: 56,
        data: [
          {
            value: d.base.value,
            itemStyle: { color: TOTAL },
            label: label(formatEmissions(d.base, lang)),
          },
          ...steps.map((s) => ({
            value: s.size,
            itemStyle: { color: s.value.value > 0 ? UP : DOWN },
            label: label(signed(s.value, lang)),
          })),
          {
            value: d.target.value,
            itemStyle: { color: TOTAL },
            label: label(formatEmissions(d.target, lang)),
          },
        ],
      },
    ],
  };
}
