/**
 * The SCORM packages under a real peer: scorm-again plays the LMS (window.API / window.API_1484_11) in a host
 * page, the module runs in an iframe or a popup window, in real Chromium. We play a call-out through the
 * module's own screens and read scorm-again's data model back; we stop half-way and relaunch with the saved
 * data in a fresh browser (so the resume can only come from the LMS). SCORM 1.2 rules scorm-again does not
 * enforce (suspend_data length, identifier and response formats) are checked here.
 */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { defaultCaseFile, emptyCaseFile, FAILINGS, scoreLogs, startRun, type CompiledScenario } from '../../src/engine';
import { interactionId, isScorm12ChoiceResponse, isScorm12Identifier } from '../../src/reporting/interactions';
import { encodeResume } from '../../src/reporting/resume-codec';
import type { AttemptState } from '../../src/reporting/reporting.types';
import { fakeClock, loadRealCourse, longPath, playAttempt } from '../reporting/course-fixture';
import { buildPackage, hostPage, LMS, serveLms } from './reporting-helpers';
import { SHOTS } from './self-study-helpers';

const real = loadRealCourse();
const first = real.info.scenarios.find((id) => !real.scenarios.get(id)!.scenario.defaultCaseFile)!;
const compiled = real.scenarios.get(first)!;
const path = longPath(compiled, emptyCaseFile());
const player = { continue: 'Continue', commit: 'Confirm decision', start: 'Start the call-out' };

type Target = FrameLocator | Page;

async function openScenario(t: Target, frameEval: (hash: string) => Promise<void>) {
  await frameEval(`#/scenario/${first}`);
  await t
    .getByRole('button', { name: player.start })
    .or(t.getByRole('link', { name: player.start }))
    .first()
    .click();
}

/**
 * The course as the LMS host opens it: in its iframe, or in a popup window the host opens. Gives the course to
 * drive, a way to set its location hash, and the popup (if any).
 */
async function openCourse(
  page: Page,
  mode: 'iframe' | 'popup',
): Promise<{ t: Target; hash: (h: string) => Promise<void>; popup?: Page }> {
  if (mode === 'popup') {
    const [popup] = await Promise.all([
      page.context().waitForEvent('page'),
      page.evaluate(() => void window.open('/course/index.html', 'sco')),
    ]);
    return { t: popup, hash: (h) => popup.evaluate((x) => void (location.hash = x), h), popup };
  }
  return {
    t: page.frameLocator('#sco'),
    hash: (h) =>
      page
        .frames()
        .find((f) => f.url().includes('/course/'))!
        .evaluate((x) => void (location.hash = x), h),
  };
}

async function play(t: Target, events: typeof path) {
  for (const e of events) {
    if (e.type === 'scene.continued') {
      await t.getByRole('button', { name: player.continue, exact: true }).click();
      continue;
    }
    for (const id of e.choice) await t.locator(`form.decision input[value="${id}"]`).check();
    if (e.verdict) await t.locator(`form.decision input[type=radio][value="${e.verdict}"]`).check();
    if (await t.locator('form.decision textarea').count())
      await t.locator('form.decision textarea').fill('Kept the category open.');
    await t.locator('form.decision button[type=submit]').click();
    await t.getByRole('button', { name: player.commit, exact: true }).click();
  }
}

async function heading(t: Target) {
  return (await t.locator('main h1').textContent())!.trim();
}

async function cmi(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => (window as never as { lmsCmi: () => Record<string, string> }).lmsCmi());
}

async function countInteractions(page: Page): Promise<number> {
  const c = await cmi(page);
  return new Set(Object.keys(c).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k))).size;
}

