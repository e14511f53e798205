import type { MessageCatalogue } from '../../platform/module.ts';

/** Case-loop messages. Declared in the manifest; en is typed against zh's keys. */
const zh = {
  'what.case': '案件',
  'what.case_photo': '案件照片',
  'what.case_request': '待审批的申请',
  'cases.outside_county': '位置不在本县范围内，请在地图上重新选点',
  'cases.region_outside_county': '所选乡镇/村不属于本县',
  'cases.region_unknown': '没有这个乡镇或村（社区）',
  'cases.region_level': '请选择乡镇（街道）或村（社区）',
  'cases.region_outside_scope': '该地点不在您负责的区域内，不能在此上报',
  'cases.area_outside_scope': '该乡镇不在您负责的区域内，不能更改它的设置',
  'cases.unknown_category': '没有这个案件类别',
  'cases.area_required': '该类别须填写面积（平方米）',
  'cases.area_not_applicable': '该类别不需要填写面积',
  'cases.phone_invalid': '请输入有效的手机号码',
  'cases.sms_consent_needs_phone': '接收短信告知需要留下手机号码',
  'cases.action_not_allowed': '案件当前状态为“{status}”，不能执行此操作',
  'cases.stale_revision': '案件已被他人更新，请刷新后再操作',
  'cases.unknown_department': '没有这个处置部门',
  'cases.not_your_department': '该案件未派遣到您所在的部门',
  'cases.duplicate_self': '不能合并到案件本身',
  'cases.duplicate_target_closed': '只能合并到未办结的案件',
  'cases.pending_request': '已有一项申请等待审批',
  'cases.no_pending_request': '没有待审批的申请',
  'cases.not_suspended': '案件未挂起',
  'cases.already_suspended': '案件已挂起',
  'cases.extension_too_long': '单次延期不能超过 {max} 个工作时',
  'cases.token_mismatch': '案件编号与查询码不匹配',
  'cases.already_rated': '已经评价过了',
  'cases.photo_required': '请至少上传一张处置后照片',
  'cases.queue_needs_department': '您的账号未设置所属部门，无法查看部门待办',
  'cases.date_range': '开始日期不能晚于结束日期',
  'cases.ladder_order': '督办级别须从 1 起依次递增，超期时长也须逐级增加',
  'what.cases_route': '分派规则',
} as const;

const en: Record<keyof typeof zh, string> = {
  'what.case': 'Case',
  'what.case_photo': 'Case photo',
  'what.case_request': 'Pending request',
  'cases.outside_county': 'This point is outside the county; pick the place on the map again',
  'cases.region_outside_county': 'That township or village is not in this county',
  'cases.region_unknown': 'No such township or village',
  'cases.region_level': 'Choose a township or a village (community)',
  'cases.region_outside_scope': 'This place is outside your area; you cannot report there',
  'cases.area_outside_scope': 'That township is outside your area; you cannot change its settings',
  'cases.unknown_category': 'No such case category',
  'cases.area_required': 'This category needs the area in square metres',
  'cases.area_not_applicable': 'This category takes no area',
  'cases.phone_invalid': 'Enter a valid mobile number',
  'cases.sms_consent_needs_phone': 'Leave a mobile number to be told by SMS',
  'cases.action_not_allowed': 'The case is “{status}”; this action is not allowed now',
  'cases.stale_revision': 'Someone else updated the case; reload it and try again',
  'cases.unknown_department': 'No such handling department',
  'cases.not_your_department': 'This case was not dispatched to your department',
  'cases.duplicate_self': 'A case cannot be merged into itself',
  'cases.duplicate_target_closed': 'Cases can only be merged into an open case',
  'cases.pending_request': 'A request is already waiting for a decision',
  'cases.no_pending_request': 'There is no request waiting for a decision',
  'cases.not_suspended': 'The case is not suspended',
  'cases.already_suspended': 'The case is already suspended',
  'cases.extension_too_long': 'One extension may not exceed {max} working hours',
  'cases.token_mismatch': 'The case number and the tracking code do not match',
  'cases.already_rated': 'You have already rated this case',
  'cases.photo_required': 'Upload at least one photo taken after handling',
  'cases.queue_needs_department': 'Your account has no department, so there is no department queue',
  'cases.date_range': 'The start date cannot be after the end date',
  'cases.ladder_order': 'Escalation levels must count up from 1, each with a longer overdue time than the one before',
  'what.cases_route': 'Routing rule',
};

export const statusNames: Record<string, { zh: string; en: string }> = {
  reported: { zh: '待受理', en: 'Reported' },
  verifying: { zh: '待核实', en: 'Awaiting on-site check' },
  registered: { zh: '已立案待派遣', en: 'Registered' },
  dispatched: { zh: '已派遣', en: 'Dispatched' },
  handling: { zh: '处置中', en: 'Being handled' },
  handled: { zh: '待核查', en: 'Awaiting verification' },
  closed: { zh: '已结案', en: 'Closed' },
  rejected: { zh: '不予立案', en: 'Rejected' },
  duplicate: { zh: '已合并', en: 'Merged' },
};

/** Where a case is, when a report named no township (case-region.ts). */
const regionMessages = {
  zh: {
    'cases.township_to_assign': '待定乡镇',
    'cases.region_outside_key_scope': '该乡镇或村（社区）不在本密钥的范围内',
    'cases.township_required': '请先指定案件所在的乡镇（街道）或村（社区）再立案',
    'cases.township_already_set': '案件已有所属乡镇，立案时不再更改',
  },
  en: {
    'cases.township_to_assign': 'Township to be assigned',
    'cases.region_outside_key_scope': "That township or village is outside this key's area",
    'cases.township_required': 'Set the township or village the case is in before registering it',
    'cases.township_already_set': 'The case already has its township; registering does not change it',
  },
};

/** The case loop's messages, its status names (`cases.status.<status>`) and the case-region messages. */
export const casesMessages = {
  zh: {
    ...zh,
    ...Object.fromEntries(Object.entries(statusNames).map(([k, v]) => [`cases.status.${k}`, v.zh])),
    ...regionMessages.zh,
  },
  en: {
    ...en,
    ...Object.fromEntries(Object.entries(statusNames).map(([k, v]) => [`cases.status.${k}`, v.en])),
    ...regionMessages.en,
  },
} satisfies MessageCatalogue;
