import { defineConfig } from 'vite';

/**
 * The secretaries' web app, built into web/dist and served by the service at / (src/web-app).
 * Everything it loads is a file of its own: nothing is inlined as a data: address (the page's
 * CSP allows only the service's own files) and no module-preload helper is injected inline.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2022',
    rolldownOptions: {
      // TanStack Query marks its modules "use client" for server-rendering frameworks; this app renders in the browser only.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
