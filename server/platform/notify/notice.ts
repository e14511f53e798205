import type { Ctx } from '../context.ts';

/** An outbox event as a rule sees it (delivery/outbox.ts `emitEvent` wrote it in the business transaction). */
export interface NotifyEvent {
  id: number;
  topic: string;
  objectType: string;
  objectId: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/**
 * Who gets an inbox notice: named users, everyone holding one of some roles, or everyone holding a permission
 * (optionally only in one department, `app_user.department`, and whose scope covers a place). Only active
 * accounts are reached.
 */
export type Recipients =
  | { users: readonly string[] }
  | { roles: readonly string[] }
  | {
      permission: string;
      department?: string | null;
      /** Only people whose data scope covers this region code (a case's place): they can open the record. */
      within?: string;
    };

/** What an inbox text says: a message code from a catalogue a manifest lists, rendered in the reader's language. */
export interface NoticeText {
  code: string;
  /** Values for the code's `{placeholders}`; a value that is itself a message code is translated too. */
  params?: Readonly<Record<string, string | number>>;
}

/** The record a notice is about, and where the web shows it. A to-do on it closes when the record is acted on. */
export interface NoticeRecord {
  type: string;
  id: string;
  /** A web path: '/cases/2026…'. */
  link?: string;
}

/** A to-do (work waits for the reader; done by the reader or when the record is acted on) or a message. */
export interface InboxNotice extends NoticeText {
  channel: 'inbox';
  kind: 'todo' | 'message';
  to: Recipients;
  about?: NoticeRecord;
}

/** Closes the open to-dos about a record (all of them, or those with these codes): the record was acted on. */
export interface InboxDoneNotice {
  channel: 'inbox-done';
  about: { type: string; id: string };
  codes?: readonly string[];
}

/**
 * An SMS (platform/notify/sms): a template the manifest declares (`smsTemplates`), its parameters, and the
 * recipient's phone sealed with `sealSmsPhone` (never the clear number). Deduplicated by the notice's source.
 */
export interface SmsNotice {
  channel: 'sms';
  phoneSealed: string;
  template: string;
  params: Readonly<Record<string, string>>;
  /** What it is about (consent withdrawn there cancels it); the event's object when left out. */
  subject?: { type: string; id: string };
}

export type Notice = InboxNotice | InboxDoneNotice | SmsNotice;
export type NoticeChannel = Notice['channel'];

/**
 * A module's rule (manifest `notifications`): for each outbox event of `topic`, the notices it gives. It may
 * read (the case's department, its head) but never write: the dispatcher delivers the notices in the same
 * transaction that advances the consumer, so an event yields its notices once.
 */
export interface NotificationRule {
  /** Unique across manifests, module first: 'cases.deadline-reminder'. Part of each notice's idempotency key. */
  key: string;
  topic: string;
  notices(ctx: Ctx, event: NotifyEvent): Promise<readonly Notice[]>;
}

/** Where a notice comes from: the event, the rule and the notice's place in the rule's answer. */
export interface NoticeSource {
  event: NotifyEvent;
  rule: string;
  index: number;
  /** `<event id>:<rule>:<index>`: a channel stores it so that delivering the same notice twice does nothing. */
  key: string;
}

/** Delivers one kind of notice inside the consumer's transaction (`t.inTransaction`); idempotent by `source.key`. */
export type ChannelHandler<N extends Notice> = (t: Ctx, notice: N, source: NoticeSource) => Promise<void>;
