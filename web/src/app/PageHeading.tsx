import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A page's one `<h1>` and the sentence that says what the page is for. */
export function PageHeading({ title, intro }: { title: string; intro?: ReactNode }) {
  return (
    <div>
      <Typography.Title level={1} className="wm-page-title">
        {title}
      </Typography.Title>
      {intro && (
        <Typography.Paragraph type="secondary" className="wm-page-intro">
          {intro}
        </Typography.Paragraph>
      )}
    </div>
  );
}
