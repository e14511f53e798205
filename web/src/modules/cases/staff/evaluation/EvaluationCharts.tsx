import { Empty, Typography } from 'antd';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { EChart } from './EChart.tsx';
import { type Evaluation, type FigureRef, groupParam } from './evaluationApi.ts';
import { type Rate, rankBy, rateCases, rates } from './ranking.ts';

// Only what these two charts draw: the page's echarts weight is this, loaded with this file alone.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Okabe–Ito colours, told apart with colour-blindness; the lines also differ by symbol. */
const palette: Record<Rate, string> = {
  closedRate: '#0072B2',
  onTimeRate: '#009E73',
  reworkRate: '#D55E00',
  satisfaction: '#CC79A7',
};
const symbols: Record<Rate, string> = {
  closedRate: 'circle',
  onTimeRate: 'rect',
  reworkRate: 'triangle',
  satisfaction: 'diamond',
};

interface ChartsProps {
  evaluation: Evaluation;
  rate: Rate;
  onOpen: (figure: FigureRef) => void;
}

/** The ranking of one rate as bars (townships, departments, categories), or the months' rates as lines. */
export default function EvaluationCharts({ evaluation, rate, onOpen }: ChartsProps) {
  return evaluation.groupBy === 'month' ? (
    <TrendChart evaluation={evaluation} onOpen={onOpen} />
  ) : (
    <RankingChart evaluation={evaluation} rate={rate} onOpen={onOpen} />
  );
}

/** Best first, top to bottom; a bar opens the cases of the rate's numerator in that group. */
function RankingChart({ evaluation, rate, onOpen }: ChartsProps) {
  const t = useT();
  const ranks = rankBy(evaluation.rows, rate);
  const rows = evaluation.rows.filter((r) => ranks.has(r.key)).sort((a, b) => ranks.get(a.key)! - ranks.get(b.key)!);
  const title = t('cases.eval.chart.ranking', { rate: t(`cases.eval.col.${rate}`) });
  if (rows.length === 0) return <Empty description={t('cases.eval.chart.empty')} />;
  const option = {
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', max: rate === 'satisfaction' ? 5 : 100 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.name),
      axisLabel: { width: 96, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: t(`cases.eval.col.${rate}`),
        data: rows.map((r) => r[rate]),
        itemStyle: { color: palette[rate] },
        label: { show: true, position: 'right', formatter: rate === 'satisfaction' ? '{c}' : '{c}%' },
        cursor: 'pointer',
      },
    ],
  };
  return (
    <figure
      className="wm-eval-chart"
      data-testid="eval-chart-ranking"
      data-bars={rows.length}
      data-first={groupParam(rows[0]?.key)}
    >
      <Typography.Text strong>{title}</Typography.Text>
      <EChart
        option={option}
        label={title}
        style={{ height: Math.max(160, rows.length * 28 + 32), width: '100%' }}
        onItemClick={({ dataIndex }) => {
          const row = rows[dataIndex];
          if (row) onOpen({ group: groupParam(row.key), measure: rateCases[rate] });
        }}
      />
    </figure>
  );
}

/** The four rates by month (satisfaction on its own 1–5 axis); a point opens that month's cases. */
function TrendChart({ evaluation, onOpen }: Omit<ChartsProps, 'rate'>) {
  const t = useT();
  const months = evaluation.rows;
  const option = {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: rates.map((r) => t(`cases.eval.col.${r}`)) },
    xAxis: { type: 'category', data: months.map((m) => m.name) },
    yAxis: [
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      { type: 'value', min: 0, max: 5, splitLine: { show: false } },
    ],
    series: rates.map((r) => ({
      type: 'line',
      name: t(`cases.eval.col.${r}`),
      yAxisIndex: r === 'satisfaction' ? 1 : 0,
      data: months.map((m) => m[r]),
      connectNulls: false,
      symbol: symbols[r],
      symbolSize: 8,
      itemStyle: { color: palette[r] },
      lineStyle: { color: palette[r], type: r === 'reworkRate' ? 'dashed' : 'solid' },
    })),
  };
  return (
    <figure className="wm-eval-chart" data-testid="eval-chart-trend">
      <Typography.Text strong>{t('cases.eval.chart.trend')}</Typography.Text>
      <EChart
        option={option}
        label={t('cases.eval.chart.trend')}
        style={{ height: 280, width: '100%' }}
        onItemClick={({ dataIndex, seriesIndex }) => {
          const month = months[dataIndex];
          const rate = rates[seriesIndex];
          if (month && rate) onOpen({ group: groupParam(month.key), measure: rateCases[rate] });
        }}
      />
    </figure>
  );
}
