// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { describe, expect, it, vi, beforeEach } from 'vitest';
import { screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { emptyCaseFile, FAILINGS, scoreLog, startRun } from '../../src/engine';
import { exportRecords } from '../../src/reporting/export';
import type { LocalRecord } from '../../src/reporting/local/local-records';
import { exportSessionJson } from '../../src/store/session-export';
import { useProgress, type AttemptRecord } from '../../src/store/progress';
import {
  SESSION_RECORD_SCHEMA,
  SESSION_RECORD_VERSION,
  type SessionRecord,
} from '../../src/store/session-record.types';
import { expectAccessible, renderUi } from '../helpers/ui-setup';
import { fakeClock, loadRealCourse, longPath } from './course-fixture';

const real = loadRealCourse();
const first = real.info.scenarios[0];
const compiled = real.scenarios.get(first)!;

function settled<T>(value: T): Promise<T> {
  const p = Promise.resolve(value) as Promise<T> & { status?: string; value?: T };
  p.status = 'fulfilled';
  p.value = value;
  return p;
}

const scenarios = real.info.scenarios.map((id) => ({ id, title: real.scenarios.get(id)!.scenario.title }));
const courseIndex = { ...real.info, summary: 'x', cases: [], pages: [], support: [] };
vi.mock('../../src/content', () => ({
  homeContent: () => settled({ course: courseIndex, scenarios }),
  courseIndex,
  scenarioContent: (id: string) => settled(real.scenarios.get(id)!.scenario),
}));

const { RecordsScreen } = await import('../../src/routes/records/RecordsScreen');
const { SupervisorReportScreen } = await import('../../src/routes/supervisor-report/SupervisorReportScreen');

function finishedAttempt(id: string): AttemptRecord {
  const now = fakeClock();
  const run = startRun(compiled, { now });
  for (const e of longPath(compiled, emptyCaseFile())) {
    if (e.type === 'scene.continued') run.continue();
    else run.decide(e);
  }
  const at = '2025-03-01T10:00:00.000Z';
  return {
    id,
    scenarioId: first,
    scenarioVersion: compiled.scenario.version,
    courseVersion: real.info.version,
    startedAt: '2025-03-01T09:00:00.000Z',
    updatedAt: at,
    finishedAt: at,
    status: 'completed',
    snapshot: run.snapshot(),
    log: run.context.log,
  };
}

beforeEach(() => {
  useProgress.setState({ attempts: {}, unreadable: [], hydrated: true });
});

describe('<RecordsScreen>', () => {
  it('lists each finished attempt with its scores, says the records stay in this browser, and exports CSV and JSON', async () => {
    const a = finishedAttempt('a-1');
    useProgress.setState({ attempts: { [a.id]: a } });
    const made: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (made.push(b), 'blob:x'));
    URL.revokeObjectURL = vi.fn();
    const { container } = renderUi(<RecordsScreen />);
    expect(screen.getByRole('heading', { level: 1, name: 'My records' })).toBeInTheDocument();
    expect(screen.getByText(/kept only in this browser/)).toBeInTheDocument();
    expect(screen.getByText(/never sent anywhere/)).toBeInTheDocument();
    const table = screen.getByRole('table');
    const row = within(table).getByRole('row', { name: new RegExp(compiled.scenario.title) });
    const score = scoreLog(a.log, real.info.scoring);
    const pct = (r: number | null) => (r === null ? 'Not assessed' : `${Math.round(r * 100)}%`);
    expect(row).toHaveTextContent(pct(score.overall.ratio));
    for (const f of FAILINGS) expect(row).toHaveTextContent(pct(score.failings[f].ratio));
    await userEvent.type(screen.getByLabelText('Your name (optional)'), 'PC Example');
    await userEvent.click(screen.getByRole('button', { name: 'Download as CSV' }));
    await userEvent.click(screen.getByRole('button', { name: 'Download for your supervisor (JSON)' }));
    expect(made).toHaveLength(2);
    expect(await made[0].text()).toMatch(/^learner,scenario_id/);
    const json = JSON.parse(await made[1].text());
    expect(json).toMatchObject({ format: 'callout-records', learner: 'PC Example', courseId: real.info.id });
    expect(json.records[0].attemptId).toBe('a-1');
    await expectAccessible(container);
  });

  it('says when there is nothing yet and disables the exports', async () => {
    const { container } = renderUi(<RecordsScreen />);
    expect(screen.getByText(/not finished a call-out yet/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download as CSV' })).toBeDisabled();
    await expectAccessible(container);
  });
});

const record = (over: Partial<LocalRecord> = {}): LocalRecord => ({
  attemptId: 'a-1',
  courseId: real.info.id,
  courseVersion: real.info.version,
  scenarioId: first,
  scenarioTitle: compiled.scenario.title,
  scenarioVersion: 1,
  startedAt: '2025-03-01T09:00:00.000Z',
  endedAt: '2025-03-01T09:20:00.000Z',
  decisions: 9,
  overall: 80,
  failings: { F1: 90, F2: 70, F3: null, F4: 100, F5: 60 },
  outcome: 'competent',
  criticalErrors: 0,
  ...over,
});

function session(): SessionRecord {
  const fs = Object.fromEntries(
    FAILINGS.map((f) => [f, { earned: 3, best: 4, ratio: 0.75, met: true }]),
  ) as SessionRecord['scores']['failings'];
  return {
    schema: SESSION_RECORD_SCHEMA,
    schemaVersion: SESSION_RECORD_VERSION,
    sessionId: 's-1',
    courseId: real.info.id,
    courseVersion: real.info.version,
    scenarioId: real.info.scenarios[1],
    scenarioVersion: 1,
    scenarioTitle: 'Second',
    language: 'en-GB',
    facilitator: 'Sgt Example',
    date: '2025-03-02',
    attendees: ['PC Example', 'PC Other'],
    startedAt: '2025-03-02T09:00:00.000Z',
    updatedAt: '2025-03-02T10:00:00.000Z',
    endedAt: '2025-03-02T10:00:00.000Z',
    status: 'completed',
    decisions: [],
    undone: [],
    injects: [],
    notes: [{ text: 'PRIVATE NOTE', sceneId: 'x', at: '2025-03-02T09:30:00.000Z' }],
    pauses: [],
    scores: { failings: fs, overall: { earned: 15, best: 20, ratio: 0.75 }, criticalErrors: 0, outcome: 'competent' },
  };
}

describe('<SupervisorReportScreen>', () => {
  it('imports records and session files, refuses a tampered and a foreign file with reasons, and shows the group', async () => {
    const good = JSON.stringify(exportRecords([record()], real.info.id, 'PC Example'));
    const tampered = JSON.stringify({
      ...JSON.parse(good),
      learner: 'PC Changed',
      records: [record({ overall: 100 })],
    });
    const files = [
      new File([good], 'example.json', { type: 'application/json' }),
      new File([tampered], 'changed.json', { type: 'application/json' }),
      new File(['hello'], 'notes.json', { type: 'application/json' }),
      new File([JSON.stringify(exportSessionJson(session()))], 'session.json', { type: 'application/json' }),
    ];
    const { container } = renderUi(<SupervisorReportScreen />);
    await userEvent.upload(screen.getByLabelText('Choose files to import'), files);
    const list = await screen.findByRole('list');
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(4));
    expect(within(list).getByText('example.json').closest('li')).toHaveTextContent(
      'imported 1 finished call-out for PC Example',
    );
    expect(within(list).getByText('changed.json').closest('li')).toHaveTextContent(/changed after it was exported/);
    expect(within(list).getByText('notes.json').closest('li')).toHaveTextContent(/not a JSON file/);
    expect(within(list).getByText('session.json').closest('li')).toHaveTextContent(
      'imported a classroom session with 2 attendees',
    );
    const people = screen.getAllByRole('table')[0];
    const example = within(people).getByRole('row', { name: /PC Example/ });
    expect(example).toHaveTextContent(`2 of ${real.info.scenarios.length} call-outs`);
    expect(within(people).getByRole('row', { name: /PC Other/ })).toHaveTextContent(
      `1 of ${real.info.scenarios.length} call-outs`,
    );
    expect(within(people).queryByText(/PC Changed/)).toBeNull();
    expect(container).not.toHaveTextContent('PRIVATE NOTE');
    const group = screen.getAllByRole('table')[1];
    expect(within(group).getByRole('row', { name: /F3/ })).toHaveTextContent('75%');
    await expectAccessible(container);
  });
});
