/**
 * Classroom sessions, saved in IndexedDB after every step (zustand `persist`, versioned, with a migration),
 * and sent to the presenter view after every step (`session-sync.ts`).
 *
 * Only the facilitator console changes sessions. The presenter view reads the saved sessions once and then
 * follows the console's messages in a separate, unsaved mirror (`useSessionMirror`), so it never writes an
 * older state over a newer one.
 *
 * The store keeps data; the console's route runs the engine (decide, replay, score) and hands the results in.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { AttemptSnapshot } from '../engine';
import { migrateSnapshot, snapshotProblem } from '../engine/run/snapshot';
import { idbStorage } from './idb-storage';
import { syncChannel, type SyncMessage } from './session-sync';
import {
  SESSION_RECORD_SCHEMA,
  SESSION_RECORD_VERSION,
  type SessionDecision,
  type SessionRecord,
  type SessionScores,
  type SessionVotes,
} from './session-record.types';

export * from './session-record.types';

/** Version of the persisted shape. */
export const SESSIONS_VERSION = 1;
export const SESSIONS_KEY = 'callout.sessions';

/** Votes being collected for the decision at the current scene. */
export interface PendingVotes {
  sceneId: string;
  votes: SessionVotes;
}

/** What the presenter view shows besides the scene. */
export interface PresenterState {
  /** A neutral pause screen instead of the scene. */
  paused: boolean;
  /** The room's votes for the current decision. */
  votesShown: boolean;
  /** New information shown over the scene. */
  inject?: { injectId?: string; title?: string; text: string };
  /** The feedback on the group's last decision, shown to the room when the facilitator chooses. */
  feedbackShown?: boolean;
}

/** A session as saved: its record, the run's events and what the presenter shows. */
export interface ClassroomSession {
  id: string;
  /** Raised on every change; a window keeps the highest it has seen. */
  rev: number;
  record: SessionRecord;
  /** The group's run: replayed with the engine's `resumeRun`. */
  snapshot: AttemptSnapshot;
  /** The scene the run is at (for notes and injects, which need no engine). */
  sceneId: string;
  pending?: PendingVotes;
  presenter: PresenterState;
}

/** A saved session that could not be read; kept as it was. */
export interface UnreadableSession {
  problem: string;
  raw: unknown;
}

interface Persisted {
  sessions: Record<string, ClassroomSession>;
  unreadable: UnreadableSession[];
}

/** What starting a session needs. */
export interface NewSession extends Pick<
  SessionRecord,
  | 'courseId'
  | 'courseVersion'
  | 'scenarioId'
  | 'scenarioVersion'
  | 'scenarioTitle'
  | 'language'
  | 'facilitator'
  | 'date'
  | 'attendees'
> {
  snapshot: AttemptSnapshot;
  sceneId: string;
  scores: SessionScores;
}

/** The result of one step in the engine, for the store to save. */
export interface StepResult {
  snapshot: AttemptSnapshot;
  /** The scene the run is at after the step. */
  sceneId: string;
  scores: SessionScores;
  /** The decision made, when the step was a decision (its votes come from the pending votes). */
  decision?: Omit<SessionDecision, 'votes'>;
  /** The ending reached, if the step ended the run. */
  ending?: string;
}

export interface SessionsState extends Persisted {
  create(input: NewSession): string;
  /** Sets the room's votes for the decision at `sceneId` (keeps when they were first shown). */
  setVotes(id: string, sceneId: string, votes: Omit<SessionVotes, 'revealedAt'>): void;
  /** Shows or hides the votes on the presenter view. */
  showVotes(id: string, shown: boolean): void;
  /** Shows or hides the feedback on the last decision on the presenter view. */
  showFeedback(id: string, shown: boolean): void;
  /** Saves a decision or a continue the engine accepted. */
  step(id: string, result: StepResult): void;
  /** Saves a step back: the last decision leaves the run and is kept in `record.undone`. */
  stepBack(id: string, result: Omit<StepResult, 'decision' | 'ending'>): void;
  setPaused(id: string, paused: boolean): void;
  sendInject(id: string, inject: { injectId?: string; title?: string; text: string }, clock: number): void;
  clearInject(id: string): void;
  addNote(id: string, text: string): void;
}

function newId(): string {
  const rand = globalThis.crypto?.randomUUID?.().slice(0, 8) ?? Math.random().toString(36).slice(2, 10);
  return `s-${Date.now().toString(36)}-${rand}`;
}

const now = () => new Date().toISOString();

