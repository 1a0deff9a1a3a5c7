import { BarChart, CustomChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';

// Only the parts the dashboard's charts use: the full echarts build is several times larger.
// EChart loads this module on first use, so ECharts is not in the first page's critical path.
echarts.use([
  BarChart,
  // the MACC's bars of varying width (pages/macc)
  CustomChart,
  LineChart,
  PieChart,
  // the pollution–carbon synergy quadrant (pages/park), its point labels kept from overlapping
  ScatterChart,
  LabelLayout,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  SVGRenderer,
]);

export { init } from 'echarts/core';
// The palette is also here for older imports; importing it from palette.ts does not load ECharts.
export { PALETTE } from './palette.js';
