import { defineConfig } from 'vite';

// The renderer is plain React built by Vite; JSX is compiled by esbuild (no Babel plugin needed).
export default defineConfig({
  root: 'renderer',
  base: './',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // zod ships comments Rollup cannot place; they are harmless and only clutter the test log.
      onwarn(warning, warn) {
        if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
      },
    },
  },
});
