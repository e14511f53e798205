import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseChannels } from '../../db/schema/cases.ts';
import {
  defaultVerifyReportSetting,
  initialStatusOf,
  reportSourceOf,
  reportSources,
  verifyReportSettingOf,
} from './verify-report-setting.ts';

describe('the 核实 setting per source', () => {
  it('tells a partner system’s report without a channel of its own (Open311) from other staff reports', () => {
    expect(reportSourceOf('other', true)).toBe('open311');
    expect(reportSourceOf('other', false)).toBe('other');
    expect(reportSourceOf('hotline', true)).toBe('hotline');
    for (const channel of caseChannels.filter((c) => c !== 'other'))
      expect(reportSourceOf(channel, false)).toBe(channel);
  });

  it('defaults to verifying public, hotline and Open311 reports and not those staff saw themselves', () => {
    const where = (source: (typeof reportSources)[number]) => initialStatusOf(source, defaultVerifyReportSetting);
    expect(reportSources.filter((s) => where(s).status === 'verifying')).toEqual(['citizen', 'hotline', 'open311']);
    expect(where('patrol')).toEqual({ status: 'reported', clockStage: 'register' });
    expect(where('citizen')).toEqual({ status: 'verifying', clockStage: 'verify_report' });
  });

  it('reads a saved value over the defaults, ignoring anything that is not a known source’s true or false', () => {
    expect(verifyReportSettingOf(undefined)).toEqual(defaultVerifyReportSetting);
    expect(verifyReportSettingOf({ channels: { citizen: false, patrol: 'yes', wechat: true } }).channels).toEqual({
      ...defaultVerifyReportSetting.channels,
      citizen: false,
    });
    fc.assert(
      fc.property(fc.anything(), (saved) => {
        const { channels } = verifyReportSettingOf(saved);
        expect(Object.keys(channels).sort()).toEqual([...reportSources].sort());
        for (const source of reportSources) expect(typeof channels[source]).toBe('boolean');
      }),
    );
  });
});
