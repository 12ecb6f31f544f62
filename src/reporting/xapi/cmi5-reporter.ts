/**
 * cmi5: launched with `endpoint`, `fetch`, `actor`, `registration` and `activityId` on the URL. The AU fetches
 * its token once, reads LMS.LaunchData, sends `initialized`, an `answered` statement per decision, `completed`
 * and `passed`/`failed` once the whole course is done (Normal mode only, once per registration), and
 * `terminated` when the learner leaves. Resume data lives in an activity state document. Statements carry
 * their ids from the start, so re-sending after a failure never duplicates them.
 */
import { courseStatus } from '../course-status';
import { encodeResume } from '../resume-codec';
import { ChannelReporter, ReportingError, RetryChannel, type Timers } from '../retry-channel';
import type { CourseState, LaunchInfo, Reporter } from '../reporting.types';
import type { Cmi5Launch } from './cmi5-launch';
import {
  answered,
  completed,
  EXT_SESSION,
  initialized,
  judged,
  terminated,
  type LaunchData,
  type Statement,
  type StatementContext,
} from './cmi5-statements';

/** The activity state document where the AU keeps its resume data. */
export const RESUME_STATE_ID = 'callout.resume';

interface ResumeDoc {
  resume?: string;
  /** cmi5 moveOn statements already sent for this registration. */
  sent?: { completed?: boolean; passed?: boolean };
}

