import net from 'node:net';

/** A TCP relay between the app and PostgreSQL that a test can cut and restore: a database outage on demand. */
export interface TcpProxy {
  readonly port: number;
  /** `url` (a postgres:// URL) sent through this proxy instead. */
  through(url: string): string;
  /**
   * The database is gone: every open connection is reset, and new ones are accepted and reset at once (the port
   * stays ours, so nothing else can take it meanwhile). The client sees what a crashed or stopped server gives.
   */
  cut(): void;
  /** The database is back: new connections are relayed again. */
  restore(): void;
  close(): Promise<void>;
}

/** Listens on a free loopback port and relays every connection to `target` while not cut. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let down = false;
  const server = net.createServer((client) => {
    if (down) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      // A reset is the point of the exercise: the other side is closed with it, nothing is thrown.
      socket.on('error', () => {});
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const resetAll = () => {
    for (const socket of open) socket.resetAndDestroy();
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
      down = true;
      resetAll();
    },
    restore() {
      down = false;
    },
    close() {
      resetAll();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Host and port of a postgres:// URL (the proxy's target). */
export function postgresAddress(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname || '127.0.0.1', port: Number(parsed.port || 5432) };
}
