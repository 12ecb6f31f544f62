import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenarioFile } from '../../src/engine/checker/check';
import { seededRandom } from '../../src/engine/checker/assessment';
import { nodeReader } from '../helpers/node-reader';

const dir = 'tests/fixtures/assessment';
const check = (name: string) => checkScenarioFile(nodeReader, `${dir}/${name}.yaml`, 'scenarios/course.yaml');
const codes = (name: string) => check(name).issues.map((i) => i.code);

describe('assessment rules', () => {
  it('reports each rule a scenario breaks, located at the decision', () => {
    const report = check('gives-away');
    const at = (code: string) => report.issues.filter((i) => i.code === code);
    expect(at('length-balance').map((i) => i.path)).toEqual(['scenes[one]', 'scenes[two]']);
    expect(at('length-balance')[0].message).toContain('4.0×');
    expect(at('longest-share')).toHaveLength(1);
    expect(at('dilemma')[0].message).toContain('0 of 2');
    expect(at('record-budget')[0]).toMatchObject({ path: 'scenes[three]', line: 58 });
    expect(at('critical-category')[0].message).toContain('"closes" names no category');
  });

  it('reports the rules as errors, unless a decision waives one with a written reason', () => {
    const broken = check('gives-away').issues.filter((i) => i.code === 'length-balance');
    expect(broken.map((i) => [i.path, i.severity])).toEqual([
      ['scenes[one]', 'error'],
      ['scenes[two]', 'error'],
    ]);
    const reason = 'The right action names four steps; shorter wording would drop one of them.';
    const text = readFileSync(`${dir}/gives-away.yaml`, 'utf8').replace(
      '      prompt: What do you do?\n',
      `      prompt: What do you do?\n      waive:\n        - rule: length-balance\n          reason: ${reason}\n`,
    );
    const file = join(mkdtempSync(join(tmpdir(), 'callout-waive-')), 'gives-away.yaml');
    writeFileSync(file, text);
    const waived = checkScenarioFile(nodeReader, file, 'scenarios/course.yaml');
    expect(waived.issues.filter((i) => i.code === 'length-balance').map((i) => i.path)).toEqual(['scenes[two]']);
    expect(waived.assessments[0].waivers).toEqual([{ sceneId: 'one', rule: 'length-balance', reason }]);
    // The command fails on the broken file and names the rule, the file and the line.
    const r = spawnSync('npx', ['tsx', 'src/content/check-scenarios-cli.ts', `${dir}/gives-away.yaml`], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/gives-away\.yaml:\d+:\d+ error .*\[length-balance\]/);
  });

  it('finds that learners who do not read pass a scenario that gives its answers away', () => {
    const [a] = check('gives-away').assessments;
    expect(a.strategies.first).toMatchObject({ met: 1, plays: 1 });
    expect(a.strategies.longest.met).toBe(1);
    expect(a.strategies.procedural.met).toBe(1);
    expect(codes('gives-away').filter((c) => c === 'non-reader-passes')).toHaveLength(3);
  });

  it('passes a scenario that must be read, where non-readers fail and the best selection reaches 100%', () => {
    const report = check('balanced');
    expect(report.issues).toEqual([]);
    const [a] = report.assessments;
    expect(a.dilemmas).toBe(2);
    expect(a.longest).toBe(0);
    expect(a.critical).toEqual([{ sceneId: 'one', itemId: 'closes', category: 'premature-closure' }]);
    for (const s of ['first', 'longest', 'procedural', 'random'] as const) expect(a.strategies[s].met).toBe(0);
    expect(a.strategies.random.plays).toBe(20);
    expect(a.best).toEqual({ overall: 1, met: true, everyAssessedFull: true });
  });

  it('plays the random learner the same way on every run', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(new Set(xs).size).toBe(5);
    expect(check('balanced').assessments[0].strategies.random.overall).toBe(
      check('balanced').assessments[0].strategies.random.overall,
    );
  });
});
