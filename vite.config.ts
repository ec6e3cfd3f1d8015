// The renderer's build: renderer/ → dist/renderer, with relative asset paths so the same
// files load from file:// in Electron and from the loopback bridge in the browser preview.

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./renderer/', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer/', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    // An offline desktop app: one Chromium, no need to serve old browsers.
    target: 'chrome120',
    // The demo program is a separate chunk loaded on demand; the rest is small.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // The renderer imports shared/ and the demo program from resources/.
    fs: { allow: [fileURLToPath(new URL('./', import.meta.url))] },
  },
});