/** Finished attempts at every other scenario, as an LMS would hold them in suspend_data. */
function othersFinished(): { resume: string; attempts: (AttemptState & { log: AttemptState['log'] })[] } {
  const now = fakeClock('2025-03-01T09:00:00.000Z', 61);
  const attempts: (AttemptState & { context: import('../../src/engine').RunContext })[] = [];
  for (const id of real.info.scenarios) {
    if (id === first) continue;
    const c: CompiledScenario = real.scenarios.get(id)!;
    const cf = c.scenario.defaultCaseFile ? defaultCaseFile(c) : emptyCaseFile();
    attempts.push(playAttempt(c, longPath(c, cf), { id: `seed-${id}`, caseFile: cf, now }));
  }
  return { resume: encodeResume({ course: real.info, scenarios: real.scenarios, attempts }), attempts };
}

test.describe.configure({ mode: 'serial' });

test('SCORM 1.2 in an iframe: decisions, statuses and objectives reach the LMS; a relaunch resumes at the same scene', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const dir = await buildPackage('scorm12');
  const ctx = await browser.newContext();
  const outside = await serveLms(ctx, dir, hostPage('1.2', 'iframe'));
  const page = await ctx.newPage();
  await page.goto(`${LMS}/host.html`);
  const sco = page.frameLocator('#sco');
  const frame = () => page.frames().find((f) => f.url().includes('/course/'))!;
  await expect(sco.locator('main h1')).toBeVisible();
  await openScenario(sco, (hash) => frame().evaluate((h) => void (location.hash = h), hash));
  // Stop half-way, at a decision, so the relaunch can show the same list in the same order.
  let cut = Math.ceil(path.length / 2);
  while (cut < path.length - 1 && path[cut].type !== 'decision.made') cut++;
  const half = path.slice(0, cut);
  await play(sco, half);
  const stoppedAt = await heading(sco);
  const order = await sco.locator('form.decision label').allTextContents();
  expect(order.length).toBeGreaterThan(1);
  const decisions = half.filter((e) => e.type === 'decision.made');
  await expect.poll(() => countInteractions(page), { timeout: 15_000 }).toBe(decisions.length);

  const saved = await cmi(page);
  expect(saved['cmi.core.lesson_status']).toBe('incomplete');
  expect(saved['cmi.core.exit']).toBe('suspend');
  decisions.forEach((d, n) => {
    const id = saved[`cmi.interactions.${n}.id`];
    expect(id).toBe(interactionId(first, d.sceneId));
    expect(isScorm12Identifier(id)).toBe(true);
    expect(saved[`cmi.interactions.${n}.type`]).toBe('choice');
    expect(isScorm12ChoiceResponse(saved[`cmi.interactions.${n}.student_response`])).toBe(true);
    expect(['correct', 'wrong', 'neutral']).toContain(saved[`cmi.interactions.${n}.result`]);
    expect(saved[`cmi.interactions.${n}.latency`]).toMatch(/^\d{2,4}:\d\d:\d\d(\.\d{1,2})?$/);
  });
  expect(saved['cmi.suspend_data'].length).toBeGreaterThan(0);
  expect(saved['cmi.suspend_data'].length).toBeLessThanOrEqual(4096);
  FAILINGS.forEach((f, n) => expect(saved[`cmi.objectives.${n}.id`]).toBe(f));
  // Nothing tried to reach the internet.
  expect(outside).toEqual([]);
  await ctx.close();

  // Relaunch in a fresh browser with what the LMS kept.
  const ctx2 = await browser.newContext();
  await serveLms(
    ctx2,
    dir,
    hostPage('1.2', 'iframe', { 'cmi.suspend_data': saved['cmi.suspend_data'], 'cmi.core.entry': 'resume' }),
  );
  const page2 = await ctx2.newPage();
  await page2.goto(`${LMS}/host.html`);
  const sco2 = page2.frameLocator('#sco');
  await sco2
    .getByRole('link', { name: /continue/i })
    .first()
    .click();
  await expect(sco2.locator('main h1')).toHaveText(stoppedAt);
  // The order seed came back from the LMS with the decisions.
  await expect(sco2.locator('form.decision label')).toHaveText(order);
  await play(sco2, path.slice(half.length));
  await expect
    .poll(() => countInteractions(page2), { timeout: 15_000 })
    .toBe(path.filter((e) => e.type === 'decision.made').length - decisions.length);
  const end = await cmi(page2);
  expect(end['cmi.core.lesson_status']).toBe('incomplete');
  expect(Number(end['cmi.core.score.raw'])).toBeGreaterThanOrEqual(0);
  await ctx2.close();
});

