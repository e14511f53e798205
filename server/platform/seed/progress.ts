import type { Progress } from './seed-step.ts';

/**
 * Prints seed progress to stderr: on a terminal one updating line per step, elsewhere (CI, logs) a line at
 * each tenth so the output stays short.
 */
export function consoleProgress(
  stepName: string,
  stream: NodeJS.WriteStream = process.stderr,
): Progress & { finish(): void } {
  const started = Date.now();
  let lastDecile = -1;
  const line = (done: number, total: number) =>
    `  ${stepName.padEnd(20)} ${String(done).padStart(7)}/${total} ${total ? Math.floor((100 * done) / total) : 100}%  ${((Date.now() - started) / 1000).toFixed(1)}s`;
  let last = { done: 0, total: 0 };
  const report = ((done: number, total: number) => {
    last = { done, total };
    if (stream.isTTY) {
      stream.write(`\r${line(done, total)}`);
      return;
    }
    const decile = total ? Math.floor((10 * done) / total) : 10;
    if (decile !== lastDecile) {
      lastDecile = decile;
      stream.write(`${line(done, total)}\n`);
    }
  }) as Progress & { finish(): void };
  report.finish = () => {
    if (stream.isTTY) stream.write(`\r${line(last.done, last.total)}\n`);
  };
  return report;
}

/** For tests and callers that want the numbers, not the printing. */
export function recordingProgress(): Progress & { events: Array<[number, number]> } {
  const events: Array<[number, number]> = [];
  const report = ((done: number, total: number) => {
    events.push([done, total]);
  }) as unknown as Progress & { events: Array<[number, number]> };
  report.events = events;
  return report;
}
