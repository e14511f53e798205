import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeClock } from '../../testing/fake-clock.ts';
import { useTestDatabase } from '../../testing/test-database.ts';
import type { Actor } from '../context.ts';
import { tx } from '../db/tx.ts';
import { runDueJobs, runnerFor } from '../jobs/run-due.ts';
import { writeSetting } from '../settings/settings.store.ts';
import { auditManifest } from './audit.module.ts';
import { recordAudit } from './audit.ts';
import {
  defaultRevealAlertSettings,
  isNight,
  loadRevealAlertSettings,
  raiseRevealAlerts,
  revealAlertsOf,
  windowLabel,
} from './reveal-alerts.ts';

const person = (id: string): Actor => ({
  kind: 'user',
  id,
  username: id,
  displayName: '受理员',
  roles: ['dispatcher'],
  permissions: new Set(['pii.reveal']),
  scopeRegion: '430225',
  department: null,
  sessionId: 's1',
});
const alice = '11111111-1111-4111-8111-111111111111';
const bob = '22222222-2222-4222-8222-222222222222';

describe('unusual reveal activity (AUD-06)', () => {
  const t = useTestDatabase();
  const clock = fakeClock('2026-03-02T02:00:00Z'); // 10:00 in Shanghai
  const run = () => raiseRevealAlerts(t.ctx({ clock }));
  /** Reveals as pii/reveal.ts records them: one audit row per reveal, by the person, at the clock's time. */
  async function reveal(actorId: string, times: number, outcome: 'success' | 'failure' = 'success') {
    for (let i = 0; i < times; i++) {
      await tx(t.ctx({ clock, actor: person(actorId) }), (x) =>
        recordAudit(x, { eventType: 'pii.reveal', action: 'reveal', outcome, objectType: 'case', objectId: `c${i}` }),
      );
    }
  }
  const alerts = () =>
    t.database.query<Record<string, unknown>>(
      `select object_id, reason_code, actor_id, details from audit_event where event_type = 'audit.reveal_alert' order by seq`,
    );
  const events = () =>
    t.database.query<Record<string, unknown>>(
      `select object_type, object_id, payload from outbox_event where topic = 'audit.reveal_alert' order by id`,
    );

  it('30 reveals in an hour by day is normal; the 31st raises one alert, once', async () => {
    await reveal(alice, 30);
    await reveal(bob, 5);
    await reveal(bob, 40, 'failure');
    expect(await run()).toBe(0);
    clock.advanceMinutes(5);
    await reveal(alice, 1);
    expect(await run()).toBe(1);
    expect(await run()).toBe(0);
    expect(await alerts()).toEqual([
      {
        object_id: alice,
        reason_code: 'volume',
        actor_id: null,
        details: {
          rule: 'volume',
          count: 31,
          nightCount: 0,
          from: '2026-03-02T01:05:00.000Z',
          to: '2026-03-02T02:05:00.000Z',
          limit: 30,
        },
      },
    ]);
    expect(await events()).toEqual([
      {
        object_type: 'user',
        object_id: alice,
        payload: { actor: alice, count: 31, window: '2026-03-02 09:05–10:05', rule: 'volume' },
      },
    ]);
  });

  it('holds the next alert for the same person back until the window has passed', async () => {
    clock.advanceMinutes(10);
    await reveal(alice, 31);
    expect(await run()).toBe(0);
    clock.advanceMinutes(61);
    await reveal(alice, 31);
    expect(await run()).toBe(1);
    expect((await alerts()).map((a) => a.object_id)).toEqual([alice, alice]);
  });

  it('one reveal at night (22:00–06:00 Shanghai) raises the night rule', async () => {
    clock.set('2026-03-02T13:59:00Z'); // 21:59
    await reveal(bob, 1);
    expect(await run()).toBe(0);
    clock.set('2026-03-02T14:30:00Z'); // 22:30
    await reveal(bob, 1);
    expect(await run()).toBe(1);
    expect(await run()).toBe(0);
    expect((await events()).at(-1)).toEqual({
      object_type: 'user',
      object_id: bob,
      payload: { actor: bob, count: 2, window: '2026-03-02 21:30–22:30', rule: 'night' },
    });
    // No revealed value and no record id travels in the event.
    expect(JSON.stringify(await events())).not.toMatch(/"c\d+"/);
  });

  it('runs from the audit manifest every 10 minutes on the durable schedule', async () => {
    const runner = runnerFor([auditManifest]);
    clock.set('2026-03-03T02:00:00Z');
    await runDueJobs(t.ctx({ clock }), runner);
    await reveal(bob, 31);
    clock.advanceMinutes(9);
    expect((await runDueJobs(t.ctx({ clock }), runner)).ticks).toEqual([]);
    clock.advanceMinutes(1);
    expect((await runDueJobs(t.ctx({ clock }), runner)).ticks).toEqual([
      { name: 'audit.reveal-alerts', outcome: 'ok', result: 1 },
    ]);
  });

  it('reads its limits from the settings; nonsense falls back to the defaults', async () => {
    const ctx = t.ctx({ clock });
    expect(await loadRevealAlertSettings(ctx)).toEqual(defaultRevealAlertSettings);
    await writeSetting(
      ctx.db,
      '430225',
      'audit.reveal_alerts',
      { maxRevealsPerWindow: -3, nightStart: '25:00' },
      clock(),
    );
    expect(await loadRevealAlertSettings(ctx)).toEqual(defaultRevealAlertSettings);
    await writeSetting(ctx.db, '430225', 'audit.reveal_alerts', { maxRevealsPerWindow: 5, nightEnd: '07:30' }, clock());
    expect(await loadRevealAlertSettings(ctx)).toMatchObject({ maxRevealsPerWindow: 5, nightEnd: '07:30' });
  });
});

describe('the rules, without a database', () => {
  const shanghai = (local: string) => new Date(`${local}+08:00`);
  it('night is 22:00 up to 06:00 Shanghai time, whatever the UTC date', () => {
    expect(isNight(shanghai('2026-03-02T21:59:59'), defaultRevealAlertSettings)).toBe(false);
    expect(isNight(shanghai('2026-03-02T22:00:00'), defaultRevealAlertSettings)).toBe(true);
    expect(isNight(shanghai('2026-03-03T05:59:00'), defaultRevealAlertSettings)).toBe(true);
    expect(isNight(shanghai('2026-03-03T06:00:00'), defaultRevealAlertSettings)).toBe(false);
    expect(isNight(shanghai('2026-03-03T12:30:00'), { nightStart: '12:00', nightEnd: '13:00' })).toBe(true);
  });

  it('an alert names one rule per person, volume first, and never a person under both limits', () => {
    const at = shanghai('2026-03-02T23:00:00');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(alice, bob), { maxLength: 80 }), fc.boolean(), (actors, night) => {
        const occurredAt = night ? at : shanghai('2026-03-02T10:00:00');
        const result = revealAlertsOf(
          actors.map((actorId) => ({ actorId, occurredAt })),
          defaultRevealAlertSettings,
        );
        for (const who of [alice, bob]) {
          const count = actors.filter((a) => a === who).length;
          const expected = count > 30 ? 'volume' : night && count > 0 ? 'night' : undefined;
          expect(result.find((r) => r.actor === who)?.rule).toBe(expected);
        }
      }),
    );
  });

  it('labels the window in Shanghai time', () => {
    expect(windowLabel(new Date('2026-03-02T15:10:00Z'), new Date('2026-03-02T16:10:00Z'))).toBe(
      '2026-03-02 23:10–00:10',
    );
  });
});
