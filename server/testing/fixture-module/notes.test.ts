import { beforeAll, describe, expect, it } from 'vitest';
import { appModules } from '../../modules/index.ts';
import { routeAccessTable } from '../../platform/access/access.ts';
import { manifestProblems } from '../../platform/modules/manifest-check.ts';
import { moduleRuleViolations } from '../import-rules.ts';
import { useTestApp } from '../test-app.ts';
import { signIn } from '../test-auth.ts';
import { notesManifest } from './notes.module.ts';
import { notePermissions } from './notes.permissions.ts';
import { notesTableDdl } from './notes-table.sql.ts';

const xiayang = '430225100';
const miandu = '430225101';
const modules = [...appModules, notesManifest];

describe('the fixture module (docs/modules.md)', () => {
  const t = useTestApp({ modules });
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    await t.db.database.exec(notesTableDdl);
    await t.db.database.exec(`insert into notes_note values
      ('430225', 'n1', '${xiayang}', '霞阳镇的便签'),
      ('430225', 'n2', '${miandu}', '沔渡镇的便签')`);
  });

  it('declares access for its route (the route table check)', () => {
    const notes = routeAccessTable(t.app).filter((route) => route.url.startsWith('/api/notes'));
    const access = { permission: notePermissions.read };
    expect(notes).toEqual([
      { method: 'GET', url: '/api/notes', access },
      { method: 'HEAD', url: '/api/notes', access },
    ]);
  });

  it('passes the manifest checks', () => {
    const own = routeAccessTable(t.app).filter((route) => route.url.startsWith('/api/notes'));
    expect(manifestProblems(notesManifest, modules, own)).toEqual([]);
  });

  it('obeys the import rules as server/modules/notes/ would', async () => {
    expect(await moduleRuleViolations(import.meta.dirname, 'notes')).toEqual([]);
  }, 180_000);

  describe('GET /api/notes', () => {
    it('refuses the anonymous (401) and a person without notes.read (403)', async () => {
      expect((await get('/api/notes')).statusCode).toBe(401);
      const inspector = await signIn(t.app, { roles: ['inspector'], scopeRegion: xiayang });
      expect((await get('/api/notes', inspector.headers)).statusCode).toBe(403);
    });

    it('refuses an unknown query field and a township outside the reader’s area (400)', async () => {
      const reader = await signIn(t.app, { permissions: [notePermissions.read], scopeRegion: xiayang });
      expect((await get('/api/notes?colour=red', reader.headers)).statusCode).toBe(400);
      const foreign = await get(`/api/notes?township=${miandu}`, reader.headers);
      expect(foreign.statusCode).toBe(400);
      expect(foreign.json().error.fields).toEqual({ township: '该乡镇不在您负责的区域内' });
    });

    it('answers the notes of the reader’s own area only', async () => {
      const reader = await signIn(t.app, { permissions: [notePermissions.read], scopeRegion: xiayang });
      const mine = await get('/api/notes', reader.headers);
      expect(mine.json()).toEqual({ items: [{ id: 'n1', areaCode: xiayang, body: '霞阳镇的便签' }] });
      const county = await signIn(t.app, { permissions: [notePermissions.read] });
      expect((await get('/api/notes', county.headers)).json().items.map((n: { id: string }) => n.id)).toEqual([
        'n1',
        'n2',
      ]);
    });
  });
});
