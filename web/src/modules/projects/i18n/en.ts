import type { projectsZh } from './zh.ts';

export const projectsEn: Record<keyof typeof projectsZh, string> = {
  'module.projects.label': 'Demonstration park',
  'module.projects.description': 'Progress, funds and results of the rural-revitalisation demonstration park project.',
};
