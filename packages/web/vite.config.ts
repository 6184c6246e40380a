import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app is served by the CTI server from packages/web/dist, at the root.
 * In development, `npm run dev -w @amiable/web` proxies /api (REST and WebSocket)
 * to the server given by AMIABLE_URL (default http://127.0.0.1:8080).
 */
const target = process.env.AMIABLE_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: ['chrome120', 'firefox120', 'safari17'] },
  server: { proxy: { '/api': { target, ws: true, changeOrigin: true } } },
});
