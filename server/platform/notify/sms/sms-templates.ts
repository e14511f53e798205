import type { Locale } from '../../i18n/locale.ts';

/** zh and en words (module.ts's Bilingual, spelled here so this file imports no manifest type). */
type Bilingual = Readonly<Record<Locale, string>>;

/**
 * An SMS template a module declares in its manifest (`smsTemplates`), as it is filed with the provider: the
 * provider's template id, the approved Chinese text and its variables. Text uses the providers' `${name}`
 * placeholders (Aliyun's syntax; a Tencent adapter maps them to `{1}`, `{2}` in `params` order) and `{site}`
 * for the installation's public address, which is fixed text once filed (providers refuse links in variables).
 */
export interface SmsTemplate {
  /** Registry key, module first: `cases.accepted`. Unique across manifests. */
  key: string;
  /** The provider's id of the approved template (Aliyun `SMS_…`, Tencent a number); per installation. */
  templateCode: string;
  /** The approved text, without the 【签名】 the gateway puts in front. */
  zh: string;
  /** The variables, in the order a positional provider (Tencent) wants them; each appears once in `zh`. */
  params: readonly string[];
  /** What it tells whom, for the operator page and the docs. */
  description: Bilingual;
}

/**
 * A module asked for a template wrongly — an unknown key, a parameter missing, unknown or empty. That is a
 * programming error, not bad input: no request body reaches a template (tests catch it, see sms-templates.test.ts).
 */
export class SmsTemplateMisuse extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SmsTemplateMisuse';
  }
}

/** Aliyun's variable names: a letter, then letters, digits or `_`, 1–25 characters in all. */
const paramName = /^[A-Za-z][A-Za-z0-9_]{0,24}$/;
const placeholder = /\$\{([^}]*)\}/g;

/** The `${name}` placeholders of a text, in order, repeats included. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(placeholder)].map((match) => match[1] ?? '');
}

/** What a declaration gets wrong, in words (empty when right): the manifest test runs this over every template. */
export function smsTemplateProblems(template: SmsTemplate): string[] {
  const problems: string[] = [];
  const used = placeholdersOf(template.zh);
  const declared = new Set(template.params);
  if (!/^[a-z][a-z0-9_-]*\.[a-z0-9_.-]+$/.test(template.key)) problems.push(`key ${template.key} is not module.name`);
  if (template.templateCode.trim() === '') problems.push(`${template.key}: no template code`);
  if (template.zh.trim() === '') problems.push(`${template.key}: no text`);
  for (const name of template.params)
    if (!paramName.test(name)) problems.push(`${template.key}: parameter "${name}" is not a provider variable name`);
  if (declared.size !== template.params.length) problems.push(`${template.key}: a parameter is declared twice`);
  for (const name of new Set(used)) {
    if (!declared.has(name)) problems.push(`${template.key}: \${${name}} is not a declared parameter`);
    if (used.filter((u) => u === name).length > 1) problems.push(`${template.key}: \${${name}} appears twice`);
  }
  for (const name of template.params)
    if (!used.includes(name)) problems.push(`${template.key}: parameter ${name} is not in the text`);
  if (!spelled(template.description)) problems.push(`${template.key}: needs a zh and an en description`);
  return problems;
}

const spelled = (words: Bilingual) => words.zh.trim() !== '' && words.en.trim() !== '';

/** Characters a provider would refuse in a variable's value, or that would break the text: controls, braces. */
const unsendable = /[\p{Cc}{}]/u;

/**
 * The parameters a message is queued with, checked against its template: every declared one present as a
 * non-empty single-line string, nothing else. Throws `SmsTemplateMisuse`; returns the values in a fresh object.
 */
export function checkSmsParams(
  template: SmsTemplate,
  params: Readonly<Record<string, unknown>>,
): Record<string, string> {
  const given = Object.keys(params);
  const unknown = given.filter((name) => !template.params.includes(name));
  if (unknown.length > 0) throw new SmsTemplateMisuse(`${template.key}: unknown parameter(s) ${unknown.join(', ')}`);
  const checked: Record<string, string> = {};
  for (const name of template.params) {
    const value = params[name];
    if (typeof value !== 'string') throw new SmsTemplateMisuse(`${template.key}: parameter ${name} is missing`);
    if (value.trim() === '') throw new SmsTemplateMisuse(`${template.key}: parameter ${name} is empty`);
    if (unsendable.test(value)) throw new SmsTemplateMisuse(`${template.key}: parameter ${name} has unsendable text`);
    checked[name] = value;
  }
  return checked;
}

/** The message as the phone shows it: 【签名】 and the text with `{site}` and each `${name}` filled in. */
export function renderSmsText(
  template: Pick<SmsTemplate, 'zh'>,
  params: Readonly<Record<string, string>>,
  fixed: { signName: string; site: string },
): string {
  const body = template.zh
    .replaceAll('{site}', fixed.site)
    .replace(placeholder, (_, name: string) => params[name] ?? '');
  return `【${fixed.signName}】${body}`;
}

/** The template a key names among the given declarations; an unknown key is a programming error. */
export function findSmsTemplate(templates: readonly SmsTemplate[], key: string): SmsTemplate {
  const template = templates.find((candidate) => candidate.key === key);
  if (!template) throw new SmsTemplateMisuse(`no SMS template ${key} is declared by any manifest`);
  return template;
}
