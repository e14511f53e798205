import { useCallback } from 'react';
import { useLoad } from '../../../app/useLoad.ts';
import { casesApi } from '../casesApi.ts';
import { type QueueTab, queueOf } from './queues.ts';

export type QueueCounts = Partial<Record<QueueTab, number>>;

/**
 * How many cases wait in each of the user's queues: one `pageSize=1` read per tab, whose `total` is the count.
 * A queue the server refuses (a handler without a department) simply shows no number.
 */
export function useQueueCounts(tabs: readonly QueueTab[]) {
  const key = tabs.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the tabs' content.
  const load = useCallback(
    async (signal: AbortSignal): Promise<QueueCounts> => {
      const counts = await Promise.all(
        tabs.map((tab) =>
          casesApi
            .list({ queue: queueOf(tab) }, 1, 1, signal)
            .then((page): [QueueTab, number] => [tab, page.total])
            .catch((error: unknown) => {
              if (signal.aborted) throw error;
              return undefined;
            }),
        ),
      );
      return Object.fromEntries(counts.filter((entry) => entry !== undefined));
    },
    [key],
  );
  return useLoad(load);
}
