import { api } from '../api.ts';

export interface RevealRequest {
  objectType: string;
  objectId: string;
  fields: string[];
  reason: string;
}

/** The server refuses shorter reasons (server: pii/reveal.ts minReasonLength). */
export const minRevealReasonLength = 4;

/** How long a revealed value stays on screen before it is masked again. */
export const revealSeconds = 30;

/** Audited on the server with the reason; the values themselves are never logged. */
export function revealPersonalData(request: RevealRequest): Promise<{ values: Record<string, string> }> {
  return api.post<{ values: Record<string, string> }>('/api/pii/reveal', request);
}
