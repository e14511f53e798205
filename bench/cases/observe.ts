// What the machine does during a load run: CPU seconds spent by the server process, by the PostgreSQL
// backends of the bench database and by this process (the load driver), and what the busy backends wait on.
import fs from 'node:fs';
import pg from 'pg';

const ticksPerSecond = 100; // USER_HZ on Linux

/** utime + stime of a process, seconds; undefined when it is gone. */
export function cpuSecondsOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // after "pid (comm) "
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

/** Busy CPU seconds of the whole machine (all cores, everything but idle and I/O wait) from /proc/stat. */
export function machineBusySeconds(): number {
  const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return (fields.reduce((a, b) => a + b, 0) - idle) / ticksPerSecond;
}

export interface RunObservation {
  /** Every process on the machine, kernel included: what a run costs when the cores are the limit. */
  machineCpuS: number;
  serverCpuS: number;
  postgresCpuS: number;
  driverCpuS: number;
  /** Samples of the database's active backends: "wait_event_type:wait_event" (or "CPU") → share of samples. */
  waits: Record<string, number>;
  /** Mean number of active backends of the bench database. */
  activeBackends: number;
}

/**
 * Starts observing; `finish()` returns the totals. PostgreSQL CPU is summed over the backends connected to the
 * database (background writers excluded); wait events are sampled every 50 ms from pg_stat_activity.
 */
export async function observe(
  serverPid: number | undefined,
  databaseUrl: string | undefined,
): Promise<{ finish(): Promise<RunObservation> }> {
  const client = databaseUrl ? new pg.Client({ connectionString: databaseUrl }) : undefined;
  await client?.connect();
  /** pid → CPU seconds when first seen and when last seen (a backend that exits keeps its last reading). */
  const backendCpu = new Map<number, { first: number; last: number }>();
  const counts: Record<string, number> = {};
  let samples = 0;
  let active = 0;
  const serverStart = serverPid ? (cpuSecondsOf(serverPid) ?? 0) : 0;
  const driverStart = process.cpuUsage();
  const machineStart = machineBusySeconds();
  const takeSample = async (db: pg.Client) => {
    const rows = (
      await db.query<{ pid: number; state: string | null; wait: string | null }>(
        `select pid, state, case when wait_event is null then null else wait_event_type || ':' || wait_event end as wait
         from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
      )
    ).rows;
    samples++;
    for (const row of rows) {
      const now = cpuSecondsOf(row.pid);
      const seen = backendCpu.get(row.pid);
      if (now !== undefined) backendCpu.set(row.pid, { first: seen?.first ?? now, last: now });
      if (row.state !== 'active') continue;
      active++;
      const key = row.wait ?? 'CPU (no wait event)';
      counts[key] = (counts[key] ?? 0) + 1;
    }
  };
  /** One sample at a time; finish() waits for the one in flight before closing the connection. */
  let inFlight: Promise<void> | undefined;
  const sample = () => {
    if (client && !inFlight) {
      inFlight = takeSample(client).finally(() => {
        inFlight = undefined;
      });
    }
    return inFlight;
  };
  await sample();
  const timer = setInterval(() => void sample(), 50);
  return {
    async finish() {
      clearInterval(timer);
      await inFlight;
      let postgresCpuS = 0;
      for (const [pid, cpu] of backendCpu) postgresCpuS += (cpuSecondsOf(pid) ?? cpu.last) - cpu.first;
      await client?.end();
      const driver = process.cpuUsage(driverStart);
      const totalActive = Object.values(counts).reduce((a, b) => a + b, 0);
      const waits = Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, totalActive ? n / totalActive : 0]));
      return {
        machineCpuS: machineBusySeconds() - machineStart,
        serverCpuS: serverPid ? (cpuSecondsOf(serverPid) ?? serverStart) - serverStart : 0,
        postgresCpuS,
        driverCpuS: (driver.user + driver.system) / 1e6,
        waits,
        activeBackends: samples ? active / samples : 0,
      };
    },
  };
}
