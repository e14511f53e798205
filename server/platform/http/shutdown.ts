import type { FastifyInstance } from 'fastify';
import type { MessageCatalogue } from '../i18n/locale.ts';
import { AppError } from './app-error.ts';

/** Its messages, listed by the system manifest that installs them (no registration on import). */
export const shuttingDownMessages: MessageCatalogue = {
  zh: { 'error.shutting_down': '服务正在停止，请稍后重试' },
  en: { 'error.shutting_down': 'The server is shutting down; please try again shortly' },
};

/**
 * How long a client should wait before retrying (RFC 9110 §10.2.3): behind a load balancer another instance
 * answers at once; a lone instance restarted by its supervisor serves again within seconds.
 */
export const shutdownRetryAfterSeconds = 5;

/** The 503 a request gets from a server that is stopping, in the caller's language. */
export function shuttingDown(): AppError {
  return new AppError(503, 'shutting_down', 'error.shutting_down', { retryAfterSeconds: shutdownRetryAfterSeconds });
}

/** Where the app is in a graceful stop (serve.ts drives it: SIGTERM → unready → pre-stop delay → close). */
export interface StopState {
  /** Load balancers should stop sending: `/readyz` answers 503 `shutting_down`; every other request is served. */
  unready: boolean;
  /** The listener is closing: a request that still arrives, on a connection already open, is refused. */
  closing: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    stopState: StopState;
  }
}

/**
 * Gives a closing app our answers instead of Fastify's bare 503 (`return503OnClosing: false` in app.ts): a
 * request arriving on a kept-alive or pipelined connection once the listener closes gets `shutting_down` with
 * `Retry-After` and `Connection: close`; a request already in flight finishes normally, and its connection closes
 * after the answer, since Node closes only the connections idle at the moment of closing and a kept-alive one
 * would hold the stop open until its keep-alive timeout. Installed before identity, so a refused request reads
 * nothing from the database.
 */
export function installShutdownAnswer(app: FastifyInstance): void {
  const state: StopState = { unready: false, closing: false };
  app.decorate('stopState', state);
  app.addHook('preClose', async () => {
    state.unready = true;
    state.closing = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (!state.closing) return;
    reply.header('connection', 'close');
    throw shuttingDown();
  });
  app.addHook('onSend', async (_request, reply) => {
    if (state.closing) reply.header('connection', 'close');
  });
}

/** SIGTERM's first step: unready for load balancers, still serving whoever sends anyway. */
export function beginStopping(app: FastifyInstance): void {
  app.stopState.unready = true;
}
