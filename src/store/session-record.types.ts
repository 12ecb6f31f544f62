/**
 * The record of a classroom session, as the facilitator console saves and exports it (JSON) and as the
 * supervisor report imports it. Keep this shape stable: add optional fields only; a breaking change raises
 * `SESSION_RECORD_VERSION` and comes with a migration in `session-export.ts`.
 *
 * Privacy (sensitivity.md §8): votes are anonymous counts for the room; nothing records which attendee voted
 * for what. The group's rationale and the facilitator's notes are free text: a completion report credits
 * attendees with completion, time and the group's scores per failing, never with that text.
 */
import type { Failing, FailingMarks, InteractionKind } from '../engine/types';

/** The `schema` marker of an exported session record. */
export const SESSION_RECORD_SCHEMA = 'callout.session-record';
/** The version of the session record's shape. */
export const SESSION_RECORD_VERSION = 1;

/** How the room's votes were collected. `manual`: counts typed into the console. */
export type VoteSourceKind = 'manual' | 'devices';

/** The room's votes on one decision. */
export interface SessionVotes {
  /** How the votes were collected. */
  source: VoteSourceKind;
  /** True when the facilitator skipped the vote for this decision (then `counts` is empty). */
  skipped: boolean;
  /** Votes per offered item id (options, actions, entries, terms, review issues and verdicts). */
  counts: Record<string, number>;
  /** When the votes were first shown on the presenter view (ISO 8601), if they were. */
  revealedAt?: string;
}

/** One decision the group made, as committed to the engine. */
export interface SessionDecision {
  /** 1-based position in the engine's decision log. */
  seq: number;
  sceneId: string;
  /** The scene title, in the session's language. */
  sceneTitle: string;
  kind: Exclude<InteractionKind, 'narrative' | 'ending'>;
  /** The items the group chose, by id, in scenario order. */
  choice: string[];
  /** The chosen items' text, in the session's language, in the same order as `choice`. */
  choiceText: string[];
  /** The review verdict, if any. */
  verdict?: string;
  /** The group's rationale, as the facilitator recorded it. */
  rationale?: string;
  /** In-game minutes since midnight of the scenario's first day when the decision was made. */
  clock: number;
  /** The in-game time as shown, e.g. `05:40` or `05:40 (day 2)`. */
  clockText: string;
  /** Real time of the decision (ISO 8601). */
  at: string;
  /** The room's votes. */
  votes: SessionVotes;
  /** Marks the group earned at this decision, per failing. */
  earned: FailingMarks;
  /** Best marks available at this decision, per failing. */
  best: FailingMarks;
  /** Ids of chosen items that are critical errors. */
  critical: string[];
}

/** A decision the facilitator stepped back from: kept in the record, no longer in the run. */
export interface SessionUndone {
  /** When the step back was made (ISO 8601). */
  undoneAt: string;
  decision: SessionDecision;
}

/** A piece of new information the facilitator showed to the room. */
export interface SessionInject {
  /** The scenario's inject id, or absent for the facilitator's own text. */
  injectId?: string;
  title?: string;
  text: string;
  /** The scene it was sent in. */
  sceneId: string;
  /** Real time it was shown (ISO 8601). */
  at: string;
  /** In-game minutes when it was shown. */
  clock: number;
}

/** A note the facilitator wrote during the session. */
export interface SessionNote {
  text: string;
  sceneId: string;
  at: string;
}

/** A pause of the presenter view. */
export interface SessionPause {
  from: string;
  /** Absent while still paused. */
  to?: string;
}

/** A score for one failing (the engine's `scoreLog`). */
export interface SessionFailingScore {
  earned: number;
  best: number;
  /** earned / best, or null when the failing was not assessed on the group's path. */
  ratio: number | null;
  /** Whether the failing is met; null when not assessed. */
  met: boolean | null;
}

/** The group's scores, from the engine's `scoreLog` over the decisions in the run. */
export interface SessionScores {
  failings: Record<Failing, SessionFailingScore>;
  overall: { earned: number; best: number; ratio: number | null };
  /** How many critical errors the group made. */
  criticalErrors: number;
  outcome: 'competent' | 'not-yet-competent';
}

/** The record of one classroom session. */
export interface SessionRecord {
  schema: typeof SESSION_RECORD_SCHEMA;
  schemaVersion: typeof SESSION_RECORD_VERSION;
  /** The session id (also in the console's address). */
  sessionId: string;
  courseId: string;
  courseVersion: string;
  scenarioId: string;
  scenarioVersion: number;
  /** The scenario title, in the session's language. */
  scenarioTitle: string;
  /** The language the session was run in (`en-GB`, `cy`). */
  language: string;
  facilitator: string;
  /** The session date as entered, `YYYY-MM-DD`. */
  date: string;
  /** Attendees' names as entered: trimmed, de-duplicated, in the order given. */
  attendees: string[];
  /** Real time the session started, last changed and ended (ISO 8601). */
  startedAt: string;
  updatedAt: string;
  endedAt?: string;
  status: 'in-progress' | 'completed';
  /** Id of the ending the group reached, once completed. */
  ending?: string;
  decisions: SessionDecision[];
  undone: SessionUndone[];
  injects: SessionInject[];
  notes: SessionNote[];
  pauses: SessionPause[];
  scores: SessionScores;
}

/** The exported form: the record plus an integrity code over its canonical JSON. */
export interface ExportedSessionRecord extends SessionRecord {
  integrity: {
    /** Always SHA-256 for this version. */
    algorithm: 'SHA-256';
    /** Hex digest of the canonical JSON (sorted keys, no spaces) of the record without `integrity`. */
    value: string;
  };
}
