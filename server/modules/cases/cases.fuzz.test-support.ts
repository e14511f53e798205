import type { FastifyInstance } from 'fastify';
import type { FuzzFixtures } from '../../testing/fuzz/fuzz-fixtures.ts';
import { signIn } from '../../testing/test-auth.ts';
import { inXiayang, jpegBase64, reportBody, xiayang } from './cases.test-support.ts';
import { ensureCasesCatalogue } from './catalogue/reference-data.ts';
import { seedDemoDepartments } from './departments.seed.ts';

/** Records the fuzz can name: a case with a photo, a citizen's case and its code, a partner key for Open311. */
async function knownCases(app: FastifyInstance) {
  const inspector = await signIn(app, { roles: ['inspector'], scopeRegion: xiayang });
  const staff = await app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: inspector.headers,
    payload: await reportBody(),
  });
  if (staff.statusCode !== 201) throw new Error(`fuzz setup: staff report ${staff.statusCode} ${staff.body}`);
  const caseNo = staff.json().caseNo as string;
  const detail = (await app.inject({ method: 'GET', url: `/api/cases/${caseNo}`, headers: inspector.headers })).json();
  const citizen = await app.inject({
    method: 'POST',
    url: '/api/public/cases',
    payload: await reportBody({ phone: '13907331234' }),
  });
  if (citizen.statusCode !== 201) throw new Error(`fuzz setup: citizen report ${citizen.statusCode} ${citizen.body}`);
  const sec = await signIn(app, { roles: ['sec_admin'] });
  const createKey = (name: string, scopeRegion: string) =>
    app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: sec.headers,
      payload: { name, permissions: ['cases.open311.submit'], scopeRegion },
    });
  const key = await createKey('12345 热线', '430225');
  if (key.statusCode !== 201) throw new Error(`fuzz setup: API key ${key.statusCode} ${key.body}`);
  // A second key for the fuzz to revoke: the first one is the API-key caller's own.
  const spare = await createKey('数字城管', xiayang);
  const photo = await jpegBase64(inXiayang);
  return {
    caseNo: [caseNo, citizen.json().caseNo],
    service_request_id: [caseNo],
    photoId: detail.photos.map((p: { id: string }) => p.id),
    'x-case-token': [citizen.json().trackingToken],
    id: [spare.json().apiKey.id],
    objectId: [caseNo],
    api_key: [key.json().key],
    code: [xiayang, '09006'],
    categoryCode: ['09006'],
    service_code: ['09006'],
    regionCode: [xiayang],
    scopeRegion: [xiayang],
    key: ['chengguan'],
    department: ['chengguan'],
    format: ['json', 'xml'],
    lng: [inXiayang.lng],
    lat: [inXiayang.lat, String(inXiayang.lat)],
    long: [String(inXiayang.lng)],
    data: [photo],
    photoBytes: [Buffer.from(photo, 'base64')],
    phone: ['13907331234'],
    objectType: ['case'],
  };
}

export const casesFuzzFixtures: FuzzFixtures = {
  async prepare(ctx) {
    await ensureCasesCatalogue(ctx);
    await seedDemoDepartments(ctx);
  },
  known: knownCases,
  apiKey: { value: (known) => String(known.api_key?.[0]), permissions: ['cases.open311.submit'] },
};