/** Trims, drops blanks and de-duplicates (case-insensitively) a pasted list of names, one per line. */
export function parseAttendees(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r?\n|\r/)) {
    const name = line.replace(/\s+/g, ' ').trim();
    const key = name.toLocaleLowerCase('en-GB');
    if (!name || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/** Checks one saved session's shape; returns the problem or undefined. */
export function sessionProblem(x: unknown): string | undefined {
  if (typeof x !== 'object' || x === null) return 'not a session';
  const s = x as Partial<ClassroomSession>;
  if (typeof s.id !== 'string' || typeof s.rev !== 'number') return 'the session has no id';
  const r = s.record as Partial<SessionRecord> | undefined;
  if (!r || r.schema !== SESSION_RECORD_SCHEMA || typeof r.scenarioId !== 'string')
    return 'the session record is damaged';
  if (!Array.isArray(r.decisions) || !Array.isArray(r.attendees) || !Array.isArray(r.injects))
    return 'the session record is damaged';
  if (snapshotProblem(s.snapshot)) return 'the group’s decisions are damaged';
  if (typeof s.presenter !== 'object' || s.presenter === null) return 'the presenter state is missing';
  return undefined;
}

/** Migrates persisted data from an older version; damaged sessions are set aside, never dropped. */
export function migrateSessions(persisted: unknown, _version: number): Persisted {
  const out: Persisted = { sessions: {}, unreadable: [] };
  if (typeof persisted !== 'object' || persisted === null) return out;
  const p = persisted as Record<string, unknown>;
  if (Array.isArray(p.unreadable)) out.unreadable.push(...(p.unreadable as UnreadableSession[]));
  for (const raw of Object.values((p.sessions as object | undefined) ?? {})) {
    const problem = sessionProblem(raw);
    if (problem) out.unreadable.push({ problem, raw });
    else {
      // Sessions saved before lists were shuffled get one seed here, for the console and the presenter alike.
      const session = raw as ClassroomSession;
      out.sessions[session.id] = { ...session, snapshot: migrateSnapshot(session.snapshot) };
    }
  }
  return out;
}

/** Loading state of the saved sessions (kept apart so that noting it never writes the sessions back). */
export const useSessionStatus = create<{ hydrated: boolean; storageProblem?: string }>(() => ({ hydrated: false }));

/** Sessions received from the console, in the presenter's window (never saved). */
export const useSessionMirror = create<{ sessions: Record<string, ClassroomSession> }>(() => ({ sessions: {} }));

export const useSessions = create<SessionsState>()(
  persist(
    (set, get) => {
      /** Applies a change to one session, raises its revision and tells the other windows. */
      const update = (id: string, change: (s: ClassroomSession, at: string) => ClassroomSession) => {
        const current = get().sessions[id];
        if (!current) return;
        const at = now();
        const next = change(current, at);
        const session = { ...next, rev: current.rev + 1, record: { ...next.record, updatedAt: at } };
        set((s) => ({ sessions: { ...s.sessions, [id]: session } }));
        syncChannel().post({ type: 'session.updated', session });
      };
      return {
        sessions: {},
        unreadable: [],
        create(input) {
          const id = newId();
          const at = now();
          const { snapshot, scores, sceneId, ...fields } = input;
          const session: ClassroomSession = {
            id,
            rev: 1,
            record: {
              schema: SESSION_RECORD_SCHEMA,
              schemaVersion: SESSION_RECORD_VERSION,
              sessionId: id,
              ...fields,
              startedAt: at,
              updatedAt: at,
              status: 'in-progress',
              decisions: [],
              undone: [],
              injects: [],
              notes: [],
              pauses: [],
              scores,
            },
            snapshot,
            sceneId,
            presenter: { paused: false, votesShown: false },
          };
          set((s) => ({ sessions: { ...s.sessions, [id]: session } }));
          return id;
        },
        setVotes(id, sceneId, votes) {
          update(id, (s) => {
            const revealedAt = s.pending?.sceneId === sceneId ? s.pending.votes.revealedAt : undefined;
            return { ...s, pending: { sceneId, votes: { ...votes, ...(revealedAt ? { revealedAt } : {}) } } };
          });
        },
        showVotes(id, shown) {
          update(id, (s, at) => ({
            ...s,
            presenter: { ...s.presenter, votesShown: shown },
            ...(s.pending && shown && !s.pending.votes.revealedAt
              ? { pending: { ...s.pending, votes: { ...s.pending.votes, revealedAt: at } } }
              : {}),
          }));
        },
        showFeedback(id, shown) {
          update(id, (s) => ({ ...s, presenter: { ...s.presenter, feedbackShown: shown } }));
        },
        step(id, { snapshot, sceneId, scores, decision, ending }) {
          update(id, (s, at) => {
            const decisions = [...s.record.decisions];
            if (decision) {
              const votes: SessionVotes =
                s.pending?.sceneId === decision.sceneId
                  ? s.pending.votes
                  : { source: 'manual', skipped: true, counts: {} };
              decisions.push({ ...decision, votes });
            }
            const ended = ending !== undefined;
            return {
              ...s,
              snapshot,
              sceneId,
              pending: decision ? undefined : s.pending,
              presenter: { paused: s.presenter.paused, votesShown: false },
              record: {
                ...s.record,
                decisions,
                scores,
                ...(ended ? { status: 'completed' as const, ending, endedAt: at } : {}),
              },
            };
          });
        },
        stepBack(id, { snapshot, sceneId, scores }) {
          update(id, (s, at) => {
            const last = s.record.decisions[s.record.decisions.length - 1];
            if (!last) return s;
            const { ending: _e, endedAt: _x, ...record } = s.record;
            return {
              ...s,
              snapshot,
              sceneId,
              // The room's votes come back, so the decision can be made again without counting again.
              pending: { sceneId: last.sceneId, votes: last.votes },
              presenter: { paused: s.presenter.paused, votesShown: false },
              record: {
                ...record,
                status: 'in-progress',
                decisions: s.record.decisions.slice(0, -1),
                undone: [...s.record.undone, { undoneAt: at, decision: last }],
                scores,
              },
            };
          });
        },
        setPaused(id, paused) {
          update(id, (s, at) => {
            if (s.presenter.paused === paused) return s;
            const pauses = [...s.record.pauses];
            if (paused) pauses.push({ from: at });
            else if (pauses.length && !pauses[pauses.length - 1].to)
              pauses[pauses.length - 1] = { ...pauses[pauses.length - 1], to: at };
            return { ...s, presenter: { ...s.presenter, paused }, record: { ...s.record, pauses } };
          });
        },
        sendInject(id, inject, clock) {
          update(id, (s, at) => {
            return {
              ...s,
              presenter: { ...s.presenter, inject },
              record: { ...s.record, injects: [...s.record.injects, { ...inject, sceneId: s.sceneId, at, clock }] },
            };
          });
        },
        clearInject(id) {
          update(id, (s) => ({ ...s, presenter: { paused: s.presenter.paused, votesShown: s.presenter.votesShown } }));
        },
        addNote(id, text) {
          const trimmed = text.trim();
          if (!trimmed) return;
          update(id, (s, at) => ({
            ...s,
            record: { ...s.record, notes: [...s.record.notes, { text: trimmed, sceneId: s.sceneId, at }] },
          }));
        },
      };
    },
    {
      name: SESSIONS_KEY,
      version: SESSIONS_VERSION,
      storage: idbStorage<Persisted>(),
      partialize: (s) => ({ sessions: s.sessions, unreadable: s.unreadable }),
      migrate: (persisted, version) => migrateSessions(persisted, version),
      merge: (persisted, current) => ({ ...current, ...migrateSessions(persisted, SESSIONS_VERSION) }),
      onRehydrateStorage: () => (_state, error) => {
        useSessionStatus.setState({
          hydrated: true,
          ...(error ? { storageProblem: error instanceof Error ? error.message : String(error) } : {}),
        });
      },
    },
  ),
);

/** Sessions, newest first. */
export function sessionList(sessions: Record<string, ClassroomSession>): ClassroomSession[] {
  return Object.values(sessions).sort(
    (a, b) => b.record.startedAt.localeCompare(a.record.startedAt) || b.id.localeCompare(a.id),
  );
}

/** Starts following the console's messages in this window (the presenter view). Returns a stop function. */
export function followSessions(): () => void {
  return syncChannel().subscribe((m: SyncMessage) => {
    if (m.type !== 'session.updated') return;
    const have = useSessionMirror.getState().sessions[m.session.id];
    if (have && have.rev >= m.session.rev) return;
    useSessionMirror.setState((s) => ({ sessions: { ...s.sessions, [m.session.id]: m.session } }));
  });
}

/** The newest state of a session this window knows: saved, or received from the console. */
export function newest(
  saved: ClassroomSession | undefined,
  mirrored: ClassroomSession | undefined,
): ClassroomSession | undefined {
  if (!saved) return mirrored;
  if (!mirrored) return saved;
  return mirrored.rev > saved.rev ? mirrored : saved;
}
