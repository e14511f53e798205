import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { cacheControlFor, pageFor, readWebEntries } from './static-web.ts';

/** A small build as `npm run build:web` lays it out: two entry pages, hashed assets, each text file also as .br/.gz. */
function writeBuild(): string {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-web-'));
  const write = (name: string, text: string, compressed = true) => {
    const file = path.join(dist, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    if (!compressed) return;
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(text));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(text));
  };
  write('index.html', '<!doctype html><title>文明</title><div id="root"></div><script src="/assets/main-Ab12Cd34.js">');
  write('citizen.html', '<!doctype html><title>随手拍</title><div id="root"></div>');
  write('assets/main-Ab12Cd34.js', `console.log(${JSON.stringify('员工'.repeat(2000))});`);
  write('assets/small-Zz9_Yy8-.js', 'export{}', false);
  write('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
  write('.vite/manifest.json', '{"index.html":{"file":"assets/main-Ab12Cd34.js"}}');
  write('entries.json', JSON.stringify({ pages: [{ file: 'citizen.html', pathPrefixes: ['/report', '/track'] }] }));
  return dist;
}

const webDist = writeBuild();
const script = fs.readFileSync(path.join(webDist, 'assets', 'main-Ab12Cd34.js'));

describe('serving the web app', () => {
  const t = useTestApp({ serveWeb: true, config: { webDist } });
  const page = (url: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
  const asset = (url: string, acceptEncoding?: string) =>
    t.app.inject({
      method: 'GET',
      url,
      headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
    });

  it('keeps a missing asset a 404, even when a browser asks for a page', async () => {
    for (const headers of [{}, { accept: 'text/html' }]) {
      const res = await t.app.inject({ method: 'GET', url: '/assets/main-Gone0000.js', headers });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('<div id="root">');
    }
  });

  it('keeps unknown API paths JSON 404s', async () => {
    const api = await page('/api/nope');
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('not_found');
  });

  it('does not serve the build manifests', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/.vite/manifest.json' });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.body).not.toContain('main-Ab12Cd34');
  });

  it('sends the brotli file to a browser that accepts br', async () => {
    const res = await asset('/assets/main-Ab12Cd34.js', 'gzip, deflate, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(?:text|application)\/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(script.length / 4);
    expect(zlib.brotliDecompressSync(res.rawPayload).equals(script)).toBe(true);
  });

  it('sends the gzip file to a browser that accepts only gzip', async () => {
    const res = await asset('/assets/main-Ab12Cd34.js', 'gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.gunzipSync(res.rawPayload).equals(script)).toBe(true);
  });

  it('sends the file itself to a client that accepts no encoding, and when no compressed file exists', async () => {
    for (const acceptEncoding of [undefined, 'identity']) {
      const res = await asset('/assets/main-Ab12Cd34.js', acceptEncoding);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.rawPayload.equals(script)).toBe(true);
    }
    const small = await asset('/assets/small-Zz9_Yy8-.js', 'br');
    expect(small.statusCode).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body).toBe('export{}');
  });

  it('caches hashed assets for a year in every encoding, and revalidates everything else', async () => {
    for (const acceptEncoding of ['br', 'gzip', undefined]) {
      const res = await asset('/assets/main-Ab12Cd34.js', acceptEncoding);
      expect(res.headers['cache-control'], acceptEncoding).toBe('public, max-age=31536000, immutable');
    }
    for (const url of ['/favicon.svg', '/index.html', '/citizen.html']) {
      const res = await asset(url, 'br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers.etag ?? res.headers['last-modified'], url).toBeTruthy();
    }
  });

  it('answers / with the staff entry page, compressed and never cached', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/',
      headers: { accept: 'text/html', 'accept-encoding': 'br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toContain('<title>文明</title>');
  });

  it('answers the staff app routes with the staff entry page', async () => {
    for (const url of ['/login', '/m/cases', '/m/cases/123?tab=timeline', '/reporting', '/trackers/1']) {
      const res = await page(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<title>文明</title>');
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it("answers the residents' pages with the light citizen entry, compressed when accepted", async () => {
    for (const url of ['/report', '/report?from=poster', '/track', '/track/', '/track/YL2026000123?code=ABCD']) {
      const res = await page(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<title>随手拍</title>');
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    const compressed = await t.app.inject({
      method: 'GET',
      url: '/report',
      headers: { accept: 'text/html', 'accept-encoding': 'gzip' },
    });
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(compressed.rawPayload).toString()).toContain('<title>随手拍</title>');
  });
});

describe('which page answers which path', () => {
  const entries = readWebEntries(webDist);

  it('reads the light entry and its prefixes from entries.json', () => {
    expect(entries.pages).toEqual([{ file: 'citizen.html', pathPrefixes: ['/report', '/track'] }]);
    expect(pageFor('/report', entries)).toBe('citizen.html');
    expect(pageFor('/track/YL1', entries)).toBe('citizen.html');
    expect(pageFor('/reports', entries)).toBe('index.html');
    expect(pageFor('/', entries)).toBe('index.html');
    expect(pageFor('/m/report', entries)).toBe('index.html');
  });

  it('falls back to the staff entry alone when entries.json is missing, damaged or names what is not there', () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-web-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html>');
    expect(readWebEntries(dist).pages).toEqual([]);
    fs.writeFileSync(path.join(dist, 'entries.json'), '{not json');
    expect(readWebEntries(dist).pages).toEqual([]);
    fs.writeFileSync(
      path.join(dist, 'entries.json'),
      JSON.stringify({
        pages: [
          { file: 'citizen.html', pathPrefixes: ['/report'] },
          { file: '../etc/passwd', pathPrefixes: ['/x'] },
          { file: 'index.html', pathPrefixes: ['report'] },
        ],
      }),
    );
    expect(readWebEntries(dist).pages).toEqual([]);
    expect(pageFor('/report', readWebEntries(dist))).toBe('index.html');
  });

  it('marks only content-hashed assets immutable', () => {
    const immutable = 'public, max-age=31536000, immutable';
    expect(cacheControlFor('/srv/web/dist/assets/antd-C-1-uCkD.js')).toBe(immutable);
    expect(cacheControlFor('/srv/web/dist/assets/antd-C-1-uCkD.js.br')).toBe(immutable);
    expect(cacheControlFor('/srv/web/dist/assets/main-BxJldX0n.css.gz')).toBe(immutable);
    expect(cacheControlFor('/srv/web/dist/index.html')).toBe('no-cache');
    expect(cacheControlFor('/srv/web/dist/citizen.html.br')).toBe('no-cache');
    expect(cacheControlFor('/srv/web/dist/favicon.svg')).toBe('no-cache');
    expect(cacheControlFor('/srv/web/dist/assets/logo.svg')).toBe('no-cache');
  });
});
