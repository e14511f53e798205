import { builtinRoles, withGrants } from '../../platform/access/roles.ts';
import { upsertBuiltinRoles } from '../../platform/auth/roles.store.ts';
import { tx } from '../../platform/db/tx.ts';
import { photo } from '../../platform/files/image.fixtures.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../testing/test-auth.ts';
import { appModules } from '../index.ts';
import { ensureCasesCatalogue } from './catalogue/reference-data.ts';
import { seedDemoDepartments } from './departments.seed.ts';

/** 霞阳镇 (the county seat) and 沔渡镇: two townships to test scope across. */
export const xiayang = '430225100';
export const miandu = '430225101';
/** A point in 霞阳镇's streets. */
export const inXiayang = { lng: 113.772, lat: 26.489 };

export async function jpegBase64(gps?: { lat: number; lng: number }): Promise<string> {
  return (await photo({ width: 80, height: 60, ...(gps ? { gps } : {}) })).toString('base64');
}

export async function reportBody(overrides: Record<string, unknown> = {}) {
  return {
    categoryCode: '09006',
    ...inXiayang,
    address: '霞阳镇炎帝大道 88 号门前',
    regionCode: xiayang,
    description: '水果摊占用人行道经营',
    photos: [{ data: await jpegBase64(inXiayang) }],
    ...overrides,
  };
}

export interface CaseActors {
  dispatcher: SignedIn;
  inspector: SignedIn;
  otherInspector: SignedIn;
  miandouInspector: SignedIn;
  handler: SignedIn;
  otherDepartment: SignedIn;
  volunteer: SignedIn;
  coordinator: SignedIn;
}

/** Roles with this module's grants, the reference data and the demo departments, and one person per post. */
export async function prepareCases(t: TestApp): Promise<CaseActors> {
  const ctx = t.db.ctx();
  await tx(ctx, (x) =>
    upsertBuiltinRoles(
      x.db,
      x.countyCode,
      withGrants(
        builtinRoles,
        appModules.map((m) => m.grants ?? {}),
      ),
    ),
  );
  await ensureCasesCatalogue(ctx);
  await seedDemoDepartments(ctx);
  return {
    dispatcher: await signIn(t.app, { roles: ['dispatcher'] }),
    inspector: await signIn(t.app, { roles: ['inspector'], scopeRegion: xiayang }),
    otherInspector: await signIn(t.app, { roles: ['inspector'], scopeRegion: xiayang }),
    miandouInspector: await signIn(t.app, { roles: ['inspector'], scopeRegion: miandu }),
    handler: await signIn(t.app, { roles: ['department'], department: 'chengguan' }),
    otherDepartment: await signIn(t.app, { roles: ['department'], department: 'huanwei' }),
    volunteer: await signIn(t.app, { roles: ['volunteer'], scopeRegion: xiayang }),
    coordinator: await signIn(t.app, { roles: ['coordinator'] }),
  };
}

/** JSON requests as a signed-in person (or anonymously), answered in English so tests can read the messages. */
export function caseHttp(t: TestApp) {
  return {
    post: (url: string, actor: SignedIn | null, payload: unknown, headers: Record<string, string> = {}) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { ...(actor?.headers ?? {}), 'accept-language': 'en', ...headers },
        payload: payload as object,
      }),
    get: (url: string, actor: SignedIn | null, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'GET', url, headers: { ...(actor?.headers ?? {}), 'accept-language': 'en', ...headers } }),
  };
}
