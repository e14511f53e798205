import fs from 'node:fs';
import path from 'node:path';

/** The built web app (`npm run build:web`): both builds write here, each with its own manifest. */
export const webDist = path.resolve(import.meta.dirname, '..', '..', 'web', 'dist');

/** One chunk of Vite's manifest (`build.manifest`): its file and the chunks it imports statically. */
interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface FileWeight {
  file: string;
  /** Bytes on disk. */
  raw: number;
  /** Bytes on the wire for a browser that accepts br: the `.br` beside the file, or the file when there is none. */
  brotli: number;
}

export interface FirstLoad {
  files: FileWeight[];
  raw: number;
  brotli: number;
}

export function readManifest(name: 'manifest.json' | 'citizen-manifest.json', dist = webDist): Manifest {
  const file = path.join(dist, '.vite', name);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: build the web app first (npm run build:web)`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
}

/** The manifest key of a source file, by the end of its path (`citizen/ReportPage.tsx`). */
export function chunkOf(manifest: Manifest, sourceEnding: string): string {
  const keys = Object.keys(manifest).filter((key) => key === sourceEnding || key.endsWith(`/${sourceEnding}`));
  if (keys.length !== 1) throw new Error(`${sourceEnding}: ${keys.length} chunks in the manifest`);
  return keys[0] as string;
}

function weightOf(file: string, dist: string): FileWeight {
  const full = path.join(dist, file);
  const raw = fs.statSync(full).size;
  const brotli = fs.existsSync(`${full}.br`) ? fs.statSync(`${full}.br`).size : raw;
  return { file, raw, brotli };
}

/**
 * The JavaScript a first visit downloads: the given chunks (an entry page, and the lazy page it opens at once)
 * with everything they import statically, each file once. Dynamic imports are not followed: they load later,
 * when a page that needs them opens.
 */
export function firstLoadJs(manifest: Manifest, keys: readonly string[], dist = webDist): FirstLoad {
  const seen = new Set<string>();
  const files: FileWeight[] = [];
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the manifest`);
    if (chunk.file.endsWith('.js')) files.push(weightOf(chunk.file, dist));
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return {
    files,
    raw: files.reduce((sum, f) => sum + f.raw, 0),
    brotli: files.reduce((sum, f) => sum + f.brotli, 0),
  };
}

/** The three first visits issue #12 budgets, as the manifests describe them. */
export function firstVisits(dist = webDist): Record<'report' | 'track' | 'staffHome', FirstLoad> {
  const citizen = readManifest('citizen-manifest.json', dist);
  const staff = readManifest('manifest.json', dist);
  return {
    report: firstLoadJs(citizen, ['citizen.html', chunkOf(citizen, 'citizen/ReportPage.tsx')], dist),
    track: firstLoadJs(citizen, ['citizen.html', chunkOf(citizen, 'citizen/TrackPage.tsx')], dist),
    staffHome: firstLoadJs(staff, ['index.html'], dist),
  };
}
