/** Pure selectors over the learner's attempts (no store, so they can be used anywhere). */
import type { AttemptRecord } from './progress.types';

/** All attempts at a scenario, newest first. */
export function attemptsAt(attempts: Record<string, AttemptRecord>, scenarioId: string): AttemptRecord[] {
  return Object.values(attempts)
    .filter((a) => a.scenarioId === scenarioId)
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id.localeCompare(a.id));
}

/** The attempt being played at a scenario, if any. */
export function activeAttempt(attempts: Record<string, AttemptRecord>, scenarioId: string): AttemptRecord | undefined {
  return attemptsAt(attempts, scenarioId).find((a) => a.status === 'in-progress');
}

/** The latest completed attempt at a scenario (by finish time). */
export function latestCompleted(attempts: Record<string, AttemptRecord>, scenarioId: string): AttemptRecord | undefined {
  return Object.values(attempts)
    .filter((a) => a.scenarioId === scenarioId && a.status === 'completed')
    .sort((a, b) => (b.finishedAt ?? '').localeCompare(a.finishedAt ?? ''))[0];
}

/** Whether an attempt is practice (kept and scored, never a completion). */
export function isPractice(a: Pick<AttemptRecord, 'snapshot'>): boolean {
  return a.snapshot.mode === 'practice';
}

/** The latest completed assessed attempt at a scenario: the one that counts towards the course result. */
export function latestAssessed(attempts: Record<string, AttemptRecord>, scenarioId: string): AttemptRecord | undefined {
  return Object.values(attempts)
    .filter((a) => a.scenarioId === scenarioId && a.status === 'completed' && !isPractice(a))
    .sort((a, b) => (b.finishedAt ?? '').localeCompare(a.finishedAt ?? ''))[0];
}

/** The most recently saved unfinished attempt anywhere ("continue where you left off"). */
export function lastUnfinished(attempts: Record<string, AttemptRecord>): AttemptRecord | undefined {
  return Object.values(attempts)
    .filter((a) => a.status === 'in-progress')
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}
