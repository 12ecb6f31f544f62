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
import { build, type Plugin, type ResolvedConfig, type Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;
import react from '@vitejs/plugin-react';
import { calloutContent } from '../content/vite-plugin.ts';
import { LANGUAGE_KEY } from '../i18n/languages.ts';

const ROOT_TAG = '<div id="root"></div>';

/**
 * Files to preload per key: `route:<screen>`, `scenario:<id>`, `locale:<lng>/<namespace>`, `translation:<lng>/<id>`,
 * `reporting:<module>` (the banner and the browser's own records, which every screen starts).
 */
export type RouteChunks = Record<string, string[]>;

/** The chunks of the scenario screens, the scenarios and their strings, each with the chunks it imports. */
export function routeChunks(bundle: OutputBundle, root: string, base: string): RouteChunks {
  const byFile = new Map<string, OutputChunk>();
  for (const c of Object.values(bundle)) if (c.type === 'chunk') byFile.set(c.fileName, c);
  const closure = (c: OutputChunk, seen = new Set<string>()): string[] => {
    if (seen.has(c.fileName)) return [];
    seen.add(c.fileName);
    for (const f of c.imports) {
      const dep = byFile.get(f);
      if (dep) closure(dep, seen);
    }
    return [...seen].map((f) => base + f);
  };
  const out: RouteChunks = {};
  for (const c of byFile.values()) {
    const id = (c.facadeModuleId ?? '').replace(/\\/g, '/');
    const rel = id.startsWith(root + '/') ? id.slice(root.length + 1) : id;
    let m: RegExpExecArray | null;
    if ((m = /^src\/routes\/(player|briefing|debrief)\/index\.tsx?$/.exec(rel))) out[`route:${m[1]}`] = closure(c);
    else if ((m = /^\0virtual:callout\/scenario\/(.+)$/.exec(rel))) out[`scenario:${m[1]}`] = closure(c);
    else if ((m = /^\0virtual:callout\/i18n\/([^/]+)\/(.+)$/.exec(rel))) out[`translation:${m[1]}/${m[2]}`] = closure(c);
    else if ((m = /^locales\/([^/]+)\/(player|briefing|debrief|records)\.json$/.exec(rel))) out[`locale:${m[1]}/${m[2]}`] = closure(c);
    else if ((m = /^src\/(?:routes\/records\/(ReportingBanner)|reporting\/local\/(local-reporter|local-records))\.tsx?$/.exec(rel)))
      out[`reporting:${m[1] ?? m[2]}`] = closure(c);
  }
  return out;
}

/**
 * Runs in the page before the first paint: keeps the pre-rendered home only where main.tsx will hydrate it
 * (mirroring detectLanguage() in src/i18n/languages.ts: `?lang=`, the remembered choice, the browser's
 * languages), then loads the app. Where the HTML shows something (in English), the app's scripts are requested
 * after its first frame, so the page paints before any script is fetched, as it does on a slow network.
 */
export function guardScript(base: string, scripts: string[], preloads: string[], chunks: RouteChunks): string {
  const fn = (home: string, key: string, entries: string[], modules: string[], extra: Record<string, string[]>) => {
    const match = (tag: string | null) => (!tag ? '' : /^cy(-|$)/i.test(tag) ? 'cy' : /^en(-|$)/i.test(tag) ? 'en' : '');
    let lng = '';
    try {
      lng = match(new URLSearchParams(location.search).get('lang')) || match(localStorage.getItem(key));
    } catch {
      // storage blocked: the browser's languages decide
    }
    for (const l of navigator.languages || []) lng ||= match(l);
    const keep = location.pathname === home && lng !== 'cy';
    // Another English screen keeps the header and footer (React replaces them with the same on its first
    // render) and paints them at once; Welsh starts from nothing.
    if (!keep && lng === 'cy') document.getElementById('root')!.replaceChildren();
    else if (!keep) document.getElementById('main')?.replaceChildren();
    // A scenario's screens: their code, the scenario, its strings and the reporting the screen starts load
    // alongside the app, not one after another behind it.
    const at = /^scenario\/([^/]+)(?:\/(play|debrief)(?:\/[^/]+)?)?\/?$/.exec(location.pathname.slice(home.length));
    if (at) {
      const screen = at[2] === 'play' ? 'player' : at[2] || 'briefing';
      const language = lng === 'cy' ? 'cy' : 'en-GB';
      const reporting = ['reporting:ReportingBanner', 'reporting:local-reporter', 'reporting:local-records', `locale:${language}/records`];
      for (const k of [`route:${screen}`, `scenario:${at[1]}`, `locale:${language}/${screen}`, `translation:${language}/${at[1]}`, ...reporting])
        for (const href of extra[k] ?? []) if (!modules.includes(href) && !entries.includes(href)) modules.push(href);
    }
    let loaded = false;
    const load = () => {
      if (loaded) return;
      loaded = true;
      // The entry first: it is the largest file and everything waits for it.
      for (const src of entries) document.head.append(Object.assign(document.createElement('script'), { type: 'module', crossOrigin: '', src }));
      for (const href of modules) document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', crossOrigin: '', href }));
    };
    // Whatever the HTML shows (the home, or the header and footer) paints before the scripts are requested.
    // (A frame may never come in a throttled frame or window: half a second at most, then.)
    if (lng !== 'cy' && !document.hidden) {
      requestAnimationFrame(() => setTimeout(load));
      setTimeout(load, 500);
    } else load();
  };
  const args = [base, LANGUAGE_KEY, scripts, preloads, chunks].map((x) => JSON.stringify(x)).join(',');
  return `(${fn.toString()})(${args})`;
}

const SCRIPT = /\s*<script type="module"[^>]*src="([^"]+)"[^>]*><\/script>/g;
const PRELOAD = /\s*<link rel="modulepreload"[^>]*href="([^"]+)"[^>]*>/g;

/** Puts the rendered home, the guard and loader, and the inlined entry stylesheet into the built index.html. */
export function injectHome(html: string, markup: string, readAsset: (href: string) => string, base: string, chunks: RouteChunks = {}): string {
  if (!html.includes(ROOT_TAG)) throw new Error(`index.html has no ${ROOT_TAG} to pre-render into`);
  const scripts = [...html.matchAll(SCRIPT)].map((m) => m[1]);
  const preloads = [...html.matchAll(PRELOAD)].map((m) => m[1]);
  if (!scripts.length) throw new Error('index.html has no module script to load the app');
  return html
    .replace(SCRIPT, '')
    .replace(PRELOAD, '')
    .replace(ROOT_TAG, () => `<div id="root">${markup}</div>\n    <script>${guardScript(base, scripts, preloads, chunks)}</script>`)
    .replace(/<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g, (_m, href: string) => `<style>${readAsset(href).replace(/<\/style/gi, '<\\/style')}</style>`);
}

/** The Vite plugin (client builds only). */
export function prerenderHome(): Plugin {
  let config: ResolvedConfig;
  let chunks: RouteChunks = {};
  return {
    name: 'callout-prerender-home',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    writeBundle(_options, bundle) {
      chunks = routeChunks(bundle, config.root.replace(/\\/g, '/'), config.base);
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
        writeFileSync(file, injectHome(readFileSync(file, 'utf8'), markup, readAsset, config.base, chunks));
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    },
  };
}
