/**
 * The saved-attempt shape and its check. Kept apart from the run (and so from XState) so that storage code can
 * check saved data without loading the engine's runtime.
 */
import type { AttemptMode, CaseFile, RunEvent } from '../types.ts';
import { seedFrom } from './order.ts';

/**
 * The version of the saved-attempt shape. 2 added the order `seed` and the `mode`; a version 1 attempt is
 * migrated on reading (see `migrateSnapshot`) and loses nothing.
 */
export const SNAPSHOT_VERSION = 2;

/** A saved attempt: enough to rebuild the run exactly. Serialisable as JSON. */
export interface AttemptSnapshot {
  snapshotVersion: typeof SNAPSHOT_VERSION;
  scenarioId: string;
  /** The seed of the attempt's order of every list (an unsigned 32-bit integer). */
  seed: number;
  /** Practice or assessed, chosen at the briefing. */
  mode: AttemptMode;
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
  if (x.snapshotVersion !== SNAPSHOT_VERSION && x.snapshotVersion !== 1)
    return `unknown snapshotVersion ${String(x.snapshotVersion)}`;
  if (x.snapshotVersion === SNAPSHOT_VERSION) {
    if (typeof x.seed !== 'number' || !Number.isInteger(x.seed) || x.seed < 0 || x.seed >= 2 ** 32)
      return 'seed is not an unsigned 32-bit integer';
    if (x.mode !== 'assessed' && x.mode !== 'practice') return 'mode is neither assessed nor practice';
  }
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

/**
 * A checked saved attempt in the current shape. A version 1 attempt (saved before lists were shuffled) gets a
 * seed derived from what it holds, so every device that migrates it shows the same order, and counts as
 * assessed, as it did when it was made. Call only on data `snapshotProblem` accepts.
 */
export function migrateSnapshot(x: unknown): AttemptSnapshot {
  const s = x as Omit<AttemptSnapshot, 'snapshotVersion' | 'seed' | 'mode'> & {
    snapshotVersion: number;
    seed?: number;
    mode?: AttemptMode;
  };
  if (s.snapshotVersion === SNAPSHOT_VERSION) return s as AttemptSnapshot;
  // From the decisions only (not times or rationales, which an LMS copy may not hold), so the browser's copy and
  // an LMS's copy of the same attempt migrate to the same seed.
  const decisions = s.events
    .map((e) =>
      e.type === 'decision.made' ? `${e.sceneId}:${[...e.choice].sort().join(',')}:${e.verdict ?? ''}` : e.sceneId,
    )
    .join(';');
  return {
    snapshotVersion: SNAPSHOT_VERSION,
    scenarioId: s.scenarioId,
    seed: seedFrom(`${s.scenarioId}|${s.scenarioVersion}|${decisions}`),
    mode: 'assessed',
    scenarioVersion: s.scenarioVersion,
    caseFileIn: s.caseFileIn,
    events: s.events,
  };
}
