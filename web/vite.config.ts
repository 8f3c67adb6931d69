import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
// WEB_OUT_DIR lets parallel work build side by side; the browser tests' server reads it too.
const outDir = process.env.WEB_OUT_DIR ? path.resolve(process.env.WEB_OUT_DIR) : fileURLToPath(new URL('../dist/web', import.meta.url));

// The API runs in its own process during development; production serves both from one origin.
const apiProxy = { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } };

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir,
    // outDir lies outside root, so Vite only empties it when told to.
    emptyOutDir: true,
    sourcemap: true,
  },
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
});
