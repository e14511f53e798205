import { isIPv4, isIPv6 } from 'node:net';
import { maskIdCard } from '../validation/id-card.ts';
import { maskMobile, validateLandline, validateMobile } from '../validation/mobile.ts';
import { compactCode } from '../validation/text.ts';

/**
 * Server-side masks (security-style-anchors §A2.3, PI-03, GB/T 35273-2020 §7.2): the one implementation the
 * API presenters, exports and print share. Every mask is total — any string in, a string out, never a throw —
 * and never shows more than its rule allows, whatever the input looks like (a malformed value is masked
 * completely rather than partially). `null` stays `null`: "nothing recorded" is not personal data.
 *
 * Rules:
 *   id_card    18 digits: first 6 + last 4 (430225********1234); 15 digits: 6 + 3; else all '*'
 *   mobile     first 3 + last 4 (138****5678); else all '*'
 *   phone      a mobile as above; a landline keeps its area code and last 2 (0731-******33); else all '*'
 *   name       see `maskName`: 张* · 张*三 · 张**三 · 欧阳* · 欧阳**
 *   address    kept up to the last 村/社区/街道/路-level word before the first digit, the rest '****'
 *   bank_card  12–19 digits: first 6 + last 4; else all '*'
 *   ip         IPv4 last octet hidden (10.1.2.*); IPv6 first two groups (2001:db8:*)
 *   hidden     the placeholder `hiddenPlaceholder` ("已登记" in the web app), whatever the value
 *   secret     never presented at all (password hashes, TOTP secrets); the placeholder if ever asked
 *   none       shown as stored to whoever may read the record (e.g. a user agent, to the auditor)
 */
export const maskRules = [
  'id_card',
  'mobile',
  'phone',
  'name',
  'address',
  'bank_card',
  'ip',
  'hidden',
  'secret',
  'none',
] as const;
export type MaskRule = (typeof maskRules)[number];

/** An i18n key, not a sentence: the web app shows it as 已登记 / "on file". */
export const hiddenPlaceholder = 'pii.hidden';

/** What replaces the detail of an address: fixed length, so the detail's length does not show either. */
export const addressDetailMask = '****';

export function maskValue(rule: MaskRule, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return maskers[rule](String(value));
}

const maskers: Record<MaskRule, (value: string) => string> = {
  id_card: maskIdCard,
  mobile: maskMobile,
  phone: maskPhone,
  name: maskName,
  address: maskAddress,
  bank_card: maskBankCard,
  ip: maskIp,
  hidden: () => hiddenPlaceholder,
  secret: () => hiddenPlaceholder,
  none: (value) => value,
};

export { maskIdCard, maskMobile };

export function maskPhone(phone: string): string {
  if (validateMobile(phone).ok) return maskMobile(phone);
  const landline = validateLandline(phone);
  if (landline.ok) {
    const [area = '', subscriber = ''] = landline.value.split('-');
    return `${area}-${'*'.repeat(subscriber.length - 2)}${subscriber.slice(-2)}`;
  }
  return stars(compactCode(phone, '-()') ?? '');
}

/**
 * 复姓 (compound surnames) common enough to matter; for these the two-character surname is what stays.
 * Source: the compound surnames of 百家姓 still in use.
 */
const compoundSurnames = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '呼延',
  '澹台',
  '万俟',
  '闻人',
  '赫连',
  '申屠',
  '太史',
  '钟离',
  '濮阳',
  '公冶',
  '宗政',
  '单于',
  '拓跋',
  '淳于',
  '左丘',
  '东郭',
  '司空',
  '百里',
  '第五',
  '仲孙',
  '叔孙',
  '闾丘',
  '公羊',
]);

