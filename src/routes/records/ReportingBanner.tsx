/**
 * The small banner that tells the learner when their results cannot reach their learning system (or this
 * browser), that nothing is lost, and what to do. It renders nothing while all is well. The app shell shows
 * it on every screen; it also starts reporting once per page.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyLanguagePreference } from '../../i18n/setup';
import type { ReportingStatus } from '../../reporting';
import { finishLmsSession, launchReporting, lmsSessionEnded, type ReportingLaunch } from './reporting-bridge';

export function ReportingBanner() {
  const { t, i18n } = useTranslation('records');
  const [session, setSession] = useState<ReportingLaunch | undefined>();
  const [status, setStatus] = useState<ReportingStatus>({ state: 'idle' });
  const [exit, setExit] = useState<'open' | 'busy' | 'done' | 'failed'>(lmsSessionEnded() ? 'done' : 'open');

  useEffect(() => {
    let stop: (() => void) | undefined;
    let live = true;
    void launchReporting().then((s) => {
      if (!live) return;
      setSession(s);
      applyLanguagePreference(i18n, s.launch.languagePreference);
      setStatus(s.reporter.status());
      stop = s.reporter.subscribe(setStatus);
    });
    return () => {
      live = false;
      stop?.();
    };
  }, [i18n]);

  if (!session) return null;
  const lms = session.reporter.external;
  const messages: { key: string; text: string; detail?: string; retry?: boolean }[] = [];
  if (session.problem)
    messages.push({
      key: 'launch',
      text: session.problem.code === 'lms-not-found' ? t('banner.lmsNotFound') : t('banner.lmsRefused'),
      detail: `${session.problem.code}: ${session.problem.detail}`,
    });
  if (status.state === 'retrying')
    messages.push({
      key: 'retry',
      text: lms ? t('banner.lmsRetrying') : t('banner.storageRetrying'),
      detail: `${status.code}: ${status.detail}`,
      retry: true,
    });
  if (status.state === 'offline')
    messages.push({ key: 'offline', text: t('banner.lmsGone'), detail: `${status.code}: ${status.detail}` });
  if (session.resumeProblems.length)
    messages.push({
      key: 'resume',
      text: t('banner.resumeProblems', { count: session.resumeProblems.length }),
      detail: session.resumeProblems.join('\n'),
    });

  const saveAndExit = () => {
    setExit('busy');
    finishLmsSession().then(
      ({ returnUrl }) => {
        setExit('done');
        if (returnUrl) window.location.assign(returnUrl);
      },
      () => setExit('failed'),
    );
  };

  return (
    <div role="status" aria-live="polite" className="reporting-banner-region">
      {lms && !session.problem ? (
        <div className="lms-exit">
          {exit === 'done' ? (
            <p className="notice">{t('exit.done')}</p>
          ) : (
            <p className="lms-exit__bar">
              <span className="hint">{t('exit.launched')}</span>{' '}
              <button
                type="button"
                className="button button--secondary"
                onClick={saveAndExit}
                disabled={exit === 'busy'}
              >
                {t('exit.button')}
              </button>
            </p>
          )}
          {exit === 'failed' ? <p className="notice notice--warning">{t('exit.failed')}</p> : null}
        </div>
      ) : null}
      {messages.map((m) => (
        <div key={m.key} className="notice notice--warning reporting-banner">
          <p>
            <strong>{t('banner.heading')}</strong> {m.text}
          </p>
          {m.retry ? (
            <button type="button" className="button button--secondary" onClick={() => session.reporter.retryNow()}>
              {t('banner.retryNow')}
            </button>
          ) : null}
          {m.detail ? (
            <details>
              <summary>{t('banner.details')}</summary>
              <p className="hint">{m.detail}</p>
            </details>
          ) : null}
        </div>
      ))}
    </div>
  );
}
