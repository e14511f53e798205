import { and, asc, count, desc, eq, gte, isNull, lt, lte, type SQL, sql } from 'drizzle-orm';
import { merchantsAgreement, merchantsAgreementTemplate, merchantsMerchant } from '../../../db/schema/merchants.ts';
import type { Db } from '../../../platform/db/database.ts';
import { regionSubtree } from '../../../platform/regions/region-scope.sql.ts';
import type { MerchantScope } from '../merchants.policy.ts';

export type AgreementRow = typeof merchantsAgreement.$inferSelect;
export type NewAgreementRow = Omit<typeof merchantsAgreement.$inferInsert, 'agreementNo' | 'revision'>;
export type TemplateRow = typeof merchantsAgreementTemplate.$inferSelect;

const a = merchantsAgreement;
const m = merchantsMerchant;

/** An agreement is visible where its merchant is: the merchant's place is the scope key. */
function merchantInScope(scope: MerchantScope): SQL {
  return scope.kind === 'actor' ? regionSubtree(m.locationCode, scope.region) : sql`true`;
}

const joinMerchant = and(eq(m.regionCode, a.regionCode), eq(m.id, a.merchantId));

// ── templates ──────────────────────────────────────────────────────────────────────────────────────────────────

export async function listTemplates(db: Db, county: string): Promise<TemplateRow[]> {
  return db
    .select()
    .from(merchantsAgreementTemplate)
    .where(eq(merchantsAgreementTemplate.regionCode, county))
    .orderBy(desc(merchantsAgreementTemplate.version));
}

export async function findTemplate(db: Db, county: string, version: number): Promise<TemplateRow | undefined> {
  const [row] = await db
    .select()
    .from(merchantsAgreementTemplate)
    .where(and(eq(merchantsAgreementTemplate.regionCode, county), eq(merchantsAgreementTemplate.version, version)));
  return row;
}

export async function activeTemplate(db: Db, county: string): Promise<TemplateRow | undefined> {
  const [row] = await db
    .select()
    .from(merchantsAgreementTemplate)
    .where(and(eq(merchantsAgreementTemplate.regionCode, county), eq(merchantsAgreementTemplate.status, 'active')));
  return row;
}

/** A new version, numbered after the last one (the template's primary key refuses a race). */
export async function insertTemplate(db: Db, row: Omit<TemplateRow, 'version'>): Promise<TemplateRow> {
  const [stored] = await db
    .insert(merchantsAgreementTemplate)
    .values({
      ...row,
      version: sql`(select coalesce(max(version), 0) + 1 from merchants_agreement_template where region_code = ${row.regionCode})`,
    })
    .returning();
  return stored as TemplateRow;
}

/** Makes `version` the active one and retires the one before (one statement: never two active, never none). */
export async function activateTemplate(db: Db, county: string, version: number, at: Date): Promise<void> {
  const t = merchantsAgreementTemplate;
  await db
    .update(t)
    .set({ status: 'retired' })
    .where(and(eq(t.regionCode, county), eq(t.status, 'active')));
  await db
    .update(t)
    .set({ status: 'active', activatedAt: at })
    .where(and(eq(t.regionCode, county), eq(t.version, version)));
}

// ── agreements ─────────────────────────────────────────────────────────────────────────────────────────────────

/** Inserts an agreement, numbering it MQ<year>-<sequence>. */
export async function insertAgreement(db: Db, row: NewAgreementRow, year: number): Promise<AgreementRow> {
  const [stored] = await db
    .insert(a)
    .values({
      ...row,
      agreementNo: sql`${`MQ${year}-`} || lpad(nextval('merchants_agreement_no_seq')::text, 6, '0')`,
    })
    .returning();
  return stored as AgreementRow;
}

/** Inserts many agreements at once (the demo seed), numbered like `insertAgreement`. */
export async function insertAgreements(db: Db, rows: readonly NewAgreementRow[], year: number): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(a).values(
    rows.map((row) => ({
      ...row,
      agreementNo: sql`${`MQ${year}-`} || lpad(nextval('merchants_agreement_no_seq')::text, 6, '0')`,
    })),
  );
}

export async function findAgreement(
  db: Db,
  county: string,
  scope: MerchantScope,
  id: string,
): Promise<AgreementRow | undefined> {
  const [row] = await db
    .select({ agreement: a })
    .from(a)
    .innerJoin(m, joinMerchant)
    .where(and(eq(a.regionCode, county), eq(a.id, id), merchantInScope(scope)));
  return row?.agreement;
}

