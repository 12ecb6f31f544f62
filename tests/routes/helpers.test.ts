import { FAILINGS } from '../../src/engine/types';
import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { compileScenario, startRun, emptyCaseFile, carryCaseFile, defaultCaseFile } from '../../src/engine';
import { buildCourse } from '../../src/content/vite-plugin';
import { offeredAt, reviewDecisions } from '../../src/routes/debrief/review';
import { checkCode, verificationCode } from '../../src/routes/certificate/verification';
import type { LocalRecord } from '../../src/reporting/local/local-records';
import { caseFileFor } from '../../src/routes/case-file-source';
import type { AttemptRecord } from '../../src/store/progress';
import { completedCount, courseResult, scenarioStatus } from '../../src/routes/course-status';

const b = buildCourse(process.cwd(), { manifest: 'scenarios/examples/course.yaml' });
const a = compileScenario(b.loaded.scenarios.get('example-part-a')!.scenario);
const partB = compileScenario(b.loaded.scenarios.get('example-part-b')!.scenario);
const refs = new Map(b.loaded.references!.references.map((r) => [r.id, r]));
const t = ((key: string, o?: Record<string, unknown>) => `${key}${o ? JSON.stringify(o) : ''}`) as unknown as TFunction<['debrief', 'failings']>;

function played() {
  const run = startRun(a, { caseFile: emptyCaseFile() });
  run.decide({ sceneId: 'arrival', choice: ['non-suspicious'], rationale: 'Looked natural' });
  run.continue();
  run.decide({ sceneId: 'report', choice: ['missing-phone', 'nothing-suspicious'] });
  return run;
}

describe('reviewDecisions()', () => {
  it('shows the stronger option from the scene data, references by title, and the rationale', () => {
    const run = played();
    const [first, second] = reviewDecisions(a, run.context.log, refs, t, offeredAt(a, run.snapshot()));
    expect(first.chosen[0].critical).toBe(true);
    expect(first.stronger.map((s) => s.id)).toEqual(['under-investigation']);
    expect(first.stronger[0].references[0]).toBe(refs.get('REC-CATEGORY')!.title);
    expect(first.stronger[0].references.join(' ')).not.toMatch(/REC-/);
    expect(first.rationale).toBe('Looked natural');
    const offered = offeredAt(a, run.snapshot());
    // In the order the learner saw them (the attempt's seeded order).
    const seen = offered.get(2)!.order.filter((id) => ['missing-phone', 'nothing-suspicious'].includes(id));
    expect(second.chosen.map((c) => c.id)).toEqual(seen);
    expect(second.chosen.find((c) => c.id === 'nothing-suspicious')!.marks[0]).toContain('-3');
    expect([second.earned, second.best]).toEqual([
      FAILINGS.reduce((s, f) => s + run.context.log[1].earned[f], 0),
      FAILINGS.reduce((s, f) => s + run.context.log[1].best[f], 0),
    ]);
    // "second-man" needs the footage, which this learner never asked for: it was not on offer.
    expect(second.stronger.map((s) => s.id)).toEqual(['identity']);
    expect(reviewDecisions(a, run.context.log, refs, t)[1].stronger.map((s) => s.id)).toEqual(['identity', 'second-man']);
  });
});

describe('reviewDecisions() at the best selection', () => {
  it('shows no stronger choice where the learner made a best selection, even with other good items unchosen', () => {
    const run = startRun(a, { caseFile: emptyCaseFile() });
    run.decide({ sceneId: 'arrival', choice: ['under-investigation'], rationale: 'Open.' });
    // Any two of the three 2-mark actions are a best selection within the 30 minutes.
    run.decide({ sceneId: 'enquiries', choice: ['cctv', 'seize-cup'] });
    const [first, second] = reviewDecisions(a, run.context.log, refs, t, offeredAt(a, run.snapshot()));
    expect(first.stronger).toEqual([]);
    expect(second.stronger).toEqual([]);
  });
});

