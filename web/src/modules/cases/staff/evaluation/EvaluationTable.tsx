import { Table } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import type { Evaluation, FigureRef } from './evaluationApi.ts';
import { type TableRow, useEvaluationColumns } from './evaluationColumns.tsx';
import { type Rate, rankBy, rates } from './ranking.ts';

interface EvaluationTableProps {
  evaluation: Evaluation;
  loading: boolean;
  rankedBy: Rate;
  sortedBy: string | undefined;
  onSort: (column: string | undefined) => void;
  onOpen: (figure: FigureRef) => void;
}

/**
 * One dimension's rows and their total (pinned below, outside the sorting). Months are a series, not a
 * league: they carry no rank. The table scrolls sideways inside its card on a phone.
 */
export function EvaluationTable({ evaluation, loading, rankedBy, sortedBy, onSort, onOpen }: EvaluationTableProps) {
  const t = useT();
  const ranked = evaluation.groupBy !== 'month';
  const columns = useEvaluationColumns({
    groupTitle: t(`cases.eval.group.${evaluation.groupBy}`),
    ranks: ranked ? rankBy(evaluation.rows, rankedBy) : undefined,
    sortedBy,
    onOpen,
  });
  const total: TableRow = { ...evaluation.total, key: undefined };
  return (
    <Table<TableRow>
      size="small"
      rowKey={(row) => row.key ?? '-'}
      columns={columns}
      dataSource={evaluation.rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onChange={(_, __, sorter) => {
        const one = Array.isArray(sorter) ? sorter[0] : sorter;
        onSort(one?.order ? String(one.columnKey) : undefined);
      }}
      summary={() => (
        <Table.Summary fixed="bottom">
          <Table.Summary.Row className="wm-eval-total">
            {columns.map((column, i) => (
              <Table.Summary.Cell key={String(column.key)} index={i} align={column.key === 'name' ? 'left' : 'right'}>
                {column.key === 'rank' ? null : (column.render?.(undefined, total, -1) as ReactNode)}
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        </Table.Summary>
      )}
      data-testid="eval-table"
    />
  );
}

export function isRate(column: string | undefined): column is Rate {
  return rates.some((r) => r === column);
}
