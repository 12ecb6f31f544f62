/**
 * The learner's own records when no LMS launched the module: one line per finished attempt, kept in the
 * browser (IndexedDB through idb-keyval). Nothing here leaves the browser; the learner exports it.
 */
import { FAILINGS, scoreLog, type Failing } from '../../engine';
import { percent } from '../course-status';
import type { AttemptState, CourseState } from '../reporting.types';

/** Version of the stored records list. */
export const RECORDS_VERSION = 1;

/** One finished attempt, as the records page lists it and the export carries it. */
export interface LocalRecord {
  attemptId: string;
  courseId: string;
  courseVersion: string;
  scenarioId: string;
  /** Scenario title (English source; the page shows the localised title where it has one). */
  scenarioTitle: string;
  scenarioVersion: number;
  startedAt: string;
  endedAt: string;
  /** Decisions made. */
  decisions: number;
  /** Overall score, 0–100, or null when nothing was assessed. */
  overall: number | null;
  /** Score per failing, 0–100, or null when not assessed. */
  failings: Record<Failing, number | null>;
  outcome: 'competent' | 'not-yet-competent';
  criticalErrors: number;
  /** `practice` for a practice attempt (never a completion); absent in records made before modes existed. */
  mode?: 'assessed' | 'practice';
}

/** Where records are kept. */
export interface RecordsStore {
  load(): Promise<LocalRecord[]>;
  save(records: LocalRecord[]): Promise<void>;
}

/** The record of a finished attempt. */
export function recordOf(state: Pick<CourseState, 'course' | 'scenarios'>, attempt: AttemptState): LocalRecord {
  const compiled = state.scenarios.get(attempt.scenarioId);
  const score = scoreLog(attempt.log, state.course.scoring);
  const failings = {} as Record<Failing, number | null>;
  for (const f of FAILINGS) failings[f] = percent(score.failings[f].ratio);
  return {
    attemptId: attempt.id,
    courseId: state.course.id,
    courseVersion: state.course.version,
    scenarioId: attempt.scenarioId,
    scenarioTitle: compiled?.scenario.title ?? attempt.scenarioId,
    scenarioVersion: attempt.snapshot.scenarioVersion,
    startedAt: attempt.startedAt,
    endedAt: attempt.endedAt ?? attempt.startedAt,
    decisions: attempt.log.length,
    overall: percent(score.overall.ratio),
    failings,
    outcome: score.outcome,
    criticalErrors: score.critical.length,
    mode: attempt.snapshot.mode,
  };
}

/** Adds or replaces a record by attempt id, keeping the list in the order attempts ended. */
export function upsertRecord(records: LocalRecord[], record: LocalRecord): LocalRecord[] {
  return [...records.filter((r) => r.attemptId !== record.attemptId), record].sort((a, b) =>
    a.endedAt.localeCompare(b.endedAt),
  );
}

/** Records kept in memory (tests, development). */
export function memoryRecordsStore(initial: LocalRecord[] = []): RecordsStore & { records: LocalRecord[] } {
  const store = {
    records: [...initial],
    async load() {
      return [...store.records];
    },
    async save(records: LocalRecord[]) {
      store.records = [...records];
    },
  };
  return store;
}

/** The IndexedDB key of the records list. */
export const RECORDS_KEY = 'callout.records';

/** Records kept in IndexedDB. idb-keyval is loaded only when the store is first used. */
export function indexedDbRecordsStore(key = RECORDS_KEY): RecordsStore {
  return {
    async load() {
      const { get } = await import('idb-keyval');
      const raw = (await get(key)) as { version?: number; records?: LocalRecord[] } | undefined;
      if (!raw) return [];
      if (raw.version !== RECORDS_VERSION || !Array.isArray(raw.records)) return [];
      return raw.records;
    },
    async save(records) {
      const { set } = await import('idb-keyval');
      await set(key, { version: RECORDS_VERSION, records });
    },
  };
}
