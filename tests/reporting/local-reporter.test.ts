// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { Scorm12API } from 'scorm-again';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyCaseFile, startRun } from '../../src/engine';
import { attemptStateOf } from '../../src/reporting/attempt-state';
import { indexedDbRecordsStore } from '../../src/reporting/local/local-records';
import { LocalReporter } from '../../src/reporting/local/local-reporter';
import { memoryReporter } from '../../src/reporting/memory/memory-reporter';
import { resetReportingForTests, startReporting } from '../../src/reporting/start-reporting';
import type { CourseState } from '../../src/reporting/reporting.types';
import { fakeClock, loadRealCourse, longPath } from './course-fixture';

const real = loadRealCourse();
const scenarioId = real.info.scenarios[0];
const compiled = real.scenarios.get(scenarioId)!;
const path = longPath(compiled, emptyCaseFile());

function finishedState(id = 'a1'): CourseState {
  const now = fakeClock();
  const run = startRun(compiled, { now });
  const startedAt = now();
  for (const e of path) {
    if (e.type === 'scene.continued') run.continue();
    else run.decide(e);
  }
  return {
    course: real.info,
    scenarios: real.scenarios,
    attempts: [attemptStateOf(run, { id, startedAt, endedAt: now() })],
  };
}

afterEach(() => {
  resetReportingForTests();
  delete (window as unknown as Record<string, unknown>).API;
});

describe('LocalReporter', () => {
  it('keeps a record of each finished attempt in IndexedDB, with its scores, and nothing else', async () => {
    const store = indexedDbRecordsStore('test.records');
    const reporter = new LocalReporter(store);
    expect(reporter.external).toBe(false);
    const state = finishedState();
    reporter.attemptEnded(state, 'a1');
    await reporter.flush();
    const records = await indexedDbRecordsStore('test.records').load();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ attemptId: 'a1', scenarioId, decisions: state.attempts[0].log.length });
    expect(Object.keys(records[0].failings)).toEqual(['F1', 'F2', 'F3', 'F4', 'F5']);
    // Re-reporting the same attempt replaces its record.
    reporter.attemptEnded(state, 'a1');
    await reporter.flush();
    expect(await store.load()).toHaveLength(1);
  });

  it('keeps the record and retries when the browser refuses to store it', async () => {
    let fail = true;
    const reporter = memoryReporter();
    const realSave = reporter.store.save;
    reporter.store.save = async (r) => {
      if (fail) throw new Error('QuotaExceededError');
      return realSave(r);
    };
    reporter.attemptEnded(finishedState(), 'a1');
    await expect(reporter.flush()).rejects.toThrow(/storage/);
    expect(reporter.status()).toMatchObject({ state: 'retrying', code: 'storage' });
    fail = false;
    reporter.retryNow();
    await reporter.flush();
    expect(reporter.store.records).toHaveLength(1);
  });
});

describe('startReporting()', () => {
  it('uses the SCORM 1.2 API of the parent window, once per page', async () => {
    const lms = new Scorm12API({ logLevel: 5, autocommit: false });
    let inits = 0;
    (window as unknown as Record<string, unknown>).API = new Proxy(lms, {
      get(t, p) {
        if (p === 'LMSInitialize') return (a: '') => (inits++, t.LMSInitialize(a));
        const v = Reflect.get(t, p);
        return typeof v === 'function' ? v.bind(t) : v;
      },
    });
    const [a, b] = await Promise.all([startReporting(window, 'scorm12'), startReporting(window, 'scorm12')]);
    expect(a).toBe(b);
    expect(a.reporter.target).toBe('scorm12');
    expect(a.reporter.external).toBe(true);
    expect(inits).toBe(1);
  });

  it('falls back to the browser and says why when a SCORM package finds no LMS', async () => {
    const s = await startReporting(window, 'scorm2004');
    expect(s.reporter.target).toBe('local');
    expect(s.reporter.external).toBe(false);
    expect(s.problem?.code).toBe('lms-not-found');
  });

  it('keeps everything in the browser when the web build finds no LMS', async () => {
    const s = await startReporting(window, 'web');
    expect(s.reporter.target).toBe('local');
    expect(s.problem).toBeUndefined();
  });
});
