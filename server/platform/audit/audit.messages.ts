import type { MessageCatalogue } from '../module.ts';

/**
 * The audit trail's own messages: export headers and its errors. Declared in the manifest; both languages are
 * typed against the Chinese keys so neither can miss one.
 */
const zh = {
  'audit.sheet_name': '审计日志',
  'audit.column.regionCode': '行政区划',
  'audit.column.seq': '序号',
  'audit.column.id': '事件编号',
  'audit.column.occurredAt': '发生时间',
  'audit.column.actorId': '操作人编号',
  'audit.column.actorName': '操作人',
  'audit.column.actorRoles': '角色',
  'audit.column.sessionId': '会话编号',
  'audit.column.requestId': '请求编号',
  'audit.column.sourceIp': '来源地址',
  'audit.column.userAgent': '客户端',
  'audit.column.eventType': '事件类型',
  'audit.column.objectType': '对象类型',
  'audit.column.objectId': '对象编号',
  'audit.column.action': '操作',
  'audit.column.outcome': '结果',
  'audit.column.reasonCode': '原因代码',
  'audit.column.details': '详情',
  'audit.column.chain': '链号',
  'audit.column.prevSeq': '前一条序号',
  'audit.column.prevHash': '前一条哈希',
  'audit.column.hash': '本条哈希',
  'audit.export_too_large': '符合条件的记录有 {total} 条，超过单次导出上限 {limit} 条，请缩小时间范围或增加筛选条件',
  'audit.range_reversed': '结束时间应晚于开始时间',
  'audit.retention_too_recent': '审计记录至少在线保存 {days} 天，不能清理更近的记录',
  'audit.sheet_evidence': '校验数据',
  'audit.column.event': '事件',
  'audit.column.actor': '操作人',
  'audit.column.object': '对象',
  'audit.actor.public': '公众',
  'audit.actor.system': '系统',
  'audit.outcome.success': '成功',
  'audit.outcome.failure': '失败',
  'audit.object_named': '{type} {name}',
} as const;

export type AuditMessageKey = keyof typeof zh;

const en: Record<AuditMessageKey, string> = {
  'audit.sheet_name': 'Audit log',
  'audit.column.regionCode': 'Region',
  'audit.column.seq': 'Seq',
  'audit.column.id': 'Event id',
  'audit.column.occurredAt': 'Occurred at',
  'audit.column.actorId': 'Actor id',
  'audit.column.actorName': 'Actor',
  'audit.column.actorRoles': 'Roles',
  'audit.column.sessionId': 'Session',
  'audit.column.requestId': 'Request',
  'audit.column.sourceIp': 'Source IP',
  'audit.column.userAgent': 'Client',
  'audit.column.eventType': 'Event type',
  'audit.column.objectType': 'Object type',
  'audit.column.objectId': 'Object id',
  'audit.column.action': 'Action',
  'audit.column.outcome': 'Outcome',
  'audit.column.reasonCode': 'Reason code',
  'audit.column.details': 'Details',
  'audit.column.chain': 'Chain',
  'audit.column.prevSeq': 'Previous seq',
  'audit.column.prevHash': 'Previous hash',
  'audit.column.hash': 'Hash',
  'audit.export_too_large':
    '{total} records match, more than the {limit} one export may hold; narrow the time range or add filters',
  'audit.range_reversed': 'The end must be after the start',
  'audit.retention_too_recent':
    'Audit records are kept online for at least {days} days; more recent records cannot be purged',
  'audit.sheet_evidence': 'Evidence',
  'audit.column.event': 'Event',
  'audit.column.actor': 'Actor',
  'audit.column.object': 'Object',
  'audit.actor.public': 'Public',
  'audit.actor.system': 'System',
  'audit.outcome.success': 'Succeeded',
  'audit.outcome.failure': 'Failed',
  'audit.object_named': '{type} {name}',
};

export const auditMessages = { zh: zh as Record<AuditMessageKey, string>, en } satisfies MessageCatalogue;
