/**
 * `npm run bench:web`: builds the app, prints the gzipped JavaScript and CSS of the first load of the course
 * home and of the player, then runs Lighthouse 12 (mobile preset, Debian Chromium, median of 3) on both and
 * prints the performance and accessibility scores. Exits 1 when a target is missed.
 *
 * The player needs an attempt in progress: a Chromium profile is seeded through the UI (Playwright), its HTTP
 * cache is then deleted so Lighthouse measures a cold load, and Lighthouse runs on that profile without
 * resetting storage. Options: BENCH_PORT (default 4390), BENCH_RUNS (default 3), CALLOUT_COURSE.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { buildCourse } from '../src/content/vite-plugin.ts';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const PORT = Number(process.env.BENCH_PORT ?? 4390);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const OUT = join(process.cwd(), 'dist');
const TARGETS = { homeJsKb: 120, homeJsGoalKb: 100, performance: 95, accessibility: 100 };

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}

function gzKb(file: string): number {
  return gzipSync(readFileSync(join(OUT, file)), { level: 9 }).length / 1024;
}

/** The files a chunk needs before it runs: itself, its static imports (recursively) and their CSS. */
function closure(manifest: Record<string, ManifestChunk>, keys: string[]): { js: Set<string>; css: Set<string> } {
  const js = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    const c = manifest[key];
    if (!c || js.has(c.file)) return;
    js.add(c.file);
    c.css?.forEach((x) => css.add(x));
    c.imports?.forEach(visit);
  };
  keys.forEach(visit);
  return { js, css };
}

const sum = (files: Set<string>) => [...files].reduce((s, f) => s + gzKb(f), 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function lighthouse(url: string, profile?: string): { performance: number; accessibility: number; lcp: number; tbt: number } {
  const flags = [...FLAGS, '--headless=new', ...(profile ? [`--user-data-dir=${profile}`] : [])].join(' ');
  const out = execFileSync(
    'npx',
    ['lighthouse', url, '--output=json', '--quiet', '--only-categories=performance,accessibility', `--chrome-flags=${flags}`, ...(profile ? ['--disable-storage-reset'] : [])],
    { env: { ...process.env, CHROME_PATH: CHROME }, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] },
  ).toString();
  const r = JSON.parse(out);
  return {
    performance: Math.round(r.categories.performance.score * 100),
    accessibility: Math.round(r.categories.accessibility.score * 100),
    lcp: r.audits['largest-contentful-paint'].numericValue,
    tbt: r.audits['total-blocking-time'].numericValue,
  };
}

async function waitFor(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not start`);
}

async function seedProfile(base: string, scenarioId: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'callout-bench-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROME, args: FLAGS, headless: true });
  const page = await context.newPage();
  await page.goto(`${base}/scenario/${scenarioId}`);
  await page.locator('main button.button').click();
  await page.waitForURL(/\/play$/);
  await page.locator('h1').waitFor();
  await page.waitForTimeout(500);
  await context.close();
  // Keep the saved attempt (IndexedDB), drop the HTTP cache: Lighthouse should see a cold load.
  for (const d of ['Default/Cache', 'Default/Code Cache', 'Default/Service Worker']) rmSync(join(dir, d), { recursive: true, force: true });
  return dir;
}

async function main() {
  process.stdout.write('Building…\n');
  await build({ logLevel: 'warn', build: { manifest: true, outDir: OUT, emptyOutDir: true } });
  const manifest = JSON.parse(readFileSync(join(OUT, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const course = buildCourse(process.cwd());
  const scenarioId = course.index.scenarios.find((s) => !course.meta.find((m) => m.id === s)?.case || course.meta.find((m) => m.id === s)!.case!.part === 1)!;

  const home = closure(manifest, ['index.html']);
  const scenarioKey = Object.keys(manifest).find((k) => k.endsWith(`virtual:callout/scenario/${scenarioId}`));
  const player = closure(manifest, ['index.html', 'src/routes/player/index.ts', 'locales/en-GB/player.json', ...(scenarioKey ? [scenarioKey] : [])]);
  const rows = [
    ['home', sum(home.js), sum(home.css), home.js.size],
    ['player', sum(player.js), sum(player.css), player.js.size],
  ] as const;
  process.stdout.write('\nFirst load, gzip (level 9)\n  page     JS KB   CSS KB   JS files\n');
  for (const [name, js, css, n] of rows) process.stdout.write(`  ${name.padEnd(7)} ${js.toFixed(1).padStart(6)}   ${css.toFixed(1).padStart(6)}   ${String(n).padStart(8)}\n`);

  const base = `http://127.0.0.1:${PORT}`;
  let server: ChildProcess | undefined;
  let profile: string | undefined;
  let ok = rows[0][1] <= TARGETS.homeJsKb;
  try {
    server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
    await waitFor(base);
    profile = await seedProfile(base, scenarioId);
    const pages = [
      { name: 'home', url: `${base}/` },
      { name: 'player', url: `${base}/scenario/${scenarioId}/play`, profile },
    ];
    process.stdout.write(`\nLighthouse 12, mobile preset, median of ${RUNS} (scenario ${scenarioId})\n  page     performance  accessibility  LCP ms  TBT ms\n`);
    for (const p of pages) {
      const runs = Array.from({ length: RUNS }, () => lighthouse(p.url, p.profile));
      const perf = median(runs.map((r) => r.performance));
      const a11y = median(runs.map((r) => r.accessibility));
      const lcp = median(runs.map((r) => r.lcp));
      const tbt = median(runs.map((r) => r.tbt));
      ok &&= perf >= TARGETS.performance && a11y >= TARGETS.accessibility;
      process.stdout.write(`  ${p.name.padEnd(7)} ${String(perf).padStart(11)}  ${String(a11y).padStart(13)}  ${String(Math.round(lcp)).padStart(6)}  ${String(Math.round(tbt)).padStart(6)}   (runs: ${runs.map((r) => r.performance).join(', ')})\n`);
    }
  } finally {
    if (server?.pid) process.kill(-server.pid);
    if (profile && existsSync(profile)) rmSync(profile, { recursive: true, force: true });
  }
  process.stdout.write(
    `\nTargets: home JS ≤ ${TARGETS.homeJsKb} KB (goal ${TARGETS.homeJsGoalKb}), performance ≥ ${TARGETS.performance}, accessibility ${TARGETS.accessibility}: ${ok ? 'met' : 'NOT MET'}\n`,
  );
  process.exitCode = ok ? 0 : 1;
}

main().catch((e) => {
  process.stderr.write(`bench:web failed: ${(e as Error).message}\n`);
  process.exitCode = 2;
});
