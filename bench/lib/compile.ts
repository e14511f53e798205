import fs from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { projectRoot } from '../../server/config.ts';

/**
 * `import.meta.dirname` in a bundle would name the bundle's folder; the server uses it to find its project
 * root, migrations and region files, so each file's own folder is written in as a literal.
 */
const keepSourceDirname: Plugin = {
  name: 'keep-source-dirname',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      const contents = source
        .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path));
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * The server compiled ahead of time into one ESM file (dependencies stay in node_modules), to measure what
 * running through tsx's loader costs at start-up against shipping compiled JavaScript. esbuild comes with tsx.
 */
export async function compileServer(outDir: string): Promise<{ entry: string; ms: number }> {
  const entry = path.join(outDir, 'wenming.mjs');
  const started = performance.now();
  await build({
    entryPoints: [path.join(projectRoot, 'server', 'main.ts')],
    outfile: entry,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    plugins: [keepSourceDirname],
  });
  return { entry, ms: performance.now() - started };
}
