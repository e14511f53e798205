import net from 'node:net';

/**
 * A TCP relay between the app and PostgreSQL that a test can cut, stall and restore: a database outage on demand.
 */
export interface TcpProxy {
  readonly port: number;
  /** `url` (a postgres:// URL) sent through this proxy instead. */
  through(url: string): string;
  /**
   * The database is gone: every open connection is reset, and new ones are accepted and reset at once (the port
   * stays ours, so nothing else can take it meanwhile). The client sees what a crashed or stopped server gives.
   */
  cut(): void;
  /**
   * The database hangs: open connections stop relaying and new ones are accepted, but every byte either way is
   * swallowed and nothing is answered, and no connection closes. The client sees a hung network path or a frozen
   * primary: only its own timeouts end a wait.
   */
  stall(): void;
  /**
   * The database is back: new connections are relayed again. Connections stalled meanwhile lost bytes, so they
   * cannot resume: they are reset now, as a restarted or failed-over primary would.
   */
  restore(): void;
  close(): Promise<void>;
}

/** One client connection and what it is relayed to; `stall` turns it into a black hole until `reset`. */
interface Link {
  stalled: boolean;
  stall(): void;
  reset(): void;
}

const discard = () => {};

/** Listens on a free loopback port and relays every connection to `target` while neither cut nor stalled. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const links = new Set<Link>();
  let state: 'relaying' | 'cut' | 'stalled' = 'relaying';
  const server = net.createServer((client) => {
    // A reset is the point of the exercise: the other side is closed with it, nothing is thrown.
    client.on('error', discard);
    if (state === 'cut') {
      client.resetAndDestroy();
      return;
    }
    const link = state === 'stalled' ? swallowedLink(client) : relayedLink(client, target);
    links.add(link);
    client.on('close', () => links.delete(link));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const resetAll = () => {
    for (const link of links) link.reset();
  };
  return {
    port,
    through(url) {
      const proxied = new URL(url);
      proxied.hostname = '127.0.0.1';
      proxied.port = String(port);
      return proxied.toString();
    },
    cut() {
      state = 'cut';
      resetAll();
    },
    stall() {
      state = 'stalled';
      for (const link of links) link.stall();
    },
    restore() {
      state = 'relaying';
      for (const link of links) if (link.stalled) link.reset();
    },
    close() {
      resetAll();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function relayedLink(client: net.Socket, target: { host: string; port: number }): Link {
  const upstream = net.connect(target.port, target.host);
  upstream.on('error', discard);
  client.pipe(upstream).pipe(client);
  client.on('close', () => upstream.destroy());
  upstream.on('close', () => client.destroy());
  return {
    stalled: false,
    stall() {
      if (this.stalled) return;
      this.stalled = true;
      client.unpipe(upstream);
      upstream.unpipe(client);
      // Read and drop, so neither side sees back-pressure or a close: the bytes simply never arrive.
      for (const socket of [client, upstream]) socket.on('data', discard).resume();
    },
    reset() {
      client.resetAndDestroy();
      upstream.resetAndDestroy();
    },
  };
}

/** A connection accepted while stalled: it never reaches the database, and nothing it sends is answered. */
function swallowedLink(client: net.Socket): Link {
  client.on('data', discard);
  return { stalled: true, stall: discard, reset: () => client.resetAndDestroy() };
}

/** Host and port of a postgres:// URL (the proxy's target). */
export function postgresAddress(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname || '127.0.0.1', port: Number(parsed.port || 5432) };
}
