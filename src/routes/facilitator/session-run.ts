/** The engine side of a classroom session: replaying the group's run, and what a step gives the store. */
import { useMemo } from 'react';
import {
  formatClock,
  resumeRun,
  scoreLog,
  sceneItems,
  sceneVerdicts,
  type CompiledScenario,
  type Run,
} from '../../engine';
import { courseIndex } from '../../content';
import type { TFunction } from 'i18next';
import type { Reference } from '../../engine';
import type { ReviewedDecision } from '../../components/debrief/DecisionReview';
import { offeredAt, reviewDecisions } from '../debrief/review';
import { sessionScores } from '../../store/session-export';
import type { ClassroomSession, SessionDecision, StepResult } from '../../store/session';

export const now = () => new Date().toISOString();

/** Replays the session's run whenever its saved events change. */
export function useSessionRun(compiled: CompiledScenario, session: ClassroomSession) {
  return useMemo(() => resumeRun(compiled, session.snapshot, { now }), [compiled, session.snapshot]);
}

/** An in-game time as people read it: `05:40`, or `05:40 (day 2)` via the caller's words. */
export function clockText(clock: number, dayLabel: (time: string, day: number) => string): string {
  const c = formatClock(clock);
  return c.day ? dayLabel(c.time, c.day + 1) : c.time;
}

/** The text of an offered item (option, action, entry, term, issue or verdict) in a scene. */
export function itemText(compiled: CompiledScenario, sceneId: string, itemId: string): string {
  const scene = compiled.scenes.get(sceneId);
  if (!scene) return itemId;
  return [...sceneItems(scene), ...sceneVerdicts(scene)].find((i) => i.id === itemId)?.text ?? itemId;
}

/** What the store saves after the engine accepted a step on `run`. */
export function stepResult(
  compiled: CompiledScenario,
  run: Run,
  decided: boolean,
  dayLabel: (time: string, day: number) => string,
): StepResult {
  const log = run.context.log;
  const entry = log[log.length - 1];
  let decision: Omit<SessionDecision, 'votes'> | undefined;
  if (decided && entry) {
    decision = {
      seq: entry.seq,
      sceneId: entry.sceneId,
      sceneTitle: compiled.scenes.get(entry.sceneId)?.title ?? entry.sceneId,
      kind: entry.kind,
      choice: entry.choice,
      choiceText: entry.choice.map((id) => itemText(compiled, entry.sceneId, id)),
      ...(entry.verdict ? { verdict: entry.verdict } : {}),
      ...(entry.rationale ? { rationale: entry.rationale } : {}),
      clock: entry.clock,
      clockText: clockText(entry.clock, dayLabel),
      at: entry.at ?? now(),
      earned: entry.earned,
      best: entry.best,
      critical: entry.critical,
    };
  }
  return {
    snapshot: run.snapshot(),
    sceneId: run.sceneId,
    scores: sessionScores(scoreLog(log, courseIndex.scoring)),
    ...(decision ? { decision } : {}),
    ...(run.ended ? { ending: run.context.ending ?? run.sceneId } : {}),
  };
}

/**
 * The run one decision back: every event before the last decision is replayed (narrative steps after it go
 * too, so the room is back at that decision). Undefined when there is no decision to step back from.
 */
export function stepBackResult(
  compiled: CompiledScenario,
  session: ClassroomSession,
): Omit<StepResult, 'decision' | 'ending'> | undefined {
  const events = session.snapshot.events;
  let last = -1;
  for (let i = events.length - 1; i >= 0; i--)
    if (events[i].type === 'decision.made') {
      last = i;
      break;
    }
  if (last < 0) return undefined;
  const replayed = resumeRun(compiled, { ...session.snapshot, events: events.slice(0, last) }, { now });
  if (!replayed.ok) return undefined;
  const run = replayed.run;
  return {
    snapshot: run.snapshot(),
    sceneId: run.sceneId,
    scores: sessionScores(scoreLog(run.context.log, courseIndex.scoring)),
  };
}

/** The feedback on the group's last decision (what the console can show, and put on the projector). */
export function lastDecisionReview(
  compiled: CompiledScenario,
  session: ClassroomSession,
  run: Run,
  refs: Map<string, Reference>,
  t: TFunction<['debrief', 'failings']>,
): ReviewedDecision | undefined {
  const last = run.context.log[run.context.log.length - 1];
  if (!last) return undefined;
  return reviewDecisions(compiled, [last], refs, t, offeredAt(compiled, session.snapshot))[0];
}
