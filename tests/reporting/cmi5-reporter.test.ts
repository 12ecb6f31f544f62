import { describe, expect, it } from 'vitest';
import { emptyCaseFile, scoreLog, startRun } from '../../src/engine';
import { attemptStateOf } from '../../src/reporting/attempt-state';
import { decodeResume } from '../../src/reporting/resume-codec';
import type { Timers } from '../../src/reporting/retry-channel';
import type { AttemptState, CourseState } from '../../src/reporting/reporting.types';
import { cmi5LaunchFrom } from '../../src/reporting/xapi/cmi5-launch';
import { Cmi5Reporter, RESUME_STATE_ID } from '../../src/reporting/xapi/cmi5-reporter';
import { EXT_FAILING_SCORES, EXT_SESSION, VERB } from '../../src/reporting/xapi/cmi5-statements';
import { cmi5OrderViolations, cmi5Violations } from './cmi5-rules';
import { fakeClock, loadRealCourse, longPath } from './course-fixture';
import { fakeLrs, LAUNCH, validateStatement } from './fake-lrs';

const real = loadRealCourse();
const scenarioId = real.info.scenarios[0];
const compiled = real.scenarios.get(scenarioId)!;
const path = longPath(compiled, emptyCaseFile());
const oneScenario = { ...real.info, scenarios: [scenarioId] };

function play(
  reporter: Cmi5Reporter,
  n = path.length,
  course = oneScenario,
  mode: 'assessed' | 'practice' = 'assessed',
) {
  const now = fakeClock();
  const run = startRun(compiled, { now, mode });
  const startedAt = now();
  const attempts: AttemptState[] = [];
  const state = (): CourseState => ({ course, scenarios: real.scenarios, attempts: [...attempts] });
  const update = () =>
    (attempts[0] = attemptStateOf(run, { id: 'a1', startedAt, ...(run.ended ? { endedAt: now() } : {}) }));
  update();
  reporter.attemptStarted(state(), 'a1');
  for (const e of path.slice(0, n)) {
    expect((e.type === 'scene.continued' ? run.continue() : run.decide(e)).ok).toBe(true);
    update();
    if (e.type === 'decision.made') reporter.decisionMade(state(), 'a1', 5000);
  }
  if (run.ended) reporter.attemptEnded(state(), 'a1');
  return { run, state };
}

const verbs = (lrs: ReturnType<typeof fakeLrs>) =>
  lrs.statements.map((s) => (s.verb as { id: string }).id.split('/').pop());

describe('cmi5LaunchFrom()', () => {
  it('reads the five launch parameters and refuses an incomplete launch', () => {
    const q = new URLSearchParams({ ...LAUNCH, fetch: LAUNCH.fetchUrl, actor: JSON.stringify(LAUNCH.actor) });
    expect(cmi5LaunchFrom(`https://module.test/index.html?${q}`)?.registration).toBe(LAUNCH.registration);
    q.delete('registration');
    expect(cmi5LaunchFrom(`https://module.test/index.html?${q}`)).toBeUndefined();
  });
});

