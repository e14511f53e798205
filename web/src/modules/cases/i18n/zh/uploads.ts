/** One photo's upload under its thumbnail (`uploads/`): the staff forms and the residents' report form show it. */
export const caseUploadsZh = {
  'cases.upload.waiting': '等待上传',
  'cases.upload.uploading': '上传中 {percent}%',
  'cases.upload.done': '已上传',
  'cases.upload.retry': '重试',
  'cases.upload.retryLabel': '重新上传第 {n} 张照片',
} as const;
