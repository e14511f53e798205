import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Config } from '../config.ts';
import type { Database } from './db/database.ts';
import type { RoleKey } from './access/roles.ts';
import type { AuthSettings } from './auth/auth-config.ts';
import type { Keyring } from './pii/keyring.ts';
import type { PeriodicJob } from './jobs/periodic.ts';
import type { QueuedJob } from './jobs/queue.ts';
import type { SeedStep } from './seed/seed-step.ts';
import type { TSchema } from 'typebox';
import type { MakerCheckerPair } from './access/separation.ts';
import type { Clock, Ctx } from './context.ts';
import type { Locale, MessageCatalogue } from './i18n/locale.ts';
import type { NotPersonalColumn, PiiField } from './pii/pii-field.ts';
import type { Revealer } from './pii/reveal.ts';
import type { AnyImportKind } from './imports/import-kind.ts';
import type { AnyDocumentKind } from './documents/document-kind.ts';
import type { NotificationRule } from './notify/notice.ts';
import type { SmsTemplate } from './notify/sms/sms-templates.ts';
import type { AuditLabels } from './audit/audit-labels.ts';

/** What the app is built from: the environment, the open database and the clock (fake in tests). */
export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  keyring: Keyring;
  /** Defaults to the China profile; the security administrator's saved settings are loaded at start. */
  security?: AuthSettings;
}

export type TypedApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** Registers some of a module's routes; a manifest lists one per part (cases: catalogue, cases, export, …). */
export type RouteRegistrar = (app: TypedApp, deps: AppDeps) => void | Promise<void>;

/** Words in both languages: labels the role administration, the dashboard and the docs show. */
export type Bilingual = Readonly<Record<Locale, string>>;

/** A permission the module's routes, actions or reveals check, with the name people see for it. */
export interface PermissionDeclaration extends Bilingual {
  /** 'cases.read', 'pii.reveal.reporter_phone', …: the string routes and grants use. */
  key: string;
}

/** Message catalogues (defined beside the locales, so platform files declaring one need not import this file). */
export type { MessageCatalogue };

/**
 * Personal data the module keeps (PI-01): its columns for the PII registry, the columns that only look
 * personal (with the reviewer's reason), and the revealers that show a masked value to whoever may see it.
 */
export interface PersonalDataDeclaration {
  fields?: readonly PiiField[];
  notPersonal?: readonly NotPersonalColumn[];
  revealers?: readonly Revealer[];
}

/**
 * Work `openPreparedDatabase` runs at every start, after migrations: reference data (the category table, the
 * official calendar, …) and backfills of rows written before a column was kept. Each must be idempotent.
 */
export interface PrepareStep {
  name: string;
  /**
   * What the step loads, as a fingerprint (a data file's version or hash). Tests build a template database
   * once per fingerprint; leave it out for a step whose result does not depend on data files (a backfill).
   */
  version?(): string;
  run(ctx: Ctx): Promise<void>;
}

/**
 * A domain event a module emits or consumes: its name, what it means, and its payload's TypeBox schema.
 * Declarations only: modules write these to the outbox today (delivery/outbox.ts `emitEvent`), but nothing
 * checks a payload against its schema, subscribes or delivers — issues #11 and #13 bring that (no bus here).
 * A declaration is the contract those will check against.
 */
export interface EventDeclaration {
  /** The outbox topic: 'case.reported', `<object>.<past-tense fact>`. */
  name: string;
  description: Bilingual;
  payload: TSchema;
}

/** The period a figure is computed for; whose data counts is the actor's scope on the ctx. */
export interface FigureScope {
  /** Asia/Shanghai local dates, both included (YYYY-MM-DD). */
  from: string;
  to: string;
}

/** A number the module offers the dashboard, with what it means and how it is computed. */
export interface FigureDeclaration extends Bilingual {
  /** Unique across modules: '<module>.<figure>'. */
  key: string;
  /** The definition in words, as a bulletin would print it. */
  definition: Bilingual;
  /** What the number counts or measures. */
  unit: Bilingual;
  /** null when the figure is undefined for the period (a rate with a zero denominator). */
  compute(ctx: Ctx, scope: FigureScope): Promise<number | null>;
}

