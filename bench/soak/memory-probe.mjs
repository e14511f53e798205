// Preloaded into the soak's server (`node --import this-file bin/wenming.js serve`): writes the process's own
// memory figures to WENMING_MEMORY_PROBE every second, so the bench can read the heap, which /proc does not show.
import { writeFileSync } from 'node:fs';

const out = process.env.WENMING_MEMORY_PROBE;
if (out) {
  const write = () => writeFileSync(out, JSON.stringify({ at: Date.now(), ...process.memoryUsage() }));
  write();
  setInterval(write, 1000).unref();
}
