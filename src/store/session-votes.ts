/**
 * Collecting the room's votes behind one interface. Today the facilitator types the counts into the console
 * (`ManualVoteSource`); a later source will gather votes from learners' own phones and implement the same
 * interface, so the console and the session record do not change.
 */
import type { SessionVotes, VoteSourceKind } from './session-record.types';

/** What the room is voting on. */
export interface VoteQuestion {
  sceneId: string;
  /** The offered items, by id. */
  options: { id: string; text: string }[];
}

/** The votes so far (what the session record keeps, without the reveal time). */
export type VoteTally = Omit<SessionVotes, 'revealedAt'>;

/** A way of collecting votes. */
export interface VoteSource {
  readonly kind: VoteSourceKind;
  /** Starts collecting for a question, from an earlier tally if there is one (e.g. after a reload). */
  open(question: VoteQuestion, from?: VoteTally): void;
  /** The tally so far. */
  tally(): VoteTally;
  /** Called on every change to the tally. Returns an unsubscribe function. */
  subscribe(listener: (tally: VoteTally) => void): () => void;
  /** Stops collecting and returns the final tally. */
  close(): VoteTally;
}

/** Largest count accepted for one option: more than any briefing room holds. */
export const MAX_VOTES = 999;

/** Votes the facilitator counts by show of hands and types in. */
export class ManualVoteSource implements VoteSource {
  readonly kind = 'manual' as const;
  private question?: VoteQuestion;
  private current: VoteTally = { source: 'manual', skipped: false, counts: {} };
  private readonly listeners = new Set<(t: VoteTally) => void>();

  open(question: VoteQuestion, from?: VoteTally) {
    this.question = question;
    const ids = new Set(question.options.map((o) => o.id));
    const counts = Object.fromEntries(Object.entries(from?.counts ?? {}).filter(([id]) => ids.has(id)));
    this.current = { source: 'manual', skipped: from?.skipped ?? false, counts };
  }

  tally(): VoteTally {
    return this.current;
  }

  /** Sets one option's count; a blank or invalid entry clears it. Whole numbers from 0 to MAX_VOTES. */
  set(optionId: string, count: number | undefined) {
    if (!this.question?.options.some((o) => o.id === optionId)) return;
    const counts = { ...this.current.counts };
    if (count === undefined || !Number.isInteger(count) || count < 0 || count > MAX_VOTES) delete counts[optionId];
    else counts[optionId] = count;
    this.emit({ source: 'manual', skipped: false, counts });
  }

  /** Skips the vote for this decision (or takes it up again). */
  skip(skipped = true) {
    this.emit({ source: 'manual', skipped, counts: skipped ? {} : this.current.counts });
  }

  subscribe(listener: (t: VoteTally) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  close(): VoteTally {
    this.question = undefined;
    return this.current;
  }

  private emit(t: VoteTally) {
    this.current = t;
    this.listeners.forEach((l) => l(t));
  }
}

/** Total votes cast. */
export function totalVotes(votes: Pick<SessionVotes, 'counts'>): number {
  return Object.values(votes.counts).reduce((s, n) => s + n, 0);
}
