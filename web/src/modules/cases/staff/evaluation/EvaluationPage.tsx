import { UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Segmented, Skeleton, Space, Tabs } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { LoadFailure } from '../../../../app/LoadFailure.tsx';
import { modulePath } from '../../../../app/modules.ts';
import { PageHeading } from '../../../../app/PageHeading.tsx';
import { type Dimension, dimensions } from './evaluationApi.ts';
import { EvaluationTable, isRate } from './EvaluationTable.tsx';
import { ExportEvaluationButton } from './ExportEvaluationButton.tsx';
import { FigureCasesDrawer } from './FigureCasesDrawer.tsx';
import { PeriodPicker } from './PeriodPicker.tsx';
import { type Rate, rates } from './ranking.ts';
import { useEvaluationPage } from './useEvaluationPage.ts';
import './evaluation.css';

// ECharts (~1 MB raw) comes with this chunk only, after the table has shown.
const EvaluationCharts = lazy(() => import('./EvaluationCharts.tsx'));

/** 综合评价: the period, a dimension's table and charts, and the cases behind any figure. */
export default function EvaluationPage() {
  const t = useT();
  const page = useEvaluationPage();
  const { view, figures, figure } = page;
  const [rankedBy, setRankedBy] = useState<Rate>('closedRate');
  const [sortedBy, setSortedBy] = useState<string | undefined>('rank');
  const data = figures.data?.groupBy === view.groupBy ? figures.data : undefined;
  const rank = (rate: Rate) => {
    setRankedBy(rate);
    setSortedBy('rank');
  };
  return (
    <Flex vertical gap={16} className="wm-eval">
      <PageHeading title={t('cases.eval.title')} intro={t('cases.eval.intro', { min: data?.minVolume ?? 5 })} />
      <Card>
        <Flex gap={12} wrap justify="space-between" align="flex-start">
          <PeriodPicker preset={view.preset} period={view.period} onPreset={page.setPreset} onCustom={page.setCustom} />
          <Space wrap>
            <ExportEvaluationButton period={view.period} />
            <ToCaseList />
          </Space>
        </Flex>
      </Card>
      <Card>
        <Tabs
          activeKey={view.groupBy}
          onChange={(key) => page.setGroupBy(key as Dimension)}
          items={dimensions.map((d) => ({
            key: d,
            label: <span data-testid={`eval-dim-${d}`}>{t(`cases.eval.dim.${d}`)}</span>,
          }))}
        />
        {figures.error !== undefined && <LoadFailure error={figures.error} onRetry={figures.reload} />}
        {!data && figures.error === undefined && <Skeleton active />}
        {data && (
          <Flex vertical gap={16}>
            {data.groupBy !== 'month' && (
              <Segmented<Rate>
                value={rankedBy}
                onChange={rank}
                options={rates.map((r) => ({ value: r, label: t(`cases.eval.col.${r}`) }))}
                aria-label={t('cases.eval.rankBy')}
                className="wm-eval-rank-by"
              />
            )}
            <EvaluationTable
              evaluation={data}
              loading={figures.loading}
              rankedBy={rankedBy}
              sortedBy={sortedBy}
              onSort={(column) => {
                setSortedBy(column);
                if (isRate(column)) setRankedBy(column);
              }}
              onOpen={page.openFigure}
            />
            <Suspense fallback={<Skeleton active />}>
              <EvaluationCharts evaluation={data} rate={rankedBy} onOpen={page.openFigure} />
            </Suspense>
          </Flex>
        )}
      </Card>
      {figure && (
        <FigureCasesDrawer period={view.period} groupBy={view.groupBy} figure={figure} onClose={page.closeFigure} />
      )}
    </Flex>
  );
}

/** The work queues (the module's landing opens here for the campaign office; the list is one click away). */
function ToCaseList() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Button icon={<UnorderedListOutlined />} onClick={() => navigate(`${modulePath('cases')}?tab=all`)}>
      {t('cases.eval.toList')}
    </Button>
  );
}
