import { describe, expect, it } from 'vitest';
import { smsSetupFrom } from './sms-config.ts';

describe('the SMS setup from the environment', () => {
  it('defaults to the local stand-in, the default sign name and this machine as the site', () => {
    expect(smsSetupFrom({ PORT: '3100' })).toEqual({
      gateway: 'local',
      signName: '文明创建',
      site: 'http://localhost:3100',
      templateCodes: {},
    });
  });

  it('takes the sign name, the public address and the installation’s template ids', () => {
    expect(
      smsSetupFrom({
        WENMING_SMS_GATEWAY: 'local',
        WENMING_SMS_SIGN_NAME: '炎陵文明办',
        WENMING_PUBLIC_URL: 'https://wenming.yanling.gov.cn/',
        WENMING_SMS_TEMPLATE_CODES: '{"cases.accepted":"SMS_480001"}',
      }),
    ).toEqual({
      gateway: 'local',
      signName: '炎陵文明办',
      site: 'https://wenming.yanling.gov.cn',
      templateCodes: { 'cases.accepted': 'SMS_480001' },
    });
  });

  it('refuses a gateway it has no adapter for, a sign name a provider would refuse and malformed template ids', () => {
    expect(() => smsSetupFrom({ WENMING_SMS_GATEWAY: 'aliyun' })).toThrow(/WENMING_SMS_GATEWAY must be one of local/);
    expect(() => smsSetupFrom({ WENMING_SMS_SIGN_NAME: '【炎陵】' })).toThrow(/WENMING_SMS_SIGN_NAME/);
    expect(() => smsSetupFrom({ WENMING_SMS_SIGN_NAME: '一二三四五六七八九十一二三' })).toThrow(/at most 12/);
    expect(() => smsSetupFrom({ WENMING_SMS_TEMPLATE_CODES: '[1]' })).toThrow(/JSON object/);
    expect(() => smsSetupFrom({ WENMING_SMS_TEMPLATE_CODES: '{"a":""}' })).toThrow(/JSON object/);
    expect(() => smsSetupFrom({ WENMING_SMS_TEMPLATE_CODES: '{' })).toThrow(/JSON object/);
  });
});
