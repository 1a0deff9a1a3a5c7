import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// The dev server proxies /api to a running carbonbase API, so `vite` and the API can be
// developed side by side; the production build is plain static files served by the API.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': process.env.CARBONBASE_API_URL ?? 'http://localhost:3000' },
  },
});
