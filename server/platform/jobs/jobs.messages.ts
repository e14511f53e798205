import type { MessageCatalogue } from '../i18n/locale.ts';

/** Background-job messages. Declared in the jobs manifest; en is typed against zh's keys. */
const zh = {
  'what.job': '后台任务',
  'jobs.not_dead': '只有已终止（多次失败）的任务可以重试',
} as const;

const en: Record<keyof typeof zh, string> = {
  'what.job': 'Background job',
  'jobs.not_dead': 'Only a dead job (one that failed every attempt) can be retried',
};

export const jobsMessages = { zh, en } satisfies MessageCatalogue;
