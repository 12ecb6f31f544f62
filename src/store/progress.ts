/**
 * The learner's attempts, saved in IndexedDB after every decision (zustand `persist`, versioned, with
 * migrations). Attempts are never deleted: "try again" starts a new one and keeps the old.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { AttemptSnapshot, CaseFile, LogEntry, ResumeRefusal } from '../engine';
import { migrateSnapshot, snapshotProblem } from '../engine/run/snapshot';
import { idbStorage } from './idb-storage';
import type { AttemptRecord, UnreadableAttempt } from './progress.types';

export type { AttemptRecord, UnreadableAttempt } from './progress.types';

/** Version of the persisted shape. 1: attempts by id; 0 (before release): a list of attempts. */
export const PROGRESS_VERSION = 1;
export const PROGRESS_KEY = 'callout.progress';

interface Persisted {
  attempts: Record<string, AttemptRecord>;
  unreadable: UnreadableAttempt[];
}

export interface ProgressState extends Persisted {
  /** True once saved progress has been read (or found absent). */
  hydrated: boolean;
  /** Set when saved progress could not be read or written (e.g. storage blocked). */
  storageProblem?: string;
  /** Starts an attempt; sets aside any unfinished attempt at the same scenario. Returns its id. */
  begin(input: {
    scenarioId: string;
    courseVersion: string;
    snapshot: AttemptSnapshot;
    carriedFrom?: string;
    sceneId: string;
  }): string;
  /** Saves an attempt after a decision. */
  save(
    id: string,
    update: {
      snapshot: AttemptSnapshot;
      log: LogEntry[];
      sceneId: string;
      ending?: string;
      caseFileOut?: CaseFile;
      migratedFrom?: number;
    },
  ): void;
  /** Marks an attempt that could not resume; its decisions stay as they were. */
  refuse(id: string, refusal: ResumeRefusal): void;
}

function newId(): string {
  const rand = globalThis.crypto?.randomUUID?.().slice(0, 8) ?? Math.random().toString(36).slice(2, 10);
  return `a-${Date.now().toString(36)}-${rand}`;
}

const now = () => new Date().toISOString();

/** Checks one saved attempt's shape; returns the problem or undefined. */
export function attemptProblem(x: unknown): string | undefined {
  if (typeof x !== 'object' || x === null) return 'not an attempt';
  const a = x as Partial<AttemptRecord>;
  if (typeof a.id !== 'string' || typeof a.scenarioId !== 'string') return 'the attempt has no id or scenario';
  if (!['in-progress', 'completed', 'cannot-resume', 'set-aside'].includes(a.status as string)) return 'unknown status';
  if (!Array.isArray(a.log)) return 'the decision log is missing';
  // The shape only (snapshot.ts has no XState, so the home's first load stays small): the engine checks every
  // saved decision against the scenario when the attempt resumes, and refuses with a reason.
  const problem = snapshotProblem(a.snapshot);
  return problem ? `the saved decisions are damaged (${problem})` : undefined;
}

/** Migrates persisted data from an older version to the current one. */
export function migrateProgress(persisted: unknown, version: number): Persisted {
  const base: Persisted = { attempts: {}, unreadable: [] };
  if (typeof persisted !== 'object' || persisted === null) return base;
  const p = persisted as Record<string, unknown>;
  // Version 0 kept a list of attempts.
  const list: unknown[] =
    version === 0 && Array.isArray(p.attempts) ? p.attempts : Object.values((p.attempts as object | undefined) ?? {});
  return sortAttempts(list, Array.isArray(p.unreadable) ? (p.unreadable as UnreadableAttempt[]) : []);
}

function sortAttempts(list: unknown[], unreadable: UnreadableAttempt[]): Persisted {
  const out: Persisted = { attempts: {}, unreadable: [...unreadable] };
  for (const raw of list) {
    const problem = attemptProblem(raw);
    if (problem) out.unreadable.push({ problem, raw });
    else {
      // Attempts saved before lists were shuffled get their seed here, once, and are saved back with it.
      const a = raw as AttemptRecord;
      out.attempts[a.id] = { ...a, snapshot: migrateSnapshot(a.snapshot) };
    }
  }
  return out;
}

export const useProgress = create<ProgressState>()(
  persist(
    (set) => ({
      attempts: {},
      unreadable: [],
      hydrated: false,
      begin({ scenarioId, courseVersion, snapshot, carriedFrom, sceneId }) {
        const id = newId();
        const at = now();
        set((s) => {
          const attempts = { ...s.attempts };
          for (const a of Object.values(attempts))
            if (a.scenarioId === scenarioId && a.status === 'in-progress')
              attempts[a.id] = { ...a, status: 'set-aside', updatedAt: at };
          attempts[id] = {
            id,
            scenarioId,
            scenarioVersion: snapshot.scenarioVersion,
            courseVersion,
            startedAt: at,
            updatedAt: at,
            status: 'in-progress',
            snapshot,
            log: [],
            sceneId,
            ...(carriedFrom ? { carriedFrom } : {}),
          };
          return { attempts };
        });
        return id;
      },
      save(id, { snapshot, log, sceneId, ending, caseFileOut, migratedFrom }) {
        set((s) => {
          const a = s.attempts[id];
          if (!a) return s;
          const at = now();
          const done = ending !== undefined;
          return {
            attempts: {
              ...s.attempts,
              [id]: {
                ...a,
                snapshot,
                log,
                sceneId,
                updatedAt: at,
                ...(migratedFrom !== undefined ? { migratedFrom } : {}),
                ...(done ? { status: 'completed' as const, finishedAt: a.finishedAt ?? at, ending, caseFileOut } : {}),
              },
            },
          };
        });
      },
      refuse(id, refusal) {
        set((s) => {
          const a = s.attempts[id];
          if (!a) return s;
          return {
            attempts: {
              ...s.attempts,
              [id]: {
                ...a,
                status: 'cannot-resume',
                refusal: { code: refusal.code, message: refusal.message, at: now() },
              },
            },
          };
        });
      },
    }),
    {
      name: PROGRESS_KEY,
      version: PROGRESS_VERSION,
      storage: idbStorage<Persisted>(),
      partialize: (s) => ({ attempts: s.attempts, unreadable: s.unreadable }),
      migrate: (persisted, version) => migrateProgress(persisted, version),
      // Even current-version data is checked attempt by attempt: a damaged one is kept aside, never dropped.
      merge: (persisted, current) => ({ ...current, ...migrateProgress(persisted, PROGRESS_VERSION) }),
      onRehydrateStorage: () => (_state, error) => {
        useProgress.setState({
          hydrated: true,
          ...(error ? { storageProblem: error instanceof Error ? error.message : String(error) } : {}),
        });
      },
    },
  ),
);

export { activeAttempt, attemptsAt, isPractice, lastUnfinished, latestAssessed, latestCompleted } from './progress-selectors';
