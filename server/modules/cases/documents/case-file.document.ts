import type { DocumentKind } from '../../../platform/documents/document-kind.ts';
import type { DocumentModel, DocumentPhoto } from '../../../platform/documents/document-model.ts';
import { statusNames } from '../cases.messages.ts';
import { caseIssuer, caseOrgan, type CaseRecord, loadCaseRecord, shanghaiTime } from './case-document-record.ts';
import { caseDocumentPermissions as P } from './documents.permissions.ts';

const channelNames: Record<string, string> = {
  patrol: '巡查上报',
  citizen: '市民举报',
  volunteer: '志愿者上报',
  hotline: '热线转办',
  other: '其他',
};

/** The steps of the loop as the case file names them (数字城管 七个环节); an unknown action prints its code. */
const actionNames: Record<string, string> = {
  report: '上报',
  assign_township: '指定乡镇',
  register: '受理立案',
  reject: '不予立案',
  send_to_verify: '送核实（属实后再立案）',
  confirm_report: '核实属实，回受理员立案',
  refute_report: '核实不属实',
  merge: '合并',
  dispatch: '派遣',
  return: '退回',
  accept: '接收',
  feedback: '处置反馈',
  verify_pass: '核查通过',
  verify_fail: '核查不通过',
  request_extension: '申请延期',
  request_suspension: '申请挂账',
  decide_request: '审批申请',
  resume: '恢复办理',
  escalate: '督办',
  rate: '评价',
  close: '结案',
};

const stageNames: Record<string, string> = {
  report: '处置前（上报）',
  verify_report: '核实',
  handle: '处置后',
  verify: '核查',
};
const reporterKinds: Record<string, string> = { staff: '工作人员', citizen: '市民', partner: '对接系统' };
const yesNo = (value: boolean | null) => (value === null ? '—' : value ? '是' : '否');

function basics(record: CaseRecord): Array<[string, string]> {
  const d = record.detail;
  const phone = d.reporter.phone ? `（电话 ${d.reporter.phone}）` : '';
  return [
    ['案件编号', d.caseNo],
    ['案件状态', statusNames[d.status]?.zh ?? d.status],
    ['问题类别', `${d.categoryCode} ${d.categoryName}`],
    ['来源', channelNames[d.channel] ?? d.channel],
    ['所在乡镇', d.townshipName],
    ['发生地点', d.address],
    ['问题描述', d.description],
    ['举报人', `${reporterKinds[d.reporter.kind] ?? d.reporter.kind}${phone}`],
    ['处置部门', record.departmentName ?? '—'],
  ];
}

function deadlinesAndOutcome(record: CaseRecord): Array<[string, string]> {
  const d = record.detail;
  return [
    ['上报时间', shanghaiTime(d.reportedAt)],
    ['立案时间', shanghaiTime(d.registeredAt)],
    ['派遣时间', shanghaiTime(d.dispatchedAt)],
    ['处置时限', shanghaiTime(d.handleDueAt)],
    ['处置完成', shanghaiTime(d.handledAt)],
    ['结案时间', shanghaiTime(d.closedAt)],
    ['是否按期', yesNo(d.closedOnTime)],
    ['返工次数', String(d.reworkCount)],
    ['督办级别', d.escalationLevel > 0 ? `${d.escalationLevel} 级` : '未督办'],
    ['满意度', d.satisfaction === null ? '—' : `${d.satisfaction} / 5`],
    ['结案意见', d.closingNote ?? '—'],
  ];
}

function timeline(record: CaseRecord): string[][] {
  return record.detail.events.map((e, i) => [
    String(i + 1),
    shanghaiTime(e.at),
    actionNames[e.action] ?? e.action,
    e.actor,
    e.toStatus ? (statusNames[e.toStatus]?.zh ?? e.toStatus) : '',
    e.note ?? '',
  ]);
}

function photos(record: CaseRecord): DocumentPhoto[] {
  const counts = new Map<string, number>();
  return record.photos.map(({ stage, ...photo }) => {
    const n = (counts.get(stage) ?? 0) + 1;
    counts.set(stage, n);
    return { ...photo, caption: `${stageNames[stage] ?? stage} ${n}` };
  });
}

/** 打印案卷: the case's facts, its deadlines and outcome, every step with who and when, the photos before and after. */
export function caseFileModel(record: CaseRecord): DocumentModel {
  const shown = photos(record);
  return {
    title: '市容案件案卷',
    meta: [`案件编号：${record.detail.caseNo}`, '内容以打印时案件记录为准；举报人联系方式已遮蔽'],
    density: 'compact',
    sections: [
      { heading: '一、基本情况', blocks: [{ type: 'keyValue', rows: basics(record) }] },
      { heading: '二、办理时限与结果', blocks: [{ type: 'keyValue', rows: deadlinesAndOutcome(record) }] },
      {
        heading: '三、办理经过',
        blocks: [
          {
            type: 'table',
            columns: [
              { title: '序号', weight: 1 },
              { title: '时间', weight: 3 },
              { title: '环节', weight: 2 },
              { title: '经办', weight: 2 },
              { title: '办理后状态', weight: 2 },
              { title: '说明', weight: 4 },
            ],
            rows: timeline(record),
          },
        ],
      },
      {
        heading: '四、现场照片',
        blocks: shown.length > 0 ? [{ type: 'photos', photos: shown }] : [{ type: 'paragraph', text: '无照片。' }],
      },
    ],
    signature: { organ: caseOrgan(record), sealed: false },
  };
}

/** The case file (打印案卷); nothing of it is shown publicly beyond kind, issuer, date, hash and status. */
export const caseFileDocument: DocumentKind<CaseRecord> = {
  key: 'cases.case-file',
  title: { zh: '市容案件案卷', en: 'Case file' },
  issuePermission: P.print,
  revokePermission: P.revoke,
  subjectType: 'case',
  load: loadCaseRecord,
  template: async (_ctx, record) => caseFileModel(record),
  issuer: caseIssuer,
};
