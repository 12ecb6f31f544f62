// @vitest-environment jsdom
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { afterEach, describe, expect, it } from 'vitest';
import {
  defaultCaseFile,
  emptyCaseFile,
  FAILINGS,
  scoreLog,
  startRun,
  type CompiledScenario,
  type RunEvent,
} from '../../src/engine';
import { attemptStateOf } from '../../src/reporting/attempt-state';
import { failingPercent, percent } from '../../src/reporting/course-status';
import { interactionId, isScorm12ChoiceResponse, isScorm12Identifier } from '../../src/reporting/interactions';
import { decodeResume } from '../../src/reporting/resume-codec';
import type { Timers } from '../../src/reporting/retry-channel';
import { Scorm12Reporter, type Scorm12Api } from '../../src/reporting/scorm12/scorm12-reporter';
import { Scorm2004Reporter, type Scorm2004Api } from '../../src/reporting/scorm2004/scorm2004-reporter';
import type { AttemptState, CourseState, Reporter } from '../../src/reporting/reporting.types';
import { fakeClock, loadRealCourse, longPath } from './course-fixture';

const real = loadRealCourse();
const scenarioId = real.info.scenarios[0];
const compiled = real.scenarios.get(scenarioId)!;
const path = longPath(compiled, compiled.scenario.defaultCaseFile ? defaultCaseFile(compiled) : emptyCaseFile());
/** A course of one scenario, so finishing it completes the course. */
const oneScenario = { ...real.info, scenarios: [scenarioId] };

/** Plays `events` through a reporter the way the player does: report after every decision and every continue. */
function play(
  reporter: Reporter,
  events: RunEvent[],
  course = oneScenario,
  c: CompiledScenario = compiled,
  mode: 'assessed' | 'practice' = 'assessed',
) {
  const now = fakeClock();
  const run = startRun(c, { now, mode });
  const startedAt = now();
  const attempts: AttemptState[] = [];
  const state = (): CourseState => ({ course, scenarios: real.scenarios, attempts: [...attempts] });
  const update = () => {
    attempts[0] = attemptStateOf(run, {
      id: 'att-1',
      startedAt,
      ...(run.ended ? { endedAt: '2025-03-01T10:00:00.000Z' } : {}),
    });
  };
  update();
  reporter.attemptStarted(state(), 'att-1');
  for (const e of events) {
    const r = e.type === 'scene.continued' ? run.continue() : run.decide(e);
    expect(r.ok).toBe(true);
    update();
    if (e.type === 'decision.made') reporter.decisionMade(state(), 'att-1', 12_340);
    else if (!run.ended) reporter.progressed(state(), 'att-1');
  }
  if (run.ended) reporter.attemptEnded(state(), 'att-1');
  return { run, state };
}

const w = window as unknown as Record<string, unknown>;
afterEach(() => {
  delete w.API;
  delete w.API_1484_11;
});

function flat(api: { getFlattenedCMI(): Record<string, unknown> }): Record<string, string> {
  return api.getFlattenedCMI() as Record<string, string>;
}

