import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { Spinner } from '../../../app/public/Spinner.tsx';

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

interface Props extends Omit<ComponentPropsWithoutRef<'div'>, 'title'> {
  tone: NoticeTone;
  title: ReactNode;
  /** A button beside the message (retry, stop). */
  action?: ReactNode;
  /** Something is under way: a spinner before the title. */
  busy?: boolean;
}

/**
 * A message box of the residents' pages: a coloured edge per tone (never colour alone: the words say it), an
 * optional description and action. The caller names the role (`status` or `alert`) when it should be announced.
 */
export function Notice({ tone, title, action, busy, children, className, ...rest }: Props) {
  return (
    <div className={`wm-notice wm-notice-${tone}${className ? ` ${className}` : ''}`} {...rest}>
      {busy && <Spinner />}
      <div className="wm-notice-body">
        <div className="wm-notice-title">{title}</div>
        {children && <div className="wm-notice-text">{children}</div>}
      </div>
      {action && <div className="wm-notice-action">{action}</div>}
    </div>
  );
}
