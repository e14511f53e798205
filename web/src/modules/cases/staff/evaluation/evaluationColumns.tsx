import { Button, type TableColumnsType, Tag, Tooltip } from 'antd';
import type { MessageKey } from '../../../../app/i18n/zh.ts';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { noValue } from '../../../../app/format.ts';
import { type EvaluationRow, type FigureRef, groupParam, type Measure } from './evaluationApi.ts';
import { type Rate, rateCases, rates } from './ranking.ts';

/** A row of the table, or its total (key undefined: the drill-down takes no group). */
export type TableRow = Omit<EvaluationRow, 'key'> & { key: EvaluationRow['key'] | undefined };

const counts = ['reported', 'registered', 'due', 'closed', 'closedOnTime', 'reworked'] as const;
/** 核实 before 立案: how many reports were checked on site, and the share within the limit (not ranked). */
const verification = ['verified', 'verifyOnTimeRate'] as const;
type Shown = (typeof counts)[number] | Rate | (typeof verification)[number] | 'avgHandlingHours' | 'overdueOpen';

/** What each column's figure opens: a count its own cases, a rate its numerator's, a mean the cases averaged. */
const casesOf: Record<Shown, Measure> = {
  ...Object.fromEntries(counts.map((c) => [c, c])),
  ...rateCases,
  verified: 'verified',
  verifyOnTimeRate: 'verifiedOnTime',
  avgHandlingHours: 'timed',
  overdueOpen: 'overdueOpen',
} as Record<Shown, Measure>;

const percentages: ReadonlySet<Shown> = new Set(['closedRate', 'onTimeRate', 'reworkRate', 'verifyOnTimeRate']);

const text = (column: Shown, value: number | null): string => {
  if (value === null) return noValue;
  return percentages.has(column) ? `${value}%` : String(value);
};

/** Figures whose header explains how they are counted (a newer figure readers do not know from the bulletins). */
const definitions: Partial<Record<Shown, MessageKey>> = { verifyOnTimeRate: 'cases.eval.def.verifyOnTimeRate' };

interface FigureProps {
  row: TableRow;
  column: Shown;
  onOpen: (figure: FigureRef) => void;
}

/** A figure as a link to its cases; "—" (nothing to divide, or no snapshot on a month row) opens nothing. */
export function Figure({ row, column, onOpen }: FigureProps) {
  const t = useT();
  const value = row[column];
  if (value === null) return <span>{noValue}</span>;
  const group = groupParam(row.key);
  const measure = casesOf[column];
  return (
    <Button
      type="link"
      size="small"
      className="wm-eval-figure"
      onClick={() => onOpen({ group, measure })}
      aria-label={t('cases.eval.drill.figure', {
        group: row.name,
        measure: t(`cases.eval.col.${column}`),
        value: text(column, value),
      })}
      data-testid={`eval-fig-${group ?? 'total'}-${column}`}
    >
      {text(column, value)}
    </Button>
  );
}

interface ColumnsOptions {
  groupTitle: string;
  ranks: Map<EvaluationRow['key'], number> | undefined;
  sortedBy: string | undefined;
  onOpen: (figure: FigureRef) => void;
}

/** Rank, the group, the counts, the rates and the means; every figure opens its cases. */
export function useEvaluationColumns({ groupTitle, ranks, sortedBy, onOpen }: ColumnsOptions) {
  const t = useT();
  const titleOf = (column: Shown) => {
    const definition = definitions[column];
    if (!definition) return t(`cases.eval.col.${column}`);
    return (
      <Tooltip title={t(definition)}>
        <span className="wm-eval-defined" data-testid={`eval-col-${column}`} aria-description={t(definition)}>
          {t(`cases.eval.col.${column}`)}
        </span>
      </Tooltip>
    );
  };
  const numberColumn = (column: Shown) => ({
    key: column,
    dataIndex: column,
    title: titleOf(column),
    align: 'right' as const,
    sorter: (a: TableRow, b: TableRow) => (a[column] ?? -1) - (b[column] ?? -1),
    sortOrder: sortedBy === column ? ('descend' as const) : null,
    sortDirections: ['descend' as const],
    render: (_: unknown, row: TableRow) => <Figure row={row} column={column} onOpen={onOpen} />,
  });
  const columns: TableColumnsType<TableRow> = [
    {
      key: 'name',
      title: groupTitle,
      fixed: 'left',
      render: (_, row) => (
        <span>
          {row.name}
          {row.lowVolume && row.key !== undefined && (
            <Tag className="wm-eval-low" bordered={false}>
              {t('cases.eval.lowVolume')}
            </Tag>
          )}
        </span>
      ),
    },
    ...counts.map(numberColumn),
    ...rates.map(numberColumn),
    ...verification.map(numberColumn),
    numberColumn('avgHandlingHours'),
    numberColumn('overdueOpen'),
  ];
  if (ranks) {
    const rankOf = (row: TableRow) => ranks.get(row.key ?? null);
    columns.unshift({
      key: 'rank',
      title: t('cases.eval.col.rank'),
      width: 64,
      align: 'center',
      sorter: (a, b) => (rankOf(a) ?? Number.MAX_SAFE_INTEGER) - (rankOf(b) ?? Number.MAX_SAFE_INTEGER),
      sortOrder: sortedBy === 'rank' ? 'ascend' : null,
      sortDirections: ['ascend'],
      render: (_, row) => <span data-testid={`eval-rank-${groupParam(row.key)}`}>{rankOf(row) ?? noValue}</span>,
    });
  }
  return columns;
}
