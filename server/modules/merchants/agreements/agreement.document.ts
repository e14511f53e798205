import type { DocumentKind } from '../../../platform/documents/document-kind.ts';
import type { DocumentBlock, DocumentModel, DocumentSection } from '../../../platform/documents/document-model.ts';
import { shanghaiDayOf } from '../../../platform/calendar/shanghai-time.ts';
import type { Ctx } from '../../../platform/context.ts';
import { regionNamesOf } from '../../../platform/regions/regions.store.ts';
import type { MerchantRow } from '../merchants.store.ts';
import { loadAgreementWithMerchant, signerNameOf } from './agreement-read.ts';
import { agreementPermissions as P } from './agreements.permissions.ts';
import { dutySections as printOrder } from './agreements.schema.ts';
import type { AgreementRow } from './agreements.store.ts';
import { dutySectionTitles } from './default-template.ts';

export interface AgreementRecord {
  agreement: AgreementRow;
  merchant: MerchantRow;
  townshipName: string;
  villageName: string;
  signerName: string | null;
}

async function loadAgreementRecord(ctx: Ctx, agreementId: string): Promise<AgreementRecord> {
  const { agreement, merchant } = await loadAgreementWithMerchant(ctx, agreementId);
  const names = await regionNamesOf(ctx.db, [agreement.townshipCode, agreement.villageCode]);
  return {
    agreement,
    merchant,
    townshipName: names.get(agreement.townshipCode) ?? agreement.townshipCode,
    villageName: names.get(agreement.villageCode) ?? agreement.villageCode,
    signerName: signerNameOf(ctx, agreement),
  };
}

/** 甲方: the township's government signs; 乙方: the village (村民委员会) or community (居民委员会) committee. */
function organOf(record: AgreementRecord): string {
  return `${record.townshipName}人民政府`;
}

function committeeOf(record: AgreementRecord): string {
  if (record.agreement.villageCode === record.agreement.townshipCode) return `${record.townshipName}（无村、社区）`;
  const name = record.villageName;
  return name.endsWith('社区') ? `${name}居民委员会` : `${name}村民委员会`;
}

const chineseNumbers = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const metres = (dm: number) => `${(dm / 10).toFixed(1).replace(/\.0$/, '')} 米`;
const chineseDay = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

function dutySections(agreement: AgreementRow): DocumentSection[] {
  return printOrder.map((section, i) => ({
    heading: `${chineseNumbers[i + 2]}、${dutySectionTitles[section].zh}`,
    blocks: agreement.duties
      .filter((duty) => duty.section === section)
      .map((duty, n) => ({ type: 'paragraph' as const, text: `${n + 1}. ${duty.text}` })),
  }));
}

/** The agreement as printed: parties, basis, zone, the three duties, general duties, penalties, term, signatures. */
export function agreementModel(record: AgreementRecord): DocumentModel {
  const { agreement, merchant } = record;
  const signed = agreement.status !== 'draft' && agreement.signedAt;
  const evidence: DocumentBlock[] =
    signed && agreement.signatureImage
      ? [
          {
            type: 'photos',
            photos: [
              {
                caption: agreement.signatureKind === 'scan' ? '签字的纸质责任书' : '责任人签名',
                content: agreement.signatureImage,
                width: agreement.signatureWidth ?? 600,
                height: agreement.signatureHeight ?? 300,
              },
            ],
          },
        ]
      : [];
  return {
    title: agreement.title,
    subtitle: `编号：${agreement.agreementNo}`,
    density: 'compact',
    sections: [
      {
        heading: '一、签订各方',
        blocks: [
          {
            type: 'keyValue',
            rows: [
              ['甲方', organOf(record)],
              ['乙方', committeeOf(record)],
              ['丙方（责任人）', `${merchant.name}（${merchant.creditCode ?? merchant.licenceNo ?? ''}）`],
              ['经营地址', merchant.address],
            ],
          },
          { type: 'paragraph', text: agreement.clauses.basis, indent: true },
        ],
      },
      {
        heading: '二、责任区域',
        blocks: [
          {
            type: 'keyValue',
            rows: [
              ['宽度（门面长度）', metres(agreement.zoneLengthDm)],
              ['进深（墙基至路沿）', metres(agreement.zoneDepthDm)],
              ['四至', agreement.zoneDescription],
            ],
          },
        ],
      },
      ...dutySections(agreement),
      {
        heading: '六、责任人的其他义务',
        blocks: [{ type: 'paragraph', text: agreement.clauses.generalDuties, indent: true }],
      },
      { heading: '七、违约处理', blocks: [{ type: 'paragraph', text: agreement.clauses.penalties, indent: true }] },
      {
        heading: '八、责任期限',
        blocks: [
          {
            type: 'paragraph',
            text: `本责任书自${chineseDay(agreement.termStart)}起至${chineseDay(agreement.termEnd)}止，自签订之日起生效。本责任书一式三份，甲、乙、丙三方各执一份。`,
            indent: true,
          },
        ],
      },
      {
        heading: '九、签订',
        blocks: [
          {
            type: 'keyValue',
            rows: [
              ['丙方签字人', signed ? (record.signerName ?? '') : '（签字）'],
              ['签订时间', signed ? chineseDay(shanghaiDayOf(agreement.signedAt as Date)) : '    年   月   日'],
            ],
          },
          ...evidence,
        ],
      },
    ],
    signature: { organ: organOf(record), sealed: signed !== false && signed !== null },
  };
}

/** 门前三包责任书 (PDF and .docx), verifiable at /verify/<code>: the verification page shows its number and term. */
export const agreementDocument: DocumentKind<AgreementRecord> = {
  key: 'merchants.agreement',
  title: { zh: '门前三包责任书', en: 'Frontage responsibility agreement' },
  issuePermission: P.manage,
  revokePermission: P.manage,
  subjectType: 'agreement',
  load: loadAgreementRecord,
  template: async (_ctx, record) => agreementModel(record),
  issuer: async (_ctx, record) => ({ organ: organOf(record), department: null }),
  publicFields: [
    { label: { zh: '责任书编号', en: 'Agreement number' }, value: (record) => record.agreement.agreementNo },
    {
      label: { zh: '责任期限', en: 'Term' },
      value: (record) => `${record.agreement.termStart} – ${record.agreement.termEnd}`,
    },
  ],
};
