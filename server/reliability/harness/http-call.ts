import http from 'node:http';

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Call {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The loopback address to send from (127.x.y.z): each simulated phone its own, as behind different networks. */
  localAddress?: string;
}

/**
 * One request on a fresh connection (no keep-alive: a socket from before a kill would only add resets the
 * harness already covers). Resolves with the answer, or null when none came: refused, reset, or timed out —
 * the request may or may not have been written, which is exactly what the retry with the same key resolves.
 */
export function send(baseUrl: string, call: Call, timeoutMs = 30_000): Promise<Answer | null> {
  const url = new URL(call.path, baseUrl);
  const headers: Record<string, string | number> = { ...call.headers };
  if (call.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    headers['content-length'] = Buffer.byteLength(call.body);
  }
  return new Promise((resolve) => {
    const request = http.request(
      url,
      { method: call.method, headers, agent: false, timeout: timeoutMs, localAddress: call.localAddress },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', () => resolve(null));
      },
    );
    request.on('error', () => resolve(null));
    request.on('timeout', () => request.destroy());
    request.end(call.body);
  });
}
