/**
 * The officer's journey in real Chromium: a keyboard-only run of a call-out from the home to the debrief,
 * a reload mid-way that resumes at the same scene with the same case file, the certificate, axe on every
 * screen, and the same run in Welsh.
 */
import { test, expect, type Browser } from '@playwright/test';
import { completedAttempts, expectNoAxeViolations, firstScenario, play, scriptFor, seedProgress, strings, tabTo, SHOTS } from './self-study-helpers';

const scenario = firstScenario();
const script = scriptFor(scenario);

async function newPage(browser: Browser, lng: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: lng === 'cy' ? 'cy-GB' : 'en-GB' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, errors };
}

for (const lng of ['en-GB', 'cy']) {
  test(`a keyboard-only run of "${scenario.id}" in ${lng}: resume after reload, debrief, axe on every screen`, async ({ browser }) => {
    test.setTimeout(180_000);
    const { context, page, errors } = await newPage(browser, lng);
    const home = strings(lng, 'home');
    const briefing = strings(lng, 'briefing');
    const player = strings(lng, 'player');
    const debrief = strings(lng, 'debrief');
    await page.goto(`/?lang=${lng}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lng === 'cy' ? 'cy' : 'en-GB');
    await expect(page.getByRole('heading', { level: 2, name: home.callouts.heading })).toBeVisible();
    await expectNoAxeViolations(page, 'home');

    // From the home to the briefing, by keyboard.
    await tabTo(page, `a[href="/scenario/${scenario.id}"]`);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/scenario/${scenario.id}$`));
    await expect(page.locator('h1')).toBeFocused();
    await expectNoAxeViolations(page, 'briefing');
    await tabTo(page, 'main button.button');
    await expect(page.locator(':focus')).toHaveText(briefing.start);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/play$/);

    const half = Math.floor(script.length / 2);
    const seenKinds = new Set<string>();
    for (const [i, event] of script.entries()) {
      await expect(page.locator('h1')).toBeVisible();
      const kind = event.type === 'scene.continued' ? 'narrative' : ((await page.locator('form.decision input').first().getAttribute('type')) ?? 'x') + (await page.locator('.document').count() ? '-review' : '');
      if (!seenKinds.has(kind)) {
        seenKinds.add(kind);
        await expectNoAxeViolations(page, `scene ${event.sceneId}`);
      }
      if (i === half) {
        // Reload mid-way: the same scene and the same case file.
        const heading = await page.locator('h1').textContent();
        const caseFile = (await page.locator('.case-file').textContent())!;
        const decisions = (await page.locator('.player__status').textContent())!;
        await page.reload();
        await expect(page.locator('h1')).toHaveText(heading!);
        await expect(page.locator('.case-file')).toHaveText(caseFile);
        await expect(page.locator('.player__status')).toHaveText(decisions);
        // The back button leaves the attempt as it was; continuing resumes it.
        await page.goBack();
        await page.goForward();
        await expect(page.locator('h1')).toHaveText(heading!);
      }
      await play(page, event, lng);
      if (event.type === 'decision.made' && i < script.length - 1) await expect(page.locator('h1')).toBeFocused();
      if (i === 0 && event.type === 'decision.made') await expectNoAxeViolations(page, 'after the first decision');
    }

    // The ending, then the debrief.
    await expect(page.getByRole('heading', { level: 2, name: player.ended.heading })).toBeVisible();
    await expectNoAxeViolations(page, 'ending');
    await tabTo(page, `a[href*="/debrief/"]`);
    await page.keyboard.press('Enter');
    await expect(page.locator('h1')).toContainText(debrief.title.replace('{{title}}', '').trim());
    await expect(page.locator('.failing-chart table tbody tr')).toHaveCount(5);
    const decisions = script.filter((e) => e.type === 'decision.made').length;
    await expect(page.locator('.decision-review')).toHaveCount(decisions);
    await expect(page.locator('.rationale-quote').first()).toBeVisible().catch(() => undefined);
    await expect(page.locator('.support')).toBeVisible();
    await expectNoAxeViolations(page, 'debrief');

    // Try again keeps the old attempt: the briefing lists it.
    await tabTo(page, 'main button.button');
    await expect(page.locator(':focus')).toHaveText(debrief.tryAgain);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/play$/);
    // The new attempt is saved when its first scene is shown; leave only after that, as a learner would.
    await expect(page.locator('.player__status')).toBeVisible();
    await page.goto(`/scenario/${scenario.id}`);
    await expect(page.locator(`a[href*="/debrief/"]`)).toHaveCount(1);
    await expect(page.getByRole('link', { name: briefing.continue })).toBeVisible();
    expect(errors).toEqual([]);
    await context.close();
  });
}