/** A random UUID (v4). `crypto.randomUUID` exists only on https pages; some LMSs still serve content over http. */
export function uuidV4(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface Cmi5Options {
  fetch?: typeof fetch;
  timers?: Timers;
  uuid?: () => string;
  now?: () => string;
}

export class Cmi5Reporter extends ChannelReporter implements Reporter {
  readonly target = 'cmi5' as const;
  readonly external = true;
  private readonly fetchFn: typeof fetch;
  protected readonly channel: RetryChannel;
  private token = '';
  private ctx!: StatementContext;
  private queue: Statement[] = [];
  private doc: ResumeDoc = {};
  private docDirty = false;
  private started = 0;
  private info: LaunchInfo | undefined;
  private failedSentThisSession = false;
  private ended = false;
  private keepalive = false;

  constructor(
    private readonly launch: Cmi5Launch,
    private readonly options: Cmi5Options = {},
  ) {
    super();
    this.fetchFn = options.fetch ?? ((...a) => fetch(...a));
    this.channel = new RetryChannel(() => this.send(), options.timers);
  }

  private headers(json = true): HeadersInit {
    return {
      Authorization: `Basic ${this.token}`,
      'X-Experience-API-Version': '1.0.3',
      ...(json ? { 'Content-Type': 'application/json' } : {}),
    };
  }

  private stateUrl(stateId: string): string {
    const q = new URLSearchParams({
      activityId: this.launch.activityId,
      agent: JSON.stringify(this.launch.actor),
      registration: this.launch.registration,
      stateId,
    });
    return `${this.launch.endpoint}activities/state?${q}`;
  }

  private async call(url: string, init: RequestInit, what: string): Promise<Response> {
    let res: Response;
    try {
      res = await this.fetchFn(url, { ...init, ...(this.keepalive ? { keepalive: true } : {}) });
    } catch (e) {
      throw new ReportingError('network', `${what}: ${(e as Error).message}`);
    }
    if (!res.ok && res.status !== 404)
      throw new ReportingError(`http-${res.status}`, `${what}: the LRS answered ${res.status}`);
    return res;
  }

  /**
   * cmi5 11.0: the AU reads the learner's preferences from the agent profile on startup. A 403 or 404, a
   * failed request or a malformed document means no preference; none of them is an error.
   */
  private async readLanguagePreference(): Promise<string[]> {
    const q = new URLSearchParams({ agent: JSON.stringify(this.launch.actor), profileId: 'cmi5LearnerPreferences' });
    try {
      const res = await this.fetchFn(`${this.launch.endpoint}agents/profile?${q}`, { headers: this.headers(false) });
      if (!res.ok) return [];
      const doc = (await res.json()) as { languagePreference?: unknown };
      if (typeof doc.languagePreference !== 'string') return [];
      return doc.languagePreference
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
    } catch {
      return [];
    }
  }

  async initialise(): Promise<LaunchInfo> {
    if (this.info) return this.info;
    const tokenRes = await this.call(this.launch.fetchUrl, { method: 'POST' }, 'getting the authorisation token');
    const body = (await tokenRes.json().catch(() => ({}))) as Record<string, unknown>;
    if (typeof body['auth-token'] !== 'string')
      throw new ReportingError(
        'no-token',
        `the LMS gave no authorisation token (${String(body['error-text'] ?? tokenRes.status)})`,
        true,
      );
    this.token = body['auth-token'];
    const ldRes = await this.call(
      this.stateUrl('LMS.LaunchData'),
      { headers: this.headers(false) },
      'reading LMS.LaunchData',
    );
    if (ldRes.status === 404)
      throw new ReportingError('no-launch-data', 'the LMS has no LMS.LaunchData for this launch', true);
    const launchData = (await ldRes.json()) as LaunchData;
    const languagePreference = await this.readLanguagePreference();
    const docRes = await this.call(
      this.stateUrl(RESUME_STATE_ID),
      { headers: this.headers(false) },
      'reading saved progress',
    );
    this.doc = docRes.status === 404 ? {} : ((await docRes.json().catch(() => ({}))) as ResumeDoc);
    const uuid = this.options.uuid ?? uuidV4;
    this.ctx = {
      launch: this.launch,
      launchData,
      // cmi5 9.6.3.1: the session ID is the LMS's, from the context template; one is made only for an LMS
      // that gives none.
      sessionId: sessionIdOf(launchData) ?? uuid(),
      uuid,
      now: this.options.now ?? (() => new Date().toISOString()),
    };
    this.started = Date.now();
    this.queue.push(initialized(this.ctx));
    this.channel.kick();
    await this.channel.flush();
    const mode =
      launchData.launchMode === 'Browse' ? 'browse' : launchData.launchMode === 'Review' ? 'review' : 'normal';
    this.info = {
      ...(this.doc.resume ? { resume: this.doc.resume } : {}),
      learner: {
        id: this.launch.actor.account.name,
        ...(this.launch.actor.name ? { name: this.launch.actor.name } : {}),
      },
      mode,
      ...(launchData.returnURL ? { returnUrl: launchData.returnURL } : {}),
      ...(languagePreference.length ? { languagePreference } : {}),
    };
    return this.info;
  }

  private async send(): Promise<void> {
    if (this.queue.length) {
      const batch = this.queue.slice();
      await this.call(
        `${this.launch.endpoint}statements`,
        { method: 'POST', headers: this.headers(), body: JSON.stringify(batch) },
        'sending statements',
      );
      this.queue.splice(0, batch.length);
    }
    if (this.docDirty) {
      this.docDirty = false;
      try {
        await this.call(
          this.stateUrl(RESUME_STATE_ID),
          { method: 'PUT', headers: this.headers(), body: JSON.stringify(this.doc) },
          'saving progress',
        );
      } catch (e) {
        this.docDirty = true;
        throw e;
      }
    }
  }

  private normal(): boolean {
    return this.ctx?.launchData.launchMode === 'Normal';
  }

  private saveProgress(state: CourseState): void {
    this.doc = { ...this.doc, resume: encodeResume(state) };
    this.docDirty = true;
  }

  private moveOn(state: CourseState): void {
    if (!this.normal()) return;
    const status = courseStatus(state);
    if (!status.completed || !status.score) return;
    const ms = Date.now() - this.started;
    const sent = { ...this.doc.sent };
    if (!sent.completed) {
      this.queue.push(completed(this.ctx, ms));
      sent.completed = true;
    }
    const mastery = this.ctx.launchData.masteryScore;
    const passed =
      status.success === 'passed' && (mastery === undefined || (status.score.overall.ratio ?? 0) >= mastery - 1e-9);
    if (passed && !sent.passed) {
      this.queue.push(judged(this.ctx, true, status.score, ms));
      sent.passed = true;
    } else if (!passed && !sent.passed && !this.failedSentThisSession) {
      this.queue.push(judged(this.ctx, false, status.score, ms));
      this.failedSentThisSession = true;
    }
    this.doc = { ...this.doc, sent };
    this.docDirty = true;
  }

  attemptStarted(state: CourseState, _attemptId: string): void {
    this.saveProgress(state);
    this.channel.kick();
  }

  decisionMade(state: CourseState, attemptId: string, latencyMs?: number): void {
    const attempt = state.attempts.find((a) => a.id === attemptId);
    const compiled = attempt && state.scenarios.get(attempt.scenarioId);
    const entry = attempt?.log[attempt.log.length - 1];
    // A practice attempt's decisions are never sent: practice is not assessed.
    if (this.normal() && compiled && entry && attempt.snapshot.mode !== 'practice')
      this.queue.push(answered(this.ctx, compiled, entry, latencyMs));
    this.saveProgress(state);
    this.channel.kick();
  }

  progressed(state: CourseState, _attemptId: string): void {
    this.saveProgress(state);
    this.channel.kick();
  }

  attemptEnded(state: CourseState, _attemptId: string): void {
    this.saveProgress(state);
    this.moveOn(state);
    this.channel.kick();
  }

  pausing(state: CourseState): void {
    if (this.ended || !this.info) return;
    // keepalive lets these requests outlive the page; it is limited in size, so only until they are sent.
    this.keepalive = true;
    this.saveProgress(state);
    this.channel.retryNow();
    void this.channel
      .flush()
      .catch(() => undefined)
      .finally(() => {
        if (!this.ended) this.keepalive = false;
      });
  }

  async leave(state: CourseState): Promise<void> {
    if (this.ended || !this.info) return;
    this.ended = true;
    this.keepalive = true;
    this.saveProgress(state);
    this.queue.push(terminated(this.ctx, Date.now() - this.started));
    this.channel.retryNow();
    await this.channel.flush();
    this.channel.dispose();
  }
}

/** The session ID the LMS put in the launch's context template, if any. */
function sessionIdOf(launchData: LaunchData): string | undefined {
  const v = launchData.contextTemplate?.extensions?.[EXT_SESSION];
  return typeof v === 'string' && v ? v : undefined;
}
