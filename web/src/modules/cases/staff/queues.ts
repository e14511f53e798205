import type { Queue } from '../casesApi.ts';

/** A tab of the work list: one of the server's queues, or every case the user may see. */
export type QueueTab = Queue | 'all';

/**
 * Which post works which queue (数字城管: 受理员 待受理, 监督员 待核实 and 待核查, 派遣员 待派遣, 专业部门 待办; 督办 watches
 * the overdue list). A tab is offered when the user holds any of its permissions; the server still decides.
 */
const queueTabRules: readonly (readonly [QueueTab, readonly string[]])[] = [
  ['intake', ['cases.register']],
  ['verify_report', ['cases.verify']],
  ['dispatch', ['cases.dispatch']],
  ['department', ['cases.handle']],
  ['verification', ['cases.verify']],
  ['overdue', ['cases.supervise', 'cases.dispatch']],
  ['escalated', ['cases.supervise']],
  ['mine', ['cases.report']],
  ['all', ['cases.read']],
];

export function queueTabsFor(permissions: ReadonlySet<string>): QueueTab[] {
  return queueTabRules.filter(([, needs]) => needs.some((p) => permissions.has(p))).map(([tab]) => tab);
}

export function isQueueTab(value: string | null): value is QueueTab {
  return queueTabRules.some(([tab]) => tab === value);
}

/** The API's `queue` for a tab (`all` is no queue at all). */
export function queueOf(tab: QueueTab): Queue | undefined {
  return tab === 'all' ? undefined : tab;
}
