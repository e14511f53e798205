import type { homeZh } from '../zh/home.ts';

export const homeEn: Record<keyof typeof homeZh, string> = {
  'home.greeting': 'Hello, {name}',
  'home.workIntro': 'Here is what is waiting for you today.',
  'home.todosTitle': 'To-dos',
  'home.todosEmpty': 'No open to-dos.',
  'home.todosAll': 'All messages and to-dos',
  'home.todosMore': '{count} more',
  'home.todoOpen': 'Open',
  'home.otherModules': 'My areas',
  'home.plannedTitle': 'Planned',
  'home.plannedIntro': 'These areas are being built and will serve your post once they are ready.',
  'home.nothingYet': 'No area for your post is in service yet.',
  'nav.planned': 'Planned',
};
