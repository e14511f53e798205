// Requests of the soak: keep-alive agents, one per simulated source. Citizens' phones come from many loopback
// addresses (127.0.1.x), as reports from a county come from many carriers' addresses; the public write budget is
// per address and per device (rate-limit.ts), and a soak from one address would measure the limiter instead.
import http from 'node:http';

export interface Answer {
  status: number;
  body: string;
  ms: number;
}

export function agentFrom(localAddress?: string, sockets = 16): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: sockets, ...(localAddress ? { localAddress } : {}) });
}

export function send(
  agent: http.Agent,
  baseUrl: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Answer> {
  const headers: Record<string, string | number> = { ...options.headers };
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    headers['content-length'] = Buffer.byteLength(options.body);
  }
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(new URL(path, baseUrl), { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          ms: performance.now() - started,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
