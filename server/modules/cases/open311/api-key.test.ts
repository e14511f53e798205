import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../../../db/schema/audit.ts';
import { adoptIntegrationPermissions } from '../../../platform/access/integration-permissions.ts';
import { newApiKey } from '../../../platform/auth/api-key-token.ts';
import { findApiKeyByPrefix, insertApiKey } from '../../../platform/auth/api-keys.store.ts';
import type { AppError } from '../../../platform/http/app-error.ts';
import { useTestDatabase } from '../../../testing/test-database.ts';
import { actorFromOpen311Key, open311SubmitPermission } from './api-key.ts';
import { casesManifest } from '../cases.module.ts';

const now = new Date('2026-03-02T01:00:00Z');

describe('actorFromOpen311Key', () => {
  const db = useTestDatabase();
  const ctx = () => db.ctx({ clock: () => now });
  const keys: Record<string, { key: string; id: string; prefix: string }> = {};

  async function createKey(name: string, permissions: string[], extra: { expiresAt?: Date; revokedAt?: Date } = {}) {
    const generated = newApiKey();
    const id = randomUUID();
    await insertApiKey(db.database.db, {
      regionCode: '430225',
      id,
      name,
      keyPrefix: generated.prefix,
      secretHash: generated.secretHash,
      permissions,
      scopeRegion: '430225100',
      createdBy: null,
      createdAt: new Date('2026-01-01T00:00:00Z'),
      expiresAt: extra.expiresAt ?? null,
      revokedAt: extra.revokedAt ?? null,
      lastUsedAt: null,
    });
    keys[name] = { key: generated.key, id, prefix: generated.prefix };
  }

  beforeAll(async () => {
    // No app is built here: the allowlist comes from the manifest as app.ts would take it.
    adoptIntegrationPermissions([casesManifest]);
    await createKey('partner', [open311SubmitPermission, 'cases.catalogue.read']);
    await createKey('reader', ['cases.catalogue.read']);
    await createKey('revoked', [open311SubmitPermission], { revokedAt: new Date('2026-02-01T00:00:00Z') });
    await createKey('expired', [open311SubmitPermission], { expiresAt: now });
  });

  async function refusal(apiKey: string | undefined): Promise<AppError> {
    const error = await actorFromOpen311Key(ctx(), apiKey).then(
      () => undefined,
      (e: unknown) => e as AppError,
    );
    if (!error) throw new Error(`accepted ${apiKey}`);
    return error;
  }

  it('refuses missing, empty and malformed keys with the spec 403', async () => {
    for (const apiKey of [undefined, '', '   ', 'not-a-key', 'wm_short_x']) {
      const error = await refusal(apiKey);
      expect([error.status, error.code, error.messageKey], String(apiKey)).toEqual([
        403,
        'invalid_api_key',
        'open311.api_key_invalid',
      ]);
    }
  });

  it('refuses unknown prefixes, wrong secrets, revoked and expired keys alike', async () => {
    const partner = keys.partner!;
    const wrongSecret = `wm_${partner.prefix}_${'A'.repeat(43)}`;
    const unknownPrefix = partner.key.replace(`wm_${partner.prefix}_`, 'wm_ZZZZZZZZ_');
    for (const apiKey of [wrongSecret, unknownPrefix, keys.revoked!.key, keys.expired!.key]) {
      expect((await refusal(apiKey)).messageKey).toBe('open311.api_key_invalid');
    }
  });

  it('refuses, and audits, a valid key without cases.open311.submit', async () => {
    const error = await refusal(keys.reader!.key);
    expect([error.status, error.messageKey]).toEqual([403, 'open311.api_key_not_permitted']);
    const rows = await db.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.eventType, 'access.denied'), eq(auditEvent.actorId, keys.reader!.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'failure', reasonCode: 'missing_permission', objectId: 'open311' });
  });

  it('returns the partner as an api_key actor with its integration permissions and scope, and marks the key used', async () => {
    const actor = await actorFromOpen311Key(ctx(), ` ${keys.partner!.key} `);
    expect(actor).toMatchObject({
      kind: 'api_key',
      id: keys.partner!.id,
      username: `apikey:${keys.partner!.prefix}`,
      displayName: 'partner',
      roles: [],
      scopeRegion: '430225100',
    });
    // cases.catalogue.read is stored on the row but is no integration permission: the key does not get it
    expect([...actor.permissions]).toEqual([open311SubmitPermission]);
    expect((await findApiKeyByPrefix(db.database.db, '430225', keys.partner!.prefix))?.lastUsedAt).toEqual(now);
  });
});
