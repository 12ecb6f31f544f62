import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/engine/format/load';
import { compileScenario } from '../../src/engine/run/compile';
import { startRun } from '../../src/engine/run/run';
import { scoreLog } from '../../src/engine/scoring/score';
import type { DecisionInput } from '../../src/engine/types';

/**
 * Golden fixtures: a scenario file in, its compiled machine and a scored run out. A deliberate change to the
 * compiler or scoring is accepted with `UPDATE_GOLDEN=1 npx vitest run tests/engine/golden.test.ts` and a
 * reviewed diff of tests/fixtures/golden/.
 */
const dir = 'tests/fixtures/golden';

function golden(name: string, actual: unknown) {
  const file = `${dir}/${name}`;
  const text = JSON.stringify(actual, null, 2) + '\n';
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, text);
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

const script: (DecisionInput | 'continue')[] = [
  { sceneId: 'arrival', choice: ['under-investigation'], rationale: 'Nothing has been checked yet.' },
  { sceneId: 'enquiries', choice: ['cctv', 'house-to-house'] },
  { sceneId: 'report', choice: ['identity', 'missing-phone', 'second-man'] },
  { sceneId: 'sergeant', choice: ['property'], verdict: 'return' },
  { sceneId: 'checks', choice: ['place', 'phone'] },
  'continue',
  { sceneId: 'handover', choice: ['named-owner'] },
];

describe('golden: example-part-a', () => {
  const text = readFileSync('scenarios/examples/example-part-a.yaml', 'utf8');
  const { scenario, issues } = loadScenarioText(text, 'example-part-a.yaml');

  it('loads without issues', () => {
    expect(issues).toEqual([]);
  });

  it('compiles to the expected machine: one state per scene, guarded transitions to each possible next scene', () => {
    const machine = compileScenario(scenario!).machine;
    const states = Object.fromEntries(
      Object.entries(
        machine.config.states as Record<string, { type?: string; on?: Record<string, { target: string }[]> }>,
      ).map(([id, s]) => [
        id,
        s.type === 'final'
          ? 'final'
          : Object.fromEntries(Object.entries(s.on ?? {}).map(([ev, ts]) => [ev, ts.map((t) => t.target)])),
      ]),
    );
    golden('example-part-a.compiled.json', { initial: machine.config.initial, states });
  });

  it('scores a scripted run to the expected log and score', () => {
    const run = startRun(compileScenario(scenario!), { now: () => '2026-01-01T00:00:00.000Z' });
    for (const step of script) {
      const r = step === 'continue' ? run.continue() : run.decide(step);
      expect(r).toEqual({ ok: true });
    }
    expect(run.ended).toBe(true);
    const score = scoreLog(run.context.log, {
      failingMet: 0.7,
      competent: { overall: 0.75, everyFailingMet: true, maxCriticalErrors: 0 },
    });
    golden('example-part-a.scored.json', {
      ending: run.context.ending,
      consequences: run.context.consequences,
      log: run.context.log,
      score,
    });
  });
});
