import type { DocumentKind } from '../../../platform/documents/document-kind.ts';
import type { DocumentModel } from '../../../platform/documents/document-model.ts';
import { chineseDate } from '../../../platform/documents/document-model.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { caseIssuer, caseOrgan, type CaseRecord, loadCaseRecord, shanghaiTime } from './case-document-record.ts';
import { caseDocumentPermissions as P } from './documents.permissions.ts';

/** The case must have been dispatched: the notice is addressed to the department responsible for it. */
function addresseeOf(record: CaseRecord): string {
  if (!record.departmentName) {
    throw new AppError(409, 'no_department', 'cases.documents.no_department', { caseNo: record.detail.caseNo });
  }
  return record.departmentName;
}

function deadlineOf(record: CaseRecord): string {
  const due = record.detail.handleDueAt ?? record.detail.clock.dueAt;
  return due ? shanghaiTime(due) : '收到本通知之日起 3 个工作日内';
}

function body(record: CaseRecord): string[] {
  const d = record.detail;
  const reported = chineseDate(new Date(d.reportedAt));
  return [
    `经核查，${reported}，${d.townshipName}${d.address}存在“${d.categoryName}”问题（案件编号：${d.caseNo}）。问题情况：${d.description}`,
    '上述情形不符合《城市市容和环境卫生管理条例》及本地市容环境卫生管理有关规定，影响城市市容环境和全国文明城市创建工作。',
    `请你单位于 ${deadlineOf(record)} 前完成整改，整改完成后通过数字化城市管理平台反馈整改情况并上传整改后照片。`,
    '逾期未整改或整改不到位的，将按规定予以督办、通报，并纳入文明城市创建工作考核。',
    '特此通知。',
  ];
}

/** 整改通知书: addressed to the responsible department, with the deadline, the boilerplate and the seal. */
export function rectificationNoticeModel(record: CaseRecord): DocumentModel {
  const d = record.detail;
  const before = record.photos.filter((p) => p.stage === 'report').slice(0, 2);
  return {
    title: '整改通知书',
    subtitle: `城管整改〔${d.caseNo.slice(0, 4)}〕${d.caseNo.slice(5)}号`,
    addressee: `${addresseeOf(record)}：`,
    density: 'official',
    sections: [{ blocks: body(record).map((text) => ({ type: 'paragraph' as const, text })) }],
    signature: { organ: caseOrgan(record), sealed: true },
    annexes: [
      {
        heading: '附：问题情况',
        blocks: [
          {
            type: 'keyValue',
            rows: [
              ['案件编号', d.caseNo],
              ['问题类别', `${d.categoryCode} ${d.categoryName}`],
              ['发生地点', `${d.townshipName} ${d.address}`],
              ['整改期限', deadlineOf(record)],
            ],
          },
          ...(before.length > 0
            ? [{ type: 'photos' as const, photos: before.map((p, i) => ({ ...p, caption: `现场照片 ${i + 1}` })) }]
            : []),
        ],
      },
    ],
  };
}

/** The rectification notice; its verification page also shows the case number and the deadline (not personal). */
export const rectificationNoticeDocument: DocumentKind<CaseRecord> = {
  key: 'cases.rectification-notice',
  title: { zh: '整改通知书', en: 'Rectification notice' },
  issuePermission: P.print,
  revokePermission: P.revoke,
  subjectType: 'case',
  load: loadCaseRecord,
  template: async (_ctx, record) => rectificationNoticeModel(record),
  issuer: caseIssuer,
  publicFields: [
    { label: { zh: '案件编号', en: 'Case number' }, value: (record) => record.detail.caseNo },
    { label: { zh: '整改期限', en: 'Deadline' }, value: deadlineOf },
  ],
};
