/**
 * The pre-rendered home (src/app/prerender-plugin.ts): the built index.html carries the English home, the
 * client hydrates it without a mismatch, saved progress still shows once it loads, and every other screen or
 * language replaces the markup instead of hydrating it. Before any script runs, the controls are plain links.
 */
import { test, expect, type ConsoleMessage, type Page } from '@playwright/test';
import { completedAttempts, course, seedProgress, strings } from './self-study-helpers';

const home = strings('en-GB', 'home');
const homeCy = strings('cy', 'home');

/** Every console warning and error, and every page error, while the page is open. */
function problems(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' || m.type() === 'warning') seen.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.push(`pageerror: ${e.message}`));
  return seen;
}

/** Whether React has hydrated `#root` (it marks the container it manages). */
async function reactOwnsRoot(page: Page) {
  return page.evaluate(() => Object.keys(document.getElementById('root')!).some((k) => k.startsWith('__reactContainer')));
}

test('the built page carries the English home with its stylesheet inline', async ({ request }) => {
  const html = await (await request.get('/')).text();
  expect(html).toContain(home.contentNote.body);
  expect(html).toContain(`<h1 tabindex="-1" class="heading-xl focus-heading">${course().index.title}</h1>`);
  expect(html).toContain(home.progress.loading);
  expect(html).toMatch(/<style>[^<]*\.content-note/);
  expect(html).not.toMatch(/<link rel="stylesheet"/);
});

test('without scripts the pre-rendered home is there and its controls are plain links', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByText(home.contentNote.body)).toBeVisible();
  await expect(page.getByRole('button')).toHaveCount(0);
  const welsh = page.getByRole('link', { name: 'Cymraeg' });
  await expect(welsh).toHaveAttribute('href', '?lang=cy');
  const first = course().index.scenarios[0];
  await expect(page.locator(`a[href="/scenario/${first}"]`)).toHaveCount(1);
  await context.close();
});

test('the home hydrates without a mismatch and then shows saved progress', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = problems(page);
  await page.goto('/');
  await expect.poll(() => reactOwnsRoot(page)).toBe(true);
  await expect(page.getByText(home.progress.loading)).toHaveCount(0);

  // Progress saved earlier: the hydrated home picks it up when IndexedDB answers.
  const total = course().index.scenarios.length;
  await seedProgress(page, completedAttempts());
  await page.reload();
  const count = home.progress.count_other.replace('{{done}}', String(total)).replace('{{total}}', String(total));
  await expect(page.getByText(count)).toBeVisible();
  await expect(page.getByRole('link', { name: home.progress.certificate })).toBeVisible();
  expect(await reactOwnsRoot(page)).toBe(true);

  // After hydration the language link switches in place, without loading the page again.
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  await page.getByRole('link', { name: 'Cymraeg' }).click();
  await expect(page.getByRole('heading', { name: homeCy.contentNote.heading })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  expect(seen, seen.join('\n')).toEqual([]);
  await context.close();
});

test('Welsh and other screens replace the pre-rendered home instead of hydrating it', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = problems(page);
  await page.goto('/?lang=cy');
  await expect(page.getByRole('heading', { name: homeCy.contentNote.heading })).toBeVisible();
  await expect(page.getByText(home.contentNote.body)).toHaveCount(0);
  await page.goto('/settings?lang=en-GB');
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.getByText(home.contentNote.body)).toHaveCount(0);
  await expect(page.locator('.content-note')).toHaveCount(0);
  // The header and footer kept from the HTML were replaced by React's, not doubled.
  await expect(page.locator('header.header')).toHaveCount(1);
  await expect(page.locator('footer.footer')).toHaveCount(1);
  // A call-out's briefing: its code and scenario were preloaded with the app; the screen works.
  const first = course().index.scenarios[0];
  await page.goto(`/scenario/${first}`);
  await expect(page.locator('main button.button')).toBeVisible();
  await expect(page.locator('header.header')).toHaveCount(1);
  expect(seen, seen.join('\n')).toEqual([]);
  await context.close();
});
