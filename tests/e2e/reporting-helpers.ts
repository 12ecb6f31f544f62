/**
 * Helpers for the reporting journeys: the packaged builds served from a fake LMS origin with Playwright's
 * routing (no server, nothing from the internet), a host page where scorm-again plays the LMS, and a learner
 * who plays a scenario through the module's own screens.
 */
import { readFileSync, existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { expect, type BrowserContext, type Frame, type Page } from '@playwright/test';
import { type RunEvent } from '../../src/engine';
import { packageTarget, type PackageTarget } from '../../scripts/package';

export const LMS = 'http://lms.test';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
};

const built = new Map<PackageTarget, string>();

/** Builds a package once per test run (into test-results/, out of the way of `npm run package`). */
export async function buildPackage(target: PackageTarget): Promise<string> {
  if (!built.has(target)) {
    const r = await packageTarget(target, { outDir: 'test-results/packages', quiet: true });
    built.set(target, r.buildDir);
  }
  return built.get(target)!;
}

/** Serves the package under /course/, scorm-again under /lms/, and `host` at /host.html, all on the fake LMS. */
export async function serveLms(context: BrowserContext, dir: string, host: string) {
  const scormAgain = readFileSync(resolve('node_modules/scorm-again/dist/scorm-again.min.js'));
  await context.route(`${LMS}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/host.html') return route.fulfill({ body: host, contentType: 'text/html' });
    if (url.pathname === '/lms/scorm-again.js')
      return route.fulfill({ body: scormAgain, contentType: 'text/javascript' });
    if (url.pathname.startsWith('/course/')) {
      const file = join(dir, decodeURIComponent(url.pathname.slice('/course/'.length)) || 'index.html');
      if (existsSync(file))
        return route.fulfill({
          body: readFileSync(file),
          contentType: TYPES[extname(file)] ?? 'application/octet-stream',
        });
    }
    return route.fulfill({ status: 404, body: 'not found' });
  });
  // Anything else would be a request to the internet: refuse it and remember it.
  const outside: string[] = [];
  await context.route(/^(?!http:\/\/lms\.test\/)(https?:)/, (route) => {
    outside.push(route.request().url());
    return route.abort();
  });
  return outside;
}

/** A host page where scorm-again is the LMS (1.2 or 2004), optionally starting from saved CMI data. */
export function hostPage(version: '1.2' | '2004', mode: 'iframe' | 'popup', cmi?: Record<string, string>): string {
  const ctor = version === '1.2' ? 'Scorm12API' : 'Scorm2004API';
  const name = version === '1.2' ? 'API' : 'API_1484_11';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS</title>
<script src="/lms/scorm-again.js"></script>
<script>
  window.${name} = new window.${ctor}({ autocommit: false, logLevel: 5, lmsCommitUrl: false });
  const saved = ${JSON.stringify(cmi ?? null)};
  if (saved) window.${name}.loadFromFlattenedJSON(saved);
  window.lmsCmi = () => window.${name}.getFlattenedCMI();
</script></head><body>
${mode === 'iframe' ? '<iframe id="sco" title="Course" src="/course/index.html" style="width:100%;height:95vh;border:0"></iframe>' : '<h1>LMS</h1>'}
</body></html>`;
}

/** Plays one event through the player's screens (mouse and keyboard as a learner would). */
export async function playEvent(f: Frame | Page, event: RunEvent, continueText: string, commitText: string) {
  if (event.type === 'scene.continued') {
    await f.getByRole('button', { name: continueText, exact: true }).click();
    return;
  }
  for (const id of event.choice) await f.locator(`form.decision input[value="${id}"]`).check();
  if (event.verdict) await f.locator(`form.decision input[type=radio][value="${event.verdict}"]`).check();
  if (await f.locator('form.decision textarea').count())
    await f.locator('form.decision textarea').fill('Kept the category open: nothing has been checked yet.');
  await f.locator('form.decision button[type=submit]').click();
  await f.getByRole('button', { name: commitText, exact: true }).click();
}

/** The scene heading the player shows. */
export async function sceneHeading(f: Frame | Page): Promise<string> {
  const h = f.locator('main h1');
  await expect(h).toBeVisible();
  return (await h.textContent())!.trim();
}
