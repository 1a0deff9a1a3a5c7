import { useTranslation } from 'react-i18next';
import { PALETTE } from '../../charts/palette.js';
import { EChart } from '../../components/EChart.js';
import { formatCompact, formatQuantity } from '../../format/number.js';
import { shortLanguage } from '../../i18n/index.js';
import type { ScenarioPathway } from './types.js';

/**
 * The scenarios' emissions year by year to 2060, overlaid: each peak marked with its year, and
 * the 2030 peak and 2060 neutrality goals as vertical lines. Figures as the API projected them.
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
  const option = {
    animation: false,
    color: [...PALETTE],
    grid: { left: 8, right: 24, top: 48, bottom: 24, containLabel: true },
    legend: { top: 0, type: 'scroll' },
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
          ...(i === peakIndex && {
            symbol: 'diamond',
            label: {
              show: true,
              // alternate sides so that peaks of neighbouring years do not cover each other
              position: k % 2 === 0 ? 'top' : 'bottom',
              formatter: t('pathways.chart.peak', { year: y.year }),
              color: PALETTE[k % PALETTE.length],
            },
          }),
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
  return <EChart option={option} style={{ height: 380 }} />;
}
