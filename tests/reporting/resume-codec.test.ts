import { describe, expect, it } from 'vitest';
import { carryCaseFile, defaultCaseFile, emptyCaseFile, migrateSnapshot, type CompiledScenario } from '../../src/engine';
import {
  attemptsToKeep,
  decodeResume,
  encodeResume,
  encodeResumeWithin,
  RATIONALE_NOT_STORED,
  SCORM12_SUSPEND_LIMIT,
} from '../../src/reporting/resume-codec';
import type { AttemptState } from '../../src/reporting/reporting.types';
import { fakeClock, loadRealCourse, longestStaticPath, longPath, playAttempt, stateOf } from './course-fixture';

const real = loadRealCourse();
const example = loadRealCourse('scenarios/examples/course.yaml');
const loader = (m: Map<string, CompiledScenario>) => async (id: string) => m.get(id);

/** The worst history we can think of: every scenario finished on its longest path, retried and left one
 * decision short of its longest path; each later part of a case carried from an older finished attempt of the
 * part before, so the codec must keep three attempts of every part but the last. */
const paths = new Map<string, import('../../src/engine').RunEvent[]>();
function worstHistory(r: ReturnType<typeof loadRealCourse>) {
  const now = fakeClock('2025-03-01T09:00:00.000Z', 3599);
  const attempts: (AttemptState & { context: import('../../src/engine').RunContext })[] = [];
  const partOf = new Map<string, { parts: string[]; index: number }>();
  for (const c of r.cases)
    c.parts.filter((p) => r.scenarios.has(p)).forEach((p, index, parts) => partOf.set(p, { parts, index }));
  const ended = new Map<string, typeof attempts>();
  for (const id of r.info.scenarios) {
    const compiled = r.scenarios.get(id)!;
    const part = partOf.get(id);
    const prev = part && part.index > 0 ? ended.get(part.parts[part.index - 1]) : undefined;
    const from = (k: number) => (prev ? prev[Math.max(0, prev.length - 1 - k)] : undefined);
    const start = (src: (typeof attempts)[number] | undefined) =>
      src
        ? carryCaseFile(src.context)
        : compiled.scenario.defaultCaseFile
          ? defaultCaseFile(compiled)
          : emptyCaseFile();
    const play = (n: string, src: (typeof attempts)[number] | undefined, full: boolean) => {
      const cf = start(src);
      const key = `${id}|${JSON.stringify(cf)}`;
      const path = paths.get(key) ?? longPath(compiled, cf);
      paths.set(key, path);
      const a = playAttempt(compiled, full ? path : path.slice(0, -1), {
        id: `${id}-${n}`,
        caseFile: cf,
        caseFrom: src?.id,
        now,
      });
      attempts.push(a);
      return a;
    };
    const list: typeof attempts = [];
    if (part && part.index < part.parts.length - 1) list.push(play('older', from(0), true));
    list.push(play('latest', from(1), true));
    play('retry', from(0), false);
    ended.set(id, list);
  }
  return attempts;
}

/** How many attempts of each scenario the worst history keeps. */
function keptPerScenario(r: ReturnType<typeof loadRealCourse>): Map<string, number> {
  const out = new Map(r.info.scenarios.map((id) => [id, 2]));
  for (const c of r.cases)
    c.parts.filter((p) => r.scenarios.has(p)).forEach((p, i, parts) => i < parts.length - 1 && out.set(p, 3));
  return out;
}

