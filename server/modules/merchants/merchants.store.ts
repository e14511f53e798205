import { and, asc, count, eq, ilike, inArray, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { type MerchantKind, merchantsMerchant, type RiskGrade } from '../../db/schema/merchants.ts';
import type { Db } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/rows.ts';
import { regionSubtree } from '../../platform/regions/region-scope.sql.ts';
import { expiringBetween, withoutAgreementOn } from './agreements/agreements.store.ts';
import type { MerchantScope } from './merchants.policy.ts';

export type MerchantRow = typeof merchantsMerchant.$inferSelect;
export type NewMerchantRow = Omit<typeof merchantsMerchant.$inferInsert, 'merchantNo' | 'revision'>;

function scopeFilter(scope: MerchantScope): SQL {
  return scope.kind === 'actor' ? regionSubtree(merchantsMerchant.locationCode, scope.region) : sql`true`;
}

export interface MerchantFilter {
  area: string | null;
  kind?: MerchantKind | undefined;
  riskGrade?: RiskGrade | undefined;
  status?: MerchantRow['status'] | undefined;
  supervised?: boolean | undefined;
  schoolSurroundings?: boolean | undefined;
  marketStall?: boolean | undefined;
  /** Part of the name, or a merchant number or credit code (whole or its start). */
  text?: string | undefined;
  /** Only merchants in business without an agreement in force on `day`, or with one ending by `by`. */
  agreement?: { kind: 'missing' | 'expiring'; day: string; by: string } | undefined;
}

function agreementFilter(f: NonNullable<MerchantFilter['agreement']>): SQL {
  return f.kind === 'missing' ? withoutAgreementOn(f.day) : expiringBetween(f.day, f.by);
}

/** `%` and `_` typed by a user are letters, not wildcards. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function filterSql(county: string, scope: MerchantScope, f: MerchantFilter): SQL | undefined {
  const m = merchantsMerchant;
  const text = f.text?.trim();
  return and(
    eq(m.regionCode, county),
    scopeFilter(scope),
    f.area === null ? undefined : regionSubtree(m.locationCode, f.area),
    f.kind === undefined ? undefined : eq(m.kind, f.kind),
    f.riskGrade === undefined ? undefined : eq(m.riskGrade, f.riskGrade),
    f.status === undefined ? undefined : eq(m.status, f.status),
    f.supervised === undefined ? undefined : eq(m.supervised, f.supervised),
    f.schoolSurroundings === undefined ? undefined : eq(m.schoolSurroundings, f.schoolSurroundings),
    f.marketStall === undefined ? undefined : eq(m.marketStall, f.marketStall),
    f.agreement === undefined ? undefined : agreementFilter(f.agreement),
    text
      ? or(
          ilike(m.name, `%${likeEscaped(text)}%`),
          ilike(m.merchantNo, `${likeEscaped(text)}%`),
          ilike(m.creditCode, `${likeEscaped(text)}%`),
          ilike(m.licenceNo, `${likeEscaped(text)}%`),
        )
      : undefined,
  );
}

/** One page of the merchants the scope may see, in merchant-number order, with the count of all that match. */
export async function listMerchants(
  db: Db,
  county: string,
  scope: MerchantScope,
  filter: MerchantFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: MerchantRow[]; total: number }> {
  const where = filterSql(county, scope, filter);
  const rows = await db
    .select()
    .from(merchantsMerchant)
    .where(where)
    .orderBy(asc(merchantsMerchant.merchantNo))
    .limit(page.limit)
    .offset(page.offset);
  const [counted] = await db.select({ n: count() }).from(merchantsMerchant).where(where);
  return { rows, total: Number(counted?.n ?? 0) };
}

/** Every merchant the scope may see that matches, in merchant-number order (the Excel export). */
export function merchantsForExport(
  db: Db,
  county: string,
  scope: MerchantScope,
  filter: MerchantFilter,
  limit: number,
): Promise<MerchantRow[]> {
  return db
    .select()
    .from(merchantsMerchant)
    .where(filterSql(county, scope, filter))
    .orderBy(asc(merchantsMerchant.merchantNo))
    .limit(limit);
}

export async function findMerchant(
  db: Db,
  county: string,
  scope: MerchantScope,
  id: string,
): Promise<MerchantRow | undefined> {
  const [row] = await db
    .select()
    .from(merchantsMerchant)
    .where(and(eq(merchantsMerchant.regionCode, county), eq(merchantsMerchant.id, id), scopeFilter(scope)));
  return row;
}

/** Whether the merchant exists at all: tells an out-of-scope record (an audited 404) from a missing one. */
export async function merchantExists(db: Db, county: string, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: merchantsMerchant.id })
    .from(merchantsMerchant)
    .where(and(eq(merchantsMerchant.regionCode, county), eq(merchantsMerchant.id, id)));
  return rows.length > 0;
}

