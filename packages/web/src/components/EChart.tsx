import { useEffect, useRef, type CSSProperties } from 'react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import type * as Charts from '../charts/echarts.js';

// ECharts (about 600 kB before compression) is loaded by the first chart, not with the page:
// charts are drawn once their data has come, and evaluating ECharts earlier would compete for
// the main thread with the first render and the requests that bring the page's figures.
let charts: Promise<typeof Charts> | undefined;
const loadCharts = () => {
  charts ??= import('../charts/echarts.js').catch((e: unknown) => {
    // a failed download is tried again by the next chart
    charts = undefined;
    throw e;
  });
  return charts;
};

/**
 * A minimal React wrapper around an ECharts instance. echarts-for-react 3.0.6 imports `tslib`
 * without declaring it, so its bundles do not build from a clean install; this wrapper does the
 * three things the dashboard needs: init/dispose, setOption on change, resize with the container.
 * The chart parts are registered in charts/echarts.ts (only those used: keeps the bundle small).
 */
export function EChart({
  option,
  style,
  onClick,
}: {
  option: EChartsCoreOption;
  style?: CSSProperties;
  /** Called with the index of the clicked data item. */
  onClick?: (dataIndex: number) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const clickHandler = useRef(onClick);
  clickHandler.current = onClick;
  // The latest option, for the instance made once ECharts has loaded.
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void loadCharts().then(({ init }) => {
      if (disposed) return;
      const instance = init(element, undefined, { renderer: 'svg' });
      chart.current = instance;
      instance.on('click', (params) => {
        if (typeof params.dataIndex === 'number') clickHandler.current?.(params.dataIndex);
      });
      instance.setOption(latest.current, { notMerge: true });
      // Sider collapse and window resizes change the width without a window resize event.
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(element);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={container} style={style} />;
}
