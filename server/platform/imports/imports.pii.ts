import type { NotPersonalColumn, PiiField } from '../pii/pii-field.ts';

/**
 * What imports keep that is personal: the uploaded file itself (a staff list carries names and phone numbers),
 * encrypted in chunks and deleted once the run is committed or discarded, and the initial passwords of imported
 * accounts until their one download. Nothing of a cell's content is kept anywhere else (row errors hold codes).
 */
export const importsPiiFields: readonly PiiField[] = [
  {
    table: 'imports_file_chunk',
    column: 'content_enc',
    category: 'contact',
    sensitive: false,
    purpose: '导入文件原件：试导入、提交和错误报告时逐行读取',
    legalBasis: '法定职责',
    retention: '提交或放弃导入时删除；未处理的导入 7 天后删除',
    retentionDays: 7,
    mask: 'hidden',
    encrypted: true,
  },
  {
    table: 'imports_handout',
    column: 'secret_enc',
    category: 'auth_secret',
    sensitive: true,
    purpose: '批量导入账号的初始密码，由导入人一次性下载后转交本人',
    legalBasis: '人力资源管理',
    retention: '下载即删除；放弃导入或 7 天未下载时删除',
    retentionDays: 7,
    mask: 'secret',
    encrypted: true,
  },
];

export const importsNotPersonal: readonly NotPersonalColumn[] = [
  { table: 'imports_run', column: 'file_name', reason: '上传文件的文件名，仅用于辨认本次导入' },
];
