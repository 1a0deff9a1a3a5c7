/**
 * The series colours: the brand green first, then colours that stay apart in grey print. Kept
 * apart from the ECharts registration (echarts.ts) so that a page can colour its charts without
 * loading ECharts itself, which EChart loads on first use.
 */
export const PALETTE = [
  '#1b7f5f',
  '#3b82c4',
  '#e0a030',
  '#c4513b',
  '#7a5cc4',
  '#5aa7a0',
  '#8c8c8c',
] as const;
