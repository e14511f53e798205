import { builtinRoles } from '../access/roles.ts';
import type { Db } from '../db/database.ts';
import type { Locale } from '../i18n/locale.ts';
import { translate } from '../i18n/translate.ts';
import { auditEventLabel, auditObjectLabel } from './audit-labels.ts';
import { userLabelsOf } from './audit.store.ts';
import type { AuditRow } from './chain.ts';

/** An audit row in words, in the reader's language: what the pages and the export show beside the stored codes. */
export interface AuditDisplay {
  event: string;
  outcome: string;
  /** The person, 公众 (a request without a session: the residents' pages) or 系统 (a job, no request). */
  actor: string;
  roles: string[];
  /** '案件 2026-00001234', '账号 李华（chuangwenban）'; null when the row names no object. */
  object: string | null;
}

type DisplayRow = Pick<
  AuditRow,
  'eventType' | 'outcome' | 'actorId' | 'actorName' | 'actorRoles' | 'requestId' | 'objectType' | 'objectId'
>;

function roleName(key: string, locale: Locale): string {
  const role = builtinRoles.find((r) => r.key === key);
  return role ? (locale === 'zh' ? role.nameZh : role.nameEn) : key;
}

function actorOf(row: DisplayRow, locale: Locale): string {
  if (row.actorName) return row.actorName;
  if (row.actorId) return row.actorId;
  return translate(locale, row.requestId ? 'audit.actor.public' : 'audit.actor.system');
}

/**
 * Names rows in one language. Accounts are looked up (name and login) once per id for the whole batch or
 * export; a case is named by its number, which its rows store; any other object by its type's name and id.
 */
export function auditDisplayer(db: Db, countyCode: string, locale: Locale) {
  const users = new Map<string, string>();
  return {
    /** Reads the names of the accounts these rows name that are not known yet. */
    async prepare(rows: readonly DisplayRow[]): Promise<void> {
      const ids = rows.filter((r) => r.objectType === 'user' && r.objectId && !users.has(r.objectId));
      const found = await userLabelsOf(
        db,
        countyCode,
        ids.map((r) => r.objectId!),
      );
      for (const [id, label] of found) users.set(id, label);
    },
    display(row: DisplayRow): AuditDisplay {
      const object =
        row.objectType === null
          ? null
          : translate(locale, 'audit.object_named', {
              type: auditObjectLabel(row.objectType, locale),
              name:
                (row.objectType === 'user' && row.objectId ? users.get(row.objectId) : undefined) ?? row.objectId ?? '',
            }).trim();
      return {
        event: auditEventLabel(row.eventType, locale),
        outcome: translate(locale, `audit.outcome.${row.outcome}`),
        actor: actorOf(row, locale),
        roles: row.actorRoles.map((key) => roleName(key, locale)),
        object,
      };
    },
  };
}
