/**
 * Scoring: a pure function of the decision log and the course's thresholds. The interface shows scores; it
 * never computes them. See scenarios/README.md, "Scoring", for the model in a trainer's words.
 */
import type { Course, Failing, FailingMarks, LogEntry } from '../types.ts';
import { FAILINGS } from '../types.ts';

/** The course manifest's scoring thresholds. */
export type ScoringRules = Course['scoring'];

/** One failing's score. */
export interface FailingScore {
  earned: number;
  best: number;
  /** earned / best, or null when no marks were available on this path ("not assessed"). */
  ratio: number | null;
  /** Whether the failing is met; null when not assessed. */
  met: boolean | null;
}

/** A critical error on the learner's path. */
export interface CriticalError {
  seq: number;
  sceneId: string;
  itemId: string;
}

/** The score of one attempt (or of several, aggregated). */
export interface Score {
  failings: Record<Failing, FailingScore>;
  overall: { earned: number; best: number; ratio: number | null };
  critical: CriticalError[];
  outcome: 'competent' | 'not-yet-competent';
}

function sum(entries: readonly LogEntry[], pick: (e: LogEntry) => FailingMarks, f: Failing): number {
  return entries.reduce((s, e) => s + pick(e)[f], 0);
}

/** Scores a decision log against the course's rules. */
export function scoreLog(log: readonly LogEntry[], rules: ScoringRules): Score {
  const failings = {} as Record<Failing, FailingScore>;
  let earned = 0;
  let best = 0;
  for (const f of FAILINGS) {
    const e = sum(log, (x) => x.earned, f);
    const b = sum(log, (x) => x.best, f);
    earned += e;
    best += b;
    const ratio = b > 0 ? Math.min(1, e / b) : null;
    failings[f] = { earned: e, best: b, ratio, met: ratio === null ? null : ratio >= rules.failingMet - 1e-9 };
  }
  const critical = log.flatMap((e) => e.critical.map((itemId) => ({ seq: e.seq, sceneId: e.sceneId, itemId })));
  const ratio = best > 0 ? Math.min(1, earned / best) : null;
  const everyMet = FAILINGS.every((f) => failings[f].met !== false);
  const competent =
    ratio !== null &&
    ratio >= rules.competent.overall - 1e-9 &&
    (!rules.competent.everyFailingMet || everyMet) &&
    critical.length <= rules.competent.maxCriticalErrors;
  return {
    failings,
    overall: { earned, best, ratio },
    critical,
    outcome: competent ? 'competent' : 'not-yet-competent',
  };
}

/** Scores several attempts' logs together (e.g. the latest attempt of each scenario in a course). */
export function scoreLogs(logs: readonly (readonly LogEntry[])[], rules: ScoringRules): Score {
  let seq = 0;
  const merged = logs.flatMap((log) => log.map((e) => ({ ...e, seq: ++seq })));
  return scoreLog(merged, rules);
}
