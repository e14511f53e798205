import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../server/config.ts';
import { adminQuery } from './lib/pg.ts';

/** The machine a result was measured on: numbers without it cannot be compared with anything. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  postgres: string;
  pglite: string;
  date: string;
  /** 1-minute load average when the suite started: the VM is shared, a busy neighbour shows up here. */
  loadAverage: number;
}

export async function describeMachine(): Promise<Machine> {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: await postgresVersion(),
    pglite: pgliteVersion(),
    date: new Date().toISOString(),
    loadAverage: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}

async function postgresVersion(): Promise<string> {
  try {
    const [row] = await adminQuery<{ version: string }>('select version()');
    return row?.version ?? 'unknown';
  } catch (error) {
    return `unavailable (${(error as Error).message})`;
  }
}

/** Read from the installed package: the package's `exports` do not expose package.json to import. */
function pgliteVersion(): string {
  const file = path.join(projectRoot, 'node_modules', '@electric-sql', 'pglite', 'package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

/** The fields that make two results comparable (the date and load may differ). */
export function sameMachine(a: Machine, b: Machine): boolean {
  const key = (m: Machine) => [m.cpu, m.cores, m.memoryGiB, m.os, m.node, m.postgres, m.pglite].join('|');
  return key(a) === key(b);
}

export function machineRows(m: Machine): string[][] {
  return [
    ['CPU', `${m.cpu} (${m.cores} cores)`],
    ['Memory', `${m.memoryGiB} GiB`],
    ['OS', m.os],
    ['Node.js', m.node],
    ['PostgreSQL', m.postgres],
    ['PGlite', m.pglite],
  ];
}
