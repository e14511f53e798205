import { Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * What a list says when it has nothing (`<List locale={{ emptyText: <EmptyListText>…</EmptyListText> }}>`).
 * antd writes a bare empty text in its disabled grey (1.7:1 on white, axe color-contrast) and, with CSS variables
 * on, a List-level token override does not reach it; this is information, not a disabled control, so it is
 * secondary text (5.7:1).
 */
export function EmptyListText({ children }: { children: ReactNode }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}
