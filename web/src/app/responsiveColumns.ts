import { Grid, type TableColumnsType } from 'antd';

/**
 * Pinned columns (name on the left, actions on the right) keep wide tables readable on a desktop; on a phone
 * they would leave no room for the rest, so there every column scrolls with the table inside its card.
 */
export function useResponsiveColumns<T>(columns: TableColumnsType<T>): TableColumnsType<T> {
  const screens = Grid.useBreakpoint();
  if (screens.md !== false) return columns;
  return columns.map(({ fixed: _pinned, ...column }) => column) as TableColumnsType<T>;
}