/** The merchants already holding any of these credit codes or licence numbers (the duplicate checks). */
export async function merchantsByIdentity(
  db: Db,
  county: string,
  identity: { creditCodes: readonly string[]; licenceNos: readonly string[] },
): Promise<Array<Pick<MerchantRow, 'id' | 'merchantNo' | 'creditCode' | 'licenceNo'>>> {
  const m = merchantsMerchant;
  const matches = [
    identity.creditCodes.length > 0 ? inArray(m.creditCode, [...identity.creditCodes]) : undefined,
    identity.licenceNos.length > 0 ? inArray(m.licenceNo, [...identity.licenceNos]) : undefined,
  ].filter((match) => match !== undefined);
  if (matches.length === 0) return [];
  return db
    .select({ id: m.id, merchantNo: m.merchantNo, creditCode: m.creditCode, licenceNo: m.licenceNo })
    .from(m)
    .where(and(eq(m.regionCode, county), or(...matches)));
}

/** A market (集贸市场 开办者) of the county by id, for a stall that names it. */
export async function findMarket(db: Db, county: string, id: string): Promise<{ id: string } | undefined> {
  const [row] = await db
    .select({ id: merchantsMerchant.id })
    .from(merchantsMerchant)
    .where(
      and(
        eq(merchantsMerchant.regionCode, county),
        eq(merchantsMerchant.id, id),
        eq(merchantsMerchant.kind, 'market_operator'),
      ),
    );
  return row;
}

/** Inserts merchants (one or an import's batch); each draws its number from the sequence. */
export async function insertMerchants(
  db: Db,
  rows: readonly NewMerchantRow[],
): Promise<Array<{ id: string; merchantNo: string }>> {
  if (rows.length === 0) return [];
  return db
    .insert(merchantsMerchant)
    .values([...rows])
    .returning({ id: merchantsMerchant.id, merchantNo: merchantsMerchant.merchantNo });
}

/**
 * Writes an edit when the record is still at the revision the editor read; answers the new row, or undefined
 * when someone else changed it first.
 */
export async function updateMerchant(
  db: Db,
  county: string,
  id: string,
  revision: number,
  values: Partial<Omit<MerchantRow, 'regionCode' | 'id' | 'merchantNo' | 'revision' | 'createdAt' | 'createdBy'>>,
): Promise<MerchantRow | undefined> {
  const [row] = await db
    .update(merchantsMerchant)
    .set({ ...values, revision: sql`${merchantsMerchant.revision} + 1` })
    .where(
      and(
        eq(merchantsMerchant.regionCode, county),
        eq(merchantsMerchant.id, id),
        eq(merchantsMerchant.revision, revision),
      ),
    )
    .returning();
  return row;
}

/** Whether the county has any merchant the scope may see (the demo seed fills an empty registry only). */
export async function countyHasMerchants(db: Db, county: string, scope: MerchantScope): Promise<boolean> {
  const rows = await db
    .select({ id: merchantsMerchant.id })
    .from(merchantsMerchant)
    .where(and(eq(merchantsMerchant.regionCode, county), scopeFilter(scope)))
    .limit(1);
  return rows.length > 0;
}

export interface MerchantFigureCounts {
  inBusiness: number;
  supervisedFood: number;
  otherSupervised: number;
  schoolSurroundings: number;
  riskGrades: Record<RiskGrade, number>;
}

/**
 * The dashboard's counts over the merchants in business (在营) the scope may see, in one pass: supervised food
 * businesses are those of `foodKinds`, the other supervised ones the rest.
 */