/**
 * 姓名: the surname stays; of the given name at most its last character stays, and only when the surname is a
 * single character and the given name has two or more. So at most two characters are ever visible, every
 * other character (one '*' each) is hidden, and the length shows (as on every Chinese government notice):
 *
 *   张三 → 张*   张小三 → 张*三   张小小三 → 张**三   欧阳修 → 欧阳*   欧阳娜娜 → 欧阳**   买买提·艾力 → 买****力
 *
 * A 复姓 counts as the surname only in names of three or more characters (欧阳 alone is 欧 + 阳). A one-character
 * value is hidden completely. Public lists use `maskNameForPublic`, which shows the surname alone.
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return stars(chars.join(''));
  const surnameLength = chars.length >= 3 && compoundSurnames.has(`${chars[0]}${chars[1]}`) ? 2 : 1;
  const givenLength = chars.length - surnameLength;
  const keepLast = surnameLength === 1 && givenLength >= 2;
  const hidden = keepLast ? givenLength - 1 : givenLength;
  return chars.slice(0, surnameLength).join('') + '*'.repeat(hidden) + (keepLast ? chars[chars.length - 1] : '');
}

/** 公示 and other public lists (PIPL art. 25): the surname and one '*', so not even the length shows. */
export function maskNameForPublic(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.length === 0 ? '' : '*';
  const surnameLength = chars.length >= 3 && compoundSurnames.has(`${chars[0]}${chars[1]}`) ? 2 : 1;
  return `${chars.slice(0, surnameLength).join('')}*`;
}

/**
 * The words that end a level an address may show: province to village/community and the street (§A2.3 "up to
 * 村/社区 or street"). 小区, 组, 号, 栋, 单元, 室 are finer and are never kept.
 */
const addressLevelEnds = [
  '省',
  '自治区',
  '市',
  '州',
  '盟',
  '县',
  '旗',
  '镇',
  '乡',
  '街道',
  '村',
  '社区',
  '居委会',
  '村委会',
  '路',
  '街',
  '巷',
  '大道',
];

/**
 * 地址: the text up to the last level word that comes before the first digit stays; the rest becomes '****'.
 * Cutting at the first digit means a house, building or room number never shows, even when a level word
 * appears after it ('建设路12号路口'). No level word at all: the whole address is hidden.
 *
 *   湖南省株洲市炎陵县霞阳镇东街社区建设路12号3栋201室 → 湖南省株洲市炎陵县霞阳镇东街社区建设路****
 *   炎陵县中村瑶族乡平乐村3组15号 → 炎陵县中村瑶族乡平乐村****
 */
export function maskAddress(address: string): string {
  const text = address.trim();
  if (text === '') return '';
  const firstDigit = text.search(/[0-9０-９]/);
  const scanEnd = firstDigit === -1 ? text.length : firstDigit;
  const keep = lastLevelEnd(text, scanEnd);
  if (keep === text.length) return text;
  return text.slice(0, keep) + addressDetailMask;
}

function lastLevelEnd(text: string, scanEnd: number): number {
  let end = 0;
  for (const word of addressLevelEnds) {
    let at = text.indexOf(word);
    while (at !== -1 && at + word.length <= scanEnd) {
      end = Math.max(end, at + word.length);
      at = text.indexOf(word, at + 1);
    }
  }
  return end;
}

/** 银行卡号 (ISO/IEC 7812, 12–19 digits): the issuer's 6-digit BIN and the last 4 stay. */
export function maskBankCard(card: string): string {
  const digits = compactCode(card, '-') ?? '';
  if (!/^\d{12,19}$/.test(digits)) return stars(digits);
  return `${digits.slice(0, 6)}${'*'.repeat(digits.length - 10)}${digits.slice(-4)}`;
}

/** Enough of an address to tell networks apart in an audit view, not enough to single out a household. */
export function maskIp(ip: string): string {
  const text = ip.trim();
  if (isIPv4(text)) return text.replace(/\.\d+$/, '.*');
  if (isIPv6(text)) return `${text.split(':').slice(0, 2).join(':')}:*`;
  return stars(text);
}

/** One '*' per character (code point), so a malformed value shows its length and nothing else. */
function stars(text: string): string {
  return '*'.repeat([...text].length);
}
