/**
 * The course-level result every standard reports: completion, success, the overall score and a score per
 * failing, from the latest finished attempt of each scenario (the engine's `scoreLogs`; nothing is scored
 * here).
 */
import { FAILINGS, scoreLogs, type Failing, type FailingScore, type Score } from '../engine';
import type { AttemptState, CourseState } from './reporting.types';

/** Where the learner stands in the course. */
export interface CourseStatus {
  /** Every scenario of the course has a finished attempt. */
  completed: boolean;
  /** `passed`/`failed` once completed (by the course's competence rules); `unknown` before. */
  success: 'passed' | 'failed' | 'unknown';
  /** Scenarios with a finished attempt. */
  finished: number;
  /** Scenarios in the course. */
  total: number;
  /** The score over the latest finished attempt of each scenario; null before any attempt has finished. */
  score: Score | null;
}

/** The latest finished assessed attempt of each scenario, in course order (practice never counts). */
export function latestFinished(state: Pick<CourseState, 'course' | 'attempts'>): AttemptState[] {
  const out: AttemptState[] = [];
  for (const id of state.course.scenarios) {
    const done = state.attempts.filter((a) => a.scenarioId === id && a.endedAt && a.snapshot.mode !== 'practice');
    if (done.length) out.push(done[done.length - 1]);
  }
  return out;
}

/** The course status. */
export function courseStatus(state: Pick<CourseState, 'course' | 'attempts'>): CourseStatus {
  const finished = latestFinished(state);
  const total = state.course.scenarios.length;
  const completed = total > 0 && finished.length === total;
  const score = finished.length
    ? scoreLogs(
        finished.map((a) => a.log),
        state.course.scoring,
      )
    : null;
  const success = !completed || !score ? 'unknown' : score.outcome === 'competent' ? 'passed' : 'failed';
  return { completed, success, finished: finished.length, total, score };
}

/** A ratio as a whole percentage (0–100), or null. */
export function percent(ratio: number | null): number | null {
  return ratio === null ? null : Math.round(Math.max(0, Math.min(1, ratio)) * 100);
}

/** The score of one failing, or null when it was not assessed. */
export function failingPercent(score: Score | null, f: Failing): number | null {
  return score ? percent(score.failings[f].ratio) : null;
}

/** Failings with their scores, in order. */
export function failingScores(score: Score | null): { failing: Failing; score: FailingScore | null }[] {
  return FAILINGS.map((failing) => ({ failing, score: score ? score.failings[failing] : null }));
}
