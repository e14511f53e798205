// Preloaded into the soak's server (`node --import this-file bin/wenming.js serve`): writes the process's own
// memory figures to WENMING_MEMORY_PROBE every second, so the bench can read the heap, which /proc does not show.
import { renameSync, writeFileSync } from 'node:fs';

const out = process.env.WENMING_MEMORY_PROBE;
if (out) {
  // Written aside and renamed over: a reader never sees a half-written file (it did, once, after a 10-minute soak).
  const write = () => {
    writeFileSync(`${out}.tmp`, JSON.stringify({ at: Date.now(), ...process.memoryUsage() }));
    renameSync(`${out}.tmp`, out);
  };
  write();
  setInterval(write, 1000).unref();
}