describe('encodeResume()', () => {
  it('fits the longest route through every scenario of the course in SCORM 1.2 suspend_data (upper bound)', () => {
    // Per attempt: fixed fields (scenario index, version, signature, start, end, case, count) take at most
    // 2+2+4+6+5+2+2 characters and 8 separators, plus 1 between attempts; then the events of the longest route.
    const FIXED = 2 + 2 + 4 + 6 + 5 + 2 + 2 + 8 + 1;
    const header = `1|${real.info.version}|${real.info.scenarios.join(',')}|`.length;
    let total = header;
    const lines: string[] = [];
    for (const [id, n] of keptPerScenario(real)) {
      const route = longestStaticPath(real.scenarios.get(id)!);
      total += n * (FIXED + route.chars);
      lines.push(`${id}: ${route.events} events, ≤ ${route.chars} chars × ${n} attempts`);
    }
    console.log(
      `upper bound for the whole course: ${total} of ${SCORM12_SUSPEND_LIMIT} characters\n  ${lines.join('\n  ')}`,
    );
    expect(total).toBeLessThanOrEqual(SCORM12_SUSPEND_LIMIT);
  });

  it('keeps a long real history of the whole course within SCORM 1.2 suspend_data, times included', () => {
    const attempts = worstHistory(real);
    expect(real.info.scenarios.length).toBeGreaterThan(0);
    const kept = attemptsToKeep({ attempts });
    expect(kept.length).toBe(attempts.length);
    const text = encodeResume(stateOf(real.info, real.scenarios, attempts));
    const decisions = attempts.reduce((s, a) => s + a.snapshot.events.length, 0);
    console.log(
      `longest course history: ${real.info.scenarios.length} scenarios, ${attempts.length} attempts, ${decisions} events → ${text.length} of ${SCORM12_SUSPEND_LIMIT} characters`,
    );
    expect(text.length).toBeLessThanOrEqual(SCORM12_SUSPEND_LIMIT);
    expect(encodeResumeWithin(stateOf(real.info, real.scenarios, attempts)).text).toBe(text);
  });

  it('rebuilds every kept attempt of that history exactly: same scenes, choices, marks and times', async () => {
    const attempts = worstHistory(real);
    const text = encodeResume(stateOf(real.info, real.scenarios, attempts));
    const decoded = await decodeResume(text, loader(real.scenarios));
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.problems).toEqual([]);
    expect(decoded.attempts).toHaveLength(attempts.length);
    decoded.attempts.forEach((d, i) => {
      const a = attempts[i];
      expect(d.scenarioId).toBe(a.scenarioId);
      expect(Boolean(d.endedAt)).toBe(Boolean(a.endedAt));
      expect(d.startedAt).toBe(a.startedAt);
      expect(d.snapshot.events.map((e) => e.sceneId)).toEqual(a.snapshot.events.map((e) => e.sceneId));
      expect(d.log.map((e) => [e.sceneId, e.choice, e.verdict, e.earned, e.best, e.at])).toEqual(
        a.log.map((e) => [e.sceneId, e.choice, e.verdict, e.earned, e.best, e.at]),
      );
      expect(d.snapshot.caseFileIn).toEqual(a.snapshot.caseFileIn);
      expect([d.snapshot.seed, d.snapshot.mode]).toEqual([a.snapshot.seed, a.snapshot.mode]);
      if (a.caseFrom)
        expect(decoded.attempts.find((x) => x.id === d.caseFrom)?.startedAt).toBe(
          attempts.find((x) => x.id === a.caseFrom)!.startedAt,
        );
    });
  });

  it('never stores a rationale: required ones come back as the placeholder', async () => {
    const compiled = real.scenarios.get(real.info.scenarios[0])!;
    const path = longPath(compiled, emptyCaseFile()).map((e) =>
      e.type === 'decision.made' ? { ...e, rationale: 'Because the sister said he never drank — SECRET-WORDS' } : e,
    );
    const a = playAttempt(compiled, path, { id: 'x', now: fakeClock() });
    const text = encodeResume(stateOf(real.info, real.scenarios, [a]));
    expect(text).not.toContain('SECRET');
    expect(text).not.toContain('sister');
    const decoded = await decodeResume(text, loader(real.scenarios));
    if (!decoded.ok) throw new Error(decoded.reason);
    const rationales = decoded.attempts[0].log.map((e) => e.rationale).filter(Boolean);
    expect(rationales.every((r) => r === RATIONALE_NOT_STORED)).toBe(true);
  });

  it('carries a later part of a case from the attempt it started from', async () => {
    const { partA, partB } = {
      partA: example.scenarios.get('example-part-a')!,
      partB: example.scenarios.get('example-part-b')!,
    };
    const now = fakeClock();
    const a = playAttempt(partA, longPath(partA, emptyCaseFile()), { id: 'a1', now });
    const cf = carryCaseFile(a.context);
    const b = playAttempt(partB, longPath(partB, cf).slice(0, 3), { id: 'b1', caseFile: cf, caseFrom: 'a1', now });
    const text = encodeResume(stateOf(example.info, example.scenarios, [a, b]));
    const decoded = await decodeResume(text, loader(example.scenarios));
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.problems).toEqual([]);
    expect(decoded.attempts[1].snapshot.caseFileIn).toEqual({ ...cf });
    expect(decoded.attempts[1].caseFrom).toBe(decoded.attempts[0].id);
  });

  it('keeps the latest finished attempt and the one in progress, and drops superseded ones', () => {
    const compiled = real.scenarios.get(real.info.scenarios[0])!;
    const now = fakeClock();
    const path = longPath(compiled, emptyCaseFile());
    const old = playAttempt(compiled, path, { id: 'old', now });
    const latest = playAttempt(compiled, path, { id: 'latest', now });
    const active = playAttempt(compiled, path.slice(0, 2), { id: 'active', now });
    expect(attemptsToKeep({ attempts: [old, latest, active] }).map((a) => a.id)).toEqual(['latest', 'active']);
  });
});

