/**
 * "My records": every finished attempt with its scores, the course certificate when earned, and exports as
 * CSV and JSON. Everything here comes from this browser; the page says what leaves it and when.
 */
import { use, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { homeContent } from '../../content';
import { PageHeading } from '../../components/layout/PageHeading';
import { Loading } from '../../components/layout/Spinner';
import { FAILINGS } from '../../engine/types';
import { exportRecords, recordsCsv } from '../../reporting/export';
import { useProgress } from '../../store/progress';
import { courseResult } from '../course-status';
import { certifiedRecords, verificationCode } from '../certificate/verification';
import { download, recordsFromAttempts } from './records-data';
import { launchReporting } from './reporting-bridge';
import { ScrollRegion } from './ScrollRegion';

export function RecordsScreen() {
  const { t, i18n } = useTranslation(['records', 'failings']);
  const { course, scenarios } = use(homeContent(i18n.language));
  const hydrated = useProgress((s) => s.hydrated);
  const attempts = useProgress((s) => s.attempts);
  const [learner, setLearner] = useState('');
  const nameId = useId();
  // Whether an LMS/LRS launched the module (then the privacy note says what it receives).
  const [lms, setLms] = useState(false);
  useEffect(() => {
    let live = true;
    void launchReporting().then((s) => live && setLms(s.reporter.external));
    return () => {
      live = false;
    };
  }, []);
  if (!hydrated) return <Loading />;
  const titles = new Map(scenarios.map((s) => [s.id, s.title]));
  const records = recordsFromAttempts(attempts, titles, course);
  const result = courseResult(attempts, course.scenarios, course.scoring);
  const date = (iso: string) =>
    new Date(iso).toLocaleDateString(i18n.language, { day: 'numeric', month: 'long', year: 'numeric' });
  const pct = (n: number | null) => (n === null ? t('records:table.notAssessed') : `${n}%`);
  const stamp = new Date().toISOString().slice(0, 10);

  return (
    <>
      <PageHeading title={`${t('records:page.heading')} – ${course.title}`}>{t('records:page.heading')}</PageHeading>
      <div className="notice notice--info">
        <h2 className="heading-s">{t('records:privacy.heading')}</h2>
        <p>{lms ? t('records:privacy.lms') : t('records:privacy.local')}</p>
        <p>{t('records:privacy.never')}</p>
      </div>

      <h2 className="heading-m">{t('records:course.heading')}</h2>
      {result ? (
        <p>
          {t('records:course.done', { code: verificationCode(course.id, certifiedRecords(records, course.scenarios) ?? []) })}{' '}
          <Link to="/certificate">{t('records:course.certificate')}</Link>
        </p>
      ) : (
        <p>{t('records:course.notYet', { count: course.scenarios.length })}</p>
      )}

      <h2 className="heading-m">{t('records:table.heading')}</h2>
      {records.length === 0 ? (
        <p>{t('records:table.empty')}</p>
      ) : (
        <ScrollRegion label={t('records:table.caption')}>
          <table className="table">
            <caption className="visually-hidden">{t('records:table.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('records:table.scenario')}</th>
                <th scope="col">{t('records:table.finished')}</th>
                <th scope="col" className="num">
                  {t('records:table.overall')}
                </th>
                {FAILINGS.map((f) => (
                  <th scope="col" className="num" key={f}>
                    <abbr title={t(`failings:${f}.name`)}>{f}</abbr>
                  </th>
                ))}
                <th scope="col">{t('records:table.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <tr key={r.attemptId}>
                  <th scope="row">
                    <Link to={`/scenario/${r.scenarioId}/debrief/${r.attemptId}`}>
                      {titles.get(r.scenarioId) ?? r.scenarioTitle}
                    </Link>
                  </th>
                  <td>{date(r.endedAt)}</td>
                  <td className="num">{pct(r.overall)}</td>
                  {FAILINGS.map((f) => (
                    <td className="num" key={f}>
                      {pct(r.failings[f])}
                    </td>
                  ))}
                  <td>{r.mode === 'practice' ? t('records:outcome.practice') : t(`records:outcome.${r.outcome}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}

      <h2 className="heading-m">{t('records:export.heading')}</h2>
      <p>{t('records:export.intro')}</p>
      <div className="form-group">
        <label className="label" htmlFor={nameId}>
          {t('records:export.name')}
        </label>
        <p className="hint" id={`${nameId}-hint`}>
          {t('records:export.nameHint')}
        </p>
        <input
          id={nameId}
          aria-describedby={`${nameId}-hint`}
          className="input"
          type="text"
          autoComplete="name"
          value={learner}
          onChange={(e) => setLearner(e.target.value)}
        />
      </div>
      <div className="button-group">
        <button
          type="button"
          className="button"
          disabled={records.length === 0}
          onClick={() =>
            download(
              `callout-records-${stamp}.csv`,
              recordsCsv([...records].reverse(), learner.trim()),
              'text/csv;charset=utf-8',
            )
          }
        >
          {t('records:export.csv')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={records.length === 0}
          onClick={() =>
            download(
              `callout-records-${stamp}.json`,
              JSON.stringify(exportRecords([...records].reverse(), course.id, learner.trim()), null, 2),
              'application/json',
            )
          }
        >
          {t('records:export.json')}
        </button>
      </div>
      <p className="hint">{t('records:export.integrity')}</p>
      <p>
        <Link to="/supervisor-report">{t('records:export.supervisor')}</Link>
      </p>
    </>
  );
}
