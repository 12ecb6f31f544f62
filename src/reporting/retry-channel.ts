/**
 * The error and retry channel every reporter shares. A reporter keeps what it has not yet sent; the channel
 * calls its `send()` until that succeeds, backing off between failures, and tells listeners (the app's
 * banner) what is happening. Nothing is dropped: a failed send leaves the data where it was.
 */
import type { ReportingStatus } from './reporting.types';

/** A failure an adapter reports: a short code and a detail for support staff. */
export class ReportingError extends Error {
  constructor(
    readonly code: string,
    readonly detail: string,
    /** The LMS is gone for good (no API, session ended): retrying will not help, keep the data locally. */
    readonly fatal = false,
  ) {
    super(`${code}: ${detail}`);
  }
}

/** Seconds to wait after the 1st, 2nd, … failure (the last repeats). */
export const RETRY_DELAYS_MS = [2_000, 5_000, 15_000, 30_000, 60_000];

/** Timers, injectable for tests. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export class RetryChannel {
  private current: ReportingStatus = { state: 'idle' };
  private readonly listeners = new Set<(s: ReportingStatus) => void>();
  private running: Promise<void> | undefined;
  private again = false;
  private failures = 0;
  private timer: unknown;
  private waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];

  constructor(
    private readonly send: () => Promise<void>,
    private readonly timers: Timers = realTimers,
    private readonly delays: readonly number[] = RETRY_DELAYS_MS,
  ) {}

  status(): ReportingStatus {
    return this.current;
  }

  subscribe(listener: (s: ReportingStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(s: ReportingStatus) {
    this.current = s;
    for (const l of [...this.listeners]) l(s);
  }

  /** Asks for a send as soon as possible; several requests while one runs make one more send. */
  kick(): void {
    if (this.current.state === 'offline') return;
    if (this.timer !== undefined) return; // a retry is scheduled; it will carry the new data too
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run();
  }

  private async run(): Promise<void> {
    this.set({ state: 'saving' });
    try {
      do {
        this.again = false;
        await this.send();
      } while (this.again);
      this.failures = 0;
      this.running = undefined;
      this.set({ state: 'saved', at: new Date(this.timers.now()).toISOString() });
      const ws = this.waiters.splice(0);
      ws.forEach((w) => w.resolve());
    } catch (e) {
      this.running = undefined;
      const err =
        e instanceof ReportingError ? e : new ReportingError('unexpected', (e as Error)?.message ?? String(e));
      this.failures++;
      const ws = this.waiters.splice(0);
      if (err.fatal) {
        this.set({ state: 'offline', code: err.code, detail: err.detail });
      } else {
        const delay = this.delays[Math.min(this.failures - 1, this.delays.length - 1)];
        this.set({
          state: 'retrying',
          failures: this.failures,
          nextRetryAt: new Date(this.timers.now() + delay).toISOString(),
          code: err.code,
          detail: err.detail,
        });
        this.timer = this.timers.setTimeout(() => {
          this.timer = undefined;
          this.kick();
        }, delay);
      }
      ws.forEach((w) => w.reject(err));
    }
  }

  /** Sends again now, cancelling a scheduled retry. */
  retryNow(): void {
    if (this.timer !== undefined) {
      this.timers.clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.current.state === 'offline') this.current = { state: 'idle' };
    this.kick();
  }

  /** Resolves when the data queued so far has been sent; rejects with the error if the next send fails. */
  flush(): Promise<void> {
    if (!this.running && this.timer === undefined && this.current.state !== 'retrying') {
      if (this.current.state === 'offline')
        return Promise.reject(new ReportingError(this.current.code, this.current.detail, true));
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Stops retrying (the page is going away). */
  dispose(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** What every reporter hands straight to its retry channel: flushing, retrying now, and its status. */
export abstract class ChannelReporter {
  protected abstract readonly channel: RetryChannel;

  flush(): Promise<void> {
    return this.channel.flush();
  }

  retryNow(): void {
    this.channel.retryNow();
  }

  status(): ReportingStatus {
    return this.channel.status();
  }

  subscribe(listener: (s: ReportingStatus) => void): () => void {
    return this.channel.subscribe(listener);
  }
}