test('SCORM 2004 in a popup window: the last call-out completes the course with success, scores and F1–F5 objectives', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const dir = await buildPackage('scorm2004');
  const seeded = othersFinished();
  const ctx = await browser.newContext();
  await serveLms(ctx, dir, hostPage('2004', 'popup', { 'cmi.suspend_data': seeded.resume, 'cmi.entry': 'resume' }));
  const page = await ctx.newPage();
  await page.goto(`${LMS}/host.html`);
  const { t: popup, hash } = await openCourse(page, 'popup');
  await expect(popup.locator('main h1')).toBeVisible();
  await openScenario(popup, hash);
  await play(popup, path);
  const decisions = path.filter((e) => e.type === 'decision.made').length;
  await expect.poll(() => countInteractions(page), { timeout: 15_000 }).toBe(decisions);
  await expect.poll(async () => (await cmi(page))['cmi.completion_status'], { timeout: 15_000 }).toBe('completed');
  const data = await cmi(page);

  // What the engine says the course result is, from the same decisions.
  const run = startRun(compiled, { now: fakeClock() });
  for (const e of path) {
    if (e.type === 'scene.continued') run.continue();
    else run.decide(e);
  }
  const score = scoreLogs([...seeded.attempts.map((a) => a.log), run.context.log], real.info.scoring);
  expect(data['cmi.success_status']).toBe(score.outcome === 'competent' ? 'passed' : 'failed');
  expect(Number(data['cmi.score.scaled'])).toBeCloseTo(score.overall.ratio!, 3);
  expect(data['cmi.exit']).toBe('normal');
  for (const f of FAILINGS) {
    const n = Object.keys(data)
      .find((k) => /^cmi\.objectives\.\d+\.id$/.test(k) && data[k] === f)!
      .split('.')[2];
    if (score.failings[f].ratio !== null)
      expect(Number(data[`cmi.objectives.${n}.score.scaled`])).toBeCloseTo(score.failings[f].ratio!, 3);
    expect(data[`cmi.objectives.${n}.success_status`]).toBe(
      score.failings[f].met === null ? 'unknown' : score.failings[f].met ? 'passed' : 'failed',
    );
  }
  for (let n = 0; n < decisions; n++) {
    expect(data[`cmi.interactions.${n}.type`]).toBe('choice');
    expect(data[`cmi.interactions.${n}.learner_response`]).toMatch(/^[a-z0-9-]+(\[,\][a-z0-9-]+)*$|^$/);
  }
  await ctx.close();
});

