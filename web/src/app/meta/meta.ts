/**
 * The part of `GET /api/meta` (server/platform/system/system.routes.ts) the shell shows in the header and on the
 * home page:
 *
 * { "version": "0.1.0", "county": { "code": "430225", "name": "炎陵县" }, "engine": "pglite" | "postgres",
 *   "demo": true, "modules": [{ "key": "<module key>", "ready": false }, …] }
 */
export interface Meta {
  version: string;
  county: { code: string; name: string };
  engine: string;
  demo: boolean;
  modules: ModuleStatus[];
}

export interface ModuleStatus {
  key: string;
  ready: boolean;
}

/**
 * Reads the body defensively: a field the server does not send yet shows as unknown instead of breaking the
 * page, so the shell and the server can evolve in separate releases.
 */
export function parseMeta(body: unknown): Meta {
  const root = asRecord(body);
  const county = asRecord(root.county);
  return {
    version: asString(root.version),
    county: { code: asString(county.code), name: asString(county.name) },
    engine: asString(root.engine),
    demo: root.demo === true,
    modules: Array.isArray(root.modules) ? root.modules.map(asRecord).map(toModuleStatus) : [],
  };
}

function toModuleStatus(entry: Record<string, unknown>): ModuleStatus {
  return { key: asString(entry.key), ready: entry.ready === true };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
