import { defineConfig } from 'vite';

// JSX is compiled by esbuild straight to preact's runtime: no extra plugin needed.
// `npm run dev` proxies the API to a running `allot serve` (ALLOT_URL, default port 8080).
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
  },
  server: {
    proxy: { '/api': process.env.ALLOT_URL || 'http://127.0.0.1:8080' },
    // The Client Level Data code lists (../data/codes/cld.json) are built into the pages.
    fs: { allow: ['.', '../data/codes'] },
  },
});
