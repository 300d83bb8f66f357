import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import AutoImport from 'unplugin-auto-import/vite';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';

// Element Plus components and their styles are imported where they are used, so the first screen
// loads only what it draws. Every asset is served from the console's own origin: no CDN.
export default defineConfig({
  plugins: [
    vue(),
    AutoImport({ resolvers: [ElementPlusResolver()], dts: false }),
    Components({ resolvers: [ElementPlusResolver()], dts: false }),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    target: 'es2020',
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        // libraries apart from the pages, so a release of the console keeps their cached copies
        manualChunks(id: string) {
          if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
          if (/node_modules\/(element-plus|@element-plus)\//.test(id)) return 'element-plus';
          if (/node_modules\/(@vue|vue|vue-router|pinia)\//.test(id)) return 'vue';
          return undefined;
        },
      },
    },
  },
  server: {
    // `npm run dev` beside ./kpi up: the console's Java side serves /api and /auth
    proxy: { '/api': 'http://localhost:8080', '/auth': 'http://localhost:8080' },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.spec.ts'],
  },
});
