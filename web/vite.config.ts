import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    rollupOptions: {
      input: {
        search: resolve(import.meta.dirname, 'index.html'),
        course: resolve(import.meta.dirname, 'course.html'),
        partner: resolve(import.meta.dirname, 'partner.html'),
        compare: resolve(import.meta.dirname, 'compare.html'),
        provider: resolve(import.meta.dirname, 'provider.html'),
      },
    },
  },
  server: { proxy: { '/v1': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' } },
});
