import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Served by the service at /console/ (pod-local packs dist/ as static resources): every asset is
// bundled, nothing is fetched from a CDN at run time.
export default defineConfig({
  base: '/console/',
  plugins: [svelte()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
});
