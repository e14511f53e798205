import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { type BuildEnvironmentOptions, defineConfig, type Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { citizenPathPrefixes } from './src/citizenPaths.ts';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/** Vendor code lives under node_modules; the pattern matches both path separators. */
const vendor = (packages: string) => new RegExp(`[\\\\/]node_modules[\\\\/](?:${packages})[\\\\/]`);

type CodeSplitting = Extract<
  NonNullable<NonNullable<NonNullable<BuildEnvironmentOptions['rolldownOptions']>['output']>>,
  { codeSplitting?: unknown }
>['codeSplitting'];
type ChunkGroup = NonNullable<Extract<CodeSplitting, { groups?: unknown }>['groups']>[number];

// React and the router: every page needs them, one file that outlives releases of the app code.
const reactGroup: ChunkGroup = {
  name: 'react',
  test: vendor('react|react-dom|scheduler|react-router|react-router-dom|cookie'),
  priority: 30,
};

// antd, its building blocks and icons, split by which pages use them (`entriesAware`): a page downloads the
// widgets it renders, not another page's tables, trees, menus and uploads; pieces under the threshold are
// merged with their nearest neighbour instead of becoming a file each.
const antdGroup: ChunkGroup = {
  name: 'antd',
  test: vendor(
    'antd|@rc-component|@ant-design/(?:cssinjs|cssinjs-utils|colors|fast-color|react-slick)|@babel/runtime|dayjs|@emotion|stylis|clsx|json2mq|compute-scroll-into-view|scroll-into-view-if-needed|throttle-debounce|string-convert|is-mobile',
  ),
  priority: 10,
  entriesAware: true,
  entriesAwareMergeThreshold: 10_000,
};

const iconsGroup: ChunkGroup = {
  name: 'antd-icons',
  test: vendor('@ant-design/icons|@ant-design/icons-svg'),
  priority: 15,
  entriesAware: true,
  entriesAwareMergeThreshold: 8_000,
};

const echartsGroup: ChunkGroup = {
  name: 'echarts',
  test: vendor('echarts|zrender|echarts-for-react|size-sensor|tslib'),
  priority: 20,
};

/**
 * Tells the server which page answers which paths: `citizen.html` (the residents' light entry) for the public
 * pages, `index.html` (the staff app) for everything else. Read once when the server starts.
 */
function entriesFile(): Plugin {
  return {
    name: 'wenming-entries',
    apply: 'build',
    generateBundle() {
      const entries = { pages: [{ file: 'citizen.html', pathPrefixes: citizenPathPrefixes }], fallback: 'index.html' };
      this.emitFile({ type: 'asset', fileName: 'entries.json', source: `${JSON.stringify(entries, null, 2)}\n` });
    },
  };
}

/**
 * Two builds into one `dist/` (`npm run build:web` runs both): the staff app (`index.html`, default mode) and
 * the residents' entry (`citizen.html`, `--mode citizen`). Built apart, the residents' pages share no chunk with
 * the staff app, so nothing the staff pages need rides along on a phone's first visit (#12: budget 150 KB on
 * the wire; built together, shared antd chunks added 60 KB; the residents' pages now use no antd at all and
 * weigh about 100 KB). Each writes its own manifest, which `e2e/web-delivery-budget.e2e.ts` reads.
 */
export default defineConfig(({ mode }) => {
  const citizen = mode === 'citizen';
  const input: Record<string, string> = citizen
    ? { citizen: `${webRoot}citizen.html` }
    : { main: `${webRoot}index.html` };
  return {
    root: webRoot,
    plugins: [
      react(),
      ...(citizen ? [] : [entriesFile()]),
      // Every text file also as .br (quality 11: built once, sent many times) and .gz, next to the original; the
      // server sends the one the browser accepts (@fastify/static `preCompressed`): nothing compressed per request.
      compression({
        include: /\.(?:js|css|html|svg|json)$/,
        threshold: 0,
        skipIfLargerOrEqual: true,
        algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })],
        logLevel: 'silent',
      }),
    ],
    server: {
      host: '127.0.0.1',
      proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
    },
    build: {
      outDir: 'dist',
      // The staff build runs first and empties dist/; the residents' build adds to it.
      emptyOutDir: !citizen,
      manifest: citizen ? '.vite/citizen-manifest.json' : '.vite/manifest.json',
      rolldownOptions: {
        input,
        output: {
          // Grouped chunks are named after the pages that use them (`antd~main~TrackPage~…`); files keep the
          // first part only.
          chunkFileNames: (chunk) => `assets/${chunk.name.split('~')[0]}-[hash].js`,
          // The residents' pages use no antd; its groups stay in their build as a tripwire: a stray import lands
          // in an `antd-…` file, which e2e/web-delivery-budget.e2e.ts refuses.
          codeSplitting: {
            groups: citizen ? [reactGroup, iconsGroup, antdGroup] : [reactGroup, echartsGroup, iconsGroup, antdGroup],
          },
        },
      },
    },
  };
});
