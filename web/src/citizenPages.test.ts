import { describe, expect, it } from 'vitest';
import { citizenPages } from './citizenPages.ts';
import { citizenPathPrefixes } from './citizenPaths.ts';
import { webModules } from './modules/index.ts';

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/**
 * The server answers `citizenPathPrefixes` with `citizen.html` (the build writes them to `dist/entries.json`),
 * whose app routes `citizenPages`. Out of step, a resident would get a blank page or the staff sign-in.
 */
describe("the residents' entry and the paths the server gives it", () => {
  const routes = citizenPages.flatMap((pages) => (pages.publicRoutes ?? []).map(({ path }) => path));

  it('routes a page for every path prefix the server sends to it', () => {
    for (const prefix of citizenPathPrefixes) expect(routes, prefix).toContain(prefix);
  });

  it('has no page the server would answer with the staff entry', () => {
    for (const path of routes)
      expect(
        citizenPathPrefixes.some((prefix) => under(path, prefix)),
        path,
      ).toBe(true);
  });

  it("carries the same public pages as the staff app's modules", () => {
    const staffRoutes = webModules.flatMap((module) => module.publicRoutes ?? []);
    for (const route of citizenPages.flatMap((pages) => pages.publicRoutes ?? []))
      expect(staffRoutes, route.path).toContainEqual(route);
  });
});
