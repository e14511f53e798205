import { useCallback, useEffect, useRef, useState } from 'react';
import type { CountyBounds } from './citizenApi.ts';
import { type LocationEvent, nextLocation } from './locationState.ts';
import { releasePhoto } from './photoPrep.ts';
import { type DraftPhoto, emptyDraft, problemsOf, type ReportDraft } from './reportDraft.ts';
import { emptyReportErrors, type ReportErrors, type ReportStep } from './reportFields.ts';

/** The report being written and the messages about it, per step (the citizen's own checks and the server's). */
export function useReportDraft(bounds: CountyBounds) {
  const [draft, setDraft] = useState<ReportDraft>(emptyDraft);
  const [errors, setErrors] = useState<ReportErrors>(emptyReportErrors);
  const [serverRefused, setServerRefused] = useState(false);
  // The photos' previews are object URLs: released when the wizard goes away, whatever the draft holds then.
  const photos = useRef<DraftPhoto[]>(draft.photos);
  photos.current = draft.photos;
  useEffect(() => () => photos.current.forEach(releasePhoto), []);

  /** Applies a change and forgets the messages about the fields it touched. */
  const change = (at: ReportStep, partial: Partial<ReportDraft>, fields: readonly string[]) => {
    setDraft((d) => ({ ...d, ...partial }));
    setErrors((e) => ({
      ...e,
      [at]: {
        fields: Object.fromEntries(Object.entries(e[at].fields).filter(([f]) => !fields.includes(f))),
        photos: at === 'photos' ? {} : e[at].photos,
      },
    }));
  };

  /**
   * The place changed (asked the phone, got a point, a refusal, chose to describe it): the step's earlier
   * messages no longer hold — whether a township and enough words are needed depends on the point — so they go
   * until the citizen tries to move on again.
   */
  const locate = useCallback(
    (event: LocationEvent) => {
      setDraft((d) => ({ ...d, location: nextLocation(d.location, event, bounds) }));
      setErrors((e) => ({ ...e, location: { fields: {}, photos: {} } }));
    },
    [bounds],
  );

  /** Checks a step locally; shows its problems and answers whether it may be left. */
  const check = (at: ReportStep): boolean => {
    const problems = problemsOf(draft, at);
    if (problems.length === 0) return true;
    setErrors((e) => ({
      ...e,
      [at]: {
        fields: Object.fromEntries(problems.map((p) => [p.field, { key: p.key, vars: p.vars }])),
        photos: e[at].photos,
      },
    }));
    return false;
  };

  // Stable: the submission's callbacks hold it.
  const refusedByServer = useCallback((sorted: ReportErrors) => {
    setErrors(sorted);
    setServerRefused(true);
  }, []);

  const photosFailed = () =>
    setErrors((e) => ({
      ...e,
      photos: { fields: { photos: { key: 'citizen.error.photosFailed' } }, photos: e.photos.photos },
    }));

  return { draft, setDraft, errors, serverRefused, photos, change, locate, check, refusedByServer, photosFailed };
}