for (const [version, mode] of [
  ['1.2', 'popup'],
  ['2004', 'iframe'],
] as const) {
  test(`SCORM ${version} in ${mode === 'popup' ? 'a popup window' : 'an iframe'}: found, reported, finished on leaving, resumed on relaunch`, async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const dir = await buildPackage(version === '1.2' ? 'scorm12' : 'scorm2004');
    const ctx = await browser.newContext();
    await serveLms(ctx, dir, hostPage(version, mode));
    const page = await ctx.newPage();
    await page.goto(`${LMS}/host.html`);
    const { t, hash, popup } = await openCourse(page, mode);
    await expect(t.locator('main h1')).toBeVisible();
    await openScenario(t, hash);
    const some = path.slice(0, 4);
    await play(t, some);
    const stoppedAt = await heading(t);
    const decisions = some.filter((e) => e.type === 'decision.made').length;
    await expect.poll(() => countInteractions(page), { timeout: 15_000 }).toBe(decisions);
    // The learner closes the course: the module ends the LMS session with exit = suspend.
    if (popup) await popup.close({ runBeforeUnload: true });
    else await page.evaluate(() => document.getElementById('sco')!.remove());
    const exitKey = version === '1.2' ? 'cmi.core.exit' : 'cmi.exit';
    await expect.poll(async () => (await cmi(page))[exitKey]).toBe('suspend');
    const api = version === '1.2' ? 'API' : 'API_1484_11';
    await expect
      .poll(() =>
        page.evaluate((n) => (window as never as Record<string, { isTerminated(): boolean }>)[n].isTerminated(), api),
      )
      .toBe(true);
    const saved = await cmi(page);
    if (version === '1.2') expect(saved['cmi.suspend_data'].length).toBeLessThanOrEqual(4096);
    // The time spent reached the LMS, although the window closed without a "Save and exit".
    expect(saved[version === '1.2' ? 'cmi.core.session_time' : 'cmi.session_time']).not.toMatch(
      /^(0000:00:00(\.00)?|00:00:00|PT0H0M0S|PT0S)$/,
    );
    await ctx.close();

    const ctx2 = await browser.newContext();
    const entry = version === '1.2' ? 'cmi.core.entry' : 'cmi.entry';
    await serveLms(
      ctx2,
      dir,
      hostPage(version, mode, { 'cmi.suspend_data': saved['cmi.suspend_data'], [entry]: 'resume' }),
    );
    const page2 = await ctx2.newPage();
    await page2.goto(`${LMS}/host.html`);
    const { t: t2 } = await openCourse(page2, mode);
    await t2
      .getByRole('link', { name: /continue/i })
      .first()
      .click();
    await expect(t2.locator('main h1')).toHaveText(stoppedAt);
    await ctx2.close();
  });
}

for (const [version, mode] of [
  ['1.2', 'iframe'],
  ['2004', 'popup'],
] as const) {
  test(`SCORM ${version} in ${mode === 'popup' ? 'a popup window' : 'an iframe'}: "Save and exit" ends the LMS session with exit, session time and Finish`, async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const dir = await buildPackage(version === '1.2' ? 'scorm12' : 'scorm2004');
    const ctx = await browser.newContext();
    await serveLms(ctx, dir, hostPage(version, mode));
    const page = await ctx.newPage();
    await page.goto(`${LMS}/host.html`);
    const { t, hash, popup } = await openCourse(page, mode);
    await expect(t.locator('main h1')).toBeVisible();
    await openScenario(t, hash);
    const some = path.slice(0, 3);
    await play(t, some);
    if (popup) await popup.screenshot({ path: `${SHOTS}/lms-save-and-exit-${version}.png` });
    await t.getByRole('button', { name: 'Save and exit' }).click();
    if (popup) await popup.screenshot({ path: `${SHOTS}/lms-session-ended-${version}.png` });
    await expect(t.getByText(/this session has ended\. You can close this window/)).toBeVisible();
    const api = version === '1.2' ? 'API' : 'API_1484_11';
    await expect
      .poll(() =>
        page.evaluate((n) => (window as never as Record<string, { isTerminated(): boolean }>)[n].isTerminated(), api),
      )
      .toBe(true);
    const c = await cmi(page);
    expect(c[version === '1.2' ? 'cmi.core.exit' : 'cmi.exit']).toBe('suspend');
    expect(c[version === '1.2' ? 'cmi.core.session_time' : 'cmi.session_time']).not.toMatch(
      /^(0000:00:00(\.00)?|00:00:00|PT0H0M0S|PT0S)$/,
    );
    expect(await countInteractions(page)).toBe(some.filter((e) => e.type === 'decision.made').length);
    // After the session ended nothing more is sent: no call fails on a finished LMS session.
    await expect(t.getByRole('button', { name: 'Save and exit' })).toHaveCount(0);
    await ctx.close();
  });
}
