import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { tx } from '../../../platform/db/tx.ts';
import { inspectImage, type InspectedImage } from '../../../platform/files/image.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { sealColumnValue } from '../../../platform/pii/column-crypto.ts';
import { getAgreement, loadVisibleAgreement } from './agreement-read.ts';
import type { AgreementView, SignBody } from './agreements.schema.ts';
import { updateAgreement } from './agreements.store.ts';
import { staleAgreement } from './draw-up-agreement.ts';

/** A signature or a photo of the signed paper: at most 8 MB, decoded and re-encoded (EXIF gone) like any photo. */
const signatureLimits = { maxBytes: 8 * 1_048_576, maxPixels: 40_000_000 };

export interface CheckedSignature {
  body: SignBody;
  image: InspectedImage;
}

/** Decodes the evidence before the transaction (slow work must not hold the database). */
export async function checkSignature(body: SignBody): Promise<CheckedSignature> {
  const bytes = Buffer.from(body.signature.replace(/^data:image\/[a-z]+;base64,/, ''), 'base64');
  if (bytes.length === 0) throw AppError.field('signature', 'merchants.agreements.signature_required');
  if (body.signerName.trim() === '') throw AppError.field('signerName', 'field.required');
  const image = await inspectImage(bytes, { ...signatureLimits, field: 'signature' });
  return { body, image };
}

/**
 * 签订: the merchant's signer signs (on the screen, or the signed paper is photographed) in front of the staff member
 * who records it; the agreement takes effect over its term. The signer's name is sealed; the evidence is kept
 * with its digest so the printed agreement can show it and a later copy can be compared.
 */
export async function signAgreement(ctx: Ctx, agreementId: string, checked: CheckedSignature): Promise<AgreementView> {
  await tx(ctx, async (t) => {
    const draft = await loadVisibleAgreement(t, agreementId);
    if (draft.status !== 'draft') throw AppError.field('agreementId', 'merchants.agreements.not_draft');
    const now = t.clock();
    const signed = await updateAgreement(t.db, t.countyCode, draft.id, checked.body.revision, {
      status: 'signed',
      signedAt: now,
      signedBy: t.actor?.kind === 'user' ? t.actor.id : null,
      signerNameEnc: sealColumnValue(
        t.keyring,
        'merchants_agreement',
        'signer_name_enc',
        checked.body.signerName.trim(),
      ).value,
      signatureKind: checked.body.signatureKind,
      signatureImage: checked.image.bytes,
      signatureSha256: checked.image.sha256,
      signatureWidth: checked.image.width,
      signatureHeight: checked.image.height,
      updatedAt: now,
    });
    if (!signed) throw staleAgreement();
    await recordAudit(t, {
      eventType: 'merchants.agreement.sign',
      action: 'sign',
      objectType: 'agreement',
      objectId: draft.id,
      details: {
        agreementNo: draft.agreementNo,
        signatureKind: checked.body.signatureKind,
        signatureSha256: checked.image.sha256,
        signatureWidth: checked.image.width,
        signatureHeight: checked.image.height,
        term: `${draft.termStart}..${draft.termEnd}`,
      },
    });
  });
  return getAgreement(ctx, agreementId);
}

/** 解除: a signed agreement ends early (the shop moved, closed or changed hands), with the reason on record. */
export async function terminateAgreement(
  ctx: Ctx,
  agreementId: string,
  body: { revision: number; reason: string },
): Promise<AgreementView> {
  await tx(ctx, async (t) => {
    const row = await loadVisibleAgreement(t, agreementId);
    if (row.status !== 'signed') throw AppError.field('agreementId', 'merchants.agreements.not_signed');
    const now = t.clock();
    const ended = await updateAgreement(t.db, t.countyCode, row.id, body.revision, {
      status: 'terminated',
      terminatedAt: now,
      terminationReason: body.reason.trim(),
      updatedAt: now,
    });
    if (!ended) throw staleAgreement();
    await recordAudit(t, {
      eventType: 'merchants.agreement.terminate',
      action: 'update',
      objectType: 'agreement',
      objectId: row.id,
      details: { agreementNo: row.agreementNo },
    });
  });
  return getAgreement(ctx, agreementId);
}