export async function agreementExists(db: Db, county: string, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: a.id })
    .from(a)
    .where(and(eq(a.regionCode, county), eq(a.id, id)));
  return rows.length > 0;
}

/** A merchant's agreements, newest term first (the merchant is read in scope by the caller). */
export async function agreementsOfMerchant(db: Db, county: string, merchantId: string): Promise<AgreementRow[]> {
  return db
    .select()
    .from(a)
    .where(and(eq(a.regionCode, county), eq(a.merchantId, merchantId)))
    .orderBy(desc(a.termStart), desc(a.createdAt));
}

/** The merchant's draft, if one is being drawn up. */
export async function draftOfMerchant(db: Db, county: string, merchantId: string): Promise<AgreementRow | undefined> {
  const [row] = await db
    .select()
    .from(a)
    .where(and(eq(a.regionCode, county), eq(a.merchantId, merchantId), eq(a.status, 'draft')));
  return row;
}

/** A change to an agreement at the revision its editor read; undefined when someone changed it first. */
export async function updateAgreement(
  db: Db,
  county: string,
  id: string,
  revision: number,
  values: Partial<Omit<AgreementRow, 'regionCode' | 'id' | 'agreementNo' | 'merchantId' | 'revision'>>,
): Promise<AgreementRow | undefined> {
  const [row] = await db
    .update(a)
    .set({ ...values, revision: sql`${a.revision} + 1` })
    .where(and(eq(a.regionCode, county), eq(a.id, id), eq(a.revision, revision)))
    .returning();
  return row;
}

export async function deleteDraft(db: Db, county: string, id: string, revision: number): Promise<boolean> {
  const rows = await db
    .delete(a)
    .where(and(eq(a.regionCode, county), eq(a.id, id), eq(a.status, 'draft'), eq(a.revision, revision)))
    .returning({ id: a.id });
  return rows.length > 0;
}

// ── coverage and expiry ────────────────────────────────────────────────────────────────────────────────────────

/** A signed agreement whose term covers `day` (YYYY-MM-DD) for the merchant of the outer query. */
function inForceOn(day: string): SQL {
  return sql`exists (select 1 from ${a} where ${a.regionCode} = ${m.regionCode} and ${a.merchantId} = ${m.id}
    and ${a.status} = 'signed' and ${a.termStart} <= ${day} and ${a.termEnd} >= ${day})`;
}

export interface CoverageRow {
  townshipCode: string;
  merchants: number;
  covered: number;
  /** In force today but ending within the window (to be renewed). */
  expiring: number;
}

/**
 * Per township: merchants in business (open or suspended), how many hold an agreement in force on `day`, and how
 * many of those end by `expiringBy`.
 */
export async function coverageByTownship(
  db: Db,
  county: string,
  scope: MerchantScope,
  day: string,
  expiringBy: string,
): Promise<CoverageRow[]> {
  const rows = await db
    .select({
      townshipCode: m.townshipCode,
      merchants: sql<number>`count(*)::int`,
      covered: sql<number>`(count(*) filter (where ${inForceOn(day)}))::int`,
      expiring: sql<number>`(count(*) filter (where ${inForceOn(day)} and not ${inForceOn(expiringBy)}))::int`,
    })
    .from(m)
    .where(and(eq(m.regionCode, county), merchantInScope(scope), sql`${m.status} <> 'closed'`))
    .groupBy(m.townshipCode)
    .orderBy(asc(m.townshipCode));
  return rows.map((row) => ({
    ...row,
    merchants: Number(row.merchants),
    covered: Number(row.covered),
    expiring: Number(row.expiring),
  }));
}

/** The filter of merchants in business without an agreement in force on `day` (the coverage report's list). */
export function withoutAgreementOn(day: string): SQL {
  return sql`${m.status} <> 'closed' and not ${inForceOn(day)}`;
}

/** Merchants in business whose agreement is in force on `day` but not on `by` (to be renewed). */
export function expiringBetween(day: string, by: string): SQL {
  return sql`${m.status} <> 'closed' and ${inForceOn(day)} and not ${inForceOn(by)}`;
}

