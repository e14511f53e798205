import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adoptedManifests } from '../../modules/adopt.ts';
import {
  checkSmsParams,
  findSmsTemplate,
  placeholdersOf,
  renderSmsText,
  type SmsTemplate,
  SmsTemplateMisuse,
  smsTemplateProblems,
} from './sms-templates.ts';

const accepted: SmsTemplate = {
  key: 'parks.booked',
  templateCode: 'SMS_100001',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the providers' ${name} placeholder syntax, not a template string
  zh: '您预约的${park}（编号${bookingNo}）已确认，详情见 {site}/b/${bookingNo2}。',
  params: ['park', 'bookingNo', 'bookingNo2'],
  description: { zh: '预约确认', en: 'Booking confirmed' },
};

const paramNames = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,10}$/);
const values = fc.string({ minLength: 1, maxLength: 30 }).filter((v) => v.trim() !== '' && !/[\p{Cc}{}]/u.test(v));

/** A well-formed template over some distinct parameter names, each placed once between words. */
const templates = fc.uniqueArray(paramNames, { minLength: 1, maxLength: 5 }).map(
  (params): SmsTemplate => ({
    key: 'parks.generated',
    templateCode: 'SMS_1',
    zh: params.map((name, i) => `第${i}项\${${name}}`).join('，'),
    params,
    description: { zh: '生成', en: 'Generated' },
  }),
);

describe('SMS templates', () => {
  it('accepts exactly the declared parameters, as strings', () => {
    expect(checkSmsParams(accepted, { park: '炎帝公园', bookingNo: 'A1', bookingNo2: 'A1' })).toEqual({
      park: '炎帝公园',
      bookingNo: 'A1',
      bookingNo2: 'A1',
    });
  });

  it('throws on a missing, unknown, empty or unsendable parameter (a programming error)', () => {
    const ok = { park: '炎帝公园', bookingNo: 'A1', bookingNo2: 'A1' };
    expect(() => checkSmsParams(accepted, { park: 'x', bookingNo: 'A1' })).toThrow(/bookingNo2 is missing/);
    expect(() => checkSmsParams(accepted, { ...ok, phone: '13800000000' })).toThrow(/unknown parameter\(s\) phone/);
    expect(() => checkSmsParams(accepted, { ...ok, park: '  ' })).toThrow(/park is empty/);
    expect(() => checkSmsParams(accepted, { ...ok, park: 'a\nb' })).toThrow(/unsendable/);
    expect(() => checkSmsParams(accepted, { ...ok, park: 3 })).toThrow(SmsTemplateMisuse);
  });

  it('property: any declared set of values passes and renders with every placeholder filled', () => {
    fc.assert(
      fc.property(
        templates.chain((template) => fc.tuple(fc.constant(template), fc.tuple(...template.params.map(() => values)))),
        ([template, given]) => {
          const params = Object.fromEntries(template.params.map((name, i) => [name, given[i] as string]));
          expect(smsTemplateProblems(template)).toEqual([]);
          expect(checkSmsParams(template, params)).toEqual(params);
          const text = renderSmsText(template, params, { signName: '文明创建', site: 'https://x.cn' });
          expect(text.startsWith('【文明创建】')).toBe(true);
          expect(placeholdersOf(text.replaceAll(/\$\{/g, '$ {'))).toEqual([]);
          for (const value of Object.values(params)) expect(text).toContain(value);
        },
      ),
    );
  });

  it('property: leaving one parameter out or adding one the template does not know always throws', () => {
    fc.assert(
      fc.property(templates, paramNames, fc.nat(), (template, extra, pick) => {
        const full = Object.fromEntries(template.params.map((name) => [name, 'v']));
        const missing = template.params[pick % template.params.length] as string;
        const { [missing]: _, ...without } = full;
        expect(() => checkSmsParams(template, without)).toThrow(SmsTemplateMisuse);
        if (!template.params.includes(extra))
          expect(() => checkSmsParams(template, { ...full, [extra]: 'v' })).toThrow(SmsTemplateMisuse);
      }),
    );
  });

  it('renders the site and the parameters into the text behind the 【签名】', () => {
    expect(
      renderSmsText(
        accepted,
        { park: '炎帝公园', bookingNo: 'A1', bookingNo2: 'A1' },
        { signName: '炎陵文明办', site: 'https://w.cn' },
      ),
    ).toBe('【炎陵文明办】您预约的炎帝公园（编号A1）已确认，详情见 https://w.cn/b/A1。');
  });

  it('finds declarations wrong: undeclared or unused placeholders, repeats, bad names, missing words', () => {
    const broken: SmsTemplate = {
      key: 'Parks',
      templateCode: ' ',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the providers' ${name} placeholder syntax, not a template string
      zh: '${a}${a}${b}',
      params: ['a', 'c', '9x'],
      description: { zh: '', en: 'x' },
    };
    expect(smsTemplateProblems(broken)).toEqual([
      'key Parks is not module.name',
      'Parks: no template code',
      'Parks: parameter "9x" is not a provider variable name',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the providers' ${name} placeholder syntax, not a template string
      'Parks: ${a} appears twice',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the providers' ${name} placeholder syntax, not a template string
      'Parks: ${b} is not a declared parameter',
      'Parks: parameter c is not in the text',
      'Parks: parameter 9x is not in the text',
      'Parks: needs a zh and an en description',
    ]);
  });

  it('an unknown template key is a programming error', () => {
    expect(() => findSmsTemplate([accepted], 'parks.nope')).toThrow(SmsTemplateMisuse);
    expect(findSmsTemplate([accepted], 'parks.booked')).toBe(accepted);
  });

  it('every template the app declares is well formed, and keys and codes are unique', () => {
    const declared = adoptedManifests().flatMap((manifest) => manifest.smsTemplates ?? []);
    expect(declared.flatMap(smsTemplateProblems)).toEqual([]);
    expect(new Set(declared.map((template) => template.key)).size).toBe(declared.length);
    expect(new Set(declared.map((template) => template.templateCode)).size).toBe(declared.length);
  });
});