describe('verificationCode() and checkCode()', () => {
  const rec = (over: Partial<LocalRecord> = {}): LocalRecord => ({
    attemptId: 'a1',
    courseId: 'example',
    courseVersion: '1.0.0',
    scenarioId: 'example-part-a',
    scenarioTitle: 'Part A',
    scenarioVersion: 1,
    startedAt: '2026-11-01T09:00:00Z',
    endedAt: '2026-11-01T10:00:00Z',
    decisions: 4,
    overall: 80,
    failings: { F1: 80, F2: null, F3: 75, F4: 90, F5: null },
    outcome: 'competent',
    criticalErrors: 0,
    mode: 'assessed',
    ...over,
  });
  const ids = ['example-part-a', 'example-part-b'];
  const both = [rec(), rec({ attemptId: 'b1', scenarioId: 'example-part-b', endedAt: '2026-11-02T10:00:00Z' })];

  it('is stable for the same results and changes with anything the certificate states', () => {
    const one = verificationCode('example', both);
    expect(one).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    expect(verificationCode('example', [...both].reverse())).toBe(one);
    for (const change of [{ overall: 81 }, { endedAt: '2026-11-03T10:00:00Z' }, { outcome: 'not-yet-competent' as const }, { criticalErrors: 1 }, { failings: { ...rec().failings, F2: 0 } }])
      expect(verificationCode('example', [rec(change), both[1]])).not.toBe(one);
    expect(verificationCode('other', both)).not.toBe(one);
  });

  it('matches a certificate against the export it came from, whatever the typing of the code', () => {
    const code = verificationCode('example', both);
    expect(checkCode(code.toLowerCase().replace(/-/g, ' '), 'example', both, ids)).toMatchObject({ ok: true });
  });

  it('certifies the latest assessed attempt at each call-out and never a practice one', () => {
    const code = verificationCode('example', both);
    const later = [...both, rec({ attemptId: 'p1', endedAt: '2026-11-05T10:00:00Z', overall: 100, mode: 'practice' })];
    expect(checkCode(code, 'example', later, ids)).toMatchObject({ ok: true });
    const retried = [...both, rec({ attemptId: 'a2', endedAt: '2026-11-05T10:00:00Z', overall: 95 })];
    expect(checkCode(code, 'example', retried, ids)).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it('says what is missing, and refuses what is not a code', () => {
    expect(checkCode(verificationCode('example', both), 'example', [both[0]], ids)).toEqual({ ok: false, reason: 'incomplete', missing: ['example-part-b'] });
    expect(checkCode('1234', 'example', both, ids)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('caseFileFor()', () => {
  const metaB = b.meta.find((m) => m.id === 'example-part-b')!;
  it('starts part 2 from the default case file when part 1 was not completed', () => {
    const source = caseFileFor(partB, metaB, {});
    expect(source.kind).toBe('default');
    expect(source.caseFile).toEqual(defaultCaseFile(partB));
    expect(source.kind === 'default' && source.description).toMatch(/without Part A/);
  });
  it('carries the case file of the latest completed part 1', () => {
    const run = played();
    const done = { id: 'p1', scenarioId: 'example-part-a', status: 'completed', finishedAt: '2026-11-01T10:00:00Z', caseFileOut: carryCaseFile(run.context) } as unknown as AttemptRecord;
    const older = { ...done, id: 'p0', finishedAt: '2026-10-01T10:00:00Z', caseFileOut: emptyCaseFile() } as AttemptRecord;
    const source = caseFileFor(partB, metaB, { p0: older, p1: done });
    expect(source.kind).toBe('carried');
    expect(source.caseFile.records.map((r) => r.id)).toEqual(['report-of-death']);
  });
});

describe('practice attempts and the course result', () => {
  const attempt = (id: string, scenarioId: string, mode: 'assessed' | 'practice', finishedAt: string): AttemptRecord => {
    const run = startRun(scenarioId === 'example-part-a' ? a : partB, { caseFile: scenarioId === 'example-part-a' ? emptyCaseFile() : defaultCaseFile(partB), mode });
    return {
      id,
      scenarioId,
      scenarioVersion: 1,
      courseVersion: '1.0.0',
      startedAt: finishedAt,
      updatedAt: finishedAt,
      finishedAt,
      status: 'completed',
      snapshot: run.snapshot(),
      log: run.context.log,
      sceneId: run.sceneId,
    } as AttemptRecord;
  };
  const rules = b.loaded.course!.scoring;
  const ids = ['example-part-a', 'example-part-b'];

  it('a practice attempt is "practised", never a completion', () => {
    const only = { p: attempt('p', 'example-part-a', 'practice', '2026-11-01T10:00:00Z') };
    expect(scenarioStatus(only, 'example-part-a', rules)).toBe('practised');
    expect(completedCount(only, ids)).toBe(0);
  });

  it('the course result and the certificate use the latest assessed attempt, not a later practice one', () => {
    const all = {
      a1: attempt('a1', 'example-part-a', 'assessed', '2026-11-01T10:00:00Z'),
      b1: attempt('b1', 'example-part-b', 'assessed', '2026-11-02T10:00:00Z'),
      p1: attempt('p1', 'example-part-a', 'practice', '2026-11-03T10:00:00Z'),
    };
    expect(courseResult(all, ids, rules)!.attempts.map((x) => x.id)).toEqual(['a1', 'b1']);
    expect(courseResult({ a1: all.a1, p1: all.p1 }, ids, rules)).toBeUndefined();
  });
});
