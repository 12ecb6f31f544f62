/**
 * The cmi5 package in real Chromium against a fake LMS/LRS (Playwright routing): every statement the module
 * sends is validated with Learning Locker's validator, and the cmi5 order is checked: initialized; the
 * decisions; completed and passed or failed; terminated.
 */
import { expect, test, type BrowserContext } from '@playwright/test';
import { defaultCaseFile, emptyCaseFile, scoreLogs, startRun } from '../../src/engine';
import { encodeResume } from '../../src/reporting/resume-codec';
import { RESUME_STATE_ID } from '../../src/reporting/xapi/cmi5-reporter';
import { fakeClock, loadRealCourse, longPath, playAttempt } from '../reporting/course-fixture';
import { fakeLrs, LAUNCH } from '../reporting/fake-lrs';
import { buildPackage, LMS, serveLms } from './reporting-helpers';

const real = loadRealCourse();
const first = real.info.scenarios.find((id) => !real.scenarios.get(id)!.scenario.defaultCaseFile)!;
const compiled = real.scenarios.get(first)!;
const path = longPath(compiled, emptyCaseFile());

/** Answers the module's LRS and LMS requests from the fake LRS, with the CORS answers a real LRS gives. */
async function routeLrs(ctx: BrowserContext, lrs: ReturnType<typeof fakeLrs>) {
  await ctx.route(/^https:\/\/(lrs|lms)\.test\//, async (route) => {
    const req = route.request();
    const cors = {
      'Access-Control-Allow-Origin': LMS,
      'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version',
    };
    if (req.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    const res = await lrs.fetch(req.url(), {
      method: req.method(),
      headers: await req.allHeaders(),
      body: req.postData() ?? undefined,
    });
    await route.fulfill({ status: res.status, body: await res.text(), contentType: 'application/json', headers: cors });
  });
}

test('cmi5: valid statements in the cmi5 order, results as the engine scores them, resume data in the state API', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const dir = await buildPackage('cmi5');
  // The LMS already holds finished attempts at every other call-out, so this one completes the course.
  const now = fakeClock('2025-03-01T09:00:00.000Z', 61);
  const seeded = real.info.scenarios
    .filter((id) => id !== first)
    .map((id) => {
      const c = real.scenarios.get(id)!;
      const cf = c.scenario.defaultCaseFile ? defaultCaseFile(c) : emptyCaseFile();
      return playAttempt(c, longPath(c, cf), { id: `seed-${id}`, caseFile: cf, now });
    });
  const lrs = fakeLrs();
  lrs.state.set(
    RESUME_STATE_ID,
    JSON.stringify({ resume: encodeResume({ course: real.info, scenarios: real.scenarios, attempts: seeded }) }),
  );

  const ctx = await browser.newContext();
  const outside = await serveLms(ctx, dir, '<!doctype html><title>LMS</title>');
  await routeLrs(ctx, lrs);
  const q = new URLSearchParams({
    endpoint: LAUNCH.endpoint,
    fetch: LAUNCH.fetchUrl,
    actor: JSON.stringify(LAUNCH.actor),
    registration: LAUNCH.registration,
    activityId: LAUNCH.activityId,
  });
  const page = await ctx.newPage();
  await page.goto(`${LMS}/course/index.html?${q}`);
  await expect(page.locator('main h1')).toBeVisible();
  await expect.poll(() => lrs.statements.length, { timeout: 15_000 }).toBeGreaterThan(0);
  await page.evaluate((h) => void (location.hash = h), `#/scenario/${first}`);
  await page
    .getByRole('button', { name: 'Start the call-out' })
    .or(page.getByRole('link', { name: 'Start the call-out' }))
    .first()
    .click();
  for (const e of path) {
    if (e.type === 'scene.continued') {
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      continue;
    }
    for (const id of e.choice) await page.locator(`form.decision input[value="${id}"]`).check();
    if (e.verdict) await page.locator(`form.decision input[type=radio][value="${e.verdict}"]`).check();
    if (await page.locator('form.decision textarea').count())
      await page.locator('form.decision textarea').fill('PRIVATE rationale text');
    await page.locator('form.decision button[type=submit]').click();
    await page.getByRole('button', { name: 'Confirm decision', exact: true }).click();
  }
  const verbs = () => lrs.statements.map((s) => (s.verb as { id: string }).id.split('/').pop());
  await expect.poll(() => verbs().includes('completed'), { timeout: 15_000 }).toBe(true);
  // The learner closes the window: the module's pagehide handler sends terminated (with keepalive).
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
  await expect.poll(() => verbs().at(-1), { timeout: 15_000 }).toBe('terminated');

  const run = startRun(compiled, { now: fakeClock() });
  for (const e of path) {
    if (e.type === 'scene.continued') run.continue();
    else run.decide(e);
  }
  const outcome =
    scoreLogs([...seeded.map((a) => a.log), run.context.log], real.info.scoring).outcome === 'competent'
      ? 'passed'
      : 'failed';
  const decisions = path.filter((e) => e.type === 'decision.made').length;
  expect(verbs()).toEqual(['initialized', ...Array(decisions).fill('answered'), 'completed', outcome, 'terminated']);
  expect(lrs.invalid).toEqual([]);
  expect(lrs.tokenFetches).toBe(1);
  expect(JSON.stringify(lrs.statements)).not.toContain('PRIVATE');
  expect(JSON.parse(lrs.state.get(RESUME_STATE_ID)!).resume).toMatch(/^2\|/);
  expect(outside).toEqual([]);
  await ctx.close();
});

