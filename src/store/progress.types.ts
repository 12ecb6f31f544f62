import type { AttemptSnapshot, CaseFile, LogEntry, ResumeRefusal } from '../engine';

/** Where an attempt is. */
export type AttemptStatus =
  /** Being played; resumes where the learner left it. */
  | 'in-progress'
  /** Reached an ending. */
  | 'completed'
  /** Could not resume on the current course (see `refusal`); its decisions are kept as they were. */
  | 'cannot-resume'
  /** Set aside when the learner started again without finishing it. */
  | 'set-aside';

/** One attempt at one scenario: the engine's snapshot plus what the records need. */
export interface AttemptRecord {
  /** Stable id, e.g. `a-lq2x9c-4k1p`. */
  id: string;
  scenarioId: string;
  /** The scenario version the attempt started on (the snapshot has the version it was last saved on). */
  scenarioVersion: number;
  /** The course version it started on. */
  courseVersion: string;
  /** ISO 8601. */
  startedAt: string;
  /** ISO 8601, the last save. */
  updatedAt: string;
  /** ISO 8601, when it reached an ending. */
  finishedAt?: string;
  status: AttemptStatus;
  /** The engine's saved attempt; replayed on resume. */
  snapshot: AttemptSnapshot;
  /** The decision log so far (scores without replay, and records when a resume is refused). */
  log: LogEntry[];
  /** The scene the learner is at. */
  sceneId?: string;
  /** The ending reached. */
  ending?: string;
  /** The case file to carry into the next part of a case, once completed. */
  caseFileOut?: CaseFile;
  /** The attempt whose case file this one started from (parts 2+ of a case). */
  carriedFrom?: string;
  /** Why it could not resume. */
  refusal?: { code: ResumeRefusal['code']; message: string; at: string };
  /** Set when the attempt was replayed onto a newer scenario version. */
  migratedFrom?: number;
}

/** Saved data that could not be read, kept as it was so nothing is lost. */
export interface UnreadableAttempt {
  /** Why it could not be read. */
  problem: string;
  raw: unknown;
}
