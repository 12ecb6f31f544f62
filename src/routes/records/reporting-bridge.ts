/**
 * Connects the app to reporting: starts the reporter once per page, brings attempts saved by an LMS/LRS into
 * the learner's progress on launch, and tells the reporter about each attempt started, decision made and
 * attempt finished, with the whole course state. Calls are queued so they reach the reporter in order.
 */
import { compileScenario, carryCaseFile, resumeRun, type CompiledScenario } from '../../engine';
import { courseIndex, scenarioContent } from '../../content';
import {
  decodeResume,
  startReporting,
  type AttemptState,
  type CourseState,
  type ReportingSession,
} from '../../reporting';
import { useProgress, type AttemptRecord } from '../../store/progress';

const compiledCache = new Map<string, Promise<CompiledScenario | undefined>>();

/** The English source of a scenario, compiled (reports use source titles and ids). */
export function compiledScenario(id: string): Promise<CompiledScenario | undefined> {
  let p = compiledCache.get(id);
  if (!p) {
    p = courseIndex.scenarios.includes(id)
      ? Promise.resolve(scenarioContent(id, 'en-GB')).then(compileScenario, () => undefined)
      : Promise.resolve(undefined);
    compiledCache.set(id, p);
  }
  return p;
}

/** Attempts that count for reporting: finished and in progress (not set aside or unresumable), oldest first. */
export function reportableAttempts(records: Record<string, AttemptRecord>): AttemptState[] {
  return Object.values(records)
    .filter((a) => a.status === 'completed' || a.status === 'in-progress')
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id))
    .map((a) => ({
      id: a.id,
      scenarioId: a.scenarioId,
      startedAt: a.startedAt,
      ...(a.status === 'completed' && a.finishedAt ? { endedAt: a.finishedAt } : {}),
      ...(a.carriedFrom ? { caseFrom: a.carriedFrom } : {}),
      snapshot: a.snapshot,
      log: a.log,
    }));
}

/**
 * Attempts that belong to the LMS/LRS session: those it gave back at launch and those started while it was
 * connected. Progress this browser kept from other use (another person on a shared laptop, a session
 * without an LMS) is never sent to an LMS.
 */
const lmsAttempts = new Set<string>();
let external = false;

/** The course state the reporter is given. */
export async function currentCourseState(): Promise<CourseState> {
  const attempts = reportableAttempts(useProgress.getState().attempts).filter(
    (a) => courseIndex.scenarios.includes(a.scenarioId) && (!external || lmsAttempts.has(a.id)),
  );
  const scenarios = new Map<string, CompiledScenario>();
  for (const id of new Set(attempts.map((a) => a.scenarioId))) {
    const c = await compiledScenario(id);
    if (c) scenarios.set(id, c);
  }
  return {
    course: {
      id: courseIndex.id,
      version: courseIndex.version,
      title: courseIndex.title,
      scenarios: courseIndex.scenarios,
      scoring: courseIndex.scoring,
    },
    attempts: attempts.filter((a) => scenarios.has(a.scenarioId)),
    scenarios,
  };
}

function hydrated(): Promise<void> {
  if (useProgress.getState().hydrated) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = useProgress.subscribe((s) => {
      if (s.hydrated) {
        stop();
        resolve();
      }
    });
  });
}

/** Adds the attempts an LMS/LRS kept that this browser does not have. Returns problems to show, if any. */
async function importFromLms(resume: string): Promise<string[]> {
  const decoded = await decodeResume(resume, compiledScenario);
  if (!decoded.ok) return [decoded.reason];
  await hydrated();
  const local = useProgress.getState().attempts;
  const have = new Set(Object.values(local).map((a) => `${a.scenarioId}@${a.startedAt.slice(0, 19)}`));
  const add: Record<string, AttemptRecord> = {};
  const idMap = new Map<string, string>();
  for (const a of decoded.attempts) {
    const key = `${a.scenarioId}@${a.startedAt.slice(0, 19)}`;
    const existing = Object.values(local).find((l) => `${l.scenarioId}@${l.startedAt.slice(0, 19)}` === key);
    if (existing) {
      idMap.set(a.id, existing.id);
      lmsAttempts.add(existing.id);
      continue;
    }
    if (have.has(key)) continue;
    const compiled = (await compiledScenario(a.scenarioId))!;
    const replay = resumeRun(compiled, a.snapshot);
    if (!replay.ok) continue;
    const run = replay.run;
    const updatedAt = a.log[a.log.length - 1]?.at ?? a.startedAt;
    add[a.id] = {
      id: a.id,
      scenarioId: a.scenarioId,
      scenarioVersion: a.snapshot.scenarioVersion,
      courseVersion: courseIndex.version,
      startedAt: a.startedAt,
      updatedAt,
      status: a.endedAt ? 'completed' : 'in-progress',
      snapshot: a.snapshot,
      log: a.log,
      sceneId: run.sceneId,
      ...(a.endedAt
        ? { finishedAt: a.endedAt, ending: run.context.ending, caseFileOut: carryCaseFile(run.context) }
        : {}),
      ...(a.caseFrom ? { carriedFrom: idMap.get(a.caseFrom) ?? a.caseFrom } : {}),
    };
    idMap.set(a.id, a.id);
    lmsAttempts.add(a.id);
  }
  if (Object.keys(add).length) {
    useProgress.setState((s) => {
      const attempts = { ...s.attempts };
      // An LMS attempt in progress replaces a local one in progress at the same scenario only if it is newer.
      for (const a of Object.values(add)) {
        if (a.status === 'in-progress')
          for (const l of Object.values(attempts))
            if (l.scenarioId === a.scenarioId && l.status === 'in-progress' && l.updatedAt < a.updatedAt)
              attempts[l.id] = { ...l, status: 'set-aside' };
        attempts[a.id] = a;
      }
      return { attempts };
    });
  }
  return decoded.problems;
}

