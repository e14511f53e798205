import type { EChartsCoreOption } from 'echarts/core';
import * as echarts from 'echarts/core';
import { type CSSProperties, useEffect, useRef } from 'react';

interface EChartProps {
  option: EChartsCoreOption;
  style: CSSProperties;
  /** A click on a bar or a point: its series and its place in the data. */
  onItemClick?: (item: { seriesIndex: number; dataIndex: number }) => void;
  label: string;
}

/**
 * One ECharts canvas (echarts/core; the chart types are registered by the caller): drawn again when the
 * option changes, resized with its box (the phone turning, the menu folding), disposed on unmount.
 */
export function EChart({ option, style, onItemClick, label }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>(undefined);
  const clicked = useRef(onItemClick);
  clicked.current = onItemClick;

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current);
    chart.current = instance;
    instance.on('click', (event) =>
      clicked.current?.({ seriesIndex: event.seriesIndex ?? 0, dataIndex: event.dataIndex }),
    );
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  // Drawn again only when what it shows changed (a page re-render builds an equal option anew).
  const drawn = JSON.stringify(option);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `drawn` is the option's content.
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [drawn]);

  return <div ref={box} style={style} role="img" aria-label={label} />;
}
