import { createHash } from 'node:crypto';
import { requireCountyWideScope } from '../../../platform/access/scope.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { tx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { dutySections, type TemplateBody, type TemplateView } from './agreements.schema.ts';
import { activateTemplate, findTemplate, insertTemplate, listTemplates, type TemplateRow } from './agreements.store.ts';
import { defaultTemplate } from './default-template.ts';

export function presentTemplate(row: TemplateRow): TemplateView {
  return {
    version: row.version,
    title: row.title,
    duties: row.duties,
    clauses: row.clauses,
    termMonths: row.termMonths,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    activatedAt: row.activatedAt?.toISOString() ?? null,
  };
}

export async function listTemplatesFor(ctx: Ctx): Promise<{ items: TemplateView[] }> {
  return { items: (await listTemplates(ctx.db, ctx.countyCode)).map(presentTemplate) };
}

/** 新版本: the county's wording is one for every township, so only county-wide staff write it (audited 403 else). */
export async function draftTemplate(ctx: Ctx, body: TemplateBody): Promise<TemplateView> {
  await requireCountyWideScope(ctx, { objectType: 'agreement_template', objectId: 'new' });
  const missing = dutySections.filter((section) => !body.duties.some((duty) => duty.section === section));
  if (missing.length > 0) throw AppError.field('duties', 'merchants.agreements.template_duties');
  return tx(ctx, async (t) => {
    const row = await insertTemplate(t.db, {
      regionCode: t.countyCode,
      title: body.title.trim(),
      duties: body.duties.map((duty) => ({ section: duty.section, text: duty.text.trim() })),
      clauses: body.clauses,
      termMonths: body.termMonths,
      status: 'draft',
      createdAt: t.clock(),
      createdBy: t.actor?.kind === 'user' ? t.actor.id : null,
      activatedAt: null,
    });
    await recordAudit(t, {
      eventType: 'merchants.template.draft',
      action: 'create',
      objectType: 'agreement_template',
      objectId: String(row.version),
    });
    return presentTemplate(row);
  });
}

/** 启用: the draft version becomes the one new agreements copy; the version before retires (signed ones keep theirs). */
export async function activateTemplateVersion(ctx: Ctx, version: number): Promise<TemplateView> {
  await requireCountyWideScope(ctx, { objectType: 'agreement_template', objectId: String(version) });
  return tx(ctx, async (t) => {
    const row = await findTemplate(t.db, t.countyCode, version);
    if (!row) throw AppError.notFound('what.agreement_template');
    if (row.status !== 'draft') throw AppError.field('version', 'merchants.agreements.template_not_draft');
    await activateTemplate(t.db, t.countyCode, version, t.clock());
    await recordAudit(t, {
      eventType: 'merchants.template.activate',
      action: 'update',
      objectType: 'agreement_template',
      objectId: String(version),
    });
    return presentTemplate((await findTemplate(t.db, t.countyCode, version)) as TemplateRow);
  });
}

/** Reference data: a county with no template gets the default wording as version 1, active (a second start adds none). */
export async function ensureDefaultTemplate(ctx: Ctx): Promise<void> {
  if ((await listTemplates(ctx.db, ctx.countyCode)).length > 0) return;
  await tx(ctx, async (t) => {
    const row = await insertTemplate(t.db, {
      regionCode: t.countyCode,
      ...defaultTemplate,
      status: 'draft',
      createdAt: t.clock(),
      createdBy: null,
      activatedAt: null,
    });
    await activateTemplate(t.db, t.countyCode, row.version, t.clock());
  });
}

export const defaultTemplateVersion = () =>
  createHash('sha256').update(JSON.stringify(defaultTemplate)).digest('hex').slice(0, 16);
