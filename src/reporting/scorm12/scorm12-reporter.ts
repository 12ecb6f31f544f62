/**
 * SCORM 1.2: `window.API` in a parent or opener window. Course status in `cmi.core.lesson_status`, the
 * overall score in `cmi.core.score.raw` (0–100), one objective per failing (`F1`…`F5`) with its score, each
 * decision as a journaled `choice` interaction, resume data in `cmi.suspend_data` (4,096 characters at most:
 * see resume-codec.ts), `cmi.core.exit = suspend` while the course is unfinished.
 */
import { FAILINGS } from '../../engine';
import { failingPercent, percent, type CourseStatus } from '../course-status';
import {
  decisionFailings,
  decisionResult,
  decisionWeight,
  interactionId,
  scorm12Response,
  scorm12Time,
  scorm12Timespan,
} from '../interactions';
import { SCORM12_SUSPEND_LIMIT } from '../resume-codec';
import type { Timers } from '../retry-channel';
import { ScormReporter, type DecisionToReport, type ScormCalls } from '../scorm-base';
import type { CourseState } from '../reporting.types';

/** The SCORM 1.2 API object an LMS provides. */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(key: string): string;
  LMSSetValue(key: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic?(code: string): string;
}

function calls(api: Scorm12Api): ScormCalls {
  const ok = (r: unknown) => String(r) === 'true';
  return {
    initialize: () => ok(api.LMSInitialize('')),
    terminate: () => ok(api.LMSFinish('')),
    get: (k) => String(api.LMSGetValue(k) ?? ''),
    set: (k, v) => ok(api.LMSSetValue(k, v)),
    commit: () => ok(api.LMSCommit('')),
    lastError: () => {
      const code = String(api.LMSGetLastError() ?? '');
      return {
        code,
        message: code && code !== '0' ? String(api.LMSGetErrorString(code) ?? '') : 'no error code given',
      };
    },
  };
}

export class Scorm12Reporter extends ScormReporter {
  readonly target = 'scorm12' as const;
  protected readonly suspendLimit = SCORM12_SUSPEND_LIMIT;
  protected readonly keys = {
    interactionCount: 'cmi.interactions._count',
    objectiveCount: 'cmi.objectives._count',
    objectiveId: (n: number) => `cmi.objectives.${n}.id`,
    suspend: 'cmi.suspend_data',
    location: 'cmi.core.lesson_location',
    mode: 'cmi.core.lesson_mode',
    learnerName: 'cmi.core.student_name',
    learnerId: 'cmi.core.student_id',
  };

  constructor(api: Scorm12Api, timers?: Timers) {
    super(calls(api), timers);
  }

  protected writeDecision({ attempt, compiled, entry, latencyMs }: DecisionToReport, n: number): void {
    const p = `cmi.interactions.${n}`;
    this.put(`${p}.id`, interactionId(attempt.scenarioId, entry.sceneId));
    decisionFailings(entry).forEach((f, k) => this.put(`${p}.objectives.${k}.id`, f));
    this.put(`${p}.time`, scorm12Time(entry.at ?? new Date().toISOString()));
    this.put(`${p}.type`, 'choice');
    this.put(`${p}.weighting`, decisionWeight(entry));
    this.put(`${p}.student_response`, scorm12Response(compiled.scenes.get(entry.sceneId)!, entry));
    this.put(`${p}.result`, decisionResult(entry));
    if (latencyMs !== undefined) this.put(`${p}.latency`, scorm12Timespan(latencyMs));
  }

  protected writeStatus(status: CourseStatus, _state: CourseState): void {
    this.put('cmi.core.lesson_status', status.completed ? status.success : 'incomplete');
    // Set at every commit, so a closed tab or a crash still leaves the course suspended, not finished.
    this.put('cmi.core.exit', status.completed ? '' : 'suspend');
    const overall = status.score ? percent(status.score.overall.ratio) : null;
    if (overall !== null) {
      this.put('cmi.core.score.raw', overall);
      this.put('cmi.core.score.min', 0);
      this.put('cmi.core.score.max', 100);
    }
    for (const f of FAILINGS) {
      const { n, isNew } = this.objective(f);
      if (isNew) this.put(`cmi.objectives.${n}.id`, f);
      const s = failingPercent(status.score, f);
      if (s !== null) {
        this.put(`cmi.objectives.${n}.score.raw`, s);
        this.put(`cmi.objectives.${n}.score.min`, 0);
        this.put(`cmi.objectives.${n}.score.max`, 100);
      }
      const met = status.score?.failings[f].met ?? null;
      this.put(
        `cmi.objectives.${n}.status`,
        met === null
          ? status.completed
            ? 'completed'
            : 'not attempted'
          : status.completed
            ? met
              ? 'passed'
              : 'failed'
            : 'incomplete',
      );
    }
  }

  protected writeExit(suspend: boolean, sessionMs: number): void {
    this.put('cmi.core.exit', suspend ? 'suspend' : '');
    this.put('cmi.core.session_time', scorm12Timespan(sessionMs));
  }
}
