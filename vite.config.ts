import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { calloutContent } from './src/content/vite-plugin.ts';
import { prerenderHome } from './src/app/prerender-plugin.ts';

// The content plugin validates the course at build time and serves it as virtual modules; see
// src/content/vite-plugin.ts. CALLOUT_COURSE picks another manifest (e.g. scenarios/examples/course.yaml).
// prerenderHome puts the course home into the built index.html; see src/app/prerender-plugin.ts.
export default defineConfig({
  plugins: [calloutContent(), react(), prerenderHome()],
  css: { lightningcss: { errorRecovery: true } },
  build: { target: 'es2022', modulePreload: { polyfill: false } },
  preview: { port: Number(process.env.PREVIEW_PORT ?? 4173) },
});
