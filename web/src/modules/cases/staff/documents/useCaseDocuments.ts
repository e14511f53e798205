import { App } from 'antd';
import { useCallback, useState } from 'react';
import { errorText } from '../../../../app/errorText.ts';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { saveFile } from '../../../../app/saveFile.ts';
import { useLoad } from '../../../../app/useLoad.ts';
import { caseDocumentsApi } from './caseDocumentsApi.ts';
import type { DocumentFormat, DocumentKindSlug } from './printables.ts';

/** The case's issued documents, printing one (then the list again) and revoking one. */
export function useCaseDocuments(caseNo: string) {
  const t = useT();
  const { message } = App.useApp();
  const issued = useLoad(useCallback((signal: AbortSignal) => caseDocumentsApi.list(caseNo, signal), [caseNo]));
  const [printing, setPrinting] = useState<string>();

  const print = async (kind: DocumentKindSlug, format: DocumentFormat) => {
    setPrinting(`${kind}.${format}`);
    try {
      const file = await caseDocumentsApi.print(caseNo, kind, format);
      saveFile(file.blob, file.filename ?? `${kind}.${format}`);
      issued.reload();
    } catch (error) {
      message.error(errorText(error, t));
    } finally {
      setPrinting(undefined);
    }
  };

  const revoke = async (code: string, reason: string) => {
    await caseDocumentsApi.revoke(code, reason);
    message.success(t('cases.documents.revoked'));
    issued.reload();
  };

  return { issued, printing, print, revoke };
}
