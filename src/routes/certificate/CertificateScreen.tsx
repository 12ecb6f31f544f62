import { use, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FAILINGS } from '../../engine/types';
import { courseIndex, homeContent } from '../../content';
import { PageHeading } from '../../components/layout/PageHeading';
import { Loading } from '../../components/layout/Spinner';
import { SupportList } from '../../components/layout/SupportList';
import { useProgress } from '../../store/progress';
import { usePreferences } from '../../store/preferences';
import { courseResult } from '../course-status';
import { formatDay } from '../format';
import { verificationCode } from './verification';

/** The end of the course: the overall result and a printable certificate. */
export function CertificateScreen() {
  const { t, i18n } = useTranslation(['certificate', 'failings']);
  const { course, scenarios } = use(homeContent(i18n.language));
  const hydrated = useProgress((s) => s.hydrated);
  const attempts = useProgress((s) => s.attempts);
  const name = usePreferences((s) => s.certificateName);
  const setName = usePreferences((s) => s.setCertificateName);
  const nameId = useId();
  if (!hydrated) return <Loading />;
  const result = courseResult(attempts, course.scenarios, course.scoring);
  const pct = (r: number | null) => (r === null ? '–' : `${Math.round(r * 100)}%`);

  if (!result) {
    const remaining = scenarios.filter((s) => !course.scenarios.includes(s.id) || !Object.values(attempts).some((a) => a.scenarioId === s.id && a.status === 'completed'));
    return (
      <div className="narrow">
        <PageHeading title={`${t('notYet.heading')} – ${course.title}`}>{t('notYet.heading')}</PageHeading>
        <p>{t('notYet.body', { count: remaining.length })}</p>
        <ul className="list list--bullet">
          {remaining.map((s) => (
            <li key={s.id}>
              <Link to={`/scenario/${s.id}`}>{s.title}</Link>
            </li>
          ))}
        </ul>
        <SupportList entries={course.support} />
      </div>
    );
  }

  const { score } = result;
  const finished = result.attempts.map((a) => a.finishedAt ?? a.updatedAt).sort().at(-1)!;
  const code = verificationCode(courseIndex.id, courseIndex.version, result.attempts);
  return (
    <>
      <div className="no-print narrow">
        <PageHeading title={`${t('heading')} – ${course.title}`}>{t('heading')}</PageHeading>
        <p className="lead">{t(`result.${score.outcome}`)}</p>
        <div className="form-group">
          <label className="label heading-s" htmlFor={nameId}>
            {t('name.label')}
          </label>
          <p className="hint" id={`${nameId}-hint`}>
            {t('name.hint')}
          </p>
          <input id={nameId} className="input" type="text" autoComplete="name" value={name} aria-describedby={`${nameId}-hint`} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('print')}
        </button>
      </div>

      <section className="certificate" aria-labelledby="certificate-title">
        <p className="certificate__course">{course.title}</p>
        <h2 id="certificate-title" className="certificate__title">
          {t('title')}
        </h2>
        <p className="certificate__statement">{t('statement')}</p>
        <p className="certificate__name">{name.trim() || t('name.missing')}</p>
        <p className="certificate__statement">{t('completed', { course: course.title })}</p>
        <p className="certificate__outcome">
          <strong>{t(`outcome.${score.outcome}`)}</strong>
        </p>
        <table className="table certificate__table">
          <caption>{t('scores')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('failings:heading')}</th>
              <th scope="col" className="num">
                {t('score')}
              </th>
              <th scope="col">{t('met')}</th>
            </tr>
          </thead>
          <tbody>
            {FAILINGS.map((f) => (
              <tr key={f}>
                <th scope="row">
                  {f} {t(`failings:${f}.name`)}
                </th>
                <td className="num">{pct(score.failings[f].ratio)}</td>
                <td>{score.failings[f].met === null ? t('notAssessed') : score.failings[f].met ? t('yes') : t('no')}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('overall')}</th>
              <td className="num">{pct(score.overall.ratio)}</td>
              <td>{t('critical', { count: score.critical.length })}</td>
            </tr>
          </tbody>
        </table>
        <dl className="certificate__facts">
          <div>
            <dt>{t('date')}</dt>
            <dd>{formatDay(finished, i18n.language)}</dd>
          </div>
          <div>
            <dt>{t('version')}</dt>
            <dd>{courseIndex.version}</dd>
          </div>
          <div>
            <dt>{t('code')}</dt>
            <dd className="certificate__code">{code}</dd>
          </div>
        </dl>
        <p className="certificate__note">{t('note')}</p>
      </section>

      <div className="no-print">
        <SupportList entries={course.support} />
      </div>
    </>
  );
}
