/**
 * SCORM 2004 4th edition: `window.API_1484_11` in a parent or opener window. `cmi.completion_status`,
 * `cmi.success_status`, `cmi.score.*`, `cmi.progress_measure`; one objective per failing (`F1`…`F5`, declared
 * in the manifest so the LMS creates them); each decision as a `choice` interaction whose type is set before
 * its response; resume data in `cmi.suspend_data`; `cmi.exit = suspend` while the course is unfinished.
 */
import { FAILINGS } from '../../engine';
import type { CourseStatus } from '../course-status';
import {
  decisionDescription,
  decisionFailings,
  decisionResult,
  decisionWeight,
  interactionId,
  isoDuration,
  scorm2004Response,
  scorm2004Time,
} from '../interactions';
import type { Timers } from '../retry-channel';
import { ScormReporter, type DecisionToReport, type ScormCalls } from '../scorm-base';
import type { CourseState } from '../reporting.types';

/** The SCORM 2004 API object an LMS provides. */
export interface Scorm2004Api {
  Initialize(arg: ''): string;
  Terminate(arg: ''): string;
  GetValue(key: string): string;
  SetValue(key: string, value: string): string;
  Commit(arg: ''): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
  GetDiagnostic?(code: string): string;
}

function calls(api: Scorm2004Api): ScormCalls {
  const ok = (r: unknown) => String(r) === 'true';
  return {
    initialize: () => ok(api.Initialize('')),
    terminate: () => ok(api.Terminate('')),
    get: (k) => String(api.GetValue(k) ?? ''),
    set: (k, v) => ok(api.SetValue(k, v)),
    commit: () => ok(api.Commit('')),
    lastError: () => {
      const code = String(api.GetLastError() ?? '');
      return { code, message: code && code !== '0' ? String(api.GetErrorString(code) ?? '') : 'no error code given' };
    },
  };
}

/** SCORM 2004 guarantees 64,000 characters of suspend_data (4th edition). */
export const SCORM2004_SUSPEND_LIMIT = 64000;

const scaled = (r: number | null) => (r === null ? null : Math.round(Math.max(0, Math.min(1, r)) * 10000) / 10000);

export class Scorm2004Reporter extends ScormReporter {
  readonly target = 'scorm2004' as const;
  protected readonly suspendLimit = SCORM2004_SUSPEND_LIMIT;
  protected readonly keys = {
    interactionCount: 'cmi.interactions._count',
    objectiveCount: 'cmi.objectives._count',
    objectiveId: (n: number) => `cmi.objectives.${n}.id`,
    suspend: 'cmi.suspend_data',
    location: 'cmi.location',
    mode: 'cmi.mode',
    learnerName: 'cmi.learner_name',
    learnerId: 'cmi.learner_id',
  };

  constructor(api: Scorm2004Api, timers?: Timers) {
    super(calls(api), timers);
  }

  protected writeDecision({ attempt, compiled, entry, latencyMs }: DecisionToReport, n: number): void {
    const p = `cmi.interactions.${n}`;
    this.put(`${p}.id`, interactionId(attempt.scenarioId, entry.sceneId));
    // The type must come before the response: the queue keeps this order.
    this.put(`${p}.type`, 'choice');
    decisionFailings(entry).forEach((f, k) => this.put(`${p}.objectives.${k}.id`, f));
    this.put(`${p}.timestamp`, scorm2004Time(entry.at ?? new Date().toISOString()));
    this.put(`${p}.weighting`, decisionWeight(entry));
    this.put(`${p}.learner_response`, scorm2004Response(entry));
    const result = decisionResult(entry);
    this.put(`${p}.result`, result === 'wrong' ? 'incorrect' : result);
    if (latencyMs !== undefined) this.put(`${p}.latency`, isoDuration(latencyMs));
    this.put(`${p}.description`, decisionDescription(compiled, entry));
  }

  protected writeStatus(status: CourseStatus, _state: CourseState): void {
    this.put('cmi.completion_status', status.completed ? 'completed' : 'incomplete');
    this.put('cmi.success_status', status.success);
    // Set at every commit, so a closed tab or a crash still leaves the course suspended.
    this.put('cmi.exit', status.completed ? 'normal' : 'suspend');
    this.put('cmi.progress_measure', status.total ? Math.round((status.finished / status.total) * 100) / 100 : 0);
    const overall = scaled(status.score?.overall.ratio ?? null);
    if (overall !== null) {
      this.put('cmi.score.scaled', overall);
      this.put('cmi.score.raw', Math.round(overall * 100));
      this.put('cmi.score.min', 0);
      this.put('cmi.score.max', 100);
    }
    for (const f of FAILINGS) {
      const { n, isNew } = this.objective(f);
      if (isNew) this.put(`cmi.objectives.${n}.id`, f);
      const fs = status.score?.failings[f];
      const s = scaled(fs?.ratio ?? null);
      if (s !== null) {
        this.put(`cmi.objectives.${n}.score.scaled`, s);
        this.put(`cmi.objectives.${n}.score.raw`, Math.round(s * 100));
        this.put(`cmi.objectives.${n}.score.min`, 0);
        this.put(`cmi.objectives.${n}.score.max`, 100);
      }
      const met = fs?.met ?? null;
      this.put(
        `cmi.objectives.${n}.success_status`,
        status.completed && met !== null ? (met ? 'passed' : 'failed') : 'unknown',
      );
      this.put(
        `cmi.objectives.${n}.completion_status`,
        status.completed ? 'completed' : s === null ? 'not attempted' : 'incomplete',
      );
    }
  }

  protected writeExit(suspend: boolean, sessionMs: number): void {
    this.put('cmi.exit', suspend ? 'suspend' : 'normal');
    this.put('cmi.session_time', isoDuration(sessionMs));
  }
}
