/**
 * Test helpers for reporting: the real course loaded from scenarios/, attempts played through the engine,
 * and the longest path through a scenario measured in characters of the resume encoding.
 */
import {
  carryCaseFile,
  compileScenario,
  defaultCaseFile,
  emptyCaseFile,
  sceneItems,
  sceneKind,
  sceneTargets,
  startRun,
  type CaseFile,
  type CompiledScenario,
  type RunContext,
  type RunEvent,
} from '../../src/engine';
import { loadCourse } from '../../src/engine/format/load';
import { nodeReader } from '../../src/content/node-reader';
import type { AttemptState, CourseInfo, CourseState } from '../../src/reporting/reporting.types';

const reader = nodeReader;

/** The course in `manifest` with every scenario that exists, compiled. */
export function loadRealCourse(manifest = 'scenarios/course.yaml') {
  const loaded = loadCourse(reader, manifest);
  const course = loaded.course!;
  const scenarios = new Map<string, CompiledScenario>();
  for (const [id, s] of loaded.scenarios) scenarios.set(id, compileScenario(s.scenario));
  const info: CourseInfo = {
    id: course.id,
    version: course.version,
    title: course.title,
    scenarios: course.scenarios.filter((id) => scenarios.has(id)),
    scoring: course.scoring,
  };
  return { course, info, scenarios, cases: course.cases ?? [] };
}

/** A clock that moves on by `stepSeconds` every call. */
export function fakeClock(startIso = '2025-03-01T09:00:00.000Z', stepSeconds = 47) {
  let t = Date.parse(startIso);
  return () => {
    const now = new Date(t).toISOString();
    t += stepSeconds * 1000;
    return now;
  };
}

/** Plays `events` as an attempt and returns its state. */
export function playAttempt(
  compiled: CompiledScenario,
  events: RunEvent[],
  opts: { id: string; caseFile?: CaseFile; caseFrom?: string; now: () => string; end?: boolean },
): AttemptState & { context: RunContext } {
  const startedAt = opts.now();
  const run = startRun(compiled, { caseFile: opts.caseFile ?? emptyCaseFile(), now: opts.now });
  for (const e of events) {
    const r = e.type === 'scene.continued' ? run.continue() : run.decide(e);
    if (!r.ok) throw new Error(`${compiled.scenario.id}: ${JSON.stringify(e)} refused: ${r.error.message}`);
  }
  return {
    id: opts.id,
    scenarioId: compiled.scenario.id,
    startedAt,
    ...(run.ended && opts.end !== false ? { endedAt: opts.now() } : {}),
    ...(opts.caseFrom ? { caseFrom: opts.caseFrom } : {}),
    snapshot: run.snapshot(),
    log: run.context.log,
    context: run.context,
  };
}

/** Characters one event at this scene takes in the resume encoding (decision characters only). */
export function eventChars(compiled: CompiledScenario, sceneId: string): number {
  const scene = compiled.scenes.get(sceneId)!;
  const kind = sceneKind(scene);
  if (kind === 'narrative' || kind === 'ending') return 0;
  const n = sceneItems(scene).length;
  return kind === 'choice' ? 1 : Math.ceil(n / 6) + (kind === 'review' ? 1 : 0);
}

/** Most characters one event's time may take: a separator and up to 5 base-36 digits (two years in seconds). */
export const TIME_CHARS = 6;

/**
 * The longest path through a scenario's scene graph (every `next`, ignoring conditions), in characters of the
 * resume encoding: decision characters plus a time per event. No real path is longer, so it is an upper
 * bound. Throws if the scene graph has a cycle (a learner could then make unboundedly many decisions).
 */
