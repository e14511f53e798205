import type { caseWorkZh } from '../zh/work.ts';

export const caseWorkEn: Record<keyof typeof caseWorkZh, string> = {
  'cases.queue.escalated': 'Escalated',
  'cases.search.allStates': 'Searching “{q}” in cases of every state (not only this tab; within what you may see)',
  'cases.search.clear': 'Clear search',
  'cases.work.title': 'My to-dos',
  'cases.work.intro': 'Cases waiting for you at each step; open one to see the list.',
  'cases.work.open': 'Open the “{queue}” list, {count} cases',
  'cases.work.capped': '{count}+',
  'cases.work.none': 'No cases are waiting for your posts.',
  'cases.work.evaluation': 'Evaluation',
  'cases.work.evaluationHint': 'Closure, on-time, rework and satisfaction rates, ranked by township and department',
  'cases.work.allCases': 'All cases',
  'cases.work.map': 'Case map',
  'cases.map.legendTitle': 'Legend (colour and shape both tell the states apart)',
} as const;
