import { useEffect, useRef, type CSSProperties } from 'react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import * as echarts from 'echarts/core';
import '../charts/echarts.js';

/**
 * A minimal React wrapper around an ECharts instance. echarts-for-react 3.0.6 imports `tslib`
 * without declaring it, so its bundles do not build from a clean install; this wrapper does the
 * three things the dashboard needs: init/dispose, setOption on change, resize with the container.
 * Callers register the chart parts they use with `echarts.use` (keeps the bundle small).
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

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => {
      if (typeof params.dataIndex === 'number') clickHandler.current?.(params.dataIndex);
    });
    // Sider collapse and window resizes change the width without a window resize event.
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={container} style={style} />;
}
