import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { NotFoundFallback } from './error-handler.ts';

/** True when the web app has been built (`npm run build:web`). */
export function hasWebBuild(webDist: string): boolean {
  return fs.existsSync(path.join(webDist, 'index.html'));
}

/** Serves the built web app; hashed assets are cached for a year, index.html never (new releases show at once). */
export async function serveWebApp(app: FastifyInstance, webDist: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webDist,
    prefix: '/',
    // `/` is the app's entry page (with index: false the folder itself answered 403).
    index: ['index.html'],
    setHeaders(reply, filePath) {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}

/** Client-side routes (`/m/cases`, `/login`) are not files: answer page requests with index.html. */
export function spaFallback(webDist: string): NotFoundFallback {
  const servable = hasWebBuild(webDist);
  return (request: FastifyRequest, reply: FastifyReply) => {
    if (!servable || !isPageRequest(request)) return undefined;
    return reply.header('cache-control', 'no-cache').sendFile('index.html', webDist);
  };
}

function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const url = request.url;
  if (url.startsWith('/api/') || url.startsWith('/open311/') || url === '/api') return false;
  return String(request.headers.accept ?? '').includes('text/html');
}
