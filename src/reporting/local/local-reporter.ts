/**
 * The reporter when no LMS or LRS launched the module: finished attempts become records in the browser
 * (`local-records.ts`) for the "My records" page. Resume data is the app's own saved progress, so `leave`
 * only makes sure the records are written. Nothing leaves the browser.
 */
import { ChannelReporter, ReportingError, RetryChannel, type Timers } from '../retry-channel';
import type { CourseState, LaunchInfo, Reporter, ReportingTarget } from '../reporting.types';
import { recordOf, upsertRecord, type LocalRecord, type RecordsStore } from './local-records';

export class LocalReporter extends ChannelReporter implements Reporter {
  readonly external = false;
  protected readonly channel: RetryChannel;
  private pending: LocalRecord[] = [];
  /** Every call, in order (the memory reporter's tests and the dev console read it). */
  readonly calls: {
    call: 'start' | 'decision' | 'progress' | 'end' | 'leave';
    attemptId?: string;
    latencyMs?: number;
  }[] = [];

  constructor(
    readonly store: RecordsStore,
    readonly target: ReportingTarget = 'local',
    timers?: Timers,
  ) {
    super();
    this.channel = new RetryChannel(() => this.write(), timers);
  }

  private async write(): Promise<void> {
    if (!this.pending.length) return;
    const batch = this.pending.slice();
    try {
      let records = await this.store.load();
      for (const r of batch) records = upsertRecord(records, r);
      await this.store.save(records);
    } catch (e) {
      throw new ReportingError(
        'storage',
        `the browser did not save your records: ${(e as Error)?.message ?? String(e)}`,
      );
    }
    this.pending.splice(0, batch.length);
  }

  async initialise(): Promise<LaunchInfo> {
    return { mode: 'normal' };
  }

  attemptStarted(_state: CourseState, attemptId: string): void {
    this.calls.push({ call: 'start', attemptId });
  }

  decisionMade(_state: CourseState, attemptId: string, latencyMs?: number): void {
    this.calls.push({ call: 'decision', attemptId, ...(latencyMs !== undefined ? { latencyMs } : {}) });
  }

  progressed(_state: CourseState, attemptId: string): void {
    // Local records hold finished attempts only; the progress store already keeps where the learner is.
    this.calls.push({ call: 'progress', attemptId });
  }

  attemptEnded(state: CourseState, attemptId: string): void {
    this.calls.push({ call: 'end', attemptId });
    const attempt = state.attempts.find((a) => a.id === attemptId);
    if (!attempt?.endedAt) return;
    this.pending.push(recordOf(state, attempt));
    this.channel.kick();
  }

  pausing(_state: CourseState): void {
    this.channel.retryNow();
  }

  async leave(_state: CourseState): Promise<void> {
    this.calls.push({ call: 'leave' });
    this.channel.retryNow();
    await this.channel.flush();
  }
}
