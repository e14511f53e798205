import type { BlindIndexKind } from './blind-index.ts';
import type { MaskRule } from './mask.ts';

/**
 * What a personal-data declaration says about one column (PI-01). Its own file so the declarations (the
 * platform's in platform-fields.ts, each module's in its manifest) and the registry that holds them do not import
 * each other.
 */

export const piiCategories = [
  'name',
  'identity', // 身份证件号码 and similar: sensitive (GB/T 35273-2020 Annex B)
  'contact', // phone, e-mail, messaging accounts
  'address',
  'health', // 医疗健康 (PIPL art. 28)
  'special_status', // 特定身份: disability, 低保, veterans, … (PIPL art. 28)
  'minor', // anything about a child under 14 (PIPL art. 28, 31)
  'financial', // 金融账户: bank cards, insurance account numbers (PIPL art. 28)
  'auth_secret', // password hashes, TOTP secrets: never leave the server
  'network', // 网络身份标识: account ids, IP addresses, user agents (GB/T 35273-2020 Annex A)
] as const;
export type PiiCategory = (typeof piiCategories)[number];

/** The bases of PIPL art. 13(一)–(七); government processing mostly rests on 法定职责. */
export const legalBases = ['同意', '合同', '人力资源管理', '法定职责', '公共卫生', '新闻监督', '已公开'] as const;
export type LegalBasis = (typeof legalBases)[number];

export interface PiiField {
  table: string;
  column: string;
  category: PiiCategory;
  /** 敏感个人信息 (PIPL art. 28): stricter access, separate notices, impact assessment. */
  sensitive: boolean;
  /** Why it is processed (PIPL art. 6 最小必要): shown in the processing record. */
  purpose: string;
  legalBasis: LegalBasis;
  /** The rule in words (PIPL art. 19), e.g. '账号注销后 3 年'. */
  retention: string;
  /** Days after which a purge job may remove or anonymise it, when the rule is a fixed period. */
  retentionDays?: number;
  mask: MaskRule;
  /** Stored as a field-crypto envelope (DATA-02). */
  encrypted: boolean;
  /** The encryption context when it is not '<table>.<column>' (a renamed column keeps its old context). */
  cryptoContext?: string;
  /** The column holding this value's blind index, and what kind of value it is. */
  blindIndexColumn?: string;
  blindIndexKind?: BlindIndexKind;
  /** A blind-index or hash column: derived from another column of the same table, never shown. */
  derivedFrom?: string;
  /** The field permission that lets a reveal show the clear value (AC-04). */
  revealPermission?: string;
}

/** A column whose name looks personal but whose content is not, with the reviewer's reason. */
export interface NotPersonalColumn {
  table: string;
  column: string;
  reason: string;
}
