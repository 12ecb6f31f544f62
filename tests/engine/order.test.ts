import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/run/compile';
import { resumeRun, startRun } from '../../src/engine/run/run';
import { migrateSnapshot, snapshotProblem, SNAPSHOT_VERSION } from '../../src/engine/run/snapshot';
import { seededOrder } from '../../src/engine/run/order';
import { exampleCourse } from '../helpers/node-reader';
import { fakeScenario } from '../helpers/scenario-factory';

const items = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id }));
const ids = (list: { id: string }[]) => list.map((i) => i.id);

describe('seededOrder()', () => {
  it('is a permutation that depends only on the seed, the scene and the ids', () => {
    const once = ids(seededOrder(items, 42, 'arrival'));
    expect([...once].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(ids(seededOrder(items, 42, 'arrival'))).toEqual(once);
    expect(ids(seededOrder([...items].reverse(), 42, 'arrival'))).toEqual(once);
  });

  it('puts every item first for some seeds, so position says nothing about marks', () => {
    const firsts = new Map<string, number>();
    for (let seed = 0; seed < 600; seed++) {
      const f = seededOrder(items, seed, 'arrival')[0].id;
      firsts.set(f, (firsts.get(f) ?? 0) + 1);
    }
    expect([...firsts.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    // Roughly uniform: each of six items is first in 100 ± 45 of 600 seeds.
    for (const n of firsts.values()) expect(Math.abs(n - 100)).toBeLessThan(45);
  });

  it('differs between scenes and between lists of one scene for one seed', () => {
    const seen = new Set<string>();
    for (const scene of ['s1', 's2', 's3', 's4', 's5']) seen.add(ids(seededOrder(items, 7, scene)).join(''));
    seen.add(ids(seededOrder(items, 7, 's1', 'verdicts')).join(''));
    expect(seen.size).toBeGreaterThan(3);
  });

  it('keeps the relative order of the others when a condition withholds an item', () => {
    const all = ids(seededOrder(items, 3, 'x'));
    const without = ids(
      seededOrder(
        items.filter((i) => i.id !== 'c'),
        3,
        'x',
      ),
    );
    expect(without).toEqual(all.filter((i) => i !== 'c'));
  });

  it('keeps pinned items first and last, in file order', () => {
    const pinned = [
      { id: 'wait', pin: 'last' as const },
      ...items,
      { id: 'intro', pin: 'first' as const },
      { id: 'nothing', pin: 'last' as const },
    ];
    for (let seed = 0; seed < 50; seed++) {
      const out = ids(seededOrder(pinned, seed, 'x'));
      expect(out[0]).toBe('intro');
      expect(out.slice(-2)).toEqual(['wait', 'nothing']);
    }
  });
});

describe('a run’s order', () => {
  it('is the seed’s order in view(), kept by the snapshot, on resume and on every reload', () => {
    const { partA } = exampleCourse();
    const run = startRun(partA, { seed: 123456 });
    const first = ids(run.view().scene.items);
    const saved = JSON.parse(JSON.stringify(run.snapshot()));
    expect(saved).toMatchObject({ snapshotVersion: SNAPSHOT_VERSION, seed: 123456, mode: 'assessed' });
    for (let i = 0; i < 3; i++) {
      const again = resumeRun(partA, saved);
      expect(again.ok && ids(again.run.view().scene.items)).toEqual(first);
    }
  });

  it('changes with the seed (two learners rarely see one order)', () => {
    const scenario = fakeScenario({
      scenes: [
        {
          id: 'start',
          title: 'Start',
          choice: {
            prompt: 'Which?',
            options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: id, next: 'end' })),
          },
        },
        { id: 'end', title: 'End', ending: { id: 'done', title: 'Done', text: 'Done.' } },
      ] as never,
    });
    const compiled = compileScenario(scenario);
    const orders = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) orders.add(ids(startRun(compiled, { seed }).view().scene.items).join(''));
    expect(orders.size).toBeGreaterThan(10);
  });

  it('scores by item, never by position: one choice earns the same whatever the seed', () => {
    const { partA } = exampleCourse();
    const logs = [1, 2, 3].map((seed) => {
      const run = startRun(partA, { seed });
      run.decide({ sceneId: 'arrival', choice: ['under-investigation'], rationale: 'open' });
      return run.context.log[0].earned;
    });
    expect(logs[1]).toEqual(logs[0]);
    expect(logs[2]).toEqual(logs[0]);
  });
});

describe('saved attempts from before the seed (snapshot version 1)', () => {
  const v1 = (events: unknown[]) => ({
    snapshotVersion: 1,
    scenarioId: 'example-part-a',
    scenarioVersion: 1,
    caseFileIn: { origin: 'fresh', flags: [], facts: [], exhibits: [], records: [] },
    events,
  });

  it('are accepted, migrated to a seed and assessed mode, and replay every decision', () => {
    const { partA } = exampleCourse();
    const made = startRun(partA, { seed: 1 });
    made.decide({ sceneId: 'arrival', choice: ['under-investigation'], rationale: 'open' });
    const old = v1(made.snapshot().events);
    expect(snapshotProblem(old)).toBeUndefined();
    const migrated = migrateSnapshot(old);
    expect(migrated.snapshotVersion).toBe(SNAPSHOT_VERSION);
    expect(migrated.mode).toBe('assessed');
    expect(Number.isInteger(migrated.seed) && migrated.seed >= 0 && migrated.seed < 2 ** 32).toBe(true);
    expect(migrated.events).toEqual(old.events);
    const resumed = resumeRun(partA, old);
    expect(resumed.ok && resumed.run.context.log.length).toBe(1);
    expect(resumed.ok && resumed.run.seed).toBe(migrated.seed);
  });

  it('get the same seed on every device that migrates them, whatever times or rationales it holds', () => {
    const ev = { type: 'decision.made', sceneId: 'arrival', choice: ['under-investigation'] };
    const a = migrateSnapshot(v1([{ ...ev, at: '2025-01-01T10:00:00.123Z', rationale: 'mine' }]));
    const b = migrateSnapshot(v1([{ ...ev, at: '2025-01-01T10:00:00.000Z', rationale: '[kept elsewhere]' }]));
    expect(a.seed).toBe(b.seed);
    expect(migrateSnapshot(v1([])).seed).not.toBe(a.seed);
  });

  it('a damaged seed or mode in a version 2 attempt is named', () => {
    const ok = { ...v1([]), snapshotVersion: 2, seed: 5, mode: 'assessed' };
    expect(snapshotProblem(ok)).toBeUndefined();
    expect(snapshotProblem({ ...ok, seed: -1 })).toMatch(/seed/);
    expect(snapshotProblem({ ...ok, seed: 1.5 })).toMatch(/seed/);
    expect(snapshotProblem({ ...ok, mode: 'exam' })).toMatch(/mode/);
    expect(snapshotProblem({ ...ok, snapshotVersion: 3 })).toMatch(/snapshotVersion 3/);
  });
});
