import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Vendor code lives under node_modules; the pattern matches both path separators. */
const vendor = (packages: string) => new RegExp(`[\\\\/]node_modules[\\\\/](?:${packages})[\\\\/]`);

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // One chunk per large library family keeps each under Vite's 500 kB warning and lets browsers cache
        // libraries across releases of the app code.
        codeSplitting: {
          groups: [
            { name: 'react', test: vendor('react|react-dom|scheduler|react-router|react-router-dom|cookie'), priority: 30 },
            { name: 'echarts', test: vendor('echarts|zrender|echarts-for-react|size-sensor|tslib'), priority: 20 },
            { name: 'antd-icons', test: vendor('@ant-design/icons|@ant-design/icons-svg'), priority: 15 },
            // The data-heavy widgets (tables, date pickers, cascaders…) only the working pages need, in their own
            // pair of chunks: antd's part and the rc-components under it.
            {
              name: 'antd-data-base',
              test: vendor('@rc-component/(?:table|picker|cascader|tree|tree-select|pagination|tabs|qrcode|virtual-list|select|input-number|mini-decimal)|dayjs'),
              priority: 14,
            },
            {
              name: 'antd-data',
              test: /[\\/]node_modules[\\/]antd[\\/]es[\\/](?:table|date-picker|time-picker|calendar|cascader|tree|tree-select|pagination|tabs|qr-code|select|auto-complete|input-number|descriptions|popconfirm|checkbox)[\\/]/,
              priority: 11,
            },
            // antd alone is over the limit: its building blocks (rc-components, css-in-js, dayjs) go separately.
            {
              name: 'antd-base',
              test: vendor('@rc-component|@ant-design/(?:cssinjs|cssinjs-utils|colors|fast-color|react-slick)|@babel/runtime|dayjs|@emotion|stylis|clsx|json2mq|compute-scroll-into-view|scroll-into-view-if-needed|throttle-debounce|string-convert|is-mobile'),
              priority: 12,
            },
            { name: 'antd', test: vendor('antd'), priority: 10 },
          ],
        },
      },
    },
  },
});
