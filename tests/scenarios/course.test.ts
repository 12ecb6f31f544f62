import { beforeAll, describe, expect, it } from 'vitest';
import { checkCourse, type CheckReport } from '../../src/engine/checker/check';
import { INVARIANT_FLAGS } from '../../src/engine/checker/walk';
import { COVERAGE_MINIMUM, formatIssue } from '../../src/engine/checker/format-report';
import { loadCourse } from '../../src/engine/format/load';
import { compileScenario } from '../../src/engine/run/compile';
import { startRun } from '../../src/engine/run/run';
import { FAILINGS } from '../../src/engine/types';
import { nodeReader } from '../helpers/node-reader';
import { sourceStrings } from '../../src/engine/i18n/strings';

// Every file in scenarios/ is validated, compiled and walked (every path), as `npm run check:scenarios` does.
let report: CheckReport;
const loaded = loadCourse(nodeReader, 'scenarios/course.yaml');

beforeAll(() => {
  report = checkCourse(nodeReader, 'scenarios/course.yaml', { locales: ['cy'], localesDir: 'locales' });
}, 600_000);

describe('the course in scenarios/', () => {
  it('loads, validates and walks with no errors', () => {
    const errors = report.issues.filter((i) => i.severity === 'error');
    expect(errors.map(formatIssue)).toEqual([]);
    expect(report.walks.map((w) => w.scenarioId).sort()).toEqual([...loaded.course!.scenarios].sort());
  });

  it('lets every failing reach 100% on some path of every scenario that assesses it, and some path end competent', () => {
    for (const w of report.walks) {
      for (const f of FAILINGS)
        if (w.failings[f].assessedPaths) expect(w.failings[f].canReachFull, `${w.scenarioId} ${f}`).toBe(true);
      expect(w.someCompetent, w.scenarioId).toBe(true);
      expect(w.endingsNeverReached, w.scenarioId).toEqual([]);
      expect(w.endingsReached.length, `${w.scenarioId} has at least two endings`).toBeGreaterThanOrEqual(2);
      expect(w.truncated, w.scenarioId).toBe(false);
    }
  });

  it('assesses each failing in at least five scenarios and 25 decisions, and teaches every theme code', () => {
    const cov = report.coverage!;
    for (const f of FAILINGS) {
      expect(cov.failings[f].scenarios.length, f).toBeGreaterThanOrEqual(COVERAGE_MINIMUM.scenariosPerFailing);
      expect(cov.failings[f].decisions, f).toBeGreaterThanOrEqual(COVERAGE_MINIMUM.decisionsPerFailing);
    }
    expect(
      Object.entries(cov.themes)
        .filter(([, s]) => s.length === 0)
        .map(([t]) => t),
    ).toEqual([]);
  });

  it('shows a learner no note meant for authors or trainers ("insert local details", TODO, TBC)', () => {
    const docs = [loaded.course, ...[...loaded.scenarios.values()].map((s) => s.scenario)];
    const notes = docs
      .flatMap((d) => sourceStrings(d))
      .filter((s) => /insert local|\bTODO\b|\bTBC\b|lorem ipsum/i.test(s.text))
      .map((s) => `${s.key}: ${s.text}`);
    expect(notes).toEqual([]);
  });

  it('has 6 to 12 decision points in each scenario', () => {
    for (const { scenario } of loaded.scenarios.values()) {
      const decisions = scenario.scenes.filter((s) => s.choice || s.actions || s.record || s.search || s.review).length;
      expect(decisions, scenario.id).toBeGreaterThanOrEqual(6);
      expect(decisions, scenario.id).toBeLessThanOrEqual(12);
    }
  });

  it('has facilitator prompts at every decision, and content notes and two endings in every scenario', () => {
    for (const { scenario } of loaded.scenarios.values()) {
      expect(scenario.contentNotes.length, scenario.id).toBeGreaterThan(0);
      for (const s of scenario.scenes.filter((x) => x.choice || x.actions || x.record || x.search || x.review))
        expect(s.facilitator?.prompts?.length, `${scenario.id} ${s.id}`).toBeGreaterThan(0);
      expect(scenario.consequences?.length, `${scenario.id} has a delayed consequence`).toBeGreaterThan(0);
    }
  });
});

describe('invariants a trainer expects, over every path', () => {
  // A path that sets one of these flags shows that failure; on no path may it still reach "met" on its failing.
  for (const [flag, failing] of Object.entries(INVARIANT_FLAGS)) {
    it(`no path that sets ${flag} reaches "met" on ${failing}`, () => {
      const met = loaded.course!.scoring.failingMet;
      let paths = 0;
      for (const w of report.walks) {
        const inv = w.invariants[flag];
        paths += inv.paths;
        if (inv.paths && inv.maxScore !== null) expect(inv.maxScore, `${w.scenarioId}`).toBeLessThan(met);
      }
      expect(paths, `some scenario exercises ${flag}`).toBeGreaterThan(0);
    });
  }

  it('uses each invariant flag in at least two scenarios', () => {
    for (const flag of Object.keys(INVARIANT_FLAGS)) {
      const used = report.walks.filter((w) => w.invariants[flag].paths > 0).map((w) => w.scenarioId);
      expect(used.length, flag).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('every scenario plays to each of its endings in the engine', () => {
  for (const id of loaded.course?.scenarios ?? []) {
    it(`${id}`, () => {
      const w = report.walks.find((x) => x.scenarioId === id)!;
      const compiled = compileScenario(loaded.scenarios.get(id)!.scenario);
      for (const ending of compiled.scenario.scenes.filter((s) => s.ending).map((s) => s.id)) {
        const script = w.scripts[ending];
        expect(script, `a script to ${ending}`).toBeDefined();
        // A later part's script starts from its default case file or from one an earlier part's run left.
        const run = startRun(compiled, { caseFile: script.caseFile });
        for (const ev of script.events) expect(run.send(ev), `${id}: ${JSON.stringify(ev)}`).toEqual({ ok: true });
        expect(run.context.ending).toBe(ending);
      }
    });
  }
});
