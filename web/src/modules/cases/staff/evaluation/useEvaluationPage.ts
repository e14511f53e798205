import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useLoad } from '../../../../app/useLoad.ts';
import { type Dimension, evaluationApi, type FigureRef, type Measure, type Period } from './evaluationApi.ts';
import { type EvaluationView, type PeriodPreset, presetPeriod, readView, writeView } from './period.ts';

/** Every set the server lists (a record, so a measure it adds fails to compile here until it is named). */
const knownMeasures: Record<Measure, true> = {
  reported: true,
  registered: true,
  due: true,
  closed: true,
  closedOnTime: true,
  reworked: true,
  timed: true,
  rated: true,
  verified: true,
  verifiedOnTime: true,
  overdueOpen: true,
};
const measureNames = Object.keys(knownMeasures) as Measure[];

/** The figure whose cases are open, kept in the URL (`measure`, `group`; no group: the total row). */
function readFigure(params: URLSearchParams): FigureRef | undefined {
  const measure = measureNames.find((m) => m === params.get('measure'));
  return measure ? { measure, group: params.get('group') ?? undefined } : undefined;
}

/** The page's state (period, dimension, open figure) in the URL, and the figures of the view. */
export function useEvaluationPage() {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the view is the URL's; `search` is its identity.
  const view = useMemo(() => readView(params, Date.now()), [search]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: as above.
  const figure = useMemo(() => readFigure(params), [search]);

  // The URL as last written: a second change before the router has rendered the first (navigations are
  // transitions) builds on it, so a quick 本年 then 按部门 keeps 本年.
  const latest = useRef(params);
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the URL (back, a link), by its identity.
  useEffect(() => {
    latest.current = params;
  }, [search]);

  const go = useCallback(
    (change: (current: EvaluationView) => EvaluationView, open?: FigureRef) => {
      const written = writeView(change(readView(latest.current, Date.now())));
      if (open) {
        written.set('measure', open.measure);
        if (open.group !== undefined) written.set('group', open.group);
      }
      latest.current = written;
      setParams(written);
    },
    [setParams],
  );

  const { from, to } = view.period;
  const load = useCallback(
    (signal: AbortSignal) => evaluationApi.figures({ from, to }, view.groupBy, signal),
    [from, to, view.groupBy],
  );
  const figures = useLoad(load);

  return {
    view,
    figure,
    figures,
    setPreset: (preset: Exclude<PeriodPreset, 'custom'>) =>
      go((current) => ({ ...current, preset, period: presetPeriod(preset, Date.now()) })),
    setCustom: (period: Period) => go((current) => ({ ...current, preset: 'custom', period })),
    setGroupBy: (groupBy: Dimension) => go((current) => ({ ...current, groupBy })),
    openFigure: (open: FigureRef) => go((current) => current, open),
    closeFigure: () => go((current) => current),
  };
}
