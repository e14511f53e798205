import { randomUUID } from 'node:crypto';
import type { HttpClient } from './http-client.ts';

export interface LoadRun {
  clients: number;
  seconds: number;
  /** Successful answers (2xx) per second over the measured window. */
  perSecond: number;
  ok: number;
  /** 2xx answered after the window closed: stored, but outside the measured time. */
  late: number;
  failed: number;
  /** Status code → count for the failed requests, and the first failure's body (to explain it). */
  failures: Record<string, number>;
  firstFailure?: string;
  /** Latency of every successful request, ms. */
  latencies: number[];
}

export interface LoadRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** JSON text, or raw bytes (a photo upload). */
  body?: string | Buffer;
}

/**
 * A closed loop: `clients` workers, each on its own keep-alive connection, send the next request as soon as
 * the previous one is answered, for `seconds`. Every request gets a fresh Idempotency-Key, as a phone's
 * new report would. Requests still in flight at the deadline are waited for but not counted.
 */
export async function closedLoop(
  client: HttpClient,
  clients: number,
  seconds: number,
  next: (i: number) => LoadRequest,
): Promise<LoadRun> {
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let firstFailure: string | undefined;
  let sent = 0;
  let late = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const request = next(sent++);
      const headers = { ...request.headers, 'idempotency-key': `bench-${randomUUID()}` };
      let status: number;
      let ms: number;
      let body = '';
      try {
        const res = await client.request(request.method, request.path, { headers, body: request.body });
        ({ status, ms, body } = res);
      } catch (error) {
        status = 0;
        ms = 0;
        body = (error as Error).message;
      }
      if (performance.now() > deadline) {
        if (status >= 200 && status < 300) late++; // answered after the window: not part of it
        break;
      }
      if (status >= 200 && status < 300) latencies.push(ms);
      else {
        failures[String(status)] = (failures[String(status)] ?? 0) + 1;
        firstFailure ??= `${status} ${body.slice(0, 300)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  const elapsed = (Math.min(performance.now(), deadline) - started) / 1000;
  const failed = Object.values(failures).reduce((a, b) => a + b, 0);
  return {
    clients,
    seconds: elapsed,
    perSecond: latencies.length / elapsed,
    ok: latencies.length,
    late,
    failed,
    failures,
    ...(firstFailure ? { firstFailure } : {}),
    latencies,
  };
}
