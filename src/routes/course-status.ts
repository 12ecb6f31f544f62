/** Status of each scenario from the learner's attempts, scored by the engine (the UI never computes scores). */
import { scoreLog, scoreLogs, type Score } from '../engine/scoring/score';
import type { ScoringRules } from '../engine/scoring/score';
import type { ScenarioStatus } from '../components/course/StatusTag';
import { activeAttempt, latestAssessed, latestCompleted } from '../store/progress-selectors';
import type { AttemptRecord } from '../store/progress.types';

export function scenarioStatus(attempts: Record<string, AttemptRecord>, scenarioId: string, rules: ScoringRules): ScenarioStatus {
  const done = latestAssessed(attempts, scenarioId);
  if (activeAttempt(attempts, scenarioId)) return 'in-progress';
  if (done) return scoreLog(done.log, rules).outcome;
  // Practice is kept and scored but is never a completion.
  if (latestCompleted(attempts, scenarioId)) return 'practised';
  return 'not-started';
}

/** The course result: the latest completed assessed attempt of every scenario, or undefined until all are done. */
export function courseResult(
  attempts: Record<string, AttemptRecord>,
  scenarioIds: string[],
  rules: ScoringRules,
): { score: Score; attempts: AttemptRecord[] } | undefined {
  const latest = scenarioIds.map((id) => latestAssessed(attempts, id));
  if (latest.some((a) => !a)) return undefined;
  const list = latest as AttemptRecord[];
  return { score: scoreLogs(list.map((a) => a.log), rules), attempts: list };
}

/** How many scenarios have a completed assessed attempt. */
export function completedCount(attempts: Record<string, AttemptRecord>, scenarioIds: string[]): number {
  return scenarioIds.filter((id) => latestAssessed(attempts, id)).length;
}
