import sharp from 'sharp';
import type { DocumentModel, IssueStamp } from './document-model.ts';

/** A photo made here: a gradient JPEG of the given size (no file from elsewhere). */
export async function samplePhoto(width: number, height: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g"><stop offset="0" stop-color="#3a7"/><stop offset="1" stop-color="#27c"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/><circle cx="50%" cy="50%" r="20%" fill="#fff"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

/** A document with every kind of block, long enough to run onto a second page. */
export async function sampleModel(): Promise<DocumentModel> {
  const rows = Array.from({ length: 24 }, (_, i) => [
    `2026-12-0${(i % 9) + 1} 09:${String(10 + i).padStart(2, '0')}`,
    i % 2 ? '派遣' : '受理',
    `处置人员${i + 1}`,
    '已按要求完成整改，现场无占道经营。',
  ]);
  return {
    title: '市容案件案卷',
    meta: ['案件编号：430225-20261207-0001', '打印范围：全部处置记录'],
    density: 'compact',
    sections: [
      {
        heading: '一、基本情况',
        blocks: [
          {
            type: 'keyValue',
            rows: [
              ['案件编号', '430225-20261207-0001'],
              ['案件类别', '09006 占道经营'],
            ],
          },
          {
            type: 'paragraph',
            text: '水果摊占用人行道经营，影响行人通行。“括号”、标点（测试）不应出现在行首。'.repeat(3),
          },
        ],
      },
      {
        heading: '二、处置过程',
        blocks: [
          {
            type: 'table',
            columns: [
              { title: '时间', weight: 3 },
              { title: '环节', weight: 2 },
              { title: '经办', weight: 2 },
              { title: '说明', weight: 5 },
            ],
            rows,
          },
        ],
      },
      {
        heading: '三、现场照片',
        blocks: [
          {
            type: 'photos',
            photos: [
              { caption: '处置前', content: await samplePhoto(800, 600), width: 800, height: 600 },
              { caption: '处置后', content: await samplePhoto(600, 900), width: 600, height: 900 },
            ],
          },
        ],
      },
    ],
    signature: { organ: '攸县城市管理局（演示）', sealed: true },
  };
}

export const sampleStamp: IssueStamp = {
  code: 'abcdefghijklmnopqrstuvwxyz234567',
  verifyUrl: 'https://wenming.example/verify/abcdefghijklmnopqrstuvwxyz234567',
  issuedAt: new Date('2026-12-07T02:00:00Z'),
  revoked: false,
};
