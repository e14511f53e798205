import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { type ReactNode, useState } from 'react';
import { errorText } from './errorText.ts';
import { useT } from './i18n/I18nProvider.tsx';
import { saveFile } from './saveFile.ts';

export interface DownloadedFile {
  blob: Blob;
  filename?: string | null;
}

interface DownloadButtonProps {
  /** Fetched rather than linked, so a refusal shows the server's message instead of a page of JSON. */
  fetchFile: () => Promise<DownloadedFile>;
  /** The name to save under when the server names none. */
  fallbackName: string;
  children: ReactNode;
  testId?: string;
}

/** A button that downloads one file: busy while it comes, the server's message when it is refused. */
export function DownloadButton({ fetchFile, fallbackName, children, testId }: DownloadButtonProps) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const file = await fetchFile();
      saveFile(file.blob, file.filename ?? fallbackName);
    } catch (error) {
      message.error(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void download()} data-testid={testId}>
      {children}
    </Button>
  );
}