describe('Cmi5Reporter', () => {
  it('sends valid statements in the cmi5 order: initialized, answered…, completed, passed or failed, terminated', async () => {
    const lrs = fakeLrs();
    const reporter = new Cmi5Reporter(LAUNCH, { fetch: lrs.fetch });
    const launch = await reporter.initialise();
    expect(launch).toMatchObject({
      mode: 'normal',
      returnUrl: 'https://lms.test/return',
      learner: { name: 'PC Test Learner' },
    });
    const { run, state } = play(reporter);
    await reporter.leave(state());
    expect(lrs.tokenFetches).toBe(1);
    expect(lrs.invalid).toEqual([]);
    // The validators are live: a broken statement is caught.
    expect(validateStatement({ ...lrs.statements[0], verb: { id: 'not an IRI' } })).not.toEqual([]);
    const tpl = { extensions: { [EXT_SESSION]: 'lms-session' } };
    const first = lrs.statements[0] as { context: { extensions: Record<string, unknown> } };
    expect(
      cmi5Violations(
        { ...first, context: { ...first.context, extensions: { [EXT_SESSION]: 'au-made' } } },
        tpl,
        LAUNCH,
      ),
    ).toContain(
      '10.2.1: context.extensions["https://w3id.org/xapi/cmi5/context/extensions/sessionid"] is not the contextTemplate\'s value',
    );
    const decisions = run.context.log.length;
    const outcome = scoreLog(run.context.log, real.info.scoring).outcome === 'competent' ? 'passed' : 'failed';
    expect(verbs(lrs)).toEqual([
      'initialized',
      ...Array(decisions).fill('answered'),
      'completed',
      outcome,
      'terminated',
    ]);
    for (const s of lrs.statements) {
      expect(validateStatement(s)).toEqual([]);
      const ctx = s.context as { registration: string; extensions: Record<string, unknown> };
      expect(ctx.registration).toBe(LAUNCH.registration);
      // The LMS's session ID from the context template, unchanged (cmi5 9.6.3.1, 10.2.1).
      expect(ctx.extensions[EXT_SESSION]).toBe('lms-session');
      expect(JSON.stringify(s)).not.toContain('Reason.');
    }
    // Each answer names the question and every item offered, in the course's words; the response is among them.
    const answers = lrs.statements.filter((s) => (s.verb as { id: string }).id === VERB.answered);
    answers.forEach((s, n) => {
      const entry = run.context.log[n];
      const scene = compiled.scenes.get(entry.sceneId)!;
      const def = (
        s.object as {
          definition: {
            description?: Record<string, string>;
            choices: { id: string; description: Record<string, string> }[];
          };
        }
      ).definition;
      const items = [
        ...(scene.choice?.options ??
          scene.actions?.options ??
          scene.record?.entries ??
          scene.search?.terms ??
          scene.review?.issues ??
          []),
        ...(scene.review?.verdicts ?? []),
      ];
      expect(def.choices).toEqual(items.map((i) => ({ id: i.id, description: { 'en-GB': i.text } })));
      expect(def.description?.['en-GB']).toBe(
        (scene.choice ?? scene.actions ?? scene.record ?? scene.search ?? scene.review)!.prompt,
      );
      const response = (s.result as { response: string }).response;
      for (const id of response ? response.split('[,]') : []) expect(def.choices.map((c) => c.id)).toContain(id);
    });
    expect(cmi5OrderViolations(lrs.statements)).toEqual([]);
    const judged = lrs.statements.find((s) => (s.verb as { id: string }).id === VERB[outcome])!;
    expect(judged.result).not.toHaveProperty('completion');
    const ext = (judged.result as { extensions: Record<string, Record<string, number | null>> }).extensions[
      EXT_FAILING_SCORES
    ];
    expect(Object.keys(ext)).toEqual(['F1', 'F2', 'F3', 'F4', 'F5']);
    const doc = JSON.parse(lrs.state.get(RESUME_STATE_ID)!);
    expect(doc.sent.completed).toBe(true);
  });

  it('resumes from the state document and never sends completed twice for a registration', async () => {
    const lrs = fakeLrs();
    const first = new Cmi5Reporter(LAUNCH, { fetch: lrs.fetch });
    await first.initialise();
    const half = Math.ceil(path.length / 2);
    const { run, state } = play(first, half, real.info);
    await first.leave(state());
    expect(verbs(lrs)).not.toContain('completed');
    lrs.tokenFetches = 0;
    // A relaunch: the LMS gives a new one-time fetch URL.
    const second = new Cmi5Reporter(
      { ...LAUNCH, fetchUrl: 'https://lms.test/cmi5/fetch?k=relaunch' },
      { fetch: lrs.fetch },
    );
    const launch = await second.initialise();
    const decoded = await decodeResume(launch.resume!, async (id) => real.scenarios.get(id));
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.attempts[0].log.map((e) => e.sceneId)).toEqual(run.context.log.map((e) => e.sceneId));
  });

  it('sends no answered, completed, passed or failed statement for a practice attempt', async () => {
    const lrs = fakeLrs();
    const reporter = new Cmi5Reporter(LAUNCH, { fetch: lrs.fetch });
    await reporter.initialise();
    const { run, state } = play(reporter, path.length, oneScenario, 'practice');
    expect(run.ended).toBe(true);
    await reporter.leave(state());
    expect(verbs(lrs)).toEqual(['initialized', 'terminated']);
  });

  it("reads the learner's language preference from the agent profile on startup, and a 403 is not an error", async () => {
    const lrs = fakeLrs();
    lrs.preferences = { languagePreference: 'cy-GB, en-GB', audioPreference: 'off' };
    const launch = await new Cmi5Reporter(LAUNCH, { fetch: lrs.fetch }).initialise();
    expect(launch.languagePreference).toEqual(['cy-GB', 'en-GB']);
    // For the launch's own actor (cmi5 11.0), under the profile id cmi5 names.
    expect(lrs.profileReads).toEqual([{ agent: LAUNCH.actor, profileId: 'cmi5LearnerPreferences' }]);
    for (const answer of [403, 404] as const) {
      const other = fakeLrs();
      other.preferences = answer;
      const r = new Cmi5Reporter(LAUNCH, { fetch: other.fetch });
      const info = await r.initialise();
      expect(info.languagePreference).toBeUndefined();
      expect(r.status().state).not.toBe('offline');
      expect(verbs(other)).toEqual(['initialized']);
    }
  });

  it('sends no results in Browse mode', async () => {
    const lrs = fakeLrs({ launchMode: 'Browse' });
    const reporter = new Cmi5Reporter(LAUNCH, { fetch: lrs.fetch });
    expect((await reporter.initialise()).mode).toBe('browse');
    const { state } = play(reporter);
    await reporter.leave(state());
    expect(verbs(lrs)).toEqual(['initialized', 'terminated']);
  });

  it('keeps statements when the LRS fails and sends each exactly once when it recovers', async () => {
    const lrs = fakeLrs();
    const timers: (() => void)[] = [];
    const t: Timers = { setTimeout: (fn) => timers.push(fn), clearTimeout: () => {}, now: () => 0 };
    const reporter = new Cmi5Reporter(LAUNCH, { fetch: lrs.fetch, timers: t });
    await reporter.initialise();
    lrs.failStatements = 2;
    play(reporter, 4, real.info);
    await reporter.flush().catch(() => undefined);
    expect(reporter.status().state).toBe('retrying');
    while (reporter.status().state === 'retrying' && timers.length) {
      timers.shift()!();
      await reporter.flush().catch(() => undefined);
    }
    expect(reporter.status().state).toBe('saved');
    const ids = lrs.statements.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(verbs(lrs).filter((v) => v === 'answered').length).toBeGreaterThan(0);
  });
});
