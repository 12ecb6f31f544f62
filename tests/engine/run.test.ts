import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/run/compile';
import { carryCaseFile, defaultCaseFile, resumeRun, startRun } from '../../src/engine/run/run';
import { formatClock } from '../../src/engine/run/clock';
import { bestSelection } from '../../src/engine/run/logic';
import { exampleCourse } from '../helpers/node-reader';
import { fakeScenario } from '../helpers/scenario-factory';

const now = () => '2026-11-22T10:00:00.000Z';

describe('startRun()', () => {
  it('starts at the start scene with the clock at the start time and the scene reveals in the case file', () => {
    const { partA } = exampleCourse();
    const run = startRun(partA, { now });
    const v = run.view();
    expect(v.scene.scene.id).toBe('arrival');
    expect(formatClock(v.clock).time).toBe('23:40');
    expect(v.caseFile.facts.map((f) => f.id)).toEqual(['bus-pass', 'no-phone']);
    expect(v.scene.kind).toBe('choice');
    expect(v.scene.items.map((i) => i.id).sort()).toEqual(['heart-hold', 'non-suspicious', 'under-investigation']);
  });

  it('branches on a choice and applies its effects and minutes before resolving next', () => {
    const run = startRun(compileScenario(fakeScenario()));
    expect(run.decide({ sceneId: 'start', choice: ['good'] })).toEqual({ ok: true });
    expect(run.sceneId).toBe('end-good');
    expect(run.ended).toBe(true);
    expect(formatClock(run.context.clock).time).toBe('05:15');
    expect(run.context.caseFile.flags).toEqual(['went-well']);
    expect(run.context.caseFile.facts.map((f) => f.id)).toEqual(['clue']);
  });

  it('logs each decision with its marks, the best available marks, critical errors and injected time', () => {
    const run = startRun(compileScenario(fakeScenario()), { now });
    run.decide({ sceneId: 'start', choice: ['poor'] });
    expect(run.context.log).toEqual([
      {
        seq: 1,
        sceneId: 'start',
        kind: 'choice',
        choice: ['poor'],
        clock: 300,
        minutes: 0,
        earned: { F1: 0, F2: 0, F3: 0, F4: 0, F5: 0 },
        best: { F1: 2, F2: 0, F3: 1, F4: 0, F5: 0 },
        critical: ['poor'],
        at: '2026-11-22T10:00:00.000Z',
      },
    ]);
    expect(run.sceneId).toBe('end-poor');
  });

  it('refuses a decision without a required rationale, and stores it when given', () => {
    const { partA } = exampleCourse();
    const run = startRun(partA);
    const refused = run.decide({ sceneId: 'arrival', choice: ['under-investigation'], rationale: '   ' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rationale-needed' } });
    expect(run.sceneId).toBe('arrival');
    run.decide({ sceneId: 'arrival', choice: ['under-investigation'], rationale: ' Nothing checked yet. ' });
    expect(run.context.log[0].rationale).toBe('Nothing checked yet.');
    expect(run.sceneId).toBe('enquiries');
  });

  it('checks a decision without committing it, for a confirm step', () => {
    const { partA } = exampleCourse();
    const run = startRun(partA);
    expect(run.check({ sceneId: 'arrival', choice: ['under-investigation'] })).toMatchObject({
      ok: false,
      error: { code: 'rationale-needed' },
    });
    expect(run.check({ sceneId: 'arrival', choice: ['under-investigation'], rationale: 'Open.' })).toEqual({
      ok: true,
    });
    expect(run.sceneId).toBe('arrival');
    expect(run.context.log).toEqual([]);
  });

  it('refuses decisions for another scene, unknown items, two options of a choice and ended runs', () => {
    const run = startRun(compileScenario(fakeScenario()));
    expect(run.decide({ sceneId: 'elsewhere', choice: ['good'] })).toMatchObject({ error: { code: 'wrong-scene' } });
    expect(run.decide({ sceneId: 'start', choice: ['nope'] })).toMatchObject({ error: { code: 'unknown-item' } });
    expect(run.decide({ sceneId: 'start', choice: ['good', 'poor'] })).toMatchObject({ error: { code: 'one-option' } });
    run.decide({ sceneId: 'start', choice: ['good'] });
    expect(run.decide({ sceneId: 'end-good', choice: [] })).toMatchObject({ error: { code: 'ended' } });
  });

  it('keeps actions within their minutes budget, reveals findings and advances the clock by their minutes', () => {
    const { partA } = exampleCourse();
    const run = startRun(partA);
    run.decide({ sceneId: 'arrival', choice: ['under-investigation'], rationale: 'Open.' });
    const over = run.decide({ sceneId: 'enquiries', choice: ['cctv', 'house-to-house', 'seize-cup'] });
    expect(over).toMatchObject({ ok: false, error: { code: 'over-budget' } });
    const before = run.context.clock;
    expect(run.decide({ sceneId: 'enquiries', choice: ['seize-cup', 'cctv'] })).toEqual({ ok: true });
    expect(run.context.clock - before).toBe(20);
    expect(run.context.caseFile.exhibits.map((e) => [e.id, e.ref])).toEqual([['cup', 'EX/1']]);
    expect(run.context.caseFile.facts.some((f) => f.id === 'cctv-shelter')).toBe(true);
    // The best available is the single best selection within the 30 minutes: any two of the three 2-mark
    // actions total 4. The cup and the footage tie for the top total, so they are measured against themselves.
    expect(run.context.log[1].best).toEqual({ F1: 0, F2: 0, F3: 2, F4: 0, F5: 2 });
    expect(run.context.log[1].earned).toEqual({ F1: 0, F2: 0, F3: 2, F4: 0, F5: 2 });
  });

  it('measures a weaker selection against the single best feasible selection, never above 100% per failing', () => {
    const { partA } = exampleCourse();
    const run = startRun(partA);
    run.decide({ sceneId: 'arrival', choice: ['under-investigation'], rationale: 'Open.' });
    // The footage (F5 2) and sitting in the car (F1 -1, 20 minutes): total 2, below the best total of 4.
    expect(run.decide({ sceneId: 'enquiries', choice: ['cctv', 'shelter'] })).toEqual({ ok: true });
    // Measured against the best selection closest to it (the footage and door-knocking), it earns 2 of 4:
    // F1 never goes below 0 at one decision.
    expect(run.context.log[1].best).toEqual({ F1: 2, F2: 0, F3: 0, F4: 0, F5: 2 });
    expect(run.context.log[1].earned).toEqual({ F1: 0, F2: 0, F3: 0, F4: 0, F5: 2 });
  });

  it('sets the story clock on entering a scene with `clock`, never backwards', () => {
    const scenes = (clock: string) =>
      fakeScenario({
        scenes: [
          { id: 'start', title: 'Start', next: 'later' },
          { id: 'later', title: 'Later', clock, effects: { minutes: 5 }, next: 'end' },
          { id: 'end', title: 'End', ending: { debrief: 'Done.' } },
        ],
      } as never);
    const run = startRun(compileScenario(scenes('06:20')));
    run.continue();
    expect(formatClock(run.context.clock).time).toBe('06:25');
    const back = startRun(compileScenario(scenes('04:00')));
    back.continue();
    expect(formatClock(back.context.clock).time).toBe('05:05');
  });

  it('keeps a record within its budget, and the best record is the best entries the budget allows', () => {
    const entry = (id: string, marks: Record<string, number>) => ({
      id,
      text: id,
      marks,
      feedback: 'F.',
      refs: ['REC-TRAIN'],
    });
    const scenario = fakeScenario({
      scenes: [
        {
          id: 'start',
          title: 'Report',
          record: {
            id: 'rod',
            kind: 'report-of-death',
            title: 'Report',
            prompt: 'Two entries.',
            budget: { count: 2 },
            entries: [
              entry('a', { F3: 1 }),
              entry('b', { F3: 2 }),
              entry('c', { F3: 2, F1: -1 }),
              entry('d', { F3: 3 }),
            ],
            next: 'end',
          },
        },
        { id: 'end', title: 'End', ending: { debrief: 'Done.' } },
      ],
    } as never);
    const run = startRun(compileScenario(scenario));
    expect(run.decide({ sceneId: 'start', choice: ['a', 'b', 'd'] })).toMatchObject({
      ok: false,
      error: { code: 'over-budget' },
    });
    expect(bestSelection(run.compiled.scenes.get('start')!, run.context)).toMatchObject({
      choice: ['b', 'd'],
      total: 5,
    });
    expect(run.decide({ sceneId: 'start', choice: ['c', 'd'] })).toEqual({ ok: true });
    expect(run.context.log[0].earned).toEqual({ F1: 0, F2: 0, F3: 5, F4: 0, F5: 0 });
    expect(run.context.log[0].best).toEqual({ F1: 0, F2: 0, F3: 5, F4: 0, F5: 0 });
  });

  it('gives the single best feasible selection, with ties broken by F1 first', () => {
    const { partA } = exampleCourse();
    const run = startRun(partA);
    run.decide({ sceneId: 'arrival', choice: ['under-investigation'], rationale: 'Open.' });
    const best = bestSelection(partA.scenes.get('enquiries')!, run.context);
    expect(best).toMatchObject({ choice: ['house-to-house', 'seize-cup'], total: 4 });
    expect(best.ties).toHaveLength(3);
  });

  it('writes a record into the case file from the chosen entries, offering only entries whose facts are known', () => {
    const { partA } = exampleCourse();
    const run = startRun(partA);
    run.decide({ sceneId: 'arrival', choice: ['under-investigation'], rationale: 'Open.' });
    run.decide({ sceneId: 'enquiries', choice: ['house-to-house'] });
    const offered = run.view().scene.items.map((i) => i.id).sort();
    expect(offered).toEqual(['attending', 'identity', 'missing-phone', 'nothing-suspicious', 'probable-heart']); // no CCTV fact, no second-man entry
    run.decide({ sceneId: 'report', choice: ['missing-phone', 'identity'] });
    const rec = run.context.caseFile.records.find((r) => r.id === 'report-of-death')!;
    expect(rec.author).toBe('learner');
    expect(rec.entries.map((e) => e.id)).toEqual(['identity', 'missing-phone']);
    expect(rec.entries[1].tags).toEqual(['missing-phone']);
    // Entries are scored: negative marks cancel positive ones, never below zero.
    expect(run.context.log[2].earned.F3).toBe(3);
  });

  it('scores a review from the issues ticked (a non-flaw costs) and the verdict', () => {
    const { partA } = exampleCourse();
    const run = startRun(partA);
    run.decide({ sceneId: 'arrival', choice: ['under-investigation'], rationale: 'Open.' });
    run.decide({ sceneId: 'enquiries', choice: ['cctv'] });
    run.decide({ sceneId: 'report', choice: ['second-man'] });
    expect(run.decide({ sceneId: 'sergeant', choice: ['property'] })).toMatchObject({
      error: { code: 'verdict-needed' },
    });
    run.decide({ sceneId: 'sergeant', choice: ['property', 'times'], verdict: 'return' });
    const entry = run.context.log[3];
    expect(entry.verdict).toBe('return');
    expect(entry.earned.F2).toBe(2); // 1 (flaw) - 1 (not a flaw) + 2 (verdict)
    expect(entry.best.F2).toBe(3);
  });

  it('finds only records that carry the searched tags, and branches on what was found', () => {
    const { partA } = exampleCourse();
    const run = startRun(partA);
    run.decide({ sceneId: 'arrival', choice: ['under-investigation'], rationale: 'Open.' });
    run.decide({ sceneId: 'enquiries', choice: ['cctv'] });
    run.decide({ sceneId: 'report', choice: ['missing-phone'] });
    run.decide({ sceneId: 'sergeant', choice: ['property'], verdict: 'return' });
    expect(run.decide({ sceneId: 'checks', choice: ['place', 'phone', 'name'] })).toMatchObject({
      error: { code: 'over-budget' },
    });
    run.decide({ sceneId: 'checks', choice: ['place', 'phone'] });
    expect(run.context.found).toEqual({ place: ['earlier-log'], phone: ['report-of-death'] });
    expect(run.sceneId).toBe('earlier-incident');
  });

  it('is deterministic: the same decisions give the same context', () => {
    const { partA } = exampleCourse();
    const play = () => {
      const run = startRun(partA, { now });
      run.decide({ sceneId: 'arrival', choice: ['under-investigation'], rationale: 'Open.' });
      run.decide({ sceneId: 'enquiries', choice: ['cctv', 'seize-cup'] });
      return run.context;
    };
    expect(play()).toEqual(play());
  });

  it('reveals delayed consequences at the ending', () => {
    const { partA } = exampleCourse();
    const run = startRun(partA);
    run.decide({ sceneId: 'arrival', choice: ['non-suspicious'], rationale: 'Looks natural.' });
    run.continue();
    run.decide({ sceneId: 'report', choice: ['nothing-suspicious'] });
    run.decide({ sceneId: 'sergeant', choice: [], verdict: 'endorse' });
    run.decide({ sceneId: 'checks', choice: ['name'] });
    run.decide({ sceneId: 'handover', choice: ['leave-it'] });
    expect(run.ended).toBe(true);
    expect(run.context.ending).toBe('end-closed');
    expect(run.view().consequences.map((c) => c.id)).toEqual(['cctv-lost']);
    expect(run.view().scene.items).toEqual([]);
  });
});

describe('multi-part cases', () => {
  it('carries the case file into the next part, so a search there finds what part A recorded', () => {
    const { partA, partB } = exampleCourse();
    const a = startRun(partA);
    a.decide({ sceneId: 'arrival', choice: ['under-investigation'], rationale: 'Open.' });
    a.decide({ sceneId: 'enquiries', choice: ['cctv'] });
    a.decide({ sceneId: 'report', choice: ['missing-phone'] });
    a.decide({ sceneId: 'sergeant', choice: ['property'], verdict: 'return' });
    a.decide({ sceneId: 'checks', choice: ['name'] });
    a.decide({ sceneId: 'handover', choice: ['named-owner'] });
    const b = startRun(partB, { caseFile: carryCaseFile(a.context) });
    expect(b.view().caseFile.origin).toBe('carried');
    expect(b.view().scene.blocks.map((x) => x.id)).toEqual(['from-part-a']);
    b.decide({ sceneId: 'second', choice: ['ask'] });
    b.decide({ sceneId: 'similarity', choice: ['missing-phone'] });
    expect(b.sceneId).toBe('linked');
    expect(b.context.found['missing-phone']).toEqual(['report-of-death']);
  });

  it('starts a part played alone from its documented default case file, where the link cannot be found', () => {
    const { partB } = exampleCourse();
    const cf = defaultCaseFile(partB);
    expect(cf.origin).toBe('default');
    expect(cf.records[0].author).toBe('PC 5120 Osei');
    const b = startRun(partB, { caseFile: cf });
    b.decide({ sceneId: 'second', choice: ['ask'] });
    b.decide({ sceneId: 'similarity', choice: ['missing-phone', 'place'] });
    expect(b.context.found).toEqual({ 'missing-phone': [], place: ['report-of-death'] });
    expect(b.sceneId).toBe('escalate');
    b.decide({ sceneId: 'escalate', choice: ['this-death'] });
    expect(b.view().consequences.map((c) => c.id)).toEqual(['no-link']);
  });
});

describe('resumeRun()', () => {
  const scenario = fakeScenario({
    scenes: [
      { id: 'start', title: 'Start', next: 'ask' },
      {
        id: 'ask',
        title: 'Ask',
        choice: {
          prompt: 'Which?',
          options: [
            { id: 'good', text: 'Good', marks: { F1: 1 }, feedback: 'Good.', refs: ['REC-TRAIN'] },
            { id: 'poor', text: 'Poor' },
          ],
          next: 'end',
        },
      },
      { id: 'end', title: 'End', ending: { debrief: 'Done.' } },
    ],
  });

  it('resumes a saved attempt at the same scene with the same context, through JSON', () => {
    const compiled = compileScenario(scenario);
    const run = startRun(compiled, { now });
    run.continue();
    const saved = JSON.parse(JSON.stringify(run.snapshot()));
    const back = resumeRun(compiled, saved);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.run.sceneId).toBe('ask');
    expect(back.run.context).toEqual(run.context);
    expect(back.migrated).toBe(false);
  });

  it('replays an attempt saved on version N on version N+1, applying declared renames', () => {
    const v1 = compileScenario(scenario);
    const run = startRun(v1);
    run.continue();
    run.decide({ sceneId: 'ask', choice: ['good'] });
    const v2 = compileScenario({
      ...scenario,
      version: 2,
      renamed: { scenes: { ask: 'question' }, options: { 'ask.good': 'strong' } },
      scenes: scenario.scenes.map((s) =>
        s.id === 'start'
          ? { ...s, next: 'question' }
          : s.id === 'ask'
            ? {
                ...s,
                id: 'question',
                choice: {
                  ...s.choice!,
                  options: s.choice!.options.map((o) => (o.id === 'good' ? { ...o, id: 'strong' } : o)),
                },
              }
            : s,
      ),
    });
    const back = resumeRun(v2, run.snapshot());
    expect(back.ok && back.migrated).toBe(true);
    if (back.ok) expect(back.run.context.log.map((e) => [e.sceneId, e.choice])).toEqual([['question', ['strong']]]);
  });

  it('refuses, naming the decision, when a newer version no longer has the chosen option', () => {
    const v1 = compileScenario(scenario);
    const run = startRun(v1);
    run.continue();
    run.decide({ sceneId: 'ask', choice: ['poor'] });
    const v2 = compileScenario({
      ...scenario,
      version: 2,
      scenes: scenario.scenes.map((s) =>
        s.id === 'ask'
          ? { ...s, choice: { ...s.choice!, options: [s.choice!.options[0], { id: 'other', text: 'Other' }] } }
          : s,
      ),
    });
    const back = resumeRun(v2, run.snapshot());
    expect(back).toEqual({
      ok: false,
      refusal: {
        code: 'decision-no-longer-fits',
        eventIndex: 2,
        message: 'decision 2 (scene "ask", "poor") no longer fits version 2 of "fake"',
      },
    });
  });

  it('refuses corrupt saved data, another scenario and a newer version with a reason', () => {
    const compiled = compileScenario(scenario);
    expect(resumeRun(compiled, 'garbage')).toMatchObject({ ok: false, refusal: { code: 'bad-snapshot' } });
    expect(
      resumeRun(compiled, { snapshotVersion: 1, scenarioId: 'fake', scenarioVersion: 1, caseFileIn: {}, events: [] }),
    ).toMatchObject({
      refusal: { code: 'bad-snapshot', message: 'caseFileIn is not a case file' },
    });
    const snap = startRun(compiled).snapshot();
    expect(resumeRun(compiled, { ...snap, scenarioId: 'other' })).toMatchObject({
      refusal: { code: 'other-scenario' },
    });
    expect(resumeRun(compiled, { ...snap, scenarioVersion: 9 })).toMatchObject({ refusal: { code: 'newer-version' } });
    expect(resumeRun(compiled, { ...snap, events: [{ type: 'decision.made', sceneId: 'ask' }] })).toMatchObject({
      refusal: { code: 'bad-snapshot', message: 'event 1 has no list of choices' },
    });
  });
});
