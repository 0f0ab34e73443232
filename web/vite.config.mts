import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const nhsukAssets = fileURLToPath(
  new URL('../node_modules/nhsuk-frontend/dist/nhsuk/assets', import.meta.url),
);
// the development server listens on 127.0.0.1 only ("localhost" may resolve to ::1)
const server = process.env.API_ORIGIN ?? 'http://127.0.0.1:3000';

// Run from the repository root: `vite build --config web/vite.config.mts`.
export default defineConfig({
  root: webRoot,
  base: '/',
  // JSX through Vite's built-in oxc transform with React's automatic runtime
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  resolve: {
    // nhsuk-frontend's icons are bundled (hashed) rather than fetched from a fixed /assets/ path
    alias: { '@nhsuk-assets': nhsukAssets },
  },
  css: {
    preprocessorOptions: {
      scss: { loadPaths: [fileURLToPath(new URL('../node_modules', import.meta.url))] },
    },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // no source maps in the build: the server would never serve them in production anyway
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // compiling nhsuk-frontend's Sass is most of the build, as expected: no timing report
      checks: { bundlerTimings: false },
      output: {
        // libraries change less often than our pages: separate files stay cached between releases
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
            },
            {
              name: 'apollo',
              test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib|zen-observable)/,
            },
            {
              name: 'nhsuk',
              test: /node_modules[\\/](nhsuk-frontend|nhsuk-react-components)[\\/]/,
            },
          ],
        },
      },
      onwarn(warning, warn) {
        // nhsuk-react-components marks modules 'use client' for React Server Components; harmless here
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: server, ws: true },
      '/api': server,
    },
  },
  preview: { port: 4173 },
});
