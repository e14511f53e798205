import type { Locale } from '../i18n/locale.ts';
import { translate } from '../i18n/translate.ts';
import type { InboxItem } from './inbox.schema.ts';
import type { InboxItemRow } from './inbox.store.ts';

/** An item as its reader sees it: the text in the reader's language, times as ISO instants. */
export function presentInboxItem(row: InboxItemRow, locale: Locale): InboxItem {
  return {
    id: row.id,
    kind: row.kind,
    text: translate(locale, row.code, row.params),
    code: row.code,
    objectType: row.objectType,
    objectId: row.objectId,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
    doneAt: row.doneAt?.toISOString() ?? null,
    doneBy: row.doneBy ?? null,
  };
}