/**
 * Signed agreements ending between `from` and `to` whose reminder has not gone out and that no later agreement
 * of the same merchant (a renewal drawn up or signed) follows.
 */
export async function unremindedExpiring(
  db: Db,
  county: string,
  from: string,
  to: string,
  limit: number,
): Promise<
  Array<Pick<AgreementRow, 'id' | 'agreementNo' | 'merchantId' | 'termEnd' | 'villageCode'> & { merchantName: string }>
> {
  const later = sql`exists (select 1 from ${merchantsAgreement} as later where later.region_code = ${a.regionCode}
    and later.merchant_id = ${a.merchantId} and later.term_start > ${a.termStart} and later.status in ('draft', 'signed'))`;
  return db
    .select({
      id: a.id,
      agreementNo: a.agreementNo,
      merchantId: a.merchantId,
      merchantName: m.name,
      termEnd: a.termEnd,
      villageCode: a.villageCode,
    })
    .from(a)
    .innerJoin(m, joinMerchant)
    .where(
      and(
        eq(a.regionCode, county),
        eq(a.status, 'signed'),
        gte(a.termEnd, from),
        lte(a.termEnd, to),
        isNull(a.remindedAt),
        sql`not ${later}`,
      ),
    )
    .orderBy(asc(a.termEnd))
    .limit(limit);
}

/** Marks the reminder sent; false when another process sent it first. */
export async function markReminded(db: Db, county: string, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(a)
    .set({ remindedAt: at })
    .where(and(eq(a.regionCode, county), eq(a.id, id), isNull(a.remindedAt)))
    .returning({ id: a.id });
  return rows.length > 0;
}

/** What the demo seed needs of every merchant in business, in merchant-number order (a declared system read). */
export async function merchantsToAgree(
  db: Db,
  county: string,
  scope: MerchantScope,
): Promise<
  Array<
    Pick<
      typeof m.$inferSelect,
      'id' | 'townshipCode' | 'locationCode' | 'frontageDm' | 'address' | 'operatorNameEnc' | 'createdAt'
    >
  >
> {
  return db
    .select({
      id: m.id,
      townshipCode: m.townshipCode,
      locationCode: m.locationCode,
      frontageDm: m.frontageDm,
      address: m.address,
      operatorNameEnc: m.operatorNameEnc,
      createdAt: m.createdAt,
    })
    .from(m)
    .where(and(eq(m.regionCode, county), merchantInScope(scope), sql`${m.status} <> 'closed'`))
    .orderBy(asc(m.merchantNo));
}

export async function countyHasAgreements(db: Db, county: string): Promise<boolean> {
  const rows = await db.select({ id: a.id }).from(a).where(eq(a.regionCode, county)).limit(1);
  return rows.length > 0;
}

export interface AgreementFigureCounts {
  /** Agreements signed up to the end of `to` (those terminated since included: they were signed). */
  signedTotal: number;
  signedInPeriod: number;
  merchantsInBusiness: number;
  covered: number;
}

/** The agreement figures for merchants in scope, one statement; `from`/`to` are Shanghai days, both included. */
export async function agreementFigureCounts(
  db: Db,
  county: string,
  scope: MerchantScope,
  period: { from: string; to: string; fromInstant: Date; endInstant: Date },
): Promise<AgreementFigureCounts> {
  const signed = (since: Date | null) =>
    db
      .select({ n: count() })
      .from(a)
      .innerJoin(m, joinMerchant)
      .where(
        and(
          eq(a.regionCode, county),
          sql`${a.status} <> 'draft'`,
          lt(a.signedAt, period.endInstant),
          since === null ? undefined : gte(a.signedAt, since),
          merchantInScope(scope),
        ),
      );
  const [[total], [inPeriod], [row]] = await Promise.all([
    signed(null),
    signed(period.fromInstant),
    db
      .select({
        merchantsInBusiness: sql<number>`count(*)::int`,
        covered: sql<number>`(count(*) filter (where ${inForceOn(period.to)}))::int`,
      })
      .from(m)
      .where(and(eq(m.regionCode, county), merchantInScope(scope), sql`${m.status} <> 'closed'`)),
  ]);
  return {
    signedTotal: Number(total?.n ?? 0),
    signedInPeriod: Number(inPeriod?.n ?? 0),
    merchantsInBusiness: Number(row?.merchantsInBusiness ?? 0),
    covered: Number(row?.covered ?? 0),
  };
}
