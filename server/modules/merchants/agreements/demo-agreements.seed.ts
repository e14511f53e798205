import { createHash, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { SystemRead } from '../../../platform/access/record-scope.ts';
import {
  addDays,
  type LocalDate,
  shanghaiDayOf,
  startOfDayMs,
  yearOf,
} from '../../../platform/calendar/shanghai-time.ts';
import type { Ctx } from '../../../platform/context.ts';
import { decryptColumnValue, sealColumnValue } from '../../../platform/pii/column-crypto.ts';
import { SeededRandom } from '../../../platform/seed/random.ts';
import type { SeedStep } from '../../../platform/seed/seed-step.ts';
import { termEndOf } from './agreement-term.ts';
import {
  activeTemplate,
  countyHasAgreements,
  insertAgreements,
  merchantsToAgree,
  type NewAgreementRow,
  type TemplateRow,
} from './agreements.store.ts';

/** How the demo county's agreements stand today (the shares a campaign a year in typically shows). */
const standing = { inForce: 0.9, expiringSoon: 0.04 } as const; // the rest expired, not yet renewed
/** Of the expired ones, the share whose renewal is drawn up and waits for the operator's signature. */
const renewalDrafted = 0.3;

interface Signature {
  image: Buffer;
  sha256: string;
  width: number;
  height: number;
}

/** A few hand-drawn-looking signatures (strokes on white, as the phone's canvas sends them), reused across shops. */
async function demoSignatures(random: SeededRandom, count = 12): Promise<Signature[]> {
  const signatures: Signature[] = [];
  for (let i = 0; i < count; i++) {
    const y = () => random.int(40, 200);
    const path = `M30 ${y()} C 120 ${y()}, 200 ${y()}, 280 ${y()} S 440 ${y()}, 570 ${y()}`;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="240"><rect width="600" height="240" fill="white"/><path d="${path}" stroke="black" stroke-width="7" fill="none"/></svg>`;
    const image = await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
    signatures.push({ image, sha256: createHash('sha256').update(image).digest('hex'), width: 600, height: 240 });
  }
  return signatures;
}

type Kind = 'inForce' | 'expiringSoon' | 'expired';

function kindOf(random: SeededRandom): Kind {
  const r = random.next();
  if (r < standing.inForce) return 'inForce';
  return r < standing.inForce + standing.expiringSoon ? 'expiringSoon' : 'expired';
}

/** The term a demo agreement was signed for, placed so that it stands as `kind` today. */
function termFor(
  kind: Kind,
  today: LocalDate,
  months: number,
  random: SeededRandom,
): { start: LocalDate; end: LocalDate } {
  const startFromEnd = (end: LocalDate) => addDays(termEndOf(end, -months), 2);
  if (kind === 'inForce') {
    const start = addDays(today, -random.int(0, 330));
    return { start, end: termEndOf(start, months) };
  }
  if (kind === 'expiringSoon') {
    const end = addDays(today, random.int(1, 29));
    return { start: startFromEnd(end), end };
  }
  const end = addDays(today, -random.int(1, 200));
  return { start: startFromEnd(end), end };
}

/**
 * The demo county's 门前三包责任书: one for every merchant in business (the page's 2,360), from the active template,
 * zoned by the shop's frontage; most in force, some ending within 30 days (the reminders), some expired and not
 * renewed (a third of those with a renewal drawn up, waiting for the operator's signature) — so the coverage report has gaps to show. Signed at the shop, on
 * a phone: the signer is the operator (sealed as a signing seals it), the evidence a drawn signature.
 */
export const demoAgreementsSeed: SeedStep = {
  name: 'merchant agreements',
  async run(ctx, options, progress) {
    if (await countyHasAgreements(ctx.db, ctx.countyCode)) return progress(0, 0);
    const template = await activeTemplate(ctx.db, ctx.countyCode);
    if (!template) throw new Error('the demo agreements need the active template (reference data)');
    const merchants = await merchantsToAgree(ctx.db, ctx.countyCode, SystemRead('demo-seed'));
    const random = new SeededRandom(options.seed).fork('merchant agreements');
    const signatures = await demoSignatures(random.fork('signatures'));
    const today = shanghaiDayOf(ctx.clock());
    const rows = merchants.flatMap((merchant, i) => {
      const kind = kindOf(random);
      const signature = signatures[i % signatures.length] as Signature;
      const signed = agreementRow(ctx, template, merchant, { kind, today, random, signature });
      if (kind !== 'expired' || !random.chance(renewalDrafted)) return [signed];
      return [signed, renewalDraft(ctx, signed, today, template.termMonths)];
    });
    // The signed agreements and the renewal drafts: the progress counts rows written.
    progress(0, rows.length);
    for (let start = 0; start < rows.length; start += 500) {
      const batch = rows.slice(start, start + 500);
      for (const year of new Set(batch.map((row) => yearOf(row.termStart)))) {
        await insertAgreements(
          ctx.db,
          batch.filter((row) => yearOf(row.termStart) === year),
          year,
        );
      }
      progress(start + batch.length, rows.length);
    }
  },
};

function agreementRow(
  ctx: Ctx,
  template: TemplateRow,
  merchant: Awaited<ReturnType<typeof merchantsToAgree>>[number],
  draw: { kind: Kind; today: LocalDate; random: SeededRandom; signature: Signature },
): NewAgreementRow {
  const { kind, today, random, signature } = draw;
  const term = termFor(kind, today, template.termMonths, random);
  const signedAt = new Date(startOfDayMs(term.start) + random.int(9, 17) * 3_600_000);
  const signer = decryptColumnValue(ctx.keyring, 'merchants_merchant', 'operator_name_enc', merchant.operatorNameEnc);
  const createdAt = new Date(signedAt.getTime() - random.int(1, 72) * 3_600_000);
  return {
    regionCode: ctx.countyCode,
    id: randomUUID(),
    merchantId: merchant.id,
    templateVersion: template.version,
    title: template.title,
    duties: template.duties,
    clauses: template.clauses,
    zoneLengthDm: merchant.frontageDm ?? random.int(40, 120),
    zoneDepthDm: random.int(30, 80),
    zoneDescription: `${merchant.address}门前：东西至店面两侧墙基延长线，南至店面墙基，北至人行道路沿`,
    townshipCode: merchant.townshipCode,
    villageCode: merchant.locationCode,
    termStart: term.start,
    termEnd: term.end,
    status: 'signed',
    renews: null,
    signedAt,
    signedBy: null,
    signerNameEnc: sealColumnValue(ctx.keyring, 'merchants_agreement', 'signer_name_enc', signer).value,
    signatureKind: 'onscreen',
    signatureImage: signature.image,
    signatureSha256: signature.sha256,
    signatureWidth: signature.width,
    signatureHeight: signature.height,
    terminatedAt: null,
    terminationReason: null,
    // Not yet reminded: the reminders job's first tick in the demo sends the to-dos of those ending within 30 days.
    remindedAt: null,
    createdAt,
    createdBy: null,
    updatedAt: signedAt,
  };
}

/** The renewal of an expired agreement, drawn up today with the same zone for the next term, not yet signed. */
function renewalDraft(ctx: Ctx, old: NewAgreementRow, today: LocalDate, months: number): NewAgreementRow {
  return {
    ...old,
    id: randomUUID(),
    termStart: today,
    termEnd: termEndOf(today, months),
    status: 'draft',
    renews: old.id,
    signedAt: null,
    signerNameEnc: null,
    signatureKind: null,
    signatureImage: null,
    signatureSha256: null,
    signatureWidth: null,
    signatureHeight: null,
    createdAt: ctx.clock(),
    updatedAt: ctx.clock(),
  };
}