/** The reporting session and what happened at launch. */
export interface ReportingLaunch extends ReportingSession {
  /** Saved progress from the LMS that could not be brought back, in plain words. */
  resumeProblems: string[];
}

let launching: Promise<ReportingLaunch> | undefined;

/** Starts reporting (once per page) and brings in the LMS's saved attempts. */
export function launchReporting(): Promise<ReportingLaunch> {
  return (launching ??= (async () => {
    const session = await startReporting();
    external = session.reporter.external;
    const resumeProblems = session.launch.resume ? await importFromLms(session.launch.resume) : [];
    if (typeof window !== 'undefined') {
      window.addEventListener('pagehide', () => {
        // Synchronous as far as possible: the page is going away.
        if (lastState) void session.reporter.leave(lastState).catch(() => undefined);
        else void currentCourseState().then((s) => session.reporter.leave(s).catch(() => undefined));
      });
      // A hidden page may be closed without any unload code reaching the LMS: save the exit status and the
      // session time while the page can still send them.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState !== 'hidden' || sessionEnded) return;
        if (lastState) session.reporter.pausing(lastState);
        else void currentCourseState().then((s) => session.reporter.pausing(s));
      });
    }
    return { ...session, resumeProblems };
  })());
}

let queue: Promise<unknown> = Promise.resolve();
/** The course state last given to the reporter (for leaving without waiting). */
let lastState: CourseState | undefined;

function enqueue(fn: (s: ReportingLaunch, state: CourseState) => void): void {
  queue = queue
    .then(async () => {
      if (sessionEnded) return;
      const session = await launchReporting();
      lastState = await currentCourseState();
      fn(session, lastState);
    })
    .catch(() => undefined);
}

/** After an attempt has been created in the progress store. */
export function reportAttemptStarted(attemptId: string): void {
  lmsAttempts.add(attemptId);
  enqueue((s, state) => s.reporter.attemptStarted(state, attemptId));
}

/** After a decision has been saved in the progress store. */
export function reportDecision(attemptId: string, latencyMs?: number): void {
  enqueue((s, state) => s.reporter.decisionMade(state, attemptId, latencyMs));
}

/** After a narrative scene's "continue" has been saved in the progress store. */
export function reportProgress(attemptId: string): void {
  enqueue((s, state) => s.reporter.progressed(state, attemptId));
}

/** After an attempt reached an ending (and was saved). */
export function reportAttemptEnded(attemptId: string): void {
  enqueue((s, state) => s.reporter.attemptEnded(state, attemptId));
}

let sessionEnded = false;

/** Whether the learner has ended the LMS session with "Save and exit" (reports stop until a new launch). */
export function lmsSessionEnded(): boolean {
  return sessionEnded;
}

/**
 * "Save and exit": sends everything, sets exit and session time, and ends the LMS session (LMSFinish,
 * Terminate, cmi5 terminated). Resolves with where to send the learner (cmi5's returnURL), if anywhere.
 */
export async function finishLmsSession(): Promise<{ returnUrl?: string }> {
  await queue;
  const s = await launchReporting();
  const state = await currentCourseState();
  lastState = state;
  await s.reporter.leave(state);
  sessionEnded = true;
  return s.launch.returnUrl ? { returnUrl: s.launch.returnUrl } : {};
}

/** Waits until every report so far has been handed to the reporter and sent (tests, the exit button). */
export async function reportsSettled(): Promise<void> {
  await queue;
  const s = await launchReporting();
  await s.reporter.flush().catch(() => undefined);
}
