/**
 * Screenshots of every self-study screen at phone (390×844) and desktop (1280×800) sizes, for people to look
 * at (written to SHOTS_DIR, default /tmp/shots). Each screen is also checked to fit a 390 px viewport without
 * sideways scrolling.
 */
import { test, expect, type Page } from '@playwright/test';
import { completedAttempts, firstScenario, play, scriptFor, seedProgress, SHOTS } from './self-study-helpers';

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
];

async function shoot(page: Page, name: string) {
  for (const s of SIZES) {
    await page.setViewportSize({ width: s.width, height: s.height });
    await page.screenshot({ path: `${SHOTS}/${name}-${s.name}.png`, fullPage: true });
    if (s.name === 'phone') {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} scrolls sideways at 390 px`).toBeLessThanOrEqual(0);
    }
  }
}

test('screenshots of every screen at phone and desktop sizes', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const scenario = firstScenario();
  const script = scriptFor(scenario);
  await page.goto('/?lang=en-GB');
  await shoot(page, '01-home');
  const intro = page.locator('.page-list a').first();
  if (await intro.count()) {
    await intro.click();
    await expect(page.locator('h1')).toBeVisible();
    await shoot(page, '02-introduction');
  }
  await page.goto(`/scenario/${scenario.id}`);
  await expect(page.locator('h1')).toBeVisible();
  await shoot(page, '03-briefing');
  await page.locator('main button.button').click();
  const kinds = new Set<string>();
  let confirmShot = false;
  for (const [i, event] of script.entries()) {
    await expect(page.locator('h1')).toBeVisible();
    const kind = event.type === 'scene.continued' ? 'narrative' : event.sceneId;
    if (!kinds.has(kind) && kinds.size < 8) {
      kinds.add(kind);
      await shoot(page, `04-scene-${String(i).padStart(2, '0')}-${event.sceneId}`);
    }
    if (!confirmShot && event.type === 'decision.made') {
      confirmShot = true;
      // The confirm step of the first decision.
      await page.locator('form.decision input').first().check();
      if (await page.locator('form.decision textarea').count()) await page.locator('form.decision textarea').fill('Nothing has been checked yet.');
      await page.locator('form.decision button[type=submit]').click();
      await shoot(page, '05-confirm');
      await page.locator('.confirm .button--secondary').click();
      await page.locator('form.decision input').first().uncheck().catch(() => undefined);
      // An error message: continue with nothing chosen.
      await page.reload();
      await page.locator('form.decision button[type=submit]').click();
      await shoot(page, '05-error');
    }
    await play(page, event, 'en-GB');
  }
  await shoot(page, '06-ending');
  await page.locator('a[href*="/debrief/"]').click();
  await expect(page.locator('.failing-chart')).toBeVisible();
  await shoot(page, '07-debrief');
  for (const [path, name] of [['/settings', '08-settings'], ['/accessibility', '09-accessibility'], ['/certificate', '10-certificate-not-yet']] as const) {
    await page.goto(path);
    await expect(page.locator('h1')).toBeVisible();
    await shoot(page, name);
  }
  await seedProgress(page, completedAttempts());
  await page.goto('/certificate');
  await expect(page.locator('.certificate')).toBeVisible();
  await shoot(page, '11-certificate');
  await page.goto('/?lang=cy');
  await shoot(page, '12-home-cy');
  await page.goto(`/scenario/${scenario.id}/play`);
  await expect(page.locator('h1')).toBeVisible();
  await shoot(page, '13-player-cy');
  await context.close();
});
