import type { RouteAccess } from '../access/access.ts';
import { locales } from '../i18n/locale.ts';
import type { Bilingual, MessageCatalogue, ModuleManifest } from '../module.ts';

/**
 * What a manifest must get right, as problems in words (empty when it is right). The manifest test runs these
 * over every manifest of the app and over broken inline ones; nothing at run time depends on them.
 */

const spelled = (words: Bilingual | undefined) => locales.every((locale) => (words?.[locale] ?? '').trim() !== '');

/** Each declared permission has a key and a label in both languages, once. */
export function declaredPermissionProblems(manifest: ModuleManifest): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const permission of manifest.permissions ?? []) {
    if (seen.has(permission.key)) problems.push(`permission ${permission.key} is declared twice`);
    seen.add(permission.key);
    if (!spelled(permission)) problems.push(`permission ${permission.key} needs a zh and an en label`);
  }
  return problems;
}

/** Every permission the manifest's routes declare is among its declared permissions. */
export function routePermissionProblems(manifest: ModuleManifest, routes: readonly RouteAccess[]): string[] {
  const declared = new Set((manifest.permissions ?? []).map((permission) => permission.key));
  return routes.flatMap((route) =>
    route.access === 'public' || declared.has(route.access.permission)
      ? []
      : [`${route.method} ${route.url} checks ${route.access.permission}, which ${manifest.key} does not declare`],
  );
}

/** Grants, key permissions and maker/checker sides name permissions some manifest declares. */
export function unknownPermissionProblems(manifest: ModuleManifest, known: ReadonlySet<string>): string[] {
  const granted = Object.entries(manifest.grants ?? {}).flatMap(([role, permissions]) =>
    (permissions ?? []).map((permission) => ({ permission, where: `granted to ${role}` })),
  );
  const offered = (manifest.integrationPermissions ?? []).map((permission) => ({
    permission,
    where: 'offered to keys',
  }));
  const paired = (manifest.separation ?? []).flatMap((pair) => [
    { permission: pair.maker, where: `maker of ${pair.step}` },
    { permission: pair.checker, where: `checker of ${pair.step}` },
  ]);
  return [...granted, ...offered, ...paired]
    .filter(({ permission }) => !known.has(permission))
    .map(({ permission, where }) => `${permission} (${where}) is declared by no manifest`);
}

/** One catalogue's problems: a code in one language only, or empty text. */
function catalogueProblems(catalogue: MessageCatalogue): string[] {
  const zh = Object.keys(catalogue.zh);
  const en = Object.keys(catalogue.en);
  return [
    ...zh.filter((code) => !(code in catalogue.en)).map((code) => `message ${code} has no en text`),
    ...en.filter((code) => !(code in catalogue.zh)).map((code) => `message ${code} has no zh text`),
    ...zh
      .filter((code) => !spelled({ zh: catalogue.zh[code] ?? '', en: catalogue.en[code] ?? '' }))
      .map((code) => `message ${code} is empty in a language`),
  ];
}

/** Each catalogue has the same codes in zh and en, none empty; maker/checker labels are among them. */
export function messageProblems(manifest: ModuleManifest): string[] {
  const catalogues = manifest.messages ?? [];
  const codes = new Set(catalogues.flatMap((catalogue) => Object.keys(catalogue.zh)));
  const labels = (manifest.separation ?? []).flatMap((pair) => [pair.makerLabel, pair.checkerLabel]);
  return [
    ...catalogues.flatMap(catalogueProblems),
    ...labels
      .filter((label) => !codes.has(label))
      .map((label) => `maker/checker label ${label} is not among ${manifest.key}'s messages`),
  ];
}

/** A module's personal data lives in its own tables: `<key>_…` ('cases' → cases_case, cases_photo, …). */
export function personalDataProblems(manifest: ModuleManifest): string[] {
  const prefix = `${manifest.key.replaceAll('-', '_')}_`;
  const columns = [...(manifest.personalData?.fields ?? []), ...(manifest.personalData?.notPersonal ?? [])];
  return columns
    .filter((column) => !column.table.startsWith(prefix))
    .map((column) => `${column.table}.${column.column} is not in a ${prefix}… table of ${manifest.key}`);
}

/** Figures: labels, definitions and units in both languages; keys unique across every manifest. */
export function figureProblems(manifests: readonly ModuleManifest[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const figure of manifests.flatMap((manifest) => manifest.figures ?? [])) {
    if (seen.has(figure.key)) problems.push(`figure ${figure.key} is offered twice`);
    seen.add(figure.key);
    if (!spelled(figure)) problems.push(`figure ${figure.key} needs a zh and an en name`);
    if (!spelled(figure.definition)) problems.push(`figure ${figure.key} needs a definition in zh and en`);
    if (!spelled(figure.unit)) problems.push(`figure ${figure.key} needs a unit in zh and en`);
  }
  return problems;
}

/** Periodic jobs and queues: a name each, unique across manifests (the schedule rows and jobs are keyed by it). */
export function jobNameProblems(manifests: readonly ModuleManifest[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const manifest of manifests) {
    const names = [...(manifest.jobs ?? []), ...(manifest.queues ?? [])].map((job) => job.name);
    for (const name of names) {
      if (name.trim() === '') problems.push(`${manifest.key} declares a job without a name`);
      else if (seen.has(name)) problems.push(`job ${name} is declared twice`);
      seen.add(name);
    }
  }
  return problems;
}

/**
 * Document kinds: keys `<module>.<slug>` (the slug is the file name in print URLs), once each; both titles and
 * every public field's label in zh and en; issue and revoke permissions the manifest itself declares.
 */
export function documentKindProblems(manifest: ModuleManifest): string[] {
  const problems: string[] = [];
  const declared = new Set((manifest.permissions ?? []).map((permission) => permission.key));
  const seen = new Set<string>();
  for (const kind of manifest.documents ?? []) {
    if (!new RegExp(`^${manifest.key}\\.[a-z][a-z0-9-]{1,40}$`).test(kind.key)) {
      problems.push(`document kind ${kind.key} must be named ${manifest.key}.<lower-case-slug>`);
    }
    if (seen.has(kind.key)) problems.push(`document kind ${kind.key} is declared twice`);
    seen.add(kind.key);
    if (!spelled(kind.title)) problems.push(`document kind ${kind.key} needs a zh and an en title`);
    for (const permission of [kind.issuePermission, kind.revokePermission]) {
      if (!declared.has(permission)) problems.push(`document kind ${kind.key} checks ${permission}, undeclared`);
    }
    if ((kind.publicFields ?? []).some((field) => !spelled(field.label))) {
      problems.push(`document kind ${kind.key} has a public field without a zh and an en label`);
    }
  }
  return problems;
}

/** Every permission the manifests declare. */
export function declaredPermissions(manifests: readonly ModuleManifest[]): ReadonlySet<string> {
  return new Set(manifests.flatMap((manifest) => (manifest.permissions ?? []).map((permission) => permission.key)));
}

/** All of the above for one manifest among others, given the routes it registers. */
export function manifestProblems(
  manifest: ModuleManifest,
  all: readonly ModuleManifest[],
  routes: readonly RouteAccess[],
): string[] {
  return [
    ...declaredPermissionProblems(manifest),
    ...routePermissionProblems(manifest, routes),
    ...unknownPermissionProblems(manifest, declaredPermissions(all)),
    ...messageProblems(manifest),
    ...personalDataProblems(manifest),
    ...documentKindProblems(manifest),
  ];
}
