import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The staff app. `npm run build:web` writes web/dist, which `npm start` serves from the
 * API's port and the CDK stack uploads to S3. `npm run dev` proxies the API to a running
 * `npm start` (LANTERN_API, default http://127.0.0.1:3000).
 */
const api = process.env.LANTERN_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  css: { preprocessorOptions: { scss: { quietDeps: true, silenceDeprecations: ['import'] } } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No inline scripts or data: URIs, so the CSP needs no 'unsafe-inline'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: { proxy: { '/v1': api, '/health': api } },
});
