// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { emptyCaseFile, startRun } from '../../src/engine';
import { attemptStateOf } from '../../src/reporting/attempt-state';
import { memoryReporter } from '../../src/reporting/memory/memory-reporter';
import type { ReportingLaunch } from '../../src/routes/records/reporting-bridge';
import { expectAccessible, renderUi, testI18n } from '../helpers/ui-setup';
import { fakeClock, loadRealCourse, longPath } from './course-fixture';

const real = loadRealCourse();
const compiled = real.scenarios.get(real.info.scenarios[0])!;
const reporter = memoryReporter();
let fail = true;
const save = reporter.store.save;
reporter.store.save = async (r) => {
  if (fail) throw new Error('QuotaExceededError');
  return save(r);
};
let session: ReportingLaunch = { reporter, launch: { mode: 'normal' }, resumeProblems: [] };
const finish = vi.fn(() => Promise.resolve({}));
vi.mock('../../src/routes/records/reporting-bridge', () => ({
  launchReporting: () => Promise.resolve(session),
  finishLmsSession: () => finish(),
  lmsSessionEnded: () => false,
}));
const { ReportingBanner } = await import('../../src/routes/records/ReportingBanner');

function finished() {
  const now = fakeClock();
  const run = startRun(compiled, { now });
  const startedAt = now();
  for (const e of longPath(compiled, emptyCaseFile())) {
    if (e.type === 'scene.continued') run.continue();
    else run.decide(e);
  }
  return {
    course: real.info,
    scenarios: real.scenarios,
    attempts: [attemptStateOf(run, { id: 'a1', startedAt, endedAt: now() })],
  };
}

describe('<ReportingBanner>', () => {
  it('shows nothing while all is well, tells the learner when saving fails and nothing is lost, and retries on request', async () => {
    const { container } = renderUi(<ReportingBanner />);
    await waitFor(() => expect(container.querySelector('[role=status]')).not.toBeNull());
    expect(container).toHaveTextContent('');
    reporter.attemptEnded(finished(), 'a1');
    expect(await screen.findByText(/could not save your records just now. Nothing is lost yet/)).toBeInTheDocument();
    await expectAccessible(container);
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try sending again now' }));
    await waitFor(() => expect(screen.queryByText(/could not save your records/)).toBeNull());
    expect(reporter.store.records).toHaveLength(1);
  });

  it('says in Welsh when a packaged course found no learning system', async () => {
    session = { ...session, problem: { code: 'lms-not-found', detail: 'packaged for scorm12' } };
    const { container } = renderUi(<ReportingBanner />, { i18n: testI18n('cy') });
    expect(
      await screen.findByText(/nid oedd y copi hwn o'r cwrs yn gallu dod o hyd i'ch system rheoli dysgu/),
    ).toBeInTheDocument();
    await expectAccessible(container);
  });

  it('offers "Save and exit" when a learning system opened the course, and says plainly when the session has ended', async () => {
    const lms = Object.assign(Object.create(reporter) as typeof reporter, { external: true });
    session = { reporter: lms, launch: { mode: 'normal' }, resumeProblems: [] };
    const { container } = renderUi(<ReportingBanner />);
    await userEvent.click(await screen.findByRole('button', { name: 'Save and exit' }));
    expect(finish).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(/this session has ended. You can close this window/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save and exit' })).toBeNull();
    await expectAccessible(container);
  });

  it('keeps the learner on the course, with their progress, when the learning system will not end the session', async () => {
    finish.mockImplementationOnce(() => Promise.reject(new Error('LMSFinish returned false')));
    const { container } = renderUi(<ReportingBanner />);
    await userEvent.click(await screen.findByRole('button', { name: 'Save and exit' }));
    expect(
      await screen.findByText(/did not end the session. Your progress is kept in this browser/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save and exit' })).toBeEnabled();
    await expectAccessible(container);
  });

  it("opens in the learner's preferred language from their learning system, once per visit", async () => {
    sessionStorage.clear();
    session = {
      reporter,
      launch: { mode: 'normal', languagePreference: ['fr-FR', 'cy-GB', 'en-GB'] },
      resumeProblems: [],
    };
    const i18n = testI18n('en-GB');
    renderUi(<ReportingBanner />, { i18n });
    await waitFor(() => expect(i18n.language).toBe('cy'));
    // The learner switches back in the course; another page of the same visit leaves their choice alone.
    await i18n.changeLanguage('en-GB');
    renderUi(<ReportingBanner />, { i18n });
    await new Promise((r) => setTimeout(r, 50));
    expect(i18n.language).toBe('en-GB');
  });
});
