/**
 * Pre-renders the course home into dist/index.html at build time (PERFORMANCE.md, "What gets there" §1): after
 * the client build, a server build of src/app/prerender.tsx renders the home (English, nothing started: what
 * the client's first render shows before saved progress arrives), the markup goes into `#root` and the entry
 * stylesheet is inlined, so the first screen paints from the HTML alone; main.tsx then hydrates it.
 *
 * A small inline script after `#root` empties it before the first paint when the page is not the home or the
 * learner's language is not English (main.tsx renders from scratch there). Packaged builds (relative base, hash
 * routes) are not pre-rendered. Links in the markup are plain links until hydration; the language switch is a
 * `?lang=` link (see Layout.tsx), so no control ignores a tap.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { calloutContent } from '../content/vite-plugin.ts';
import { LANGUAGE_KEY } from '../i18n/languages.ts';

const ROOT_TAG = '<div id="root"></div>';

/**
 * Runs in the page before the first paint: keeps the pre-rendered home only where main.tsx will hydrate it.
 * Mirrors detectLanguage() in src/i18n/languages.ts (`?lang=`, the remembered choice, the browser's languages).
 */
export function guardScript(base: string): string {
  const fn = (home: string, key: string) => {
    const match = (tag: string | null) => (!tag ? '' : /^cy(-|$)/i.test(tag) ? 'cy' : /^en(-|$)/i.test(tag) ? 'en' : '');
    let lng = '';
    try {
      lng = match(new URLSearchParams(location.search).get('lang')) || match(localStorage.getItem(key));
    } catch {
      // storage blocked: the browser's languages decide
    }
    for (const l of navigator.languages || []) lng ||= match(l);
    if (location.pathname !== home || lng === 'cy') document.getElementById('root')!.replaceChildren();
  };
  return `(${fn.toString()})(${JSON.stringify(base)},${JSON.stringify(LANGUAGE_KEY)})`;
}

/** Puts the rendered home, the guard and the inlined entry stylesheet into the built index.html. */
export function injectHome(html: string, markup: string, readAsset: (href: string) => string, base: string): string {
  if (!html.includes(ROOT_TAG)) throw new Error(`index.html has no ${ROOT_TAG} to pre-render into`);
  const page = html
    .replace(ROOT_TAG, () => `<div id="root">${markup}</div>\n    <script>${guardScript(base)}</script>`)
    .replace(/<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g, (_m, href: string) => `<style>${readAsset(href).replace(/<\/style/gi, '<\\/style')}</style>`);
  return page;
}

/** The Vite plugin (client builds only). */
export function prerenderHome(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'callout-prerender-home',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    async closeBundle() {
      if (config.build.ssr || config.base.startsWith('.') || !config.build.write) return;
      const outDir = resolve(config.root, config.build.outDir);
      // Inside the project, so the server bundle finds react-dom and the rest in node_modules.
      mkdirSync(join(config.root, 'node_modules/.cache'), { recursive: true });
      const tmp = mkdtempSync(join(config.root, 'node_modules/.cache/callout-prerender-'));
      try {
        await build({
          configFile: false,
          root: config.root,
          mode: config.mode,
          logLevel: 'warn',
          plugins: [calloutContent(), react()],
          build: { ssr: resolve(config.root, 'src/app/prerender.tsx'), outDir: tmp, emptyOutDir: true, target: 'node20' },
        });
        // The stores open IndexedDB when their modules load: an empty in-memory one is "nothing started".
        if (!('indexedDB' in globalThis)) {
          const { indexedDB, IDBKeyRange } = await import('fake-indexeddb');
          Object.assign(globalThis, { indexedDB, IDBKeyRange });
        }
        const { renderHome } = (await import(pathToFileURL(join(tmp, 'prerender.js')).href)) as { renderHome: () => Promise<string> };
        const markup = await renderHome();
        const file = join(outDir, 'index.html');
        const readAsset = (href: string) => readFileSync(join(outDir, href.startsWith(config.base) ? href.slice(config.base.length) : href), 'utf8');
        writeFileSync(file, injectHome(readFileSync(file, 'utf8'), markup, readAsset, config.base));
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    },
  };
}