describe('the order seed and the mode', () => {
  it('come back from the LMS as they were saved, so a relaunch shows the same order and mode', async () => {
    const compiled = example.scenarios.get('example-part-a')!;
    const now = fakeClock();
    const a = playAttempt(compiled, longPath(compiled, emptyCaseFile()).slice(0, 2), { id: 'a', now });
    for (const [seed, mode] of [
      [0, 'assessed'],
      [2 ** 32 - 1, 'practice'],
      [918273645, 'assessed'],
    ] as const) {
      const attempt = { ...a, snapshot: { ...a.snapshot, seed, mode } };
      const decoded = await decodeResume(
        encodeResume(stateOf(example.info, example.scenarios, [attempt])),
        loader(example.scenarios),
      );
      if (!decoded.ok) throw new Error(decoded.reason);
      expect([decoded.attempts[0].snapshot.seed, decoded.attempts[0].snapshot.mode]).toEqual([seed, mode]);
    }
  });

  it('reads format 1 (saved before lists were shuffled): assessed, with the seed the browser’s copy migrates to', async () => {
    const compiled = example.scenarios.get('example-part-a')!;
    const a = playAttempt(compiled, longPath(compiled, emptyCaseFile()).slice(0, 3), { id: 'a', now: fakeClock() });
    const v2 = encodeResume(stateOf(example.info, example.scenarios, [a]));
    const top = v2.split('|');
    const v1 = ['1', top[1], top[2], top[3].split('~').map((r) => r.split('.').slice(0, 9).join('.')).join('~')].join('|');
    const decoded = await decodeResume(v1, loader(example.scenarios));
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.problems).toEqual([]);
    const local = migrateSnapshot({ ...a.snapshot, snapshotVersion: 1 });
    expect(decoded.attempts[0].snapshot).toMatchObject({ snapshotVersion: 2, mode: 'assessed', seed: local.seed });
    expect(decoded.attempts[0].log.map((e) => e.choice)).toEqual(a.log.map((e) => e.choice));
  });

  it('names a damaged seed or mode instead of guessing', async () => {
    const compiled = example.scenarios.get('example-part-a')!;
    const a = playAttempt(compiled, longPath(compiled, emptyCaseFile()).slice(0, 2), { id: 'a', now: fakeClock() });
    const text = encodeResume(stateOf(example.info, example.scenarios, [a]));
    const top = text.split('|');
    for (const bad of [['!!', ''], ['1', 'x']]) {
      const f = top[3].split('.');
      f[9] = bad[0];
      f[10] = bad[1];
      const r = await decodeResume([...top.slice(0, 3), f.join('.')].join('|'), loader(example.scenarios));
      if (!r.ok) throw new Error(r.reason);
      expect(r.problems).toEqual(['saved attempt 1 is damaged']);
    }
  });
});

describe('decodeResume()', () => {
  it('refuses data in an unknown format with a reason', async () => {
    const r = await decodeResume('garbage', loader(real.scenarios));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/not in a format/);
  });

  it('reports a damaged or changed attempt and still rebuilds the others', async () => {
    const ids = real.info.scenarios.slice(0, 2);
    const now = fakeClock();
    const attempts = ids.map((id, i) => {
      const c = real.scenarios.get(id)!;
      const cf = c.scenario.defaultCaseFile ? defaultCaseFile(c) : emptyCaseFile();
      return playAttempt(c, longPath(c, cf), { id: `a${i}`, caseFile: cf, now });
    });
    const text = encodeResume(stateOf(real.info, real.scenarios, attempts));
    const [head, rows] = [text.split('|').slice(0, 3).join('|'), text.split('|')[3].split('~')];
    // Change the first attempt's signature, as a scenario whose options were reordered would.
    const f = rows[0].split('.');
    f[2] = 'zzzz';
    const damaged = `${head}|${[f.join('.'), ...rows.slice(1)].join('~')}`;
    const r = await decodeResume(damaged, loader(real.scenarios));
    if (!r.ok) throw new Error(r.reason);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/scenes or options have since changed/);
    expect(r.attempts).toHaveLength(attempts.length - 1);
    // A truncated decision list is caught, not replayed wrongly.
    const g = rows[0].split('.');
    g[7] = g[7].slice(0, -1);
    const r2 = await decodeResume(`${head}|${[g.join('.'), ...rows.slice(1)].join('~')}`, loader(real.scenarios));
    if (!r2.ok) throw new Error(r2.reason);
    expect(r2.problems[0]).toMatch(/cannot be resumed/);
  });
});
