import type { MessageCatalogue } from '../../platform/module.ts';

/** The registry import's row errors (and the operator-name rule the form shares). Declared in the manifest. */
const zh = {
  'merchants.import.kind_unknown': '类别“{value}”无法识别，应为 食品销售、餐饮、集贸市场 或 其他',
  'merchants.import.risk_grade_unknown': '风险等级应为 A、B、C、D 之一',
  'merchants.import.not_number': '应为数字，如 113.7765',
  'merchants.import.region_ambiguous': '本县有不止一处叫“{region}”，请写区划代码或“乡镇/村”',
  'merchants.import.licence_repeated': '营业执照注册号与文件中前面的“{name}”相同',
  'merchants.operator_name_masked': '经营者姓名是遮挡后的（含 *），请填写完整姓名',
} as const;

const en: Record<keyof typeof zh, string> = {
  'merchants.import.kind_unknown': 'Kind "{value}" is not one of Food sale, Catering, Market or Other',
  'merchants.import.risk_grade_unknown': 'A risk grade is one of A, B, C, D',
  'merchants.import.not_number': 'Give a number, e.g. 113.7765',
  'merchants.import.region_ambiguous':
    'More than one place in the county is called "{region}": give the region code or "township/village"',
  'merchants.import.licence_repeated': 'This licence number repeats the one of "{name}" earlier in the file',
  'merchants.operator_name_masked': "The operator's name is masked (it contains *): give the full name",
};

export const merchantsImportMessages = { zh, en } satisfies MessageCatalogue;
