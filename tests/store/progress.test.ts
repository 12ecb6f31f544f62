// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { get, set, clear } from 'idb-keyval';
import { compileScenario, startRun, emptyCaseFile } from '../../src/engine';
import { buildCourse } from '../../src/content/vite-plugin';
import { activeAttempt, attemptsAt, lastUnfinished, latestCompleted, migrateProgress, PROGRESS_KEY, useProgress } from '../../src/store/progress';

const course = buildCourse(process.cwd(), { manifest: 'scenarios/examples/course.yaml' });
const compiled = compileScenario(course.loaded.scenarios.get('example-part-a')!.scenario);
const initial = useProgress.getState();

function freshRun() {
  return startRun(compiled, { caseFile: emptyCaseFile(), now: () => '2026-11-01T10:00:00.000Z' });
}

beforeEach(async () => {
  await clear();
  useProgress.setState({ ...initial, attempts: {}, unreadable: [], hydrated: true, storageProblem: undefined }, true);
});

describe('useProgress', () => {
  it('saves an attempt to IndexedDB after every decision and reads it back on a new start', async () => {
    const run = freshRun();
    const id = useProgress.getState().begin({ scenarioId: 'example-part-a', courseVersion: '1.0.0', snapshot: run.snapshot(), sceneId: run.sceneId });
    expect(run.decide({ sceneId: 'arrival', choice: ['under-investigation'], rationale: 'Nothing checked' }).ok).toBe(true);
    useProgress.getState().save(id, { snapshot: run.snapshot(), log: run.context.log, sceneId: run.sceneId });
    await new Promise((r) => setTimeout(r, 20));
    const stored = (await get(PROGRESS_KEY)) as { version: number; state: { attempts: Record<string, { snapshot: { events: unknown[] }; sceneId: string }> } };
    expect(stored.version).toBe(1);
    expect(stored.state.attempts[id].snapshot.events).toHaveLength(1);
    expect(stored.state.attempts[id].sceneId).toBe('enquiries');
    expect(stored).not.toHaveProperty('state.hydrated');

    await useProgress.persist.rehydrate();
    expect(useProgress.getState().attempts[id].log).toHaveLength(1);
    expect(activeAttempt(useProgress.getState().attempts, 'example-part-a')?.id).toBe(id);
    expect(lastUnfinished(useProgress.getState().attempts)?.id).toBe(id);
  });

  it('keeps every attempt: starting again sets the unfinished one aside, and completion records the ending', () => {
    const { begin, save } = useProgress.getState();
    const first = begin({ scenarioId: 'example-part-a', courseVersion: '1.0.0', snapshot: freshRun().snapshot(), sceneId: 'arrival' });
    const second = begin({ scenarioId: 'example-part-a', courseVersion: '1.0.0', snapshot: freshRun().snapshot(), sceneId: 'arrival' });
    const attempts = () => useProgress.getState().attempts;
    expect(attempts()[first].status).toBe('set-aside');
    expect(activeAttempt(attempts(), 'example-part-a')?.id).toBe(second);
    save(second, { snapshot: freshRun().snapshot(), log: [], sceneId: 'end-open', ending: 'end-open', caseFileOut: emptyCaseFile() });
    expect(attempts()[second].status).toBe('completed');
    expect(attempts()[second].finishedAt).toBeDefined();
    expect(latestCompleted(attempts(), 'example-part-a')?.id).toBe(second);
    expect(attemptsAt(attempts(), 'example-part-a')).toHaveLength(2);
  });

  it('marks an attempt that cannot resume, keeping its decisions', () => {
    const run = freshRun();
    run.decide({ sceneId: 'arrival', choice: ['under-investigation'], rationale: 'x' });
    const id = useProgress.getState().begin({ scenarioId: 'example-part-a', courseVersion: '1.0.0', snapshot: run.snapshot(), sceneId: 'arrival' });
    useProgress.getState().refuse(id, { code: 'decision-no-longer-fits', message: 'decision 1 no longer fits', eventIndex: 1 });
    const a = useProgress.getState().attempts[id];
    expect(a.status).toBe('cannot-resume');
    expect(a.refusal?.code).toBe('decision-no-longer-fits');
    expect(a.snapshot.events).toHaveLength(1);
  });

  it('keeps damaged saved attempts aside instead of dropping them', async () => {
    const good = { ...useProgress.getState(), attempts: {} };
    void good;
    await set(PROGRESS_KEY, { version: 1, state: { attempts: { bad: { id: 'bad', scenarioId: 'x', status: 'in-progress', log: [], snapshot: 'garbage' } }, unreadable: [] } });
    await useProgress.persist.rehydrate();
    const s = useProgress.getState();
    expect(s.attempts).toEqual({});
    expect(s.unreadable).toHaveLength(1);
    expect(s.unreadable[0].problem).toMatch(/damaged/);
    expect((s.unreadable[0].raw as { id: string }).id).toBe('bad');
  });
});

describe('migrateProgress()', () => {
  it('turns version 0’s list of attempts into attempts by id', () => {
    const run = freshRun();
    const a = { id: 'a1', scenarioId: 'example-part-a', status: 'completed', log: [], snapshot: run.snapshot() };
    const out = migrateProgress({ attempts: [a, { nonsense: true }] }, 0);
    expect(Object.keys(out.attempts)).toEqual(['a1']);
    expect(out.unreadable).toHaveLength(1);
  });

  it('returns empty progress for data that is not an object', () => {
    expect(migrateProgress('corrupt', 0)).toEqual({ attempts: {}, unreadable: [] });
  });
});
