/**
 * The saved-attempt shape and its check. Kept apart from the run (and so from XState) so that storage code can
 * check saved data without loading the engine's runtime.
 */
import type { CaseFile, RunEvent } from '../types.ts';

/** The version of the saved-attempt shape. */
export const SNAPSHOT_VERSION = 1;

/** A saved attempt: enough to rebuild the run exactly. Serialisable as JSON. */
export interface AttemptSnapshot {
  snapshotVersion: typeof SNAPSHOT_VERSION;
  scenarioId: string;
  /** The scenario version the events were made on. */
  scenarioVersion: number;
  /** The case file the attempt started from. */
  caseFileIn: CaseFile;
  /** Every event, in order, with its real time. */
  events: RunEvent[];
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Checks the shape of untrusted saved data; returns the problem, or undefined if it is a snapshot. */
export function snapshotProblem(x: unknown): string | undefined {
  if (!isObject(x)) return 'the saved attempt is not an object';
  if (x.snapshotVersion !== SNAPSHOT_VERSION) return `unknown snapshotVersion ${String(x.snapshotVersion)}`;
  if (typeof x.scenarioId !== 'string') return 'scenarioId is missing';
  if (typeof x.scenarioVersion !== 'number') return 'scenarioVersion is missing';
  const cf = x.caseFileIn;
  if (
    !isObject(cf) ||
    !['fresh', 'carried', 'default'].includes(cf.origin as string) ||
    !['flags', 'facts', 'exhibits', 'records'].every((k) => Array.isArray(cf[k]))
  )
    return 'caseFileIn is not a case file';
  if (!Array.isArray(x.events)) return 'events is not a list';
  for (const [i, e] of x.events.entries()) {
    if (!isObject(e) || typeof e.sceneId !== 'string') return `event ${i + 1} has no sceneId`;
    if (e.type === 'scene.continued') continue;
    if (e.type !== 'decision.made') return `event ${i + 1} has an unknown type`;
    if (!Array.isArray(e.choice) || !e.choice.every((c) => typeof c === 'string'))
      return `event ${i + 1} has no list of choices`;
  }
  return undefined;
}
