/**
 * The Callout engine's public API for runtime code (the app, classroom mode, reporting). It imports xstate
 * only: no zod, no YAML parser (those are build-time: see `format/load.ts`, used by the Vite plugin and the
 * checker).
 *
 * A learner's attempt:
 * ```ts
 * const compiled = compileScenario(scenario);          // scenario: validated JSON from the build
 * const run = startRun(compiled, { caseFile, now: () => new Date().toISOString() });
 * run.view();                                          // the scene, its offered items, the case file, the clock
 * run.decide({ sceneId, choice: ['cordon'], rationale: '…' });   // { ok } or { ok: false, error }
 * run.continue();                                      // narrative scenes
 * const saved = run.snapshot();                        // JSON: save after every decision
 * const again = resumeRun(compiled, saved);            // replays; refuses with a reason, never drops a decision
 * scoreLog(run.context.log, course.scoring);           // per failing, overall, critical errors, outcome
 * ```
 */
export * from './types.ts';
export { compileScenario, type CompiledScenario, sceneTargets } from './run/compile.ts';
export {
  startRun,
  resumeRun,
  Run,
  emptyCaseFile,
  defaultCaseFile,
  carryCaseFile,
  snapshotProblem,
  migrateSnapshot,
  SNAPSHOT_VERSION,
  type AttemptSnapshot,
  type RunView,
  type SceneView,
  type DecideResult,
  type ResumeRefusal,
  type RunOptions,
} from './run/run.ts';
export {
  sceneKind,
  sceneItems,
  sceneVerdicts,
  sceneBudget,
  sceneInteraction,
  sceneRationale,
  bestMarks,
  bestSelection,
  type BestSelection,
  itemMinutes,
  evaluateDecision,
  type DecisionError,
} from './run/logic.ts';
export { seededOrder, randomSeed, seedFrom } from './run/order.ts';
export { holds } from './run/conditions.ts';
export { formatClock, parseClock } from './run/clock.ts';
export {
  scoreLog,
  scoreLogs,
  type Score,
  type FailingScore,
  type ScoringRules,
  type CriticalError,
} from './scoring/score.ts';
export { parseMarkdown, parseInline, plainText, type MdBlock, type Inline } from './markdown.ts';
export { localise, sourceStrings, textHash, translationStatus, type TranslationStatus } from './i18n/strings.ts';
