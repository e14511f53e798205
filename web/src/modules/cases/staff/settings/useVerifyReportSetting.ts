import { useCallback, useState } from 'react';
import type { BodyOf, ResponseOf } from '../../../../api/types.ts';
import { apiClient, dataOf } from '../../../../app/apiClient.ts';
import { useLoad } from '../../../../app/useLoad.ts';

export type VerifyReportSetting = ResponseOf<'/api/cases/settings/verify-report', 'get'>;
export type ReportSource = keyof VerifyReportSetting['channels'];
type SettingBody = BodyOf<'/api/cases/settings/verify-report', 'put'>;

/** The order the settings list the sources in: the public ones first, then staff. */
export const reportSources = [
  'citizen',
  'hotline',
  'open311',
  'patrol',
  'volunteer',
  'other',
] as const satisfies readonly ReportSource[];

/** The county's 核实 setting: read once, saved whole (the server audits each change). */
export function useVerifyReportSetting() {
  const load = useCallback(
    (signal: AbortSignal) => dataOf(apiClient.GET('/api/cases/settings/verify-report', { signal })),
    [],
  );
  const loaded = useLoad(load);
  const [saving, setSaving] = useState(false);
  const save = async (channels: SettingBody['channels']): Promise<VerifyReportSetting> => {
    setSaving(true);
    try {
      return await dataOf(apiClient.PUT('/api/cases/settings/verify-report', { body: { channels } }));
    } finally {
      setSaving(false);
    }
  };
  return { loaded, save, saving };
}