/**
 * What a module (or a platform part with routes) declares: `server/modules/index.ts` lists the manifests, the
 * composition roots (app.ts, the CLI, test setup) hand them to the platform, and `adoptManifests` installs the
 * declarations into the platform's registries. The platform never imports a module.
 */
export interface ModuleManifest {
  /** Stable key, also used by the web app's sidebar. */
  key: string;
  title?: Bilingual;
  /** Route registrars, run in list order. */
  routes?: readonly RouteRegistrar[];
  /** Every permission the module's routes and actions check, with zh/en labels for the role administration. */
  permissions?: readonly PermissionDeclaration[];
  /** Permissions this module adds to built-in roles (modules add permissions, not roles). */
  grants?: Partial<Record<RoleKey, readonly string[]>>;
  /**
   * Permissions a partner system's API key may carry (Open311 submit, …): the allowlist, nothing else reaches a
   * key. Never a reveal, an export or an administrator's power: those need a signed-in person (issue 9 item 2).
   */
  integrationPermissions?: readonly string[];
  personalData?: PersonalDataDeclaration;
  /** Maker ≠ checker steps (AC-07): the role administration warns when one person gets both sides. */
  separation?: readonly MakerCheckerPair[];
  /** The module's message catalogues, one per part. */
  messages?: readonly MessageCatalogue[];
  /** Loaded at every start, in module order, before the roles are written. */
  referenceData?: readonly PrepareStep[];
  /** Run at every start after the roles are written, in module order. */
  backfills?: readonly PrepareStep[];
  /** Demo-county seed steps, run in list order after the platform's own. */
  seeds?: readonly SeedStep[];
  /**
   * Work run every `everyMs` (platform/jobs): each is a durable schedule row, so a tick runs in one server process
   * only, and a tick missed while no server ran runs once at the next start. Names unique across manifests.
   */
  jobs?: readonly PeriodicJob[];
  /**
   * Queues of work the module enqueues with `enqueueJob(t, job, payload, { runAt, key })` in its business
   * transaction (platform/jobs/queue.ts): run once across processes, retried with backoff, then dead.
   */
  // biome-ignore lint/suspicious/noExplicitAny: each queue has its own payload type
  queues?: readonly QueuedJob<any>[];
  /**
   * The outbox topics the module writes with `emitEvent` (`emits`) and reads (`consumes`). The notifier reads
   * the outbox for the `notifications` rules below; other modules react to events only through such declarations.
   */
  events?: { emits?: readonly EventDeclaration[]; consumes?: readonly EventDeclaration[] };
  /** What the module offers the dashboard. */
  figures?: readonly FigureDeclaration[];
  /**
   * Spreadsheet import kinds (imports/import-kind.ts): key, zh/en title, permission, columns (header, required,
   * type, example), reference data loaded once per pass, a pure row check, what must be unique, and the commit
   * of a batch of valid rows in `tx` with audit. The module lists `importRoutes(kind)` in its routes (template,
   * upload, dry-run result, error report, commit, one-time handouts); the imports worker runs the passes.
   */
  imports?: readonly AnyImportKind[];
  /**
   * Kinds of printable document the module issues (documents/document-kind.ts): key, zh/en title, who may issue
   * and revoke, the scoped record loader, the template, the fields the public verification page may show. The
   * module lists `documentRoutes({ … })` in its routes for the print, list and revoke endpoints.
   */
  documents?: readonly AnyDocumentKind[];
  /**
   * Notification rules (platform/notify): for an outbox topic, the notices an event gives — inbox to-dos and
   * messages (texts are codes of the module's catalogues), SMS, closing the to-dos about a record. The notifier
   * consumes the outbox and delivers each notice once. Keys unique across manifests.
   */
  notifications?: readonly NotificationRule[];
  /**
   * SMS templates the module sends (notify/sms/sms-templates.ts): key, the provider's template id, the approved
   * zh text with `${param}` placeholders and its parameter names. `queueSms` checks parameters against them.
   */
  smsTemplates?: readonly SmsTemplate[];
  /**
   * The audit event types the module writes and the object types they name, in zh and en (audit/audit-labels.ts):
   * the audit pages and exports show these words instead of codes; a test fails on a written type without one.
   */
  audit?: AuditLabels;
}
