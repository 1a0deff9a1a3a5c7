import { useMemo, useState } from 'react';
import { Card, Empty, Segmented, Skeleton, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import { call, type FactorJson } from '../../api/client.js';
import { useApi } from '../../api/ApiContext.js';
import { useRequest } from '../../api/useRequest.js';
import { EChart } from '../../components/EChart.js';
import { ErrorState } from '../../components/ErrorState.js';
import { formatNumber } from '../../format/number.js';
import { shortLanguage } from '../../i18n/index.js';
import { regionLabel } from '../../regions/regions.js';

// Only the parts this chart uses: the full echarts build is several times larger.
echarts.use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

/** Average-basis grid factors: the seven regional grids, and the national value per year. */
function gridSeries(items: readonly FactorJson[]) {
  const average = items.filter(
    (f) => f.kind === 'grid' && f.basis === 'average' && f.year !== null,
  );
  const regional = average.filter((f) => f.region.startsWith('CN-GRID-'));
  const years = [...new Set(regional.map((f) => f.year ?? 0))].sort((a, b) => b - a);
  const national = new Map(average.filter((f) => f.region === 'CN').map((f) => [f.year, f]));
  return { regional, years, national };
}

/**
 * The question energy managers ask first — which grid factor applies to my site and how it
 * compares — answered from the API's grid factors; a bar opens the factor itself.
 */
export function GridFactorChart({ onSelect }: { onSelect: (factor: FactorJson) => void }) {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const api = useApi();
  // 500 is the API's page limit; the bundled sets hold a few dozen grid factors.
  const request = useRequest('grid-factors', (signal) =>
    call(api.GET('/api/v1/factors', { params: { query: { kind: 'grid', limit: 500 } }, signal })),
  );
  const series = useMemo(() => gridSeries(request.data?.items ?? []), [request.data]);
  const [chosenYear, setChosenYear] = useState<number | undefined>(undefined);
  const year = chosenYear ?? series.years[0];

  const bars = useMemo(
    () => series.regional.filter((f) => f.year === year).sort((a, b) => b.value - a.value),
    [series, year],
  );
  const national = year === undefined ? undefined : series.national.get(year);

  // Memoised: a new option object makes the chart redraw.
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) =>
          typeof v === 'number' ? `${formatNumber(v, lang)} tCO2/MWh` : '',
      },
      xAxis: {
        type: 'category',
        data: bars.map((f) => regionLabel(f.region, lang)),
        axisLabel: { interval: 0, fontSize: 12 },
      },
      yAxis: {
        type: 'value',
        name: t('chart.axis'),
        nameTextStyle: { align: 'left' },
        axisLabel: { formatter: (v: number) => formatNumber(v, lang, 2) },
      },
      series: [
        {
          type: 'bar',
          name: t('chart.title'),
          barMaxWidth: 44,
          data: bars.map((f) => f.value),
          itemStyle: { color: '#1b7f5f', borderRadius: [3, 3, 0, 0] },
          label: {
            show: true,
            position: 'top',
            formatter: (p: { value: number }) => formatNumber(p.value, lang),
          },
          markLine: national
            ? {
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#d46b08' },
                label: {
                  formatter: `${t('chart.national')} ${formatNumber(national.value, lang)}`,
                  position: 'insideEndTop',
                  color: '#d46b08',
                },
                data: [{ yAxis: national.value }],
              }
            : undefined,
        },
      ],
    }),
    [bars, national, lang, t],
  );

  const title = (
    <span>
      {t('chart.title')}
      {year !== undefined && ` · ${year}`}
    </span>
  );

  return (
    <Card
      title={title}
      extra={
        series.years.length > 1 && year !== undefined ? (
          <Segmented
            size="small"
            options={series.years.map((y) => ({ label: String(y), value: y }))}
            value={year}
            onChange={(v) => setChosenYear(v)}
          />
        ) : undefined
      }
    >
      {request.status === 'error' ? (
        <ErrorState error={request.error} onRetry={request.reload} />
      ) : request.status === 'loading' && !request.data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : bars.length === 0 ? (
        <Empty description={t('chart.empty')} />
      ) : (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('chart.subtitle')}
          </Typography.Text>
          <EChart
            option={option}
            style={{ height: 280 }}
            onClick={(index) => {
              const factor = bars[index];
              if (factor) onSelect(factor);
            }}
          />
        </>
      )}
    </Card>
  );
}
