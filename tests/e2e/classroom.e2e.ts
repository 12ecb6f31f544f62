/**
 * Classroom journeys in real Chromium: the facilitator console and the presenter view in two pages of one
 * browser context, kept in step over BroadcastChannel; a scenario run to an ending with votes, rationales,
 * injects, a reveal, a pause and a step back; the console reloaded mid-way; the record exported and checked;
 * axe on both views; screenshots.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { compileScenario, startRun, type RunEvent, type Scenario } from '../../src/engine';
import { canonicalJson } from '../../src/store/session-export';
import type { ExportedSessionRecord } from '../../src/store/session-record.types';
import { SHOTS, chooseRadio, course, expectNoAxeViolations, scriptFor, strings, tabTo } from './self-study-helpers';

const t = strings('en-GB', 'facilitator');

/** A stand-alone call-out written for the classroom, and the best path through it. */
function classroomScenario(): { scenario: Scenario; script: RunEvent[] } {
  const b = course();
  const meta = b.meta.find((m) => m.classroom && !m.case) ?? b.meta.find((m) => !m.case)!;
  const scenario = b.loaded.scenarios.get(meta.id)!.scenario;
  return { scenario, script: scriptFor(scenario) };
}

async function fontSize(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

test('a supervisor runs a call-out with a group: votes, reveal, injects, pause, step back, reload, export', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { scenario, script } = classroomScenario();
  const compiled = compileScenario(scenario);
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    acceptDownloads: true,
  });
  const console_ = await context.newPage();
  await console_.goto('/');
  await console_.getByRole('link', { name: t.start.title }).click();
  await expect(console_.getByRole('heading', { level: 1, name: t.start.title })).toBeVisible();

  // Starting with nothing filled in shows every problem.
  await console_.getByRole('button', { name: t.start.submit }).click();
  await expect(console_.getByRole('alert')).toContainText(t.start.errors.scenario);
  await expect(console_.getByRole('alert')).toContainText(t.start.errors.attendees);
  await expectNoAxeViolations(console_, 'classroom start with errors');

  await console_.getByLabel(t.start.scenario).selectOption(scenario.id);
  await console_.getByLabel(t.start.facilitator).fill('Sgt Ruth Adeyemi');
  await console_.getByLabel(t.start.date).fill('2026-11-20');
  await console_
    .getByLabel(t.start.attendees)
    .fill('  PC Dan Hughes \nPC Amy Doyle\n\npc dan hughes\nPC Sam   Patel\n');
  await expect(console_.getByText('3 attendees')).toBeVisible();
  await console_.getByRole('button', { name: t.start.submit }).click();
  await expect(console_).toHaveURL(/\/facilitator\/s-[a-z0-9-]+$/);
  const sessionId = console_.url().split('/').pop()!;

  // The console opens the presenter view in a second window.
  const [presenter] = await Promise.all([
    context.waitForEvent('page'),
    console_.getByRole('button', { name: t.console.openPresenter }).click(),
  ]);
  await presenter.setViewportSize({ width: 1280, height: 720 });
  await expect(presenter).toHaveURL(new RegExp(`/presenter/${sessionId}$`));

  const run = startRun(compiled);
  const decisions = script.filter((e) => e.type === 'decision.made').length;
  let decided = 0;
  let reloaded = false;
  let steppedBack = false;
  let revealed = false;
  let preparedInject = false;
  const feedbackSeen: string[] = [];

  for (const event of script) {
    const view = run.view();
    const title = view.scene.scene.title;
    await expect(console_.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(presenter.locator('h1')).toHaveText(title);

    if (event.type === 'scene.continued') {
      await console_.locator('.console__scene > button.button').click();
      run.send(event);
      continue;
    }

    const options = [...view.scene.items, ...view.scene.verdicts];
    // The room votes: the group's eventual choice gets most hands.
    const inputs = console_.locator('.vote-panel__input');
    await expect(inputs).toHaveCount(options.length);
    // One seed for the session: the console and the projector list the options in the same order.
    const consoleOrder = (await console_.locator('.vote-panel__label').allTextContents()).map((x) =>
      x.replace(/^\s*[A-Z]\s+/, '').trim(),
    );
    await expect(presenter.locator('.stage__option-text')).toHaveText(consoleOrder);
    for (const [i, o] of options.entries())
      await console_
        .locator(`.vote-panel__input[id$="-${o.id}"]`)
        .fill(String(event.choice.includes(o.id) || event.verdict === o.id ? 5 : i % 3));
    const total = options.reduce(
      (s, o, i) => s + (event.choice.includes(o.id) || event.verdict === o.id ? 5 : i % 3),
      0,
    );
    await expect(console_.locator('.vote-panel__total')).toHaveText(
      total === 1 ? '1 vote in all' : `${total} votes in all`,
    );

    // Votes stay off the projector until the facilitator reveals them.
    await expect(presenter.locator('.stage__count')).toHaveCount(0);
    for (const o of options) if (o.feedback) feedbackSeen.push(o.feedback.split('\n')[0].slice(0, 40));
    if (!revealed) {
      revealed = true;
      await console_.getByRole('button', { name: t.votes.reveal }).click();
      await expect(presenter.locator('.stage__count').first()).toBeVisible();
      await expect(presenter.locator('.stage__total')).toHaveText(`${total} votes in all`);
      // Own inject, shown over the scene and logged.
      await console_.getByLabel(t.injects.title).fill('Control room update');
      await console_.getByLabel(t.injects.text).fill('A neighbour has just called 999 about shouting in the flat.');
      await console_.getByRole('button', { name: t.injects.sendOwn }).click();
      await expect(presenter.locator('.stage__inject')).toContainText('A neighbour has just called 999');
      expect(await fontSize(presenter, '.stage .md p, .stage__option-text')).toBeGreaterThanOrEqual(28);
      await expectNoAxeViolations(presenter, 'presenter with votes and an inject');
      await presenter.screenshot({ path: `${SHOTS}/classroom-presenter-1280x720.png` });
      await presenter.screenshot({ path: `${SHOTS}/classroom-presenter-1280x720-full.png`, fullPage: true });
      await console_.evaluate(() => window.scrollTo(0, 0));
      await expectNoAxeViolations(console_, 'console at a decision');
      await console_.screenshot({ path: `${SHOTS}/classroom-console-1280x800.png` });
      await console_.screenshot({ path: `${SHOTS}/classroom-console-1280x800-full.png`, fullPage: true });
      await console_.setViewportSize({ width: 390, height: 844 });
      await console_.evaluate(() => window.scrollTo(0, 0));
      await console_.screenshot({ path: `${SHOTS}/classroom-console-390x844.png` });
      await expectNoAxeViolations(console_, 'console on a phone');
      await console_.setViewportSize({ width: 1280, height: 800 });
      // Pause: the projector shows a neutral screen.
      await console_.getByRole('button', { name: t.console.pause }).click();
      await expect(presenter.locator('h1')).toHaveText(t.presenter.paused);
      await expect(presenter.locator('.stage__option')).toHaveCount(0);
      await presenter.screenshot({ path: `${SHOTS}/classroom-presenter-paused.png` });
      await console_.getByRole('button', { name: t.console.resume }).click();
      await expect(presenter.locator('h1')).toHaveText(title);
      await console_.getByRole('button', { name: t.injects.clear }).click();
      await expect(presenter.locator('.stage__inject')).toHaveCount(0);
    } else if (!preparedInject && (await console_.locator('.inject-panel__item button').count())) {
      preparedInject = true;
      const injectTitle = await console_.locator('.inject-panel__item h3').first().innerText();
      await console_.locator('.inject-panel__item button').first().click();
      await expect(presenter.locator('.stage__inject')).toContainText(injectTitle);
    }

    // The group's decision, through the same form as self-study, with the rationale.
    const form = console_.locator('form.decision');
    for (const id of event.choice) await form.locator(`input[value="${id}"]`).check();
    if (event.verdict) await form.locator(`input[value="${event.verdict}"]`).check();
    await form.locator('textarea').fill(`Group view ${decided + 1}: keep an open mind until it is checked.`);
    await form.locator('button[type=submit]').click();
    await console_.locator('.confirm .button:not(.button--secondary)').click();
    run.send(event);
    decided++;

    // Once the group has committed, the console holds the decision's feedback; the room sees it only when the
    // facilitator puts it on the projector, and it leaves the projector when hidden.
    if (decided === 1) {
      const feedback = console_.locator('.console__feedback');
      await feedback.locator('summary').click();
      await expect(feedback.locator('.decision-review__score')).toHaveText(/^\d+ of \d+ marks$/);
      await expect(presenter.locator('.stage__feedback')).toHaveCount(0);
      await feedback.getByRole('button', { name: t.console.feedback.show }).click();
      await expect(presenter.locator('.stage__feedback .decision-review__score')).toHaveText(/^\d+ of \d+ marks$/);
      await expectNoAxeViolations(presenter, 'presenter with feedback');
      await presenter.screenshot({ path: `${SHOTS}/classroom-presenter-feedback.png`, fullPage: true });
      await feedback.getByRole('button', { name: t.console.feedback.hide }).click();
      await expect(presenter.locator('.stage__feedback')).toHaveCount(0);
    }

    // Step back once, and make the same decision again: the undone one stays in the record.
    if (decided === 2 && !steppedBack) {
      steppedBack = true;
      await console_.getByRole('button', { name: t.console.stepBack }).click();
      await expect(console_.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(presenter.locator('h1')).toHaveText(title);
      // The room's counts come back with the decision.
      await expect(console_.locator('.vote-panel__input').first()).not.toHaveValue('');
      const again = console_.locator('form.decision');
      for (const id of event.choice) await again.locator(`input[value="${id}"]`).check();
      if (event.verdict) await again.locator(`input[value="${event.verdict}"]`).check();
      await again.locator('textarea').fill(`Group view ${decided}: keep an open mind until it is checked.`);
      await again.locator('button[type=submit]').click();
      await console_.locator('.confirm .button:not(.button--secondary)').click();
    }

    // Reload the console mid-way: nothing is lost, and the presenter keeps following.
    if (!reloaded && decided >= Math.ceil(decisions / 2)) {
      reloaded = true;
      await expect(console_.getByRole('heading', { level: 1 })).toHaveText(run.view().scene.scene.title);
      await console_.reload();
      await expect(console_.getByRole('heading', { level: 1 })).toHaveText(run.view().scene.scene.title);
      await expect(console_.locator('.session-log__decisions > li')).toHaveCount(decided);
    }
  }

  // The ending.
  await expect(console_.getByRole('heading', { name: t.console.ended.heading })).toBeVisible();
  await expect(presenter.locator('.stage__ended')).toHaveText(t.presenter.ended);
  // The projector shows no marks or feedback unless the facilitator puts them there.
  const presenterText = await presenter.locator('body').innerText();
  for (const f of feedbackSeen) expect(presenterText).not.toContain(f);
  await expectNoAxeViolations(console_, 'console at the ending');
  await expectNoAxeViolations(presenter, 'presenter at the ending');
  await console_.screenshot({ path: `${SHOTS}/classroom-console-ending.png`, fullPage: true });

  // Export the record as JSON and check it.
  const [jsonDownload] = await Promise.all([
    console_.waitForEvent('download'),
    console_.getByRole('button', { name: t.exports.json }).click(),
  ]);
  const record = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8')) as ExportedSessionRecord;
  expect(jsonDownload.suggestedFilename()).toBe(`callout-session-2026-11-20-${scenario.id}-${sessionId}.json`);
  expect(record.schema).toBe('callout.session-record');
  expect(record.schemaVersion).toBe(1);
  expect(record.scenarioId).toBe(scenario.id);
  expect(record.scenarioVersion).toBe(scenario.version);
  expect(record.facilitator).toBe('Sgt Ruth Adeyemi');
  expect(record.date).toBe('2026-11-20');
  expect(record.attendees).toEqual(['PC Dan Hughes', 'PC Amy Doyle', 'PC Sam Patel']);
  expect(record.status).toBe('completed');
  expect(record.ending).toBe(run.context.ending);
  expect(record.decisions.map((d) => d.choice)).toEqual(run.context.log.map((l) => l.choice));
  expect(record.decisions.every((d) => d.rationale?.startsWith('Group view'))).toBe(true);
  expect(record.decisions.every((d) => !d.votes.skipped && Object.values(d.votes.counts).includes(5))).toBe(true);
  expect(record.decisions[0].votes.revealedAt).toBeTruthy();
  expect(record.undone).toHaveLength(1);
  expect(record.undone[0].decision.sceneId).toBe(record.decisions[1].sceneId);
  expect(record.injects[0]).toMatchObject({ title: 'Control room update', sceneId: record.decisions[0].sceneId });
  expect(record.injects.length).toBe(preparedInject ? 2 : 1);
  expect(record.pauses).toHaveLength(1);
  expect(record.pauses[0].to).toBeTruthy();
  expect(Object.keys(record.scores.failings)).toEqual(['F1', 'F2', 'F3', 'F4', 'F5']);
  const { integrity, ...body } = record;
  expect(integrity.value).toBe(createHash('sha256').update(canonicalJson(body)).digest('hex'));

  // And as CSV.
  const [csvDownload] = await Promise.all([
    console_.waitForEvent('download'),
    console_.getByRole('button', { name: t.exports.csv }).click(),
  ]);
  const csv = readFileSync((await csvDownload.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe(
    '\uFEFFsection,key,seq,real_time,in_game_time,scene_id,scene,item_id,item,votes,chosen,text',
  );
  expect(csv).toContain('attendee,,2,,,,,,,,,PC Amy Doyle');
  expect(csv).toContain('session,facilitator,,,,,,,,,,Sgt Ruth Adeyemi');
  expect(csv.match(/^decision,rationale,/gm)).toHaveLength(decided);
  expect(csv).toContain('inject,own,');

  // The printable record keeps the record and drops the controls.
  await console_.emulateMedia({ media: 'print' });
  await expect(console_.locator('.session-log')).toBeVisible();
  await expect(console_.locator('.console__controls')).toBeHidden();
  await console_.screenshot({ path: `${SHOTS}/classroom-record-print.png`, fullPage: true });
  await console_.emulateMedia({ media: 'screen' });

  // A presenter opened later by its address shows the same state.
  const late = await context.newPage();
  await late.setViewportSize({ width: 1280, height: 720 });
  await late.goto(`/presenter/${sessionId}`);
  await expect(late.locator('.stage__ended')).toHaveText(t.presenter.ended);
  await context.close();
});

test('the console can be used with the keyboard alone: votes, reveal, decision, focus on the next scene', async ({
  browser,
}) => {
  const { scenario, script } = classroomScenario();
  const compiled = compileScenario(scenario);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto('/facilitator');
  await page.getByLabel(t.start.scenario).selectOption(scenario.id);
  await page.getByLabel(t.start.facilitator).fill('Insp Carys Morgan');
  await page.getByLabel(t.start.attendees).fill('PC One\nPC Two');
  await page.getByLabel(t.start.attendees).focus();
  await tabTo(page, 'form button[type=submit]');
  await expect(page.locator(':focus')).toHaveText(t.start.submit);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/facilitator\/s-/);

  const run = startRun(compiled);
  for (const event of script) {
    if (event.type === 'scene.continued') {
      await tabTo(page, '.console__scene > button.button');
      await page.keyboard.press('Enter');
      run.send(event);
      await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
      continue;
    }
    await tabTo(page, '.vote-panel__input');
    await page.keyboard.type('4');
    await expect(page.locator('.vote-panel__total')).toHaveText('4 votes in all');
    await tabTo(page, '.vote-panel button[aria-pressed]');
    await page.keyboard.press('Enter');
    await expect(page.locator('.vote-panel button[aria-pressed="true"]')).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: t.console.announce.revealed })).toHaveCount(1);
    // Checkboxes are reached with Tab; a radio group is entered with Tab and moved through with the arrows.
    for (const id of event.choice) {
      const input = page.locator(`form.decision input[value="${id}"]`);
      if ((await input.getAttribute('type')) === 'radio') await chooseRadio(page, (await input.getAttribute('name'))!, id);
      else {
        await tabTo(page, `form.decision input[value="${id}"]`);
        await page.keyboard.press('Space');
      }
    }
    if (event.verdict) {
      const name = (await page.locator(`form.decision input[value="${event.verdict}"]`).getAttribute('name'))!;
      await chooseRadio(page, name, event.verdict);
    }
    await tabTo(page, 'form.decision textarea');
    await page.keyboard.type('Agreed after discussion.');
    await tabTo(page, 'form.decision button[type=submit]');
    await page.keyboard.press('Enter');
    await expect(page.locator('.confirm h2')).toBeFocused();
    await tabTo(page, '.confirm button.button:not(.button--secondary)');
    await page.keyboard.press('Enter');
    run.send(event);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(run.view().scene.scene.title);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    break;
  }
  await context.close();
});
