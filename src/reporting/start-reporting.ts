/**
 * Picks the reporter once per page, from how the module was launched: cmi5 launch parameters on the URL; an
 * LMS's SCORM 2004 or SCORM 1.2 API in a parent or opener window; otherwise the browser's own records. A
 * packaged build looks only for its own standard. The choice is a module-level promise, so React StrictMode's
 * double effects (or two components asking) cannot initialise an LMS session twice. Adapters are imported
 * only when needed, so the home page does not carry them.
 */
import { findApi } from './find-api';
import { ReportingError } from './retry-channel';
import type { LaunchInfo, Reporter } from './reporting.types';
import { cmi5LaunchFrom } from './xapi/cmi5-launch';

/** The reporting target a build was packaged for (`auto` in development). */
export type BuildTarget = 'auto' | 'web' | 'scorm12' | 'scorm2004' | 'cmi5';

/** The started reporting session. */
export interface ReportingSession {
  reporter: Reporter;
  launch: LaunchInfo;
  /** Set when the build expected an LMS and did not get one: the records stay in this browser. */
  problem?: { code: 'lms-not-found' | string; detail: string };
}

export function buildTarget(): BuildTarget {
  const t = import.meta.env.VITE_CALLOUT_REPORTING;
  return t === 'web' || t === 'scorm12' || t === 'scorm2004' || t === 'cmi5' ? t : 'auto';
}

async function local(): Promise<Reporter> {
  const [{ LocalReporter }, { indexedDbRecordsStore }] = await Promise.all([
    import('./local/local-reporter'),
    import('./local/local-records'),
  ]);
  return new LocalReporter(indexedDbRecordsStore());
}

/** Finds the reporter for this page (not initialised). */
export async function detectReporter(
  win: Window = window,
  target: BuildTarget = buildTarget(),
): Promise<{ reporter: Reporter; expected: boolean }> {
  const any = target === 'auto';
  if (any || target === 'cmi5') {
    const launch = cmi5LaunchFrom(win.location.href);
    if (launch) {
      const { Cmi5Reporter } = await import('./xapi/cmi5-reporter');
      return { reporter: new Cmi5Reporter(launch), expected: true };
    }
  }
  if (any || target === 'scorm2004') {
    const api = findApi<import('./scorm2004/scorm2004-reporter').Scorm2004Api>('API_1484_11', win);
    if (api) {
      const { Scorm2004Reporter } = await import('./scorm2004/scorm2004-reporter');
      return { reporter: new Scorm2004Reporter(api), expected: true };
    }
  }
  if (any || target === 'scorm12') {
    const api = findApi<import('./scorm12/scorm12-reporter').Scorm12Api>('API', win);
    if (api) {
      const { Scorm12Reporter } = await import('./scorm12/scorm12-reporter');
      return { reporter: new Scorm12Reporter(api), expected: true };
    }
  }
  return { reporter: await local(), expected: target === 'auto' || target === 'web' };
}

async function start(win: Window, target: BuildTarget): Promise<ReportingSession> {
  const { reporter, expected } = await detectReporter(win, target);
  const missing = expected
    ? undefined
    : { code: 'lms-not-found', detail: `this copy of the course was packaged for ${target}, but no LMS was found` };
  try {
    const launch = await reporter.initialise();
    return { reporter, launch, ...(missing ? { problem: missing } : {}) };
  } catch (e) {
    // The LMS refused to start: keep going with the browser's own records, and say so.
    const err = e instanceof ReportingError ? e : new ReportingError('unexpected', String((e as Error)?.message ?? e));
    const fallback = await local();
    return { reporter: fallback, launch: await fallback.initialise(), problem: { code: err.code, detail: err.detail } };
  }
}

let session: Promise<ReportingSession> | undefined;

/** Starts reporting once per page; every later call returns the same session. */
export function startReporting(win: Window = window, target: BuildTarget = buildTarget()): Promise<ReportingSession> {
  return (session ??= start(win, target));
}

/** Forgets the session (tests only). */
export function resetReportingForTests(): void {
  session = undefined;
}
