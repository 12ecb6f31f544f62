/**
 * What SCORM 1.2 and SCORM 2004 reporters share: a queue of data-model values not yet accepted by the LMS,
 * kept in order (SCORM 2004 wants an interaction's type before its response), sent and committed by the
 * retry channel after every decision. A value the LMS refuses stays in the queue with the LMS's error code.
 */
import type { CompiledScenario, LogEntry } from '../engine';
import { courseStatus, type CourseStatus } from './course-status';
import { encodeResumeWithin } from './resume-codec';
import { ChannelReporter, ReportingError, RetryChannel, type Timers } from './retry-channel';
import type { AttemptState, CourseState, LaunchInfo, Reporter, ReportingTarget } from './reporting.types';

/** The calls both SCORM APIs offer, under their own names. */
export interface ScormCalls {
  initialize(): boolean;
  terminate(): boolean;
  get(key: string): string;
  set(key: string, value: string): boolean;
  commit(): boolean;
  lastError(): { code: string; message: string };
}

/** A decision ready to report. */
export interface DecisionToReport {
  attempt: AttemptState;
  compiled: CompiledScenario;
  entry: LogEntry;
  latencyMs?: number;
}

export abstract class ScormReporter extends ChannelReporter implements Reporter {
  abstract readonly target: ReportingTarget;
  readonly external = true;
  protected readonly pending = new Map<string, string>();
  protected readonly channel: RetryChannel;
  protected launch: LaunchInfo = { mode: 'normal' };
  protected interactionCount = 0;
  /** Objective index per failing id (`F1`…) in the LMS's objectives array. */
  protected objectiveIndex = new Map<string, number>();
  protected startedAt = 0;
  private initialised = false;
  private finished = false;
  /** Largest suspend_data the standard guarantees. */
  protected abstract readonly suspendLimit: number;

  constructor(
    protected readonly api: ScormCalls,
    timers?: Timers,
  ) {
    super();
    this.channel = new RetryChannel(() => this.sendPending(), timers);
  }

  protected abstract writeDecision(d: DecisionToReport, n: number): void;
  protected abstract writeStatus(status: CourseStatus, state: CourseState): void;
  protected abstract writeExit(suspend: boolean, sessionMs: number): void;
  protected abstract readonly keys: {
    interactionCount: string;
    objectiveCount: string;
    objectiveId: (n: number) => string;
    suspend: string;
    location: string;
    mode: string;
    learnerName: string;
    learnerId: string;
  };

  /** Resume data, the learner and the launch mode, in the standard's own element names (`keys`). */
  protected readLaunch(): LaunchInfo {
    const suspend = this.api.get(this.keys.suspend);
    const mode = this.api.get(this.keys.mode);
    const name = this.api.get(this.keys.learnerName);
    const id = this.api.get(this.keys.learnerId);
    return {
      ...(suspend ? { resume: suspend } : {}),
      learner: { ...(id ? { id } : {}), ...(name ? { name } : {}) },
      mode: mode === 'browse' || mode === 'review' ? mode : 'normal',
    };
  }

  async initialise(): Promise<LaunchInfo> {
    if (this.initialised) return this.launch;
    if (!this.api.initialize()) {
      const e = this.api.lastError();
      // 101/103 "already initialised" means another copy of the module did it: carry on.
      if (!['101', '103'].includes(e.code))
        throw new ReportingError(`lms-${e.code || 'init'}`, `the LMS refused to start the session: ${e.message}`, true);
    }
    this.initialised = true;
    this.startedAt = Date.now();
    this.launch = this.readLaunch();
    this.interactionCount = Number(this.api.get(this.keys.interactionCount)) || 0;
    const objectives = Number(this.api.get(this.keys.objectiveCount)) || 0;
    for (let n = 0; n < objectives; n++) {
      const id = this.api.get(this.keys.objectiveId(n));
      if (id) this.objectiveIndex.set(id, n);
    }
    return this.launch;
  }

