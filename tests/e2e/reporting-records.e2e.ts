/** "My records" and the supervisor's report in real Chromium: axe on both, a good and a changed file imported. */
import { expect, test } from '@playwright/test';
import { exportRecords } from '../../src/reporting/export';
import { loadRealCourse } from '../reporting/course-fixture';
import { expectNoAxeViolations, SHOTS } from './self-study-helpers';

const real = loadRealCourse();

test('My records and the supervisor report: accessible; a changed file is refused with its reason and the rest import', async ({
  browser,
}) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto('/records');
  await expect(page.getByRole('heading', { level: 1, name: 'My records' })).toBeVisible();
  await expect(page.getByText(/kept only in this browser/)).toBeVisible();
  await expectNoAxeViolations(page, 'records');
  await page.screenshot({ path: `${SHOTS}/records-desktop.png`, fullPage: true });

  const rec = {
    attemptId: 'a-1',
    courseId: real.info.id,
    courseVersion: real.info.version,
    scenarioId: real.info.scenarios[0],
    scenarioTitle: 'x',
    scenarioVersion: 1,
    startedAt: '2025-03-01T09:00:00.000Z',
    endedAt: '2025-03-01T09:20:00.000Z',
    decisions: 9,
    overall: 80,
    failings: { F1: 90, F2: 70, F3: null, F4: 100, F5: 60 },
    outcome: 'competent' as const,
    criticalErrors: 0,
  };
  const good = JSON.stringify(exportRecords([rec], real.info.id, 'PC Example'));
  const changed = JSON.stringify({ ...JSON.parse(good), records: [{ ...rec, overall: 100 }] });
  await page.getByRole('link', { name: /build a report/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Supervisor's report" })).toBeVisible();
  await page.getByLabel('Choose files to import').setInputFiles([
    { name: 'example.json', mimeType: 'application/json', buffer: Buffer.from(good) },
    { name: 'changed.json', mimeType: 'application/json', buffer: Buffer.from(changed) },
  ]);
  await expect(page.getByText(/imported 1 finished call-out for PC Example/)).toBeVisible();
  await expect(page.locator('li', { hasText: 'changed.json' })).toContainText(/changed after it was exported/);
  await expect(page.getByRole('row', { name: /PC Example/ })).toContainText(
    `1 of ${real.info.scenarios.length} call-outs`,
  );
  await expectNoAxeViolations(page, 'supervisor report');
  await page.screenshot({ path: `${SHOTS}/supervisor-report-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 320, height: 800 });
  await page.screenshot({ path: `${SHOTS}/supervisor-report-phone.png`, fullPage: true });
  await ctx.close();
});
