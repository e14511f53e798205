import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { NotFoundFallback } from './error-handler.ts';

/** True when the web app has been built (`npm run build:web`). */
export function hasWebBuild(webDist: string): boolean {
  return fs.existsSync(path.join(webDist, 'index.html'));
}

/** Hashed build output (`assets/name-Hash.js`): its name changes with its content, so it may be kept for a year. */
const hashedAsset = /[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.\w+(?:\.(?:br|gz))?$/;

/** `Cache-Control` of a file of the build: hashed assets forever, everything else revalidated on each use. */
export function cacheControlFor(filePath: string): string {
  return hashedAsset.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Serves the built web app. Each text file was compressed at build time (`web/vite.config.ts`: `.br`, `.gz`
 * beside it), and the one the browser accepts is sent with `Content-Encoding` and `Vary: accept-encoding`: no
 * compression per request, and ~4× fewer bytes on a phone's first visit. Hashed assets are cached for a year;
 * pages never (a release shows at once). The build's manifests (`/.vite/`) are not served.
 */
export async function serveWebApp(app: FastifyInstance, webDist: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webDist,
    prefix: '/',
    // `/` is the app's entry page (with index: false the folder itself answered 403).
    index: ['index.html'],
    preCompressed: true,
    allowedPath: (pathName) => !pathName.startsWith('/.vite'),
    setHeaders(reply, filePath) {
      reply.header('cache-control', cacheControlFor(filePath));
    },
  });
}

/** Which page answers which paths (`dist/entries.json`, written by the build): the residents' light entry. */
export interface WebEntries {
  pages: ReadonlyArray<{ file: string; pathPrefixes: readonly string[] }>;
  fallback: string;
}

const staffOnly: WebEntries = { pages: [], fallback: 'index.html' };

/** Reads `entries.json`; a build without it (or a damaged one) has the staff entry only. */
export function readWebEntries(webDist: string): WebEntries {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(webDist, 'entries.json'), 'utf8')) as Partial<WebEntries>;
    const pages = (parsed.pages ?? []).filter(
      (page) =>
        typeof page.file === 'string' &&
        /^[\w-]+\.html$/.test(page.file) &&
        fs.existsSync(path.join(webDist, page.file)) &&
        Array.isArray(page.pathPrefixes) &&
        page.pathPrefixes.every((prefix) => typeof prefix === 'string' && /^\/[\w-]+$/.test(prefix)),
    );
    return { pages, fallback: 'index.html' };
  } catch {
    return staffOnly;
  }
}

/** The page for a client-side route: the first entry one of whose prefixes is the path or a parent of it. */
export function pageFor(pathname: string, entries: WebEntries): string {
  const page = entries.pages.find((candidate) =>
    candidate.pathPrefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`)),
  );
  return page?.file ?? entries.fallback;
}

/**
 * Client-side routes (`/m/cases`, `/login`, `/report`) are not files: answer page requests with the entry page
 * that routes them — `citizen.html` for the residents' pages, `index.html` otherwise.
 */
export function spaFallback(webDist: string): NotFoundFallback {
  const servable = hasWebBuild(webDist);
  const entries = servable ? readWebEntries(webDist) : staffOnly;
  return (request: FastifyRequest, reply: FastifyReply) => {
    if (!servable || !isPageRequest(request)) return undefined;
    const page = pageFor(request.url.split(/[?#]/, 1)[0] ?? '/', entries);
    return reply.header('cache-control', 'no-cache').sendFile(page, webDist);
  };
}

function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const url = request.url;
  if (url.startsWith('/api/') || url.startsWith('/open311/') || url === '/api') return false;
  // A missing script or style is a 404, never a page: a stale tab asking for last release's chunk must fail
  // loudly (and reload), not parse HTML as JavaScript.
  if (url.startsWith('/assets/') || url.startsWith('/.vite/')) return false;
  return String(request.headers.accept ?? '').includes('text/html');
}