  /** The objective index for a failing, adding it after the existing ones. */
  protected objective(id: string): { n: number; isNew: boolean } {
    const known = this.objectiveIndex.get(id);
    if (known !== undefined) return { n: known, isNew: false };
    const n = this.objectiveIndex.size === 0 ? 0 : Math.max(...this.objectiveIndex.values()) + 1;
    this.objectiveIndex.set(id, n);
    return { n, isNew: true };
  }

  protected put(key: string, value: string | number): void {
    this.pending.set(key, String(value));
  }

  private async sendPending(): Promise<void> {
    if (this.finished) throw new ReportingError('session-ended', 'the LMS session has already ended', true);
    for (const [key, value] of [...this.pending]) {
      if (!this.api.set(key, value)) {
        const e = this.api.lastError();
        throw new ReportingError(`lms-${e.code || 'set'}`, `the LMS did not accept ${key}: ${e.message}`);
      }
      this.pending.delete(key);
    }
    if (!this.api.commit()) {
      const e = this.api.lastError();
      throw new ReportingError(`lms-${e.code || 'commit'}`, `the LMS did not save: ${e.message}`);
    }
  }

  private recording(): boolean {
    return this.launch.mode === 'normal';
  }

  private writeProgress(state: CourseState, at?: AttemptState): void {
    const resume = encodeResumeWithin(state, this.suspendLimit);
    this.put(this.keys.suspend, resume.text);
    if (at) {
      const run = at.snapshot.events;
      const last = run[run.length - 1];
      this.put(this.keys.location, `${at.scenarioId}/${last ? last.sceneId : ''}`.slice(0, 255));
    }
    if (this.recording()) this.writeStatus(courseStatus(state), state);
  }

  private find(
    state: CourseState,
    attemptId: string,
  ): { attempt: AttemptState; compiled: CompiledScenario } | undefined {
    const attempt = state.attempts.find((a) => a.id === attemptId);
    const compiled = attempt && state.scenarios.get(attempt.scenarioId);
    return attempt && compiled ? { attempt, compiled } : undefined;
  }

  attemptStarted(state: CourseState, attemptId: string): void {
    this.writeProgress(state, this.find(state, attemptId)?.attempt);
    this.channel.kick();
  }

  decisionMade(state: CourseState, attemptId: string, latencyMs?: number): void {
    const found = this.find(state, attemptId);
    // A practice attempt's decisions are never sent as interactions: practice is not assessed.
    if (found && this.recording() && found.attempt.snapshot.mode !== 'practice') {
      const entry = found.attempt.log[found.attempt.log.length - 1];
      if (entry) this.writeDecision({ ...found, entry, latencyMs }, this.interactionCount++);
    }
    this.writeProgress(state, found?.attempt);
    this.channel.kick();
  }

  progressed(state: CourseState, attemptId: string): void {
    this.writeProgress(state, this.find(state, attemptId)?.attempt);
    this.channel.kick();
  }

  attemptEnded(state: CourseState, attemptId: string): void {
    this.writeProgress(state, this.find(state, attemptId)?.attempt);
    this.channel.kick();
  }

  pausing(state: CourseState): void {
    if (this.finished || !this.initialised) return;
    this.writeProgress(state);
    this.writeExit(!courseStatus(state).completed, Date.now() - this.startedAt);
    this.channel.retryNow();
  }

  async leave(state: CourseState): Promise<void> {
    if (this.finished || !this.initialised) return;
    this.writeProgress(state);
    this.writeExit(!courseStatus(state).completed, Date.now() - this.startedAt);
    this.channel.retryNow();
    await this.channel.flush();
    this.channel.dispose();
    if (!this.api.terminate()) {
      const e = this.api.lastError();
      throw new ReportingError(`lms-${e.code || 'finish'}`, `the LMS did not end the session: ${e.message}`);
    }
    this.finished = true;
  }
}
