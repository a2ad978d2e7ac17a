import { defineConfig } from 'vite';

// The renderer is plain React built by Vite; JSX is compiled by esbuild (no Babel plugin needed).
export default defineConfig({
  root: 'renderer',
  base: './',
  esbuild: { jsx: 'automatic' },
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000 },
});
