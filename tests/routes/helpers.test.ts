import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { compileScenario, startRun, emptyCaseFile, carryCaseFile, defaultCaseFile } from '../../src/engine';
import { buildCourse } from '../../src/content/vite-plugin';
import { offeredAt, reviewDecisions } from '../../src/routes/debrief/review';
import { verificationCode } from '../../src/routes/certificate/verification';
import { caseFileFor } from '../../src/routes/case-file-source';
import type { AttemptRecord } from '../../src/store/progress';

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
    expect(second.chosen.map((c) => c.id)).toEqual(['missing-phone', 'nothing-suspicious']);
    expect(second.chosen[1].marks[0]).toContain('-3');
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

describe('verificationCode()', () => {
  const record = (id: string, finishedAt: string) => ({ id, scenarioId: 'example-part-a', finishedAt, log: played().context.log, snapshot: played().snapshot() }) as unknown as AttemptRecord;
  it('is stable for the same records and changes when a record changes', () => {
    const one = verificationCode('example', '1.0.0', [record('a1', '2026-11-01T10:00:00Z')]);
    expect(one).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    expect(verificationCode('example', '1.0.0', [record('a1', '2026-11-01T10:00:00Z')])).toBe(one);
    expect(verificationCode('example', '1.0.0', [record('a1', '2026-11-02T10:00:00Z')])).not.toBe(one);
    expect(verificationCode('example', '1.0.1', [record('a1', '2026-11-01T10:00:00Z')])).not.toBe(one);
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
