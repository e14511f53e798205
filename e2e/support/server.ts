import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../server/config.ts';
import { launchWenming } from '../../server/testing/wenming-server.ts';

export interface RunningServer {
  url: string;
  dataDir: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `wenming serve --demo` exactly as a user would (the shared launcher, server/testing/wenming-server.ts),
 * on a temporary PGlite folder with the small demo, and waits until /readyz answers. The web app must have been
 * built (`npm run build:web`). `env` may name the data folder (WENMING_DATA_DIR) to start again on the same data.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  if (!fs.existsSync(path.join(projectRoot, 'web', 'dist', 'index.html')))
    throw new Error('Build the web app first: npm run build:web');
  const ownDir = env.WENMING_DATA_DIR ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-e2e-'));
  const dataDir = env.WENMING_DATA_DIR ?? (ownDir as string);
  const server = await launchWenming({ dataDir, demo: 'small', env: { LOG_LEVEL: 'warn', ...env } });
  return {
    url: server.url,
    dataDir,
    output: server.output,
    async stop() {
      await server.stop(10_000);
      if (ownDir) fs.rmSync(ownDir, { recursive: true, force: true });
    },
  };
}
