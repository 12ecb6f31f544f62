/**
 * Helpers for the self-study journeys: the course the build was made from (the same manifest as the content
 * plugin), a scripted path through a scenario from the engine's checker, and a learner who uses only the
 * keyboard.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { buildCourse } from '../../src/content/vite-plugin';
import {
  bestSelection,
  compileScenario,
  sceneKind,
  sceneRationale,
  startRun,
  emptyCaseFile,
  carryCaseFile,
  type CaseFile,
  type CompiledScenario,
  type RunEvent,
  type Scenario,
} from '../../src/engine';

export const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots';

export function course() {
  return buildCourse(process.cwd());
}

/** The first scenario that starts from a fresh case file (a stand-alone call-out or part 1 of a case). */
export function firstScenario(): Scenario {
  const b = course();
  const id = b.index.scenarios.find((s) => !b.meta.find((m) => m.id === s)?.case || b.meta.find((m) => m.id === s)!.case!.part === 1)!;
  return b.loaded.scenarios.get(id)!.scenario;
}

/**
 * A run along the best selection at every decision, played by the engine alone (no exhaustive walk, so its cost
 * does not grow with the scenario's branching): every decision of the main path, to its ending.
 */
export function bestRun(compiled: CompiledScenario, caseFile: CaseFile = emptyCaseFile(), now?: () => string) {
  const run = startRun(compiled, { caseFile, ...(now ? { now } : {}) });
  for (let i = 0; i < 500 && !run.ended; i++) {
    const scene = run.view().scene.scene;
    if (sceneKind(scene) === 'narrative') {
      if (!run.continue().ok) break;
      continue;
    }
    const best = bestSelection(scene, run.context);
    const result = run.decide({
      sceneId: scene.id,
      choice: best.choice,
      ...(best.verdict ? { verdict: best.verdict } : {}),
      ...(sceneRationale(scene) === 'required' ? { rationale: 'Kept the category open: nothing has been checked yet.' } : {}),
    });
    if (!result.ok) throw new Error(`${compiled.scenario.id}: the best selection at "${scene.id}" was refused: ${result.error.message}`);
  }
  if (!run.ended) throw new Error(`${compiled.scenario.id}: the best path did not reach an ending`);
  return run;
}

/** The events of the best path through a scenario from a fresh case file (every decision kind on it). */
export function scriptFor(scenario: Scenario): RunEvent[] {
  return bestRun(compileScenario(scenario)).snapshot().events;
}

/** UI strings of a namespace, for finding controls by their visible names in any language. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- nested JSON of strings, read by key path in tests
export function strings(lng: string, ns: string): Record<string, any> {
  return JSON.parse(readFileSync(`locales/${lng}/${ns}.json`, 'utf8'));
}

/** Presses Tab until the focused element matches `selector` (fails after `max` presses). */
export async function tabTo(page: Page, selector: string, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Selects a radio in a group with the keyboard: Tab into the group, then arrow keys. */
export async function chooseRadio(page: Page, name: string, value: string) {
  await tabTo(page, `input[type=radio][name="${name}"]`);
  for (let i = 0; i < 30; i++) {
    const v = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    if (v === value) {
      await page.keyboard.press('Space');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`radio ${value} not reached`);
}

/** Plays one scripted event with the keyboard only, through the confirm step. */
export async function play(page: Page, event: RunEvent, lng: string) {
  const t = strings(lng, 'player');
  if (event.type === 'scene.continued') {
    await tabTo(page, 'main button.button');
    await expect(page.locator(':focus')).toHaveText(t.continue);
    await page.keyboard.press('Enter');
    return;
  }
  const first = page.locator('form.decision input').first();
  const type = await first.getAttribute('type');
  if (type === 'radio') {
    const name = (await first.getAttribute('name'))!;
    await chooseRadio(page, name, event.choice[0]);
  } else {
    for (const id of event.choice) {
      await tabTo(page, `form.decision input[type=checkbox][value="${id}"]`);
      await page.keyboard.press('Space');
    }
  }
  if (event.verdict) {
    const name = (await page.locator(`form.decision input[type=radio][value="${event.verdict}"]`).getAttribute('name'))!;
    await chooseRadio(page, name, event.verdict);
  }
  if (await page.locator('form.decision textarea').count()) {
    await tabTo(page, 'form.decision textarea');
    await page.keyboard.type('Kept the category open: nothing has been checked yet.');
  }
  await tabTo(page, 'form.decision button[type=submit]');
  await page.keyboard.press('Enter');
  await expect(page.locator('.confirm h2')).toBeFocused();
  await tabTo(page, '.confirm button.button:not(.button--secondary)');
  await expect(page.locator(':focus')).toHaveText(t.confirm.commit);
  await page.keyboard.press('Enter');
}

/** Runs axe on the page; WCAG 2.2 A and AA rules; zero violations. */
export async function expectNoAxeViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Completed attempts for every scenario, made by the engine along the best path (for the certificate). */
export function completedAttempts(): Record<string, unknown> {
  const b = course();
  const attempts: Record<string, unknown> = {};
  const carried = new Map<string, ReturnType<typeof carryCaseFile>>();
  const order = [...b.index.scenarios].sort((x, y) => (b.meta.find((m) => m.id === x)?.case?.part ?? 1) - (b.meta.find((m) => m.id === y)?.case?.part ?? 1));
  let n = 0;
  for (const id of order) {
    const scenario = b.loaded.scenarios.get(id)!.scenario;
    const compiled = compileScenario(scenario);
    const meta = b.meta.find((m) => m.id === id)!;
    const prev = meta.case && meta.case.part > 1 ? carried.get(meta.case.parts[meta.case.part - 2]) : undefined;
    const caseFile = prev ?? emptyCaseFile();
    const run = bestRun(compiled, caseFile, () => '2026-11-02T10:00:00.000Z');
    carried.set(id, carryCaseFile(run.context));
    const at = `2026-11-0${1 + (n % 8)}T1${n % 10}:00:00.000Z`;
    attempts[`a-fixture-${n}`] = {
      id: `a-fixture-${n}`,
      scenarioId: id,
      scenarioVersion: scenario.version,
      courseVersion: b.index.version,
      startedAt: at,
      updatedAt: at,
      finishedAt: at,
      status: 'completed',
      snapshot: run.snapshot(),
      log: run.context.log,
      sceneId: run.sceneId,
      ending: run.context.ending,
      caseFileOut: carryCaseFile(run.context),
    };
    n++;
  }
  return attempts;
}

/** Writes saved progress the way the app's store does (idb-keyval's default database). */
export async function seedProgress(page: Page, attempts: Record<string, unknown>) {
  await page.evaluate(async (value) => {
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('keyval-store');
      open.onupgradeneeded = () => open.result.createObjectStore('keyval');
      open.onsuccess = () => {
        const tx = open.result.transaction('keyval', 'readwrite');
        tx.objectStore('keyval').put(value, 'callout.progress');
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      };
      open.onerror = () => reject(open.error);
    });
  }, { state: { attempts, unreadable: [] }, version: 1 });
}
