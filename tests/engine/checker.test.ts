import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenarioFile } from '../../src/engine/checker/check';
import { nodeReader } from '../helpers/node-reader';

const broken = 'tests/fixtures/broken';

/** Each broken fixture names what it expects on its first line: `# expect: code@line code …`. */
function expectations(file: string): { code: string; line?: number }[] {
  const first = readFileSync(file, 'utf8').split('\n')[0];
  return first
    .replace('# expect:', '')
    .trim()
    .split(/\s+/)
    .map((x) => {
      const [code, line] = x.split('@');
      return { code, line: line ? Number(line) : undefined };
    });
}

describe('checkScenarioFile() on broken fixtures', () => {
  for (const name of readdirSync(broken).filter((f) => f.endsWith('.yaml'))) {
    it(`reports every expected problem in ${name}, located`, () => {
      const file = `${broken}/${name}`;
      const report = checkScenarioFile(nodeReader, file, 'scenarios/course.yaml');
      const errors = report.issues.filter((i) => i.severity === 'error');
      for (const exp of expectations(file)) {
        const hit = errors.find((i) => i.code === exp.code && (exp.line === undefined || i.line === exp.line));
        expect(
          hit,
          `${exp.code}@${exp.line ?? '-'} in ${JSON.stringify(errors.map((e) => `${e.code}@${e.line}`))}`,
        ).toBeTruthy();
        expect(hit!.file).toBe(file);
      }
      expect(errors.length).toBeGreaterThanOrEqual(expectations(file).length);
    });
  }

  it('locates a schema error at its line and column with an id path', () => {
    const report = checkScenarioFile(nodeReader, `${broken}/schema-errors.yaml`, 'scenarios/course.yaml');
    const f6 = report.issues.find((i) => i.path.includes('options[x].marks'));
    expect(f6).toMatchObject({ line: 23, code: 'unknown-field', path: 'scenes[b].choice.options[x].marks.F6' });
    expect(f6!.column).toBeGreaterThan(1);
  });
});

describe('npm run check:scenarios', () => {
  const cli = (args: string[]) =>
    spawnSync('npx', ['tsx', 'src/content/check-scenarios-cli.ts', ...args], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });

  it('passes on the example course and prints paths and score ranges per scenario', () => {
    const r = cli(['scenarios/examples/course.yaml']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/example-part-a: \d+ paths/);
    expect(r.stdout).toMatch(/F1 +\d+%–100% ✓/);
    expect(r.stdout).toContain('competent on some path: yes');
    expect(r.stdout).toContain('0 errors');
  });

  it('fails with one located line per problem and no stack trace on a broken file', () => {
    const r = cli([`${broken}/semantic-errors.yaml`]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /^tests\/fixtures\/broken\/semantic-errors\.yaml:21:\d+ error scenes\[arrival\]\.choice\.next: next scene "nowhere" does not exist \[unknown-target\]$/m,
    );
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });

  it('gives JSON with --json', () => {
    const r = cli([`${broken}/unknown-format-version.yaml`, '--json']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(false);
    expect(out.issues[0]).toMatchObject({
      code: 'format-version',
      line: 2,
      message: 'formatVersion 7 is not supported: this engine reads formatVersion 1',
    });
  });

  it('names a missing file, a binary file and a 50 MB file in one clear line each', () => {
    const dir = mkdtempSync(join(tmpdir(), 'callout-'));
    writeFileSync(join(dir, 'binary.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    writeFileSync(join(dir, 'huge.yaml'), Buffer.alloc(50 * 1024 * 1024, 0x61));
    for (const [file, message] of [
      [join(dir, 'missing.yaml'), 'no such file or folder'],
      [join(dir, 'binary.yaml'), 'the file is binary, not YAML text'],
      [join(dir, 'huge.yaml'), 'the file is 50.0 MB; scenario files are limited to 2 MB'],
    ]) {
      const r = cli([file]);
      expect(r.status).toBe(1);
      const lines = r.stdout.trim().split('\n');
      expect(lines[0]).toContain(message);
      expect(lines[0]).toContain(file.split('/').pop());
      expect(lines.at(-1)).toBe('1 error, 0 warnings');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('refuses wrong usage with exit code 2', () => {
    expect(cli(['a.yaml', 'b.yaml']).status).toBe(2);
  });

  it('writes JSON Schema files that match the committed ones', () => {
    const before = ['scenario', 'course', 'references'].map((n) =>
      readFileSync(`scenarios/schema/${n}.schema.json`, 'utf8'),
    );
    execFileSync('npx', ['tsx', 'src/engine/format/write-json-schema.ts'], { encoding: 'utf8' });
    const after = ['scenario', 'course', 'references'].map((n) =>
      readFileSync(`scenarios/schema/${n}.schema.json`, 'utf8'),
    );
    expect(after).toEqual(before);
  });
});

describe('walkScenario() on a scene with too many combinations', () => {
  it('walks the first combinations and names the scene, instead of silently dropping the rest', async () => {
    const { compileScenario } = await import('../../src/engine/run/compile');
    const { walkScenario } = await import('../../src/engine/checker/walk');
    const { emptyCaseFile } = await import('../../src/engine/run/run');
    const { DEFAULT_RULES } = await import('../../src/engine/checker/check');
    const { fakeScenario } = await import('../helpers/scenario-factory');
    const entries = Array.from({ length: 16 }, (_, i) => ({
      id: `e${i}`,
      text: `Entry ${i}`,
      marks: { F3: 1 },
      feedback: 'Recorded.',
      refs: ['REC-CORONER'],
    }));
    const scenario = fakeScenario({
      start: 'write',
      scenes: [
        {
          id: 'write',
          title: 'Write',
          record: { id: 'log', kind: 'note', title: 'Log', prompt: 'Write.', entries, next: 'end' },
        },
        { id: 'end', title: 'End', ending: { debrief: 'Done.' } },
      ],
    });
    const w = walkScenario(compileScenario(scenario), [emptyCaseFile()], DEFAULT_RULES);
    expect(w.combinationsCapped).toEqual(['write']);
    expect(w.endingsReached).toEqual(['end']);
  });
});
