import { Button, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { FormDialog } from '../../../../app/FormDialog.tsx';
import { formatDateTime } from '../../../../app/format.ts';
import { useLanguage, useT } from '../../../../app/i18n/I18nProvider.tsx';
import { groupedCode, type IssuedDocument } from './caseDocumentsApi.ts';
import { EmptyListText } from '../../../../app/EmptyListText.tsx';

function RevokeDialog({
  document,
  onClose,
  onRevoke,
}: {
  document: IssuedDocument | undefined;
  onClose: () => void;
  onRevoke: (code: string, reason: string) => Promise<void>;
}) {
  const t = useT();
  return (
    <FormDialog<{ reason: string }>
      open={document !== undefined}
      title={t('cases.documents.revokeTitle')}
      okText={t('cases.documents.revoke')}
      danger
      notice={t('cases.documents.revokeNotice')}
      onCancel={onClose}
      onSubmit={async ({ reason }) => {
        if (document) await onRevoke(document.code, reason);
        onClose();
      }}
      testId="document-revoke-dialog"
    >
      <Form.Item
        name="reason"
        label={t('cases.documents.revokeReason')}
        rules={[{ required: true, whitespace: true, message: t('cases.documents.revokeReasonRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={200} data-testid="document-revoke-reason" />
      </Form.Item>
    </FormDialog>
  );
}

function IssuedItem({ item, onRevoke }: { item: IssuedDocument; onRevoke: () => void }) {
  const t = useT();
  const { language } = useLanguage();
  const revoked = item.status === 'revoked';
  return (
    <List.Item
      data-testid="issued-document"
      actions={
        item.revocable
          ? [
              <Button key="revoke" size="small" danger onClick={onRevoke} data-testid="document-revoke">
                {t('cases.documents.revoke')}
              </Button>,
            ]
          : []
      }
    >
      <Space direction="vertical" size={0}>
        <Space wrap>
          <Typography.Text strong>{item.kindTitle[language]}</Typography.Text>
          <Tag color={revoked ? 'red' : 'green'}>
            {t(revoked ? 'cases.documents.statusRevoked' : 'cases.documents.statusIssued')}
          </Tag>
        </Space>
        <Typography.Text type="secondary">{formatDateTime(item.issuedAt)}</Typography.Text>
        <Typography.Link href={`/verify/${item.code}`} target="_blank" data-testid="issued-document-code">
          {groupedCode(item.code)}
        </Typography.Link>
      </Space>
    </List.Item>
  );
}

/** The documents issued for the case, newest first; a revoke button where the reader may revoke. */
export function IssuedDocuments({
  items,
  onRevoke,
}: {
  items: readonly IssuedDocument[];
  onRevoke: (code: string, reason: string) => Promise<void>;
}) {
  const t = useT();
  const [revoking, setRevoking] = useState<IssuedDocument>();
  return (
    <>
      <List
        size="small"
        header={t('cases.documents.issued')}
        locale={{ emptyText: <EmptyListText>{t('cases.documents.none')}</EmptyListText> }}
        dataSource={[...items]}
        rowKey="code"
        renderItem={(item) => <IssuedItem item={item} onRevoke={() => setRevoking(item)} />}
      />
      <RevokeDialog document={revoking} onClose={() => setRevoking(undefined)} onRevoke={onRevoke} />
    </>
  );
}
