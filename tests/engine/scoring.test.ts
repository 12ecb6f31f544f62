import { describe, expect, it } from 'vitest';
import { scoreLog, scoreLogs } from '../../src/engine/scoring/score';
import type { LogEntry } from '../../src/engine/types';

const rules = { failingMet: 0.7, competent: { overall: 0.75, everyFailingMet: true, maxCriticalErrors: 0 } };
const z = { F1: 0, F2: 0, F3: 0, F4: 0, F5: 0 };

function entry(
  seq: number,
  earned: Partial<LogEntry['earned']>,
  best: Partial<LogEntry['best']>,
  critical: string[] = [],
): LogEntry {
  return {
    seq,
    sceneId: `s${seq}`,
    kind: 'choice',
    choice: ['x'],
    clock: 0,
    minutes: 0,
    earned: { ...z, ...earned },
    best: { ...z, ...best },
    critical,
  };
}

describe('scoreLog()', () => {
  it('scores each failing as earned over best at the decisions met, and leaves unassessed failings null', () => {
    const s = scoreLog([entry(1, { F1: 2 }, { F1: 2, F3: 1 }), entry(2, { F1: 1, F3: 1 }, { F1: 2, F3: 1 })], rules);
    expect(s.failings.F1).toEqual({ earned: 3, best: 4, ratio: 0.75, met: true });
    expect(s.failings.F3).toEqual({ earned: 1, best: 2, ratio: 0.5, met: false });
    expect(s.failings.F2).toEqual({ earned: 0, best: 0, ratio: null, met: null });
    expect(s.overall).toEqual({ earned: 4, best: 6, ratio: 4 / 6 });
    expect(s.outcome).toBe('not-yet-competent');
  });

  it('is competent when overall and every assessed failing reach the thresholds with no critical error', () => {
    const s = scoreLog([entry(1, { F1: 2, F2: 1 }, { F1: 2, F2: 1 }), entry(2, { F5: 3 }, { F5: 4 })], rules);
    expect(s.failings.F5.met).toBe(true);
    expect(s.outcome).toBe('competent');
  });

  it('counts critical errors, and one is enough to be not yet competent at full marks elsewhere', () => {
    const s = scoreLog([entry(1, { F1: 2 }, { F1: 2 }), entry(2, {}, {}, ['sign-unchanged'])], rules);
    expect(s.critical).toEqual([{ seq: 2, sceneId: 's2', itemId: 'sign-unchanged' }]);
    expect(s.failings.F1.ratio).toBe(1);
    expect(s.outcome).toBe('not-yet-competent');
  });

  it('treats a met threshold as inclusive', () => {
    const s = scoreLog([entry(1, { F2: 7 }, { F2: 10 }), entry(2, { F1: 1 }, { F1: 1 })], {
      ...rules,
      competent: { ...rules.competent, overall: 8 / 11 },
    });
    expect(s.failings.F2.met).toBe(true);
    expect(s.outcome).toBe('competent');
  });

  it('is not competent on an empty log', () => {
    expect(scoreLog([], rules).outcome).toBe('not-yet-competent');
  });
});

describe('scoreLogs()', () => {
  it('aggregates several attempts as one log, renumbering decisions', () => {
    const s = scoreLogs([[entry(1, { F1: 1 }, { F1: 2 })], [entry(1, { F1: 2 }, { F1: 2 }, ['c'])]], rules);
    expect(s.failings.F1).toMatchObject({ earned: 3, best: 4 });
    expect(s.critical).toEqual([{ seq: 2, sceneId: 's1', itemId: 'c' }]);
  });
});
