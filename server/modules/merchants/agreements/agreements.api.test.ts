import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../../platform/context.ts';
import { outboxGapGraceMs } from '../../../platform/notify/outbox-consumer.ts';
import { pdfPages } from '../../../platform/documents/document-files.test-support.ts';
import { notifyOutboxJob } from '../../../platform/notify/notify.module.ts';
import { useTestApp } from '../../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../../testing/test-auth.ts';
import { merchantPermissions } from '../merchants.permissions.ts';
import { merchantBody } from '../merchants.test-support.ts';
import { remindExpiringAgreements } from './agreement-reminders.ts';

const xiayang = '430225100';
const miandu = '430225101';

/** A signature as a phone's canvas draws it: dark strokes on white. */
async function drawnSignature(): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="240"><rect width="600" height="240" fill="white"/>
    <path d="M40 180 C 120 40, 200 40, 260 170 S 420 60, 560 150" stroke="black" stroke-width="8" fill="none"/></svg>`;
  return (await sharp(Buffer.from(svg)).png().toBuffer()).toString('base64');
}

describe('门前三包 agreements', () => {
  const t = useTestApp();
  const send = (method: 'GET' | 'POST' | 'PUT', url: string, actor: SignedIn | null, payload?: unknown, headers = {}) =>
    t.app.inject({
      method,
      url,
      headers: { ...(actor?.headers ?? {}), 'accept-language': 'en', ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const write = (url: string, actor: SignedIn | null, payload: unknown) =>
    send('POST', url, actor, payload, { 'idempotency-key': `agreement-test-${randomUUID()}` });
  const ctx = () => {
    const { database, config, keyring } = t.app.deps;
    return systemCtx(database, { countyCode: config.countyCode, keyring }, { clock: t.clock });
  };

  let office: SignedIn;
  let cadre: SignedIn;
  let mianduCadre: SignedIn;
  let reader: SignedIn;
  let merchantId: string;
  let signature: string;
  const zone = {
    zoneLengthM: 8,
    zoneDepthM: 4.5,
    zoneDescription: '东至路口，西至邻店墙基，南至店面墙基，北至人行道路沿',
  };

  /** Sessions end after 30 idle minutes: after the clock jumps months ahead, everyone signs in again. */
  const signInAll = async () => {
    office = await signIn(t.app, { roles: ['coordinator'] });
    cadre = await signIn(t.app, { roles: ['village_cadre'], scopeRegion: xiayang });
    mianduCadre = await signIn(t.app, { roles: ['village_cadre'], scopeRegion: miandu });
    reader = await signIn(t.app, { permissions: [merchantPermissions.read], scopeRegion: xiayang });
  };
  const jumpTo = async (at: string) => {
    t.clock.set(new Date(at));
    await signInAll();
  };

  beforeAll(async () => {
    t.clock.set(new Date('2026-03-15T02:00:00Z'));
    await signInAll();
    const merchant = await write('/api/merchants', office, merchantBody(501, { regionCode: xiayang }));
    merchantId = merchant.json().id;
    signature = await drawnSignature();
  });

  describe('refusals first', () => {
    it('401 anonymous; 403 for a reader without the agreements permission; 400 for unknown and bad fields', async () => {
      expect((await write(`/api/merchants/${merchantId}/agreements`, null, zone)).statusCode).toBe(401);
      expect((await write(`/api/merchants/${merchantId}/agreements`, reader, zone)).statusCode).toBe(403);
      expect(
        (await write(`/api/merchants/${merchantId}/agreements`, cadre, { ...zone, colour: 'red' })).statusCode,
      ).toBe(400);
      const reversed = await write(`/api/merchants/${merchantId}/agreements`, cadre, {
        ...zone,
        termStart: '2027-01-01',
        termEnd: '2026-12-31',
      });
      expect(reversed.json().error.fields).toEqual({ termEnd: expect.stringContaining('cannot end before') });
      const village = await write(`/api/merchants/${merchantId}/agreements`, cadre, {
        ...zone,
        villageCode: '430225101200',
      });
      expect(village.json().error.fields.villageCode).toBeDefined();
    });

    it('a merchant of another township is a 404 for a village cadre there (audited), as a missing one is', async () => {
      const foreign = await write(`/api/merchants/${merchantId}/agreements`, mianduCadre, zone);
      expect(foreign.statusCode).toBe(404);
      const missing = await write('/api/merchants/00000000-0000-4000-8000-000000000000/agreements', mianduCadre, zone);
      expect(missing.statusCode).toBe(404);
    });

    it('templates are written by county-wide staff only: a village cadre is refused', async () => {
      expect((await send('GET', '/api/merchants/agreement-templates', reader)).statusCode).toBe(403);
      const body = { title: '门前三包责任书', duties: [], clauses: {}, termMonths: 12 };
      expect((await send('POST', '/api/merchants/agreement-templates', cadre, body)).statusCode).toBe(403);
    });
  });

  describe('the life of an agreement', () => {
    let agreementId: string;
    let revision: number;

    it('draws up a draft from the active template: its duties, the zone, the merchant’s village, a 12-month term', async () => {
      const res = await write(`/api/merchants/${merchantId}/agreements`, cadre, zone);
      expect(res.statusCode).toBe(201);
      const draft = res.json();
      expect(draft).toMatchObject({
        agreementNo: expect.stringMatching(/^MQ2026-\d{6}$/),
        status: 'draft',
        standing: 'draft',
        templateVersion: 1,
        zoneLengthM: 8,
        zoneDepthM: 4.5,
        townshipCode: xiayang,
        villageCode: xiayang,
        termStart: '2026-03-15',
        termEnd: '2027-03-14',
        signerName: null,
      });
      expect(new Set(draft.duties.map((d: { section: string }) => d.section))).toEqual(
        new Set(['hygiene', 'order', 'greenery']),
      );
      agreementId = draft.id;
      revision = draft.revision;
      const again = await write(`/api/merchants/${merchantId}/agreements`, cadre, zone);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toContain(draft.agreementNo);
    });

    it('refuses a signature that is not an image, and a stale revision, keeping the draft as it was', async () => {
      const notImage = await write(`/api/merchants/agreements/${agreementId}/sign`, cadre, {
        revision,
        signerName: '王小明',
        signatureKind: 'onscreen',
        signature: Buffer.from('not a picture at all').toString('base64'),
      });
      expect(notImage.statusCode).toBe(400);
      expect(notImage.json().error.fields.signature).toBeDefined();
      const stale = await write(`/api/merchants/agreements/${agreementId}/sign`, cadre, {
        revision: revision + 5,
        signerName: '王小明',
        signatureKind: 'onscreen',
        signature,
      });
      expect(stale.statusCode).toBe(409);
      expect((await send('GET', `/api/merchants/agreements/${agreementId}`, cadre)).json().status).toBe('draft');
    });

    it('signs with the signature drawn on screen: in force today, the signer masked, the evidence kept with its digest', async () => {
      const res = await write(`/api/merchants/agreements/${agreementId}/sign`, cadre, {
        revision,
        signerName: '王小明',
        signatureKind: 'onscreen',
        signature,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'signed',
        standing: 'in_force',
        signerName: '王*明',
        signatureKind: 'onscreen',
      });
      revision = res.json().revision;
      const [row] = await t.db.database.query<{ signer_name_enc: string; signature_sha256: string; n: number }>(
        'select signer_name_enc, signature_sha256, length(signature_image)::int as n from merchants_agreement where id = $1',
        [agreementId],
      );
      expect(row?.signer_name_enc).not.toContain('王小明');
      expect(row?.signature_sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(row?.n).toBeGreaterThan(100);
      const again = await write(`/api/merchants/agreements/${agreementId}/sign`, cadre, {
        revision,
        signerName: '别人',
        signatureKind: 'onscreen',
        signature,
      });
      expect(again.json().error.fields.agreementId).toContain('signed or terminated');
    });

    it('prints the agreement as a PDF in Chinese with its parties, zone, duties, term and verification code', async () => {
      const res = await send('GET', `/api/merchants/agreements/${agreementId}/documents/agreement.pdf`, cadre);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const text = (await pdfPages(res.rawPayload)).join('\n').replace(/\s+/g, '');
      for (const expected of [
        '门前三包责任书',
        '霞阳镇人民政府',
        '测试便利店501',
        '包环境卫生',
        '8米',
        '2026年3月15日起至2027年3月14日止',
        '王小明',
      ]) {
        expect(text).toContain(expected);
      }
      expect(res.headers['x-document-code']).toMatch(/^[a-z2-7]{32}$/);
    });

    it('counts in the coverage report, and the merchant leaves the “without agreement” list', async () => {
      const coverage = (await send('GET', '/api/merchants/agreement-coverage', office)).json();
      const xiayangRow = coverage.townships.find((row: { townshipCode: string }) => row.townshipCode === xiayang);
      expect(xiayangRow.covered).toBeGreaterThanOrEqual(1);
      expect(xiayangRow.missing).toBe(xiayangRow.merchants - xiayangRow.covered);
      const missing = (await send('GET', '/api/merchants?agreement=missing&pageSize=200', office)).json();
      expect(missing.items.map((m: { id: string }) => m.id)).not.toContain(merchantId);
    });

    it('30 days before the end, one reminder goes to the village’s staff as a to-do; a second run adds none', async () => {
      await jumpTo('2027-02-20T01:00:00Z');
      expect(await remindExpiringAgreements(ctx())).toBe(1);
      expect(await remindExpiringAgreements(ctx())).toBe(0);
      t.clock.advance(outboxGapGraceMs);
      await notifyOutboxJob.run(ctx());
      const items = (await send('GET', '/api/inbox', cadre)).json().items as Array<{ code: string; text: string }>;
      const todo = items.find((item) => item.code === 'merchants.agreements.notify.expiring');
      expect(todo?.text).toContain('测试便利店501');
      expect((await send('GET', '/api/inbox', mianduCadre)).json().items).toEqual([]);
      const expiring = (await send('GET', '/api/merchants?agreement=expiring&pageSize=200', office)).json();
      expect(expiring.items.map((m: { id: string }) => m.id)).toContain(merchantId);
    });

    it('renews with the same zone from the day after the old term; then the old one expires and the new one is in force', async () => {
      const res = await write(`/api/merchants/agreements/${agreementId}/renew`, cadre, {});
      expect(res.statusCode, res.body).toBe(201);
      const renewal = res.json();
      expect(renewal).toMatchObject({
        renews: agreementId,
        termStart: '2027-03-15',
        termEnd: '2028-03-14',
        zoneLengthM: 8,
      });
      const signed = await write(`/api/merchants/agreements/${renewal.id}/sign`, cadre, {
        revision: renewal.revision,
        signerName: '王小明',
        signatureKind: 'scan',
        signature,
      });
      expect(signed.json().standing).toBe('not_yet');
      await jumpTo('2027-04-01T01:00:00Z');
      const list = (await send('GET', `/api/merchants/${merchantId}/agreements`, cadre)).json().items;
      expect(list.map((a: { standing: string }) => a.standing)).toEqual(['in_force', 'expired']);
      expect((await write(`/api/merchants/agreements/${agreementId}/renew`, cadre, {})).statusCode).toBe(409);
    });

    it('terminates a signed agreement with its reason; the merchant then shows as without agreement', async () => {
      const [current] = (await send('GET', `/api/merchants/${merchantId}/agreements`, cadre)).json().items;
      const res = await write(`/api/merchants/agreements/${current.id}/terminate`, cadre, {
        revision: current.revision,
        reason: '店铺转让，新经营者另签',
      });
      expect(res.json()).toMatchObject({ status: 'terminated', standing: 'terminated' });
      const missing = (await send('GET', '/api/merchants?agreement=missing&pageSize=200', office)).json();
      expect(missing.items.map((m: { id: string }) => m.id)).toContain(merchantId);
      const audits = await t.db.database.query<{ event_type: string }>(
        "select event_type from audit_event where object_type = 'agreement' and event_type like 'merchants.agreement.%' order by seq",
      );
      expect(audits.map((a) => a.event_type)).toEqual([
        'merchants.agreement.draw_up',
        'merchants.agreement.sign',
        'merchants.agreement.remind',
        'merchants.agreement.renew',
        'merchants.agreement.sign',
        'merchants.agreement.terminate',
      ]);
    });

    it('reveals the signer with a reason to the campaign office; a village cadre has no such right', async () => {
      const reveal = (actor: SignedIn) =>
        send('POST', '/api/pii/reveal', actor, {
          objectType: 'agreement',
          objectId: agreementId,
          fields: ['signerName'],
          reason: '核对责任书签字人身份',
        });
      expect(JSON.stringify((await reveal(office)).json())).toContain('王小明');
      expect((await reveal(cadre)).statusCode).toBe(403);
    });
  });

  describe('template versions', () => {
    it('a new version is a draft until activated; activation retires the old one; agreements drawn up later copy it', async () => {
      const current = (await send('GET', '/api/merchants/agreement-templates', office)).json().items[0];
      const missingSection = await send('POST', '/api/merchants/agreement-templates', office, {
        ...current,
        version: undefined,
        status: undefined,
        createdAt: undefined,
        activatedAt: undefined,
        duties: current.duties.filter((d: { section: string }) => d.section !== 'greenery'),
      });
      expect(missingSection.json().error.fields.duties).toBeDefined();
      const body = {
        title: current.title,
        clauses: current.clauses,
        termMonths: 24,
        duties: [...current.duties, { section: 'order', text: '不在责任区内燃放烟花爆竹、抛撒冥币。' }],
      };
      const created = await send('POST', '/api/merchants/agreement-templates', office, body);
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ version: 2, status: 'draft' });
      const activated = await send('POST', '/api/merchants/agreement-templates/2/activate', office);
      expect(activated.json().status).toBe('active');
      const versions = (await send('GET', '/api/merchants/agreement-templates', office)).json().items;
      expect(versions.map((v: { status: string }) => v.status)).toEqual(['active', 'retired']);
      const other = await write('/api/merchants', office, merchantBody(502, { regionCode: xiayang }));
      const draft = (await write(`/api/merchants/${other.json().id}/agreements`, cadre, zone)).json();
      expect(draft).toMatchObject({ templateVersion: 2, termEnd: '2029-03-31' });
      expect(draft.duties).toHaveLength(current.duties.length + 1);
    });
  });
});