describe('Scorm12Reporter', () => {
  it('reports every decision, the objectives and the status to a SCORM 1.2 LMS (scorm-again)', async () => {
    const lms = new Scorm12API({ logLevel: 5, autocommit: false });
    const reporter = new Scorm12Reporter(lms as unknown as Scorm12Api);
    await reporter.initialise();
    const { run, state } = play(reporter, path);
    await reporter.flush();
    const cmi = flat(lms);
    const decisions = run.context.log;
    expect(Number(lms.LMSGetValue('cmi.interactions._count'))).toBe(decisions.length);
    decisions.forEach((d, n) => {
      const id = cmi[`cmi.interactions.${n}.id`];
      expect(id).toBe(interactionId(scenarioId, d.sceneId));
      expect(isScorm12Identifier(id)).toBe(true);
      expect(cmi[`cmi.interactions.${n}.type`]).toBe('choice');
      expect(isScorm12ChoiceResponse(cmi[`cmi.interactions.${n}.student_response`])).toBe(true);
      expect(['correct', 'wrong', 'neutral']).toContain(cmi[`cmi.interactions.${n}.result`]);
      expect(cmi[`cmi.interactions.${n}.time`]).toMatch(/^\d\d:\d\d:\d\d$/);
      expect(cmi[`cmi.interactions.${n}.latency`]).toBe('00:00:12.34');
    });
    const score = scoreLog(decisions, real.info.scoring);
    expect(lms.LMSGetValue('cmi.core.lesson_status')).toBe(score.outcome === 'competent' ? 'passed' : 'failed');
    expect(Number(lms.LMSGetValue('cmi.core.score.raw'))).toBe(percent(score.overall.ratio));
    FAILINGS.forEach((f, n) => {
      expect(lms.LMSGetValue(`cmi.objectives.${n}.id`)).toBe(f);
      const s = failingPercent(score, f);
      if (s !== null) expect(Number(lms.LMSGetValue(`cmi.objectives.${n}.score.raw`))).toBe(s);
      expect(lms.LMSGetValue(`cmi.objectives.${n}.status`)).toBe(
        score.failings[f].met === null ? 'completed' : score.failings[f].met ? 'passed' : 'failed',
      );
    });
    // SCORM 1.2 rules scorm-again does not enforce: the 4,096-character limit.
    expect(lms.LMSGetValue('cmi.suspend_data').length).toBeLessThanOrEqual(4096);
    await reporter.leave(state());
    expect(cmi['cmi.core.exit'] ?? '').toBe('');
    expect(lms.isTerminated()).toBe(true);
  });

  it('never reports a practice attempt as interactions or as a completion', async () => {
    const lms = new Scorm12API({ logLevel: 5, autocommit: false });
    const reporter = new Scorm12Reporter(lms as unknown as Scorm12Api);
    await reporter.initialise();
    const { run, state } = play(reporter, path, oneScenario, compiled, 'practice');
    expect(run.ended).toBe(true);
    await reporter.flush();
    expect(Number(lms.LMSGetValue('cmi.interactions._count') || 0)).toBe(0);
    expect(['passed', 'failed', 'completed']).not.toContain(lms.LMSGetValue('cmi.core.lesson_status'));
    await reporter.leave(state());
    // Unfinished as far as the LMS knows: the course is suspended, not completed.
    expect(flat(lms)['cmi.core.exit']).toBe('suspend');
  });

  it('suspends half-way and resumes at the same scene from the saved suspend_data', async () => {
    const lms = new Scorm12API({ logLevel: 5, autocommit: false });
    const reporter = new Scorm12Reporter(lms as unknown as Scorm12Api);
    await reporter.initialise();
    const half = path.slice(0, Math.ceil(path.length / 2));
    const { run, state } = play(reporter, half, real.info);
    await reporter.leave(state());
    const saved = flat(lms);
    expect(saved['cmi.core.exit']).toBe('suspend');
    expect(saved['cmi.core.lesson_status']).toBe('incomplete');

    // Relaunch: the LMS gives back what it stored.
    const lms2 = new Scorm12API({ logLevel: 5, autocommit: false });
    lms2.loadFromJSON({ suspend_data: saved['cmi.suspend_data'], core: { entry: 'resume' } } as never, 'cmi');
    const reporter2 = new Scorm12Reporter(lms2 as unknown as Scorm12Api);
    const launch = await reporter2.initialise();
    expect(launch.resume).toBe(saved['cmi.suspend_data']);
    const decoded = await decodeResume(launch.resume!, async (id) => real.scenarios.get(id));
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.problems).toEqual([]);
    const resumed = decoded.attempts[0];
    expect(resumed.snapshot.events.length).toBe(run.snapshot().events.length);
    expect(resumed.log.map((e) => e.choice)).toEqual(run.context.log.map((e) => e.choice));
  });

  it('saves a narrative "continue" in suspend_data at once, so a window closed straight after it loses nothing', async () => {
    const lms = new Scorm12API({ logLevel: 5, autocommit: false });
    const reporter = new Scorm12Reporter(lms as unknown as Scorm12Api);
    await reporter.initialise();
    // A call-out with a narrative scene after a decision; played up to and including that scene's continue.
    const afterDecision = (events: RunEvent[]) =>
      events.findIndex((e, n) => e.type === 'scene.continued' && events.slice(0, n).some((d) => d.type === 'decision.made'));
    const pick = real.info.scenarios
      .map((id) => {
        const c = real.scenarios.get(id)!;
        const events = longPath(c, c.scenario.defaultCaseFile ? defaultCaseFile(c) : emptyCaseFile());
        return { id, c, events, at: afterDecision(events) };
      })
      .find((x) => x.at > 0);
    if (!pick) throw new Error('no call-out has a narrative scene after a decision');
    const { run } = play(reporter, pick.events.slice(0, pick.at + 1), real.info, pick.c);
    await reporter.flush();
    // No leave(): the browser went away without unloading.
    const saved = flat(lms);
    const decoded = await decodeResume(saved['cmi.suspend_data'], async (id) => real.scenarios.get(id));
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.attempts[0].snapshot.events.length).toBe(pick.at + 1);
    expect(run.snapshot().events.length).toBe(pick.at + 1);
    expect(saved['cmi.core.lesson_location']).toBe(`${pick.id}/${pick.events[pick.at].sceneId}`);
  });

  it('tells the learner when the LMS refuses, keeps the data and sends it again', async () => {
    const lms = new Scorm12API({ logLevel: 5, autocommit: false });
    let failNext = 3;
    const flaky = new Proxy(lms, {
      get(target, prop) {
        if (prop === 'LMSSetValue')
          return (k: string, v: string) => (failNext-- > 0 ? 'false' : target.LMSSetValue(k, v));
        if (prop === 'LMSGetLastError') return () => (failNext >= 0 ? '101' : target.LMSGetLastError());
        const v = Reflect.get(target, prop);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const pendingTimers: (() => void)[] = [];
    const timers: Timers = { setTimeout: (fn) => pendingTimers.push(fn), clearTimeout: () => {}, now: () => 0 };
    const reporter = new Scorm12Reporter(flaky as unknown as Scorm12Api, timers);
    await reporter.initialise();
    const seen: string[] = [];
    reporter.subscribe((s) => seen.push(s.state));
    const { run } = play(reporter, path.slice(0, 4), real.info);
    await reporter.flush().catch(() => undefined);
    expect(reporter.status().state).toBe('retrying');
    while (reporter.status().state === 'retrying' && pendingTimers.length) {
      pendingTimers.shift()!();
      await reporter.flush().catch(() => undefined);
    }
    expect(reporter.status().state).toBe('saved');
    expect(seen).toContain('retrying');
    expect(Number(lms.LMSGetValue('cmi.interactions._count'))).toBe(run.context.log.length);
    expect(lms.LMSGetValue('cmi.suspend_data')).not.toBe('');
  });
});

describe('Scorm2004Reporter', () => {
  it('reports decisions with the type before the response, objectives, scores and statuses (scorm-again)', async () => {
    const lms = new Scorm2004API({ logLevel: 5, autocommit: false });
    const order: string[] = [];
    const spy = new Proxy(lms, {
      get(target, prop) {
        if (prop === 'SetValue') return (k: string, v: string) => (order.push(k), target.SetValue(k, v));
        const v = Reflect.get(target, prop);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const reporter = new Scorm2004Reporter(spy as unknown as Scorm2004Api);
    await reporter.initialise();
    const { run, state } = play(reporter, path);
    await reporter.flush();
    const cmi = flat(lms);
    const decisions = run.context.log;
    expect(Number(lms.GetValue('cmi.interactions._count'))).toBe(decisions.length);
    decisions.forEach((d, n) => {
      expect(lms.GetValue(`cmi.interactions.${n}.id`)).toBe(interactionId(scenarioId, d.sceneId));
      expect(lms.GetValue(`cmi.interactions.${n}.type`)).toBe('choice');
      expect(order.indexOf(`cmi.interactions.${n}.type`)).toBeLessThan(
        order.indexOf(`cmi.interactions.${n}.learner_response`),
      );
      expect(lms.GetValue(`cmi.interactions.${n}.learner_response`)).toBe(
        [...d.choice, ...(d.verdict ? [d.verdict] : [])].join('[,]'),
      );
      expect(['correct', 'incorrect', 'neutral']).toContain(lms.GetValue(`cmi.interactions.${n}.result`));
      expect(lms.GetValue(`cmi.interactions.${n}.timestamp`)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\dZ$/);
      expect(lms.GetValue(`cmi.interactions.${n}.description`)).toContain(compiled.scenario.title);
      expect(lms.GetValue(`cmi.interactions.${n}.latency`)).toBe('PT12.34S');
    });
    const score = scoreLog(decisions, real.info.scoring);
    expect(lms.GetValue('cmi.completion_status')).toBe('completed');
    expect(lms.GetValue('cmi.success_status')).toBe(score.outcome === 'competent' ? 'passed' : 'failed');
    expect(Number(lms.GetValue('cmi.score.scaled'))).toBeCloseTo(score.overall.ratio!, 3);
    FAILINGS.forEach((f, n) => {
      expect(lms.GetValue(`cmi.objectives.${n}.id`)).toBe(f);
      if (score.failings[f].ratio !== null)
        expect(Number(lms.GetValue(`cmi.objectives.${n}.score.scaled`))).toBeCloseTo(score.failings[f].ratio!, 3);
    });
    expect(cmi['cmi.suspend_data']).not.toBe('');
    await reporter.leave(state());
    expect(flat(lms)['cmi.exit']).toBe('normal');
  });

  it('sets exit to suspend when the learner leaves unfinished', async () => {
    const lms = new Scorm2004API({ logLevel: 5, autocommit: false });
    const reporter = new Scorm2004Reporter(lms as unknown as Scorm2004Api);
    await reporter.initialise();
    const { state } = play(reporter, path.slice(0, 3), real.info);
    await reporter.leave(state());
    const cmi = flat(lms);
    expect(cmi['cmi.exit']).toBe('suspend');
    expect(cmi['cmi.completion_status']).toBe('incomplete');
    expect(cmi['cmi.session_time']).toMatch(/^PT/);
  });
});