test('cmi5: relaunched in a fresh browser, the attempt resumes at the same decision with its options in the same order', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const dir = await buildPackage('cmi5');
  const lrs = fakeLrs();
  const open = async (fetchUrl: string) => {
    const ctx = await browser.newContext();
    await serveLms(ctx, dir, '<!doctype html><title>LMS</title>');
    await routeLrs(ctx, lrs);
    // Each launch has its own one-time fetch URL, as an LMS gives.
    const q = new URLSearchParams({
      endpoint: LAUNCH.endpoint,
      fetch: fetchUrl,
      actor: JSON.stringify(LAUNCH.actor),
      registration: LAUNCH.registration,
      activityId: LAUNCH.activityId,
    });
    const page = await ctx.newPage();
    await page.goto(`${LMS}/course/index.html?${q}`);
    await expect(page.locator('main h1')).toBeVisible();
    await page.evaluate((h) => void (location.hash = h), `#/scenario/${first}`);
    return { ctx, page };
  };

  const { ctx, page } = await open(LAUNCH.fetchUrl);
  await page.getByRole('button', { name: 'Start the call-out' }).click();
  // Up to and including the first decision, then stop at the second.
  const decisionAt = path.findIndex((e) => e.type === 'decision.made');
  let stop = decisionAt + 1;
  while (stop < path.length && path[stop].type !== 'decision.made') stop++;
  for (const e of path.slice(0, stop)) {
    if (e.type === 'scene.continued') {
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      continue;
    }
    for (const id of e.choice) await page.locator(`form.decision input[value="${id}"]`).check();
    if (e.verdict) await page.locator(`form.decision input[type=radio][value="${e.verdict}"]`).check();
    if (await page.locator('form.decision textarea').count()) await page.locator('form.decision textarea').fill('Reason.');
    await page.locator('form.decision button[type=submit]').click();
    await page.getByRole('button', { name: 'Confirm decision', exact: true }).click();
  }
  const heading = await page.locator('main h1').textContent();
  const order = await page.locator('form.decision label').allTextContents();
  expect(order.length).toBeGreaterThan(1);
  await expect
    .poll(() => (JSON.parse(lrs.state.get(RESUME_STATE_ID) ?? '{}').resume ?? '').length, { timeout: 15_000 })
    .toBeGreaterThan(0);
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
  await ctx.close();

  // A fresh browser: nothing on the device, only what the LRS kept.
  const again = await open('https://lms.test/cmi5/fetch?k=second-launch');
  await again.page.getByRole('link', { name: /continue/i }).first().click();
  await expect(again.page.locator('main h1')).toHaveText(heading!);
  await expect(again.page.locator('form.decision label')).toHaveText(order);
  await again.ctx.close();
});
