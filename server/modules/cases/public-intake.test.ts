import http from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { publicReportBodyLimit } from './body-limits.ts';
import { jpegBase64, prepareCases, reportBody } from './cases.test-support.ts';
import { publicUploadUrl, uploadPhoto, phonePhoto } from './photo-uploads/uploads.test-support.ts';
import { publicIntakePerHour } from './public-intake.ts';

type Headers = Record<string, string>;

/** Anonymous reports and uploads: per-client budgets, per-client idempotency keys, proportionate body limits. */
describe('public intake', () => {
  const t = useTestApp();
  beforeAll(async () => {
    await prepareCases(t);
  });

  /** A citizen's report from `address`, answered in English. */
  const report = (address: string, body: unknown, headers: Headers = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/public/cases',
      remoteAddress: address,
      headers: { 'accept-language': 'en', ...headers },
      payload: body as object,
    });

  describe('budgets: reports and photos counted together, per phone and per address', () => {
    it('400 for a malformed device id, on its header', async () => {
      const res = await report('198.51.100.1', await reportBody(), { 'x-device-id': 'no spaces allowed here' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual({ 'X-Device-Id': 'The device id must be 16–64 letters, digits, - or _' });
    });

    it('25 reports from one address without a device id: the later ones are 429 with Retry-After, in the caller’s language', async () => {
      const body = await reportBody();
      const answers: number[] = [];
      for (let i = 0; i < 25; i++) answers.push((await report('198.51.100.2', body)).statusCode);
      // each report is 1 plus its inline photo: 15 fit in the budget, every later one is refused before its body is read
      const accepted = publicIntakePerHour.device / 2;
      expect(answers.slice(0, accepted).every((s) => s === 201)).toBe(true);
      expect(answers.slice(accepted).every((s) => s === 429)).toBe(true);
      const zh = await report('198.51.100.2', body, { 'accept-language': 'zh-CN' });
      expect(zh.statusCode).toBe(429);
      expect(zh.headers['retry-after']).toBe('3600');
      expect(zh.json().error).toEqual({ code: 'rate_limited', message: '提交过于频繁，请 60 分钟后再试' });
      // the address itself is far from its own (CGNAT-sized) budget: a phone that names itself still gets through
      expect((await report('198.51.100.2', body, { 'x-device-id': 'citizen-phone-000000001' })).statusCode).toBe(201);
      t.clock.advanceMinutes(61);
      expect((await report('198.51.100.2', body)).statusCode).toBe(201);
    });

    it('inline photos count like uploaded ones: a phone that sent 27 photos inline may upload only what is left', async () => {
      const phone = { 'x-device-id': 'citizen-phone-000000002' };
      const nine = await Promise.all(Array.from({ length: 9 }, () => jpegBase64()));
      const full = await reportBody({ photos: nine.map((data) => ({ data })) });
      for (let i = 0; i < 3; i++) expect((await report('198.51.100.3', full, phone)).statusCode).toBe(201);
      const upload = await t.app.inject({
        method: 'POST',
        url: publicUploadUrl,
        remoteAddress: '198.51.100.3',
        headers: { 'content-type': 'image/jpeg', ...phone },
        payload: await phonePhoto(),
      });
      expect(upload.statusCode).toBe(429);
      expect(Number(upload.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  describe('idempotency keys of anonymous clients', () => {
    it('stores no tracking code in clear, and a retry from the same phone gets the same code back', async () => {
      const phone = { 'x-device-id': 'citizen-phone-000000003', 'idempotency-key': 'report-0001-abcdef' };
      const body = await reportBody({ description: '井盖缺失' });
      const first = await report('198.51.100.4', body, phone);
      expect(first.statusCode, first.body).toBe(201);
      const { caseNo, trackingToken } = first.json();
      const stored = await t.db.database.query<Record<string, unknown>>('select * from idempotency_record');
      expect(stored.length).toBeGreaterThan(0);
      expect(JSON.stringify(stored)).not.toContain(trackingToken);
      const again = await report('198.51.100.4', body, phone);
      expect(again.json()).toMatchObject({ caseNo, trackingToken });
      // The replay says so, as every idempotent write does (defineRoute); this copy used to leave it out.
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      expect(again.headers['idempotent-replayed']).toBe('true');
    });

    it('two phones that pick the same key never collide nor see each other’s answer', async () => {
      const key = { 'idempotency-key': 'shared-key-0001' };
      const body = await reportBody({ description: '路灯不亮' });
      const a = await report('198.51.100.5', body, { ...key, 'x-device-id': 'citizen-phone-00000000a' });
      const b = await report('198.51.100.5', await reportBody({ description: '另一件事' }), {
        ...key,
        'x-device-id': 'citizen-phone-00000000b',
      });
      const c = await report('198.51.100.5', body, { ...key, 'x-device-id': 'citizen-phone-00000000c' });
      expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([201, 201, 201]);
      expect(new Set([a.json().caseNo, b.json().caseNo, c.json().caseNo]).size).toBe(3);
      expect(c.json().trackingToken).not.toBe(a.json().trackingToken);
      // without a device id, each address is its own client
      const fromOne = await report('198.51.100.6', body, key);
      const fromOther = await report('198.51.100.7', body, key);
      expect(fromOther.json().caseNo).not.toBe(fromOne.json().caseNo);
    });
  });

  describe('body limits', () => {
    it('answers parallel oversized bodies with 413 from their declared size, without waiting for (or keeping) their bytes', async () => {
      const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
      const declared = 200 * 1024 * 1024;
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          sendDeclared(`${base}/api/public/cases`, declared, { 'x-device-id': `big-body-phone-00000${i}` }),
        ),
      );
      for (const answer of answers) {
        expect(answer.status).toBe(413);
        expect(JSON.parse(answer.body).error).toEqual({
          code: 'payload_too_large',
          message: `The request body is too large (limit ${Math.round(publicReportBodyLimit / 1048576)} MB)`,
        });
        expect(answer.sent).toBeLessThan(publicReportBodyLimit);
      }
      // sent without a Content-Length, a body is read only until it passes the limit
      const streamed = await sendStreamed(`${base}/api/public/cases`, 3 * publicReportBodyLimit, {
        'x-device-id': 'big-body-phone-streamed',
      });
      // The server answers 413 and closes. Whether the client reads that answer or first hits the reset of the
      // closed socket (EPIPE while still writing) depends on the kernel's socket buffers; both show a server that
      // stopped reading, and one that buffered the body would take all 3 × limit before either.
      expect([413, closedByServer]).toContain(streamed.status);
      expect(streamed.sent).toBeLessThan(2 * publicReportBodyLimit);
    });

    it('a photo upload over the photo limit is refused before it is read, as before', async () => {
      const huge = await uploadPhoto(t, publicUploadUrl, null, Buffer.alloc(10 * 1_048_576 + 1, 0xff), {
        'x-device-id': 'big-photo-phone-000001',
      });
      expect(huge.statusCode).toBe(413);
    });
  });
});

interface Answer {
  status: number;
  body: string;
  /** Bytes of the body written before the answer came. */
  sent: number;
}

/** Declares `declared` bytes and sends 64 KB of them: a server that buffered the body would never answer. */
function sendDeclared(url: string, declared: number, headers: Headers): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(declared),
        'accept-language': 'en',
        ...headers,
      },
    });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    request.on('response', (response) => collect(response, chunk.length, request, resolve));
    request.on('error', (error) => (isReset(error) ? undefined : reject(error)));
    request.write(chunk);
  });
}

/** Streams up to `total` bytes in 1 MB chunks (chunked encoding, no Content-Length), stopping at the answer. */
function sendStreamed(url: string, total: number, headers: Headers): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en', ...headers },
    });
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    let answered = false;
    request.on('response', (response) => {
      answered = true;
      collect(response, sent, request, resolve);
    });
    request.on('error', (error) =>
      isReset(error) ? resolve({ status: closedByServer, body: '', sent }) : reject(error),
    );
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once('drain', pump);
      }
      if (!answered) request.end();
    };
    pump();
  });
}

function collect(
  response: http.IncomingMessage,
  sent: number,
  request: http.ClientRequest,
  resolve: (answer: Answer) => void,
): void {
  const parts: Buffer[] = [];
  response.on('data', (part: Buffer) => parts.push(part));
  response.on('end', () => {
    request.destroy();
    resolve({ status: response.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8'), sent });
  });
}

/** The status an answer gets when the server closed the connection before the client could read a response. */
const closedByServer = 0;

function isReset(error: Error): boolean {
  return ['ECONNRESET', 'EPIPE'].includes((error as NodeJS.ErrnoException).code ?? '');
}
