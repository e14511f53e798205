import { launchWenming, type WenmingData, type WenmingServer } from '../../testing/wenming-server.ts';

/** Where the server under test keeps its data: a PGlite folder, or a PostgreSQL database (the folder then holds keys). */
export interface ServerTarget extends WenmingData {
  engine: 'pglite' | 'postgres';
}

export type RunningServer = WenmingServer;

/** What `serve` seeds on start: the demo county at a scale (`--demo`), or nothing (a target seeded beforehand). */
export type DemoSeed = 'small' | 'county' | 'none';

/**
 * `wenming serve` on the target (the shared launcher, server/testing/wenming-server.ts) at a fixed port, ready
 * when `/readyz` answers 200. By default with the small demo, for its staff accounts.
 */
export function startServer(
  target: ServerTarget,
  port: number,
  timeoutMs = 180_000,
  demo: DemoSeed = 'small',
): Promise<RunningServer> {
  return launchWenming({ ...target, port, readyTimeoutMs: timeoutMs, ...(demo === 'none' ? {} : { demo }) });
}

/**
 * The server of a crash run: always on the same port (clients keep their address across restarts), killed and
 * started again, the time of each restart kept.
 */
export class ServerOnPort {
  private running: RunningServer | undefined;
  readonly restartMs: number[] = [];

  constructor(
    readonly target: ServerTarget,
    readonly port: number,
    private readonly demo: DemoSeed,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const began = performance.now();
    const first = this.running === undefined;
    this.running = await startServer(this.target, this.port, 180_000, this.demo);
    if (!first) this.restartMs.push(performance.now() - began);
  }

  /** SIGKILL: requests in flight are cut, the database is left as the kill found it. */
  async kill(): Promise<void> {
    await this.running?.kill();
  }

  /** SIGTERM: a clean stop (the database closed, PGlite's folder lock released). */
  async stop(): Promise<void> {
    await this.running?.stop();
  }

  output(): string {
    return this.running?.output() ?? '';
  }
}
