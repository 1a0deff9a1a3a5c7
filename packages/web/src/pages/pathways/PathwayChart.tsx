import { useTranslation } from 'react-i18next';
import { PALETTE } from '../../charts/palette.js';
import { EChart } from '../../components/EChart.js';
import { formatCompact, formatQuantity } from '../../format/number.js';
import { shortLanguage } from '../../i18n/index.js';
import type { ScenarioPathway } from './types.js';

/** Height of one legend line: the legend lists the scenarios one under the other. */
const LEGEND_LINE = 22;

/**
 * The scenarios' emissions year by year to 2060, overlaid: each peak marked with a diamond and
 * its year given in the legend, and the 2030 peak and 2060 neutrality goals as vertical lines.
 * Figures as the API projected them.
 */
export function PathwayChart({ pathways }: { pathways: readonly ScenarioPathway[] }) {
  const { t, i18n } = useTranslation();
  const lang = shortLanguage(i18n.language);
  const first = pathways[0];
  if (!first) return null;
  const years = first.pathway.years.map((y) => String(y.year));
  const unit = first.pathway.peakValue.unit;
  const name = (p: ScenarioPathway) =>
    lang === 'en' ? p.scenario.document.nameEn : p.scenario.name;
  // Peaks of neighbouring years, labelled on the chart, covered each other: the legend names
  // each scenario with its peak year, one line each, so nothing crowds however many are drawn.
  const peaks = new Map(pathways.map((p) => [name(p), p.pathway.peakYear]));
  const legendHeight = pathways.length * LEGEND_LINE;
  const option = {
    animation: false,
    color: [...PALETTE],
    grid: { left: 8, right: 24, top: 32, bottom: 16 + legendHeight, containLabel: true },
    legend: {
      bottom: 0,
      left: 8,
      orient: 'vertical',
      itemGap: LEGEND_LINE - 14,
      formatter: (n: string) => {
        const year = peaks.get(n);
        return year === undefined ? n : `${n} · ${t('pathways.chart.peak', { year })}`;
      },
    },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number) => formatQuantity(Math.round(v), unit, lang),
    },
    xAxis: { type: 'category', data: years, boundaryGap: false },
    yAxis: {
      type: 'value',
      name: unit,
      axisLabel: { formatter: (v: number) => formatCompact(v, lang, 1) },
    },
    series: pathways.map((p, k) => {
      const peakIndex = p.pathway.years.findIndex((y) => y.year === p.pathway.peakYear);
      return {
        type: 'line',
        name: name(p),
        showSymbol: true,
        // only the peak gets a symbol and a label
        symbolSize: (_: number, params: { dataIndex: number }) =>
          params.dataIndex === peakIndex ? 11 : 0,
        data: p.pathway.years.map((y, i) => ({
          value: y.emissions.value,
          ...(i === peakIndex && { symbol: 'diamond' }),
        })),
        ...(k === 0 && {
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { type: 'dashed', color: '#8c8c8c' },
            label: { formatter: '{b}', position: 'insideEndTop' },
            data: [
              { name: t('pathways.chart.peakGoal'), xAxis: '2030' },
              { name: t('pathways.chart.neutralGoal'), xAxis: '2060' },
            ],
          },
        }),
      };
    }),
  };
  return <EChart option={option} style={{ height: 360 + legendHeight }} />;
}
