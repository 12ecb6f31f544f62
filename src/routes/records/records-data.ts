/** The learner's records from their saved progress: one per finished attempt, scored by the engine. */
import { scoreLog, type ScoringRules } from '../../engine/scoring/score';
import { FAILINGS, type Failing } from '../../engine/types';
import type { LocalRecord } from '../../reporting/local/local-records';
import type { AttemptRecord } from '../../store/progress';

const pct = (r: number | null) => (r === null ? null : Math.round(Math.max(0, Math.min(1, r)) * 100));

/** Finished attempts as records, newest first. */
export function recordsFromAttempts(
  attempts: Record<string, AttemptRecord>,
  titles: ReadonlyMap<string, string>,
  course: { id: string; version: string; scoring: ScoringRules },
): LocalRecord[] {
  return Object.values(attempts)
    .filter((a) => a.status === 'completed')
    .map((a) => {
      const score = scoreLog(a.log, course.scoring);
      const failings = {} as Record<Failing, number | null>;
      for (const f of FAILINGS) failings[f] = pct(score.failings[f].ratio);
      return {
        attemptId: a.id,
        courseId: course.id,
        courseVersion: a.courseVersion,
        scenarioId: a.scenarioId,
        scenarioTitle: titles.get(a.scenarioId) ?? a.scenarioId,
        scenarioVersion: a.snapshot.scenarioVersion,
        startedAt: a.startedAt,
        endedAt: a.finishedAt ?? a.updatedAt,
        decisions: a.log.length,
        overall: pct(score.overall.ratio),
        failings,
        outcome: score.outcome,
        criticalErrors: score.critical.length,
        mode: a.snapshot.mode,
      };
    })
    .sort((x, y) => y.endedAt.localeCompare(x.endedAt));
}

/** Offers a file to the learner to save. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
