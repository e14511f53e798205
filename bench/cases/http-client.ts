import http from 'node:http';

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** From writing the request until the last byte of the answer. */
  ms: number;
}

/**
 * A keep-alive HTTP/1.1 client on a fixed number of sockets: `maxSockets` concurrent requests are that many
 * open connections, as a pool of phones or browser tabs would hold them. node:http rather than fetch so the
 * driver's own cost stays small next to the server it measures on the same cores.
 */
export class HttpClient {
  readonly agent: http.Agent;

  constructor(
    readonly baseUrl: string,
    sockets = 1,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
  }

  request(
    method: string,
    path: string,
    options: { headers?: Record<string, string>; body?: string | Buffer } = {},
  ): Promise<HttpResponse> {
    const url = new URL(path, this.baseUrl);
    const headers: Record<string, string | number> = { ...options.headers };
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      headers['content-length'] = Buffer.byteLength(options.body);
    }
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = http.request(url, { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
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

  async json<T>(
    method: string,
    path: string,
    options: { headers?: Record<string, string>; body?: unknown } = {},
  ): Promise<T> {
    const res = await this.request(method, path, {
      headers: options.headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${res.body.slice(0, 500)}`);
    return (res.body ? JSON.parse(res.body) : undefined) as T;
  }

  close(): void {
    this.agent.destroy();
  }
}
