import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { Revealer } from '../../../platform/pii/reveal.ts';
import { loadVisibleAgreement, signerNameOf } from './agreement-read.ts';
import { revealSignerPermission } from './agreements.permissions.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function loadSignerName(ctx: Ctx, id: string): Promise<string | null> {
  if (!uuidPattern.test(id)) return null;
  try {
    return signerNameOf(ctx, await loadVisibleAgreement(ctx, id));
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return null;
    throw error;
  }
}

/** An agreement's signer (POST /api/pii/reveal, objectType 'agreement', field signerName). */
export const agreementRevealer: Revealer = {
  objectType: 'agreement',
  fields: { signerName: { category: 'name', permission: revealSignerPermission, load: loadSignerName } },
};
