import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adoptedManifests } from '../modules/adopt.ts';
import { declaredAuditEvents } from './audit-labels.ts';
import { alertEventType } from './reveal-alerts.ts';

const serverDir = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ['testing', 'node_modules', 'db'].includes(entry.name) ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The event types the code writes as literals: `eventType: 'x.y'` and each quoted type in that expression. */
function writtenEventTypes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(serverDir)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/eventType:\s*([^,\n}]+)/g))
      for (const literal of (match[1] ?? '').matchAll(/'([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)'/g))
        found.set(literal[1]!, path.relative(serverDir, file));
  }
  return found;
}

describe('audit event labels (ModuleManifest.audit)', () => {
  it('every event type written in the code has words in zh and en', () => {
    const declared = declaredAuditEvents();
    const written = writtenEventTypes();
    expect(written.size).toBeGreaterThan(40);
    written.set(alertEventType, 'platform/audit/reveal-alerts.ts');
    const missing = [...written].filter(([type]) => !declared.has(type)).map(([type, file]) => `${type} (${file})`);
    expect(missing).toEqual([]);
  });

  it('each declaration names its type once, in both languages', () => {
    const all = adoptedManifests().flatMap((m) => [...(m.audit?.events ?? []), ...(m.audit?.objects ?? [])]);
    expect(all.filter((d) => !d.zh.trim() || !d.en.trim())).toEqual([]);
    const events = adoptedManifests().flatMap((m) => (m.audit?.events ?? []).map((d) => d.type));
    expect(events.length).toBe(new Set(events).size);
  });
});

describe('permission names (security page)', () => {
  it('says each permission in words from the manifests, an undeclared one as stored', async () => {
    const { permissionNames } = await import('../access/permission-names.ts');
    expect(permissionNames(['cases.verify', 'audit.export', 'x.unknown'], 'zh')).toEqual({
      'cases.verify': '核查结案',
      'audit.export': '导出审计日志',
      'x.unknown': 'x.unknown',
    });
    expect(permissionNames(['cases.verify'], 'en')).toEqual({ 'cases.verify': 'Check and close' });
  });
});
