import type { MessageCatalogue } from '../../../platform/module.ts';

export const agreementsMessages: MessageCatalogue = {
  zh: {
    'merchants.agreements.no_active_template': '还没有启用的责任书模板，请创文办先启用一个版本',
    'merchants.agreements.draft_exists': '该商户已有一份待签订的责任书 {agreementNo}',
    'merchants.agreements.merchant_closed': '该商户已注销，不能再签订责任书',
    'merchants.agreements.term_order': '责任期限的结束日期不能早于开始日期',
    'merchants.agreements.term_too_long': '责任期限最长 5 年',
    'merchants.agreements.village_outside': '签约的村（社区）须是商户所在乡镇的村（社区）',
    'merchants.agreements.not_draft': '该责任书已签订或已解除，不能再修改或签订',
    'merchants.agreements.not_signed': '只有已签订的责任书才能解除或续签',
    'merchants.agreements.revision_stale': '该责任书刚被他人修改过，请刷新后再操作',
    'merchants.agreements.signature_required': '请让责任人签名，或拍摄已签字的纸质责任书',
    'merchants.agreements.signed_in_future': '签订时间不能晚于现在',
    'merchants.agreements.template_not_draft': '只有草稿版本可以启用',
    'merchants.agreements.template_duties': '每一项“包”至少要有一条责任内容',
    'merchants.agreements.renewal_exists': '该责任书已有续签的新责任书',
    'merchants.agreements.notify.expiring': '{merchant} 的门前三包责任书 {agreementNo} 将于 {termEnd} 到期，请安排续签',
    'what.agreement': '责任书',
    'what.agreement_template': '责任书模板',
  },
  en: {
    'merchants.agreements.no_active_template':
      'No agreement template is active yet: the campaign office activates a version first',
    'merchants.agreements.draft_exists': 'This merchant already has an agreement waiting to be signed: {agreementNo}',
    'merchants.agreements.merchant_closed': 'This merchant is deregistered and cannot sign an agreement',
    'merchants.agreements.term_order': 'The term cannot end before it starts',
    'merchants.agreements.term_too_long': 'A term is at most 5 years',
    'merchants.agreements.village_outside': "The signing village or community must be in the merchant's township",
    'merchants.agreements.not_draft': 'This agreement is signed or terminated and can no longer be changed or signed',
    'merchants.agreements.not_signed': 'Only a signed agreement can be terminated or renewed',
    'merchants.agreements.revision_stale': 'Someone else has just changed this agreement: reload and try again',
    'merchants.agreements.signature_required': "Take the signer's signature on screen, or a photo of the signed paper",
    'merchants.agreements.signed_in_future': 'The signing time cannot be in the future',
    'merchants.agreements.template_not_draft': 'Only a draft version can be activated',
    'merchants.agreements.template_duties': 'Each of the three duties needs at least one line',
    'merchants.agreements.renewal_exists': 'This agreement has already been renewed',
    'merchants.agreements.notify.expiring':
      "{merchant}'s frontage agreement {agreementNo} ends on {termEnd}: arrange its renewal",
    'what.agreement': 'agreement',
    'what.agreement_template': 'agreement template',
  },
};
