/**
 * The paths the server answers with `citizen.html` (the residents' light entry) instead of the staff entry: each
 * path and everything under it. No imports: the build config reads it and writes it to `dist/entries.json` for
 * the server; a test keeps it and the public routes of `citizenPages.ts` in step.
 */
export const citizenPathPrefixes: readonly string[] = ['/report', '/track'];
