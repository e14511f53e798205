import net from 'node:net';

/** One answer read off a raw connection (a `100 Continue` included). */
export interface RawAnswer {
  status: number;
  /** Lower-cased names. */
  headers: Record<string, string>;
  body: string;
}

/**
 * An HTTP/1.1 connection written by hand, kept alive (HTTP/1.1's default): the test decides when each byte of a
 * request goes out, so it can hold a request in flight, or half-sent, across a server's stop. Node's client
 * cannot: it sends a request whole and closes or pools the connection as it sees fit.
 */
export interface RawConnection {
  send(text: string): void;
  /** Resolves once `count` answers (1xx included) have arrived whole; rejects if the connection closes first. */
  answers(count: number): Promise<RawAnswer[]>;
  /** Resolves when the server has closed the connection. */
  readonly closed: Promise<void>;
  destroy(): void;
}

export function openRawConnection(port: number): Promise<RawConnection> {
  const socket = net.connect(port, '127.0.0.1');
  let received = Buffer.alloc(0);
  let ended = false;
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const waiter of waiters) waiter();
  };
  socket.on('data', (chunk: Buffer) => {
    received = Buffer.concat([received, chunk]);
    wake();
  });
  const closed = new Promise<void>((resolve) =>
    socket.once('close', () => {
      ended = true;
      wake();
      resolve();
    }),
  );
  socket.on('error', () => {});
  const connection: RawConnection = {
    send: (text) => socket.write(text),
    answers: (count) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const parsed = parseAnswers(received);
          if (parsed.length >= count) {
            waiters.delete(check);
            resolve(parsed.slice(0, count));
          } else if (ended) {
            waiters.delete(check);
            reject(new Error(`the connection closed after ${parsed.length} of ${count} answers`));
          }
        };
        waiters.add(check);
        check();
      }),
    closed,
    destroy: () => socket.destroy(),
  };
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(connection));
    socket.once('error', reject);
  });
}

/** The whole answers in `bytes`, in order; bodies by Content-Length (what the app sends; no chunked answers). */
function parseAnswers(bytes: Buffer): RawAnswer[] {
  const answers: RawAnswer[] = [];
  let at = 0;
  for (;;) {
    const headEnd = bytes.indexOf('\r\n\r\n', at);
    if (headEnd < 0) return answers;
    const [statusLine = '', ...lines] = bytes.subarray(at, headEnd).toString('latin1').split('\r\n');
    const headers = Object.fromEntries(
      lines.map((line) => {
        const colon = line.indexOf(':');
        return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
      }),
    );
    const bodyStart = headEnd + 4;
    const bodyEnd = bodyStart + Number(headers['content-length'] ?? 0);
    if (bytes.length < bodyEnd) return answers;
    const status = Number(statusLine.split(' ')[1]);
    answers.push({ status, headers, body: bytes.subarray(bodyStart, bodyEnd).toString('utf8') });
    at = bodyEnd;
  }
}
