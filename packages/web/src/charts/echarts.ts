import { BarChart, LineChart, PieChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only the parts the dashboard's charts use: the full echarts build is several times larger.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  SVGRenderer,
]);

/** The series colours: the brand green first, then colours that stay apart in grey print. */
export const PALETTE = [
  '#1b7f5f',
  '#3b82c4',
  '#e0a030',
  '#c4513b',
  '#7a5cc4',
  '#5aa7a0',
  '#8c8c8c',
] as const;
