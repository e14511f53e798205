import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useAuth } from '../auth/AuthProvider.tsx';
import { errorText } from '../errorText.ts';
import { useLanguage, useT } from '../i18n/I18nProvider.tsx';
import { languageTag } from '../i18n/language.ts';
import { saveFile } from '../saveFile.ts';
import { useLoad } from '../useLoad.ts';
import { ApiError, type DownloadedFile } from '../api.ts';
import {
  busyStatuses,
  type ImportMode,
  type ImportRun,
  importsApi,
  type RowErrorPage,
  uploadImport,
} from './importsApi.ts';

/** How often the page asks for a running pass's progress. */
const pollMs = 1000;

/** The run on the page: the latest one on arrival, then whatever is uploaded; polled while the worker is on it. */
function useCurrentRun(kind: string) {
  const [run, setRun] = useState<ImportRun>();
  useEffect(() => {
    const controller = new AbortController();
    importsApi
      .latest(kind, controller.signal)
      .then((page) => setRun(page.items[0]))
      .catch(() => undefined);
    return () => controller.abort();
  }, [kind]);
  useEffect(() => {
    if (!run || !busyStatuses.has(run.status)) return;
    const timer = window.setTimeout(() => {
      importsApi.run(kind, run.id).then(setRun, () => undefined);
    }, pollMs);
    return () => window.clearTimeout(timer);
  }, [kind, run]);
  return [run, setRun] as const;
}

/** The refused rows of the run, a page at a time, once its dry run has finished. */
function useRowErrors(kind: string, run: ImportRun | undefined) {
  const [page, setPage] = useState(1);
  const [errors, setErrors] = useState<RowErrorPage>();
  const id = run?.id;
  const ready = run !== undefined && !busyStatuses.has(run.status) && run.errorRows > 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: another run starts at its first page of errors.
  useEffect(() => setPage(1), [id]);
  useEffect(() => {
    if (!ready || !id) return setErrors(undefined);
    const controller = new AbortController();
    importsApi.errors(kind, id, page, controller.signal).then(setErrors, () => undefined);
    return () => controller.abort();
  }, [kind, id, page, ready]);
  return { errors, page, setPage };
}

/** The import page's state and actions: the kind, the run, upload progress, the error pages, the downloads. */
export function useImportPage(kind: string) {
  const t = useT();
  const { message } = App.useApp();
  const { language } = useLanguage();
  const { session } = useAuth();
  const csrfToken = session.status === 'signed-in' ? session.me.csrfToken : undefined;
  const info = useLoad(useCallback((signal: AbortSignal) => importsApi.kind(kind, signal), [kind]));
  const [run, setRun] = useCurrentRun(kind);
  const rowErrors = useRowErrors(kind, run);
  const [progress, setProgress] = useState<number>();
  const [uploadError, setUploadError] = useState<string>();

  const attempt = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      message.error(errorText(error, t));
    }
  };
  const download = (get: () => Promise<DownloadedFile>, fallback: string) =>
    attempt(async () => {
      const file = await get();
      saveFile(file.blob, file.filename ?? fallback);
    });

  const upload = async (file: File) => {
    setUploadError(undefined);
    setProgress(0);
    try {
      setRun(
        await uploadImport({ kind, file, csrfToken, languageTag: languageTag(language), onProgress: setProgress }),
      );
    } catch (error) {
      // A refused file says why in its field (not a spreadsheet, another template, too large).
      setUploadError((error instanceof ApiError && error.fields.file) || errorText(error, t));
    } finally {
      setProgress(undefined);
    }
  };

  return {
    info,
    run,
    rowErrors,
    progress,
    uploadError,
    upload,
    commit: (mode: ImportMode) => run && attempt(async () => setRun(await importsApi.commit(kind, run.id, mode))),
    discard: () => run && attempt(async () => setRun(await importsApi.discard(kind, run.id))),
    template: () => download(() => importsApi.template(kind), `${kind}-template.xlsx`),
    report: () => run && download(() => importsApi.report(kind, run.id), 'errors.xlsx'),
    handouts: () =>
      run &&
      download(async () => {
        const file = await importsApi.handouts(kind, run.id);
        setRun(await importsApi.run(kind, run.id));
        return file;
      }, 'passwords.xlsx'),
  };
}

export type ImportPageState = ReturnType<typeof useImportPage>;
