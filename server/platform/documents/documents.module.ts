import type { ModuleManifest } from '../module.ts';
import { documentsMessages } from './documents.messages.ts';
import { registerVerifyRoutes } from './documents.routes.ts';

/**
 * Printable documents (PDF and .docx from one model) and their public verification: the kinds come from the
 * modules' manifests (`documents`), each module exposes its own print, list and revoke routes (document-routes.ts);
 * this part owns the verification API.
 */
export const documentsManifest: ModuleManifest = {
  key: 'documents',
  title: { zh: '文书与核验', en: 'Documents and verification' },
  routes: [registerVerifyRoutes],
  messages: [documentsMessages],
};
