/**
 * The one reporting interface. The app tells a reporter what happened (an attempt started, a decision was
 * made, an attempt ended, the learner is leaving) and hands it the whole course state each time; the reporter
 * translates that into its standard's terms (SCORM 1.2, SCORM 2004 4th edition, cmi5/xAPI, the browser's
 * own storage, or memory for tests), commits after every decision, and retries what failed.
 */
import type { AttemptSnapshot, CompiledScenario, LogEntry, ScoringRules } from '../engine';

/** Where the reports go. */
export type ReportingTarget = 'memory' | 'local' | 'scorm12' | 'scorm2004' | 'cmi5';

/** What a reporter needs to know about the course. */
export interface CourseInfo {
  /** Course id from the manifest (`callout`). */
  id: string;
  /** Course version from the manifest (`1.0.0`). */
  version: string;
  /** Course title (English source). */
  title: string;
  /** Scenario ids in course order: the ones this build contains. */
  scenarios: string[];
  /** The course's scoring thresholds. */
  scoring: ScoringRules;
}

/** One attempt at one scenario, as the app keeps it. */
export interface AttemptState {
  /** Unique attempt id. */
  id: string;
  scenarioId: string;
  /** Real time the attempt started (ISO 8601). */
  startedAt: string;
  /** Real time the attempt reached an ending (ISO 8601); absent while it is in progress. */
  endedAt?: string;
  /** For a later part of a case: the id of the attempt whose case file this one started from. */
  caseFrom?: string;
  /** The engine's saved form (its events are replayed on resume). */
  snapshot: AttemptSnapshot;
  /** The decision log so far (the run's `context.log`). */
  log: LogEntry[];
}

/** Everything a reporter is told, each time. */
export interface CourseState {
  course: CourseInfo;
  /** Every attempt the learner has made in this course, oldest first. */
  attempts: AttemptState[];
  /** Compiled scenarios, at least those the attempts belong to. */
  scenarios: ReadonlyMap<string, CompiledScenario>;
}

/** What an LMS or LRS told the module when it launched. */
export interface LaunchInfo {
  /** Saved resume data, in the reporter's encoding (decode with `decodeResume`); absent on a first launch. */
  resume?: string;
  /** The learner as the LMS names them, if it does. */
  learner?: { id?: string; name?: string };
  /** `normal`, or `browse`/`review` when the LMS asks the module not to record results. */
  mode: 'normal' | 'browse' | 'review';
  /** Where to send the learner when they exit (cmi5's `returnURL`), if the LMS gave one. */
  returnUrl?: string;
  /** The learner's languages in order of preference (cmi5LearnerPreferences), if the LMS holds them. */
  languagePreference?: string[];
}

/** The state of the reporting channel, for the banner the app shows. */
export type ReportingStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: string }
  /** A call failed; the data is kept and will be sent again at `nextRetryAt`. */
  | { state: 'retrying'; failures: number; nextRetryAt: string; code: string; detail: string }
  /** The LMS is gone (e.g. the course window lost its LMS): data is kept in the browser; retrying may not help. */
  | { state: 'offline'; code: string; detail: string };

/** A reporter. Methods queue their work and return at once; `flush()` waits for it. */
export interface Reporter {
  readonly target: ReportingTarget;
  /** Whether data leaves the browser (true only when an LMS or LRS launched the module). */
  readonly external: boolean;
  /** Connects to the LMS/LRS once and reads the launch data. */
  initialise(): Promise<LaunchInfo>;
  /** A new attempt started (the last of `state.attempts` with this id). */
  attemptStarted(state: CourseState, attemptId: string): void;
  /** A decision was committed: the last entry of the attempt's log. `latencyMs` is the time the learner took. */
  decisionMade(state: CourseState, attemptId: string, latencyMs?: number): void;
  /** The learner moved on without a decision (a narrative scene's "continue"): save where they now are. */
  progressed(state: CourseState, attemptId: string): void;
  /** An attempt reached an ending. */
  attemptEnded(state: CourseState, attemptId: string): void;
  /**
   * The page was hidden and may never come back (a closed tab or window often runs no unload code that can
   * reach an LMS): save progress, exit status and session time now, without ending the session.
   */
  pausing(state: CourseState): void;
  /** The learner is leaving (exit button, closing the tab): suspend if unfinished, then end the session. */
  leave(state: CourseState): Promise<void>;
  /** Resolves when everything queued so far has been sent (or rejects after the retries give up for now). */
  flush(): Promise<void>;
  /** Sends what failed again, now. */
  retryNow(): void;
  /** The current status. */
  status(): ReportingStatus;
  /** Listens to status changes; returns the unsubscribe function. */
  subscribe(listener: (status: ReportingStatus) => void): () => void;
}
