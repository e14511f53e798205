/**
 * What the case page prints: the kinds' file names under /api/cases/{caseNo}/documents/ (the server's route takes
 * `<kind>.<format>` as one path segment, so the generated client has no list of them) and the two formats.
 */
export const printableKinds = ['case-file', 'rectification-notice'] as const;
export type DocumentKindSlug = (typeof printableKinds)[number];
export const documentFormats = ['pdf', 'docx'] as const;
export type DocumentFormat = (typeof documentFormats)[number];
