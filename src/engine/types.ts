/**
 * The engine's types. Scenario types are inferred from the one schema source (`format/schema.ts`) as
 * type-only imports, so runtime code that uses them never pulls zod into a bundle.
 */
import type { z } from 'zod';
import type * as S from './format/schema.ts';

/** One of the five failings the HMICFRS inspection found. */
export type Failing = z.output<typeof S.Failing>;
/** The five failings, in order. */
export const FAILINGS: readonly Failing[] = ['F1', 'F2', 'F3', 'F4', 'F5'];

/** A validated scenario file. */
export type Scenario = z.output<typeof S.Scenario>;
/** A validated course manifest. */
export type Course = z.output<typeof S.Course>;
/** A validated references file. */
export type References = z.output<typeof S.References>;
/** One reference (theme code, chapter, guidance). */
export type Reference = z.output<typeof S.Reference>;
export type Scene = z.output<typeof S.Scene>;
export type Condition = S.Condition;
export type Effects = z.output<typeof S.Effects>;
export type Next = z.output<typeof S.Next>;
export type Marks = z.output<typeof S.Marks>;
export type ChoiceOption = z.output<typeof S.ChoiceOption>;
export type Action = z.output<typeof S.Action>;
export type RecordEntryItem = z.output<typeof S.RecordEntryItem>;
export type SearchTerm = z.output<typeof S.SearchTerm>;
export type ReviewIssue = z.output<typeof S.ReviewIssue>;
export type Budget = z.output<typeof S.Budget>;
export type RecordKind = z.output<typeof S.RecordKind>;
export type RecordDoc = z.output<typeof S.RecordDoc>;
export type Exhibit = z.output<typeof S.Exhibit>;
export type Page = z.output<typeof S.Page>;
export type SupportEntry = z.output<typeof S.SupportEntry>;
export type Consequence = z.output<typeof S.Consequence>;
export type Inject = z.output<typeof S.Inject>;
export type Facilitator = z.output<typeof S.Facilitator>;

/** The interaction a scene asks for. */
export type InteractionKind = 'choice' | 'actions' | 'record' | 'search' | 'review' | 'narrative' | 'ending';

/** Any scored item: an option, action, record entry, search term, review issue or verdict. */
export interface ScoredItem {
  id: string;
  text: string;
  when?: Condition;
  marks?: Marks;
  /** A critical error: its category id in the course taxonomy (`true` in files written before it). */
  critical?: true | string;
  feedback?: string;
  refs?: string[];
  effects?: Effects;
  /** Kept first or last when the list is shuffled. */
  pin?: 'first' | 'last';
}

/**
 * How an attempt counts: `assessed` (feedback held for the debrief; a finished attempt is a completion) or
 * `practice` (feedback after each decision; kept and scored, never a completion and never sent to an LMS as
 * one).
 */
export type AttemptMode = 'assessed' | 'practice';

/** Marks per failing, all five present. */
export type FailingMarks = Record<Failing, number>;

/** A fact in the case file. */
export interface CaseFact {
  /** Fact id (stable across the parts of a case). */
  id: string;
  /** The fact as the learner sees it (English source; the UI localises by scenario and id). */
  text: string;
  /** Scenario the fact was found in; `default` when it came from a default case file. */
  scenarioId: string;
  /** In-game minutes since the start of that scenario when it was found. */
  clock: number;
}

/** An exhibit in the case file. */
export interface CaseExhibit {
  id: string;
  label: string;
  /** Exhibit reference, e.g. `KT/1`. */
  ref: string;
  scenarioId: string;
  clock: number;
}

/** A record in the case file: written by the learner, or carried in a default case file. */
export interface CaseRecord {
  id: string;
  kind: RecordKind;
  title: string;
  /** `learner` for the learner's own records; otherwise the fictional author. */
  author: string;
  date?: string;
  scenarioId: string;
  clock?: number;
  entries: { id: string; text: string; tags: string[] }[];
}

/** What the learner knows and has done, carried from one part of a case to the next. */
export interface CaseFile {
  /**
   * Where this case file came from: `fresh` (a stand-alone scenario or part 1), `carried` (from the learner's
   * own earlier part) or `default` (the documented default, because the earlier part was not played).
   */
  origin: 'fresh' | 'carried' | 'default';
  /** Flags set (sorted, unique). */
  flags: string[];
  facts: CaseFact[];
  exhibits: CaseExhibit[];
  records: CaseRecord[];
}

/** A decision the learner makes (or a group makes, in a classroom). */
export interface DecisionInput {
  /** The scene the decision belongs to; a decision for another scene is refused. */
  sceneId: string;
  /** Chosen item ids: one option; several actions, entries or terms; review issues ticked. */
  choice: string[];
  /** The review verdict (review scenes only). */
  verdict?: string;
  /** Written rationale. */
  rationale?: string;
}

/** Events the compiled machine accepts. `at` is the real time, injected by the caller (ISO 8601). */
export type RunEvent =
  { type: 'scene.continued'; sceneId: string; at?: string } | ({ type: 'decision.made'; at?: string } & DecisionInput);

/** One line of the decision log. Scoring is a pure function of these. */
export interface LogEntry {
  /** 1-based sequence number. */
  seq: number;
  sceneId: string;
  kind: Exclude<InteractionKind, 'narrative' | 'ending'>;
  /** Chosen item ids in scenario order. */
  choice: string[];
  verdict?: string;
  rationale?: string;
  /** In-game minutes since the start when the decision was made. */
  clock: number;
  /** In-game minutes the decision took. */
  minutes: number;
  /** Marks earned per failing (never below 0 at one decision). */
  earned: FailingMarks;
  /** Best marks that were available at this decision, per failing. */
  best: FailingMarks;
  /** Ids of chosen items marked as critical errors. */
  critical: string[];
  /** Real time of the decision (injected), if given. */
  at?: string;
}

/** Results of an intelligence search term. */
export interface SearchHit {
  termId: string;
  /** Record ids (case file and scenario records) that matched. */
  recordIds: string[];
}

/** The run's context: everything the machine's guards and the view read. */
export interface RunContext {
  scenarioId: string;
  scenarioVersion: number;
  /** In-game minutes since midnight of the scenario's first day. */
  clock: number;
  caseFile: CaseFile;
  /** Chosen item ids per scene (for `chose` conditions). */
  chosen: Record<string, string[]>;
  /** Search results per term id. */
  found: Record<string, string[]>;
  log: LogEntry[];
  /** Consequence ids that held when the run ended. */
  consequences: string[];
  /** Id of the ending reached, once ended. */
  ending?: string;
}
