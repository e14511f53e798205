// Preloaded into the soak's server with --expose-gc (soak-server.ts): SIGUSR2 runs a full garbage collection, so
// the heap memory-probe.mjs reports next is what the process keeps, not garbage it has yet to collect.
if (typeof globalThis.gc === 'function') process.on('SIGUSR2', () => globalThis.gc());