export function longestStaticPath(compiled: CompiledScenario): { chars: number; events: number; scenes: string[] } {
  const memo = new Map<string, { chars: number; events: number; scenes: string[] }>();
  const onPath = new Set<string>();
  const visit = (id: string): { chars: number; events: number; scenes: string[] } => {
    const hit = memo.get(id);
    if (hit) return hit;
    if (onPath.has(id)) throw new Error(`${compiled.scenario.id}: the scenes loop back to "${id}"`);
    onPath.add(id);
    const scene = compiled.scenes.get(id)!;
    const kind = sceneKind(scene);
    let best = { chars: 0, events: 0, scenes: [] as string[] };
    for (const to of sceneTargets(scene)) {
      const r = visit(to);
      if (r.chars > best.chars || (r.chars === best.chars && r.events > best.events)) best = r;
    }
    onPath.delete(id);
    const own =
      kind === 'ending' ? { chars: 0, events: 0 } : { chars: eventChars(compiled, id) + TIME_CHARS, events: 1 };
    const out = { chars: own.chars + best.chars, events: own.events + best.events, scenes: [id, ...best.scenes] };
    memo.set(id, out);
    return out;
  };
  return visit(compiled.scenario.start);
}

/**
 * A real path that follows the scene graph's longest route where the learner's choices allow: at each
 * decision it takes the offered option (or, for several, as many items as the budget allows, in order) whose
 * next scene has the longest remaining route.
 */
export function longPath(compiled: CompiledScenario, caseFile: CaseFile): RunEvent[] {
  const remaining = (id: string) => {
    try {
      return longestStaticPathFrom(compiled, id);
    } catch {
      return 0;
    }
  };
  // A fixed order seed, so the same path is chosen on every run of the tests.
  const run = startRun(compiled, { caseFile, seed: 0 });
  const events: RunEvent[] = [];
  for (let guard = 0; !run.ended && guard < 500; guard++) {
    const view = run.view();
    const scene = view.scene.scene;
    const kind = view.scene.kind;
    const rationale = view.scene.rationale === 'required' ? { rationale: 'Reason.' } : {};
    let ev: RunEvent;
    if (kind === 'narrative') ev = { type: 'scene.continued', sceneId: scene.id };
    else if (kind === 'choice') {
      const options = view.scene.items.map((i) => ({ id: i.id, to: (i as { next?: unknown }).next }));
      let bestId = options[0].id;
      let bestLen = -1;
      for (const o of options) {
        const trial = startRun(compiled, { caseFile, seed: 0 });
        events.forEach((e) => trial.send(e));
        const ok = trial.decide({ sceneId: scene.id, choice: [o.id], ...rationale });
        const len = ok.ok ? remaining(trial.sceneId) : -1;
        if (len > bestLen) [bestId, bestLen] = [o.id, len];
      }
      ev = { type: 'decision.made', sceneId: scene.id, choice: [bestId], ...rationale };
    } else {
      const chosen: string[] = [];
      for (const item of view.scene.items) {
        const trial = startRun(compiled, { caseFile, seed: 0 });
        events.forEach((e) => trial.send(e));
        const verdict = view.scene.verdicts[0]?.id;
        if (
          trial.decide({
            sceneId: scene.id,
            choice: [...chosen, item.id],
            ...(verdict ? { verdict } : {}),
            ...rationale,
          }).ok
        )
          chosen.push(item.id);
      }
      const verdict = view.scene.verdicts[0]?.id;
      ev = { type: 'decision.made', sceneId: scene.id, choice: chosen, ...(verdict ? { verdict } : {}), ...rationale };
    }
    const r = run.send(ev);
    if (!r.ok) throw new Error(`${compiled.scenario.id}: could not play ${JSON.stringify(ev)}`);
    events.push(ev);
  }
  if (!run.ended) throw new Error(`${compiled.scenario.id}: the long path did not end`);
  return events;
}

function longestStaticPathFrom(compiled: CompiledScenario, id: string): number {
  const c = { ...compiled, scenario: { ...compiled.scenario, start: id } };
  return longestStaticPath(c as CompiledScenario).chars;
}

/** The case files a part can start from: the default and every end case file of the previous part's longest path. */
export function startCaseFiles(compiled: CompiledScenario): CaseFile[] {
  return compiled.scenario.defaultCaseFile ? [defaultCaseFile(compiled)] : [emptyCaseFile()];
}

export { carryCaseFile };

/** A course state from attempts. */
export function stateOf(
  info: CourseInfo,
  scenarios: Map<string, CompiledScenario>,
  attempts: AttemptState[],
): CourseState {
  return { course: info, scenarios, attempts };
}