test('the certificate: overall result, scores per failing, verification code; axe clean', async ({ browser }) => {
  const { context, page, errors } = await newPage(browser, 'en-GB');
  const t = strings('en-GB', 'certificate');
  await page.goto('/certificate');
  await expect(page.locator('h1')).toHaveText(t.notYet.heading);
  await expectNoAxeViolations(page, 'certificate (not yet)');
  await seedProgress(page, completedAttempts());
  await page.reload();
  await expect(page.locator('.certificate')).toBeVisible();
  await page.getByLabel(t.name.label).fill('PC 1234 Sam Example');
  await expect(page.locator('.certificate__name')).toHaveText('PC 1234 Sam Example');
  // The result of each call-out, then the five failings and the overall score.
  const calloutCount = Object.keys(completedAttempts()).length;
  await expect(page.locator('.certificate__callouts tbody tr')).toHaveCount(calloutCount);
  await expect(page.locator('.certificate__table:not(.certificate__callouts) tbody tr')).toHaveCount(6);
  await expect(page.locator('.certificate__code')).toHaveText(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  await expectNoAxeViolations(page, 'certificate');
  // One A4 page when printed.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBe(1);
  await page.emulateMedia({ media: 'screen' });
  await page.screenshot({ path: `${SHOTS}/certificate-desktop.png`, fullPage: true });
  expect(errors).toEqual([]);
  await context.close();
});

test('practice: the seeded order survives a reload and a second tab, feedback follows each decision, and it is never a completion', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page, errors } = await newPage(browser, 'en-GB');
  const briefing = strings('en-GB', 'briefing');
  const player = strings('en-GB', 'player');
  const common = strings('en-GB', 'common');
  await page.goto(`/scenario/${scenario.id}`);
  await page.getByLabel(briefing.mode.practice.label).check();
  await page.getByRole('button', { name: briefing.start }).click();
  await expect(page).toHaveURL(/\/play$/);
  await expect(page.locator('.tag--practice')).toHaveText(player.practice.tag);
  // Move on to the first decision.
  const first = script.findIndex((e) => e.type === 'decision.made');
  for (const e of script.slice(0, first)) await play(page, e, 'en-GB');
  const labels = () => page.locator('form.decision label').allTextContents();
  const order = await labels();
  expect(order.length).toBeGreaterThan(1);
  await page.reload();
  await expect(page.locator('form.decision')).toBeVisible();
  expect(await labels()).toEqual(order);
  const other = await context.newPage();
  await other.goto(`/scenario/${scenario.id}/play`);
  await expect(other.locator('form.decision')).toBeVisible();
  expect(await other.locator('form.decision label').allTextContents()).toEqual(order);
  await other.close();

  await play(page, script[first], 'en-GB');
  const panel = page.locator('.panel--practice');
  await expect(panel.getByRole('heading', { name: player.practice.heading })).toBeVisible();
  await expect(panel.locator('.decision-review__score')).toHaveText(/^\d+ of \d+ marks$/);
  await expectNoAxeViolations(page, 'practice feedback');
  await page.screenshot({ path: `${SHOTS}/practice-feedback.png`, fullPage: true });
  // Play to the end: the attempt is kept, but the home says practised, not completed.
  for (const e of script.slice(first + 1)) await play(page, e, 'en-GB');
  await expect(page.getByRole('heading', { level: 2, name: player.ended.heading })).toBeVisible();
  await expect(page.getByText(player.practice.endedBody)).toBeVisible();
  await page.goto('/');
  await expect(page.locator('.tag--practised').first()).toHaveText(common.status.practised);
  expect(errors).toEqual([]);
  await context.close();
});

test('check a certificate: the code on the certificate matches the exported records, and a wrong code does not', async ({ browser }) => {
  const { context, page, errors } = await newPage(browser, 'en-GB');
  const t = strings('en-GB', 'certificate');
  const r = strings('en-GB', 'records');
  await page.goto('/certificate');
  await seedProgress(page, completedAttempts());
  await page.reload();
  const code = (await page.locator('.certificate__code').textContent())!.trim();
  await page.goto('/records');
  await page.getByLabel(r.export.name).fill('PC 1234 Sam Example');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: r.export.json }).click()]);
  const file = await download.path();
  await page.goto('/check-certificate');
  await expect(page.locator('h1')).toHaveText(t.check.heading);
  await page.getByLabel(t.check.file).setInputFiles(file);
  await expect(page.locator('p[role=status]')).toContainText('PC 1234 Sam Example');
  await page.getByLabel(t.check.code).fill(code.toLowerCase());
  await page.getByRole('button', { name: t.check.submit }).click();
  await expect(page.getByRole('heading', { name: t.check.result.match })).toBeVisible();
  await expectNoAxeViolations(page, 'check a certificate');
  await page.screenshot({ path: `${SHOTS}/check-certificate.png`, fullPage: true });
  const wrong = (code[0] === 'A' ? 'B' : 'A') + code.slice(1);
  await page.getByLabel(t.check.code).fill(wrong);
  await page.getByRole('button', { name: t.check.submit }).click();
  await expect(page.getByRole('heading', { name: t.check.result.mismatch })).toBeVisible();
  // The supervisor report recomputes the same code from the same file.
  await page.goto('/supervisor-report');
  await page.getByLabel(r.report.choose).setInputFiles(file);
  await expect(page.locator('td.certificate__code')).toHaveText(code);
  expect(errors).toEqual([]);
  await context.close();
});

test('other screens have no axe violations: introduction, settings, accessibility, not found', async ({ browser }) => {
  const { context, page } = await newPage(browser, 'en-GB');
  await page.goto('/');
  const first = page.locator('.page-list a').first();
  if (await first.count()) {
    await first.click();
    await expectNoAxeViolations(page, 'introduction page');
  }
  for (const path of ['/settings', '/accessibility', '/no-such-page']) {
    await page.goto(path);
    await expect(page.locator('h1')).toBeVisible();
    await expectNoAxeViolations(page, path);
  }
  // The language switch is remembered.
  await page.goto('/settings');
  // The switch loads the Welsh strings first, so the radio is checked once they have arrived.
  await page.getByRole('radio', { name: 'Cymraeg' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.getByRole('radio', { name: 'Cymraeg' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Cymraeg' })).toBeFocused();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.getByRole('heading', { level: 2, name: strings('cy', 'home').callouts.heading })).toBeVisible();
  await context.close();
});
