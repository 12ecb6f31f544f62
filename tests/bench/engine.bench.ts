/**
 * `npm run bench`: the engine's speed, on one core. Prints, for the largest scenario in scenarios/ and for a
 * generated stress scenario (200 scenes, 12 decisions of 3 options in a row), the time to parse + validate +
 * compile, the time per step, and the time to walk every path. Figures only: no pass/fail here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { stringify } from 'yaml';
import { walkScenario } from '../../src/engine/checker/walk';
import { DEFAULT_RULES } from '../../src/engine/checker/check';
import { loadScenarioText } from '../../src/engine/format/load';
import { compileScenario } from '../../src/engine/run/compile';
import { defaultCaseFile, startRun } from '../../src/engine/run/run';
import type { RunEvent } from '../../src/engine/types';
import { stressScenario } from './stress-scenario';

const TARGETS = { loadMs: 20, stepMs: 0.1, stressWalkMs: 2000 };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, runs: number): number {
  for (let i = 0; i < Math.min(5, runs); i++) fn(); // warm up the JIT
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

function bench(name: string, text: string) {
  let loaded = loadScenarioText(text, name);
  const load = time(() => {
    loaded = loadScenarioText(text, name);
    compileScenario(loaded.scenario!);
  }, 30);
  if (!loaded.scenario || loaded.issues.some((i) => i.severity === 'error')) {
    console.log(`${name}: has errors, skipped`);
    return;
  }
  const compiled = compileScenario(loaded.scenario);
  const start = [compiled.scenario.defaultCaseFile ? defaultCaseFile(compiled) : undefined].filter(Boolean);
  let walkReport = walkScenario(
    compiled,
    start.length ? (start as never) : [{ origin: 'fresh', flags: [], facts: [], exhibits: [], records: [] }],
    DEFAULT_RULES,
  );
  const walk = time(() => {
    walkReport = walkScenario(
      compiled,
      start.length ? (start as never) : [{ origin: 'fresh', flags: [], facts: [], exhibits: [], records: [] }],
      DEFAULT_RULES,
    );
  }, 3);
  // Steps: replay the longest of the shortest scripts to each ending, many times.
  const script: RunEvent[] =
    Object.values(walkReport.scripts)
      .map((x) => x.events)
      .sort((a, b) => b.length - a.length)[0] ?? [];
  const stepTime = time(() => {
    for (let i = 0; i < 50; i++) {
      const run = startRun(compiled, { caseFile: start[0] as never });
      for (const ev of script) {
        run.send(ev);
        run.view();
      }
    }
  }, 5);
  const perStep = stepTime / (50 * Math.max(1, script.length));
  console.log(`${name}`);
  console.log(
    `  scenes ${compiled.scenario.scenes.length}, paths ${walkReport.paths}, states ${walkReport.states}, ${(text.length / 1024).toFixed(0)} KB`,
  );
  console.log(`  parse + validate + compile  ${load.toFixed(2)} ms   (target < ${TARGETS.loadMs} ms)`);
  console.log(
    `  one step (decide + view)    ${(perStep * 1000).toFixed(1)} µs   (target < ${TARGETS.stepMs * 1000} µs)`,
  );
  console.log(`  walk every path             ${walk.toFixed(0)} ms`);
  return { load, perStep, walk };
}

const files = readdirSync('scenarios')
  .filter((f) => /^s\d.*\.yaml$/.test(f))
  .map((f) => `scenarios/${f}`);
const largest = (files.length ? files : ['scenarios/examples/example-part-a.yaml']).sort(
  (a, b) => statSync(b).size - statSync(a).size,
)[0];
console.log(`Engine benchmark — Node ${process.version}, one process, medians\n`);
bench(largest, readFileSync(largest, 'utf8'));
const stress = bench('generated stress scenario (200 scenes, 12 × 3 options)', stringify(stressScenario()));
if (stress) console.log(`  (stress walk target < ${TARGETS.stressWalkMs} ms)`);