export async function merchantFigureCounts(
  db: Db,
  county: string,
  scope: MerchantScope,
  foodKinds: readonly MerchantKind[],
): Promise<MerchantFigureCounts> {
  const m = merchantsMerchant;
  const counted = (where: SQL | undefined) => sql<number>`count(*) filter (where ${where})`.mapWith(Number);
  const [row] = await db
    .select({
      inBusiness: sql<number>`count(*)`.mapWith(Number),
      supervisedFood: counted(and(eq(m.supervised, true), inArray(m.kind, [...foodKinds]))),
      otherSupervised: counted(and(eq(m.supervised, true), notInArray(m.kind, [...foodKinds]))),
      schoolSurroundings: counted(eq(m.schoolSurroundings, true)),
      gradeA: counted(eq(m.riskGrade, 'A')),
      gradeB: counted(eq(m.riskGrade, 'B')),
      gradeC: counted(eq(m.riskGrade, 'C')),
      gradeD: counted(eq(m.riskGrade, 'D')),
    })
    .from(m)
    .where(and(eq(m.regionCode, county), eq(m.status, 'open'), scopeFilter(scope)));
  const n = (value: number | undefined) => value ?? 0;
  return {
    inBusiness: n(row?.inBusiness),
    supervisedFood: n(row?.supervisedFood),
    otherSupervised: n(row?.otherSupervised),
    schoolSurroundings: n(row?.schoolSurroundings),
    riskGrades: { A: n(row?.gradeA), B: n(row?.gradeB), C: n(row?.gradeC), D: n(row?.gradeD) },
  };
}

type BatchColumn = readonly [name: string, type: string, value: (row: NewMerchantRow) => unknown];

const isoOrNull = (at: Date | null | undefined) => (at ? at.toISOString() : null);

/** Every column a new merchant may fill; its number and revision come from the table's defaults. */
const batchColumns: readonly BatchColumn[] = [
  ['region_code', 'text', (r) => r.regionCode],
  ['id', 'uuid', (r) => r.id],
  ['name', 'text', (r) => r.name],
  ['credit_code', 'text', (r) => r.creditCode ?? null],
  ['licence_no', 'text', (r) => r.licenceNo ?? null],
  ['kind', 'text', (r) => r.kind],
  ['market_stall', 'bool', (r) => r.marketStall ?? false],
  ['market_id', 'uuid', (r) => r.marketId ?? null],
  ['school_surroundings', 'bool', (r) => r.schoolSurroundings ?? false],
  ['supervised', 'bool', (r) => r.supervised ?? false],
  ['risk_grade', 'text', (r) => r.riskGrade ?? null],
  ['status', 'text', (r) => r.status ?? 'open'],
  ['address', 'text', (r) => r.address],
  ['lng', 'float8', (r) => r.lng ?? null],
  ['lat', 'float8', (r) => r.lat ?? null],
  ['location_code', 'text', (r) => r.locationCode],
  ['township_code', 'text', (r) => r.townshipCode],
  ['grid_code', 'text', (r) => r.gridCode ?? null],
  ['operator_name_enc', 'text', (r) => r.operatorNameEnc],
  ['operator_phone_enc', 'text', (r) => r.operatorPhoneEnc ?? null],
  ['operator_phone_hmac', 'text', (r) => r.operatorPhoneHmac ?? null],
  ['frontage_dm', 'int4', (r) => r.frontageDm ?? null],
  ['created_at', 'timestamptz', (r) => isoOrNull(r.createdAt)],
  ['created_by', 'uuid', (r) => r.createdBy ?? null],
  ['updated_at', 'timestamptz', (r) => isoOrNull(r.updatedAt)],
  ['closed_at', 'timestamptz', (r) => isoOrNull(r.closedAt)],
];

/**
 * Inserts many merchants in one statement (`unnest`, one array per column): the drizzle builder costs about a
 * millisecond a row on these columns, most of the demo seed's time. Rows draw their numbers from the sequence in
 * the batch's order.
 */
export async function insertMerchantBatch(
  db: Db,
  rows: readonly NewMerchantRow[],
): Promise<Array<{ id: string; merchantNo: string }>> {
  if (rows.length === 0) return [];
  // sql.param passes each array as ONE parameter; a bare array would expand into a ($1, $2, …) row.
  const arrays = batchColumns.map(([, type, value]) => sql`${sql.param(rows.map(value))}::${sql.raw(type)}[]`);
  const names = sql.raw(batchColumns.map(([name]) => name).join(', '));
  return queryRows<{ id: string; merchantNo: string }>(
    db,
    sql`insert into merchants_merchant (${names})
        select ${names} from unnest(${sql.join(arrays, sql`, `)}) with ordinality as u(${names}, n) order by n
        returning id, merchant_no as "merchantNo"`,
  );
}
