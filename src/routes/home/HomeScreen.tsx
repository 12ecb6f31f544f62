import { use } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { homeContent } from '../../content';
import { PageHeading } from '../../components/layout/PageHeading';
import { SupportList } from '../../components/layout/SupportList';
import { ScenarioCard } from '../../components/course/ScenarioCard';
import { lastUnfinished, useProgress } from '../../store/progress';
import { completedCount, scenarioStatus } from '../course-status';
import { StorageNotice } from '../storage-notice';

/** The course home: progress, continue, the introduction, the call-outs and support. */
export function HomeScreen() {
  const { t, i18n } = useTranslation('home');
  const { course, scenarios } = use(homeContent(i18n.language));
  const attempts = useProgress((s) => s.attempts);
  const hydrated = useProgress((s) => s.hydrated);
  const resume = hydrated ? lastUnfinished(attempts) : undefined;
  const resumeMeta = resume && scenarios.find((s) => s.id === resume.scenarioId);
  const done = completedCount(attempts, course.scenarios);
  const total = course.scenarios.length;

  return (
    <>
      <PageHeading title={course.title}>{course.title}</PageHeading>
      <p className="lead">{course.summary}</p>
      <StorageNotice />

      {resumeMeta ? (
        <div className="panel panel--continue">
          <h2 className="heading-m">{t('continue.heading')}</h2>
          <p>{t('continue.body', { title: resumeMeta.title })}</p>
          <Link className="button" to={`/scenario/${resumeMeta.id}/play`}>
            {t('continue.button')}
          </Link>
        </div>
      ) : null}

      <section aria-labelledby="progress-heading" className="section">
        <h2 id="progress-heading" className="heading-m">
          {t('progress.heading')}
        </h2>
        <p>{hydrated ? t('progress.count', { done, total, count: total }) : t('progress.loading')}</p>
        <div className="progress-bar" aria-hidden="true">
          <div className="progress-bar__fill" style={{ width: `${total ? (done / total) * 100 : 0}%` }} />
        </div>
        {hydrated && done === total && total > 0 ? (
          <p>
            <Link to="/certificate">{t('progress.certificate')}</Link>
          </p>
        ) : (
          <p className="hint">{t('progress.certificateHint')}</p>
        )}
      </section>

      <div className="content-note" role="note" aria-labelledby="course-note">
        <h2 id="course-note" className="content-note__heading">
          {t('contentNote.heading')}
        </h2>
        <p>{t('contentNote.body')}</p>
      </div>

      {course.pages.length ? (
        <section aria-labelledby="intro-heading" className="section">
          <h2 id="intro-heading" className="heading-m">
            {t('introduction.heading')}
          </h2>
          <ol className="page-list">
            {course.pages.map((p) => (
              <li key={p.id}>
                <Link to={`/introduction/${p.id}`}>{p.title}</Link>
                {p.optional ? <span className="hint"> {t('introduction.optional')}</span> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="callouts-heading" className="section">
        <h2 id="callouts-heading" className="heading-m">
          {t('callouts.heading')}
        </h2>
        <p>{t('callouts.intro')}</p>
        <ol className="scenario-list">
          {scenarios.map((s) => (
            <ScenarioCard
              key={s.id}
              href={`/scenario/${s.id}`}
              title={s.title}
              summary={s.summary}
              estimatedMinutes={s.estimatedMinutes}
              role={s.role}
              contentNotes={s.contentNotes}
              status={hydrated ? scenarioStatus(attempts, s.id, course.scoring) : 'not-started'}
              casePart={
                s.case
                  ? t('callouts.casePart', { caseTitle: course.cases.find((c) => c.id === s.case!.id)?.title ?? s.case.title, part: s.case.part, parts: s.case.parts.length })
                  : undefined
              }
            />
          ))}
        </ol>
      </section>

      <p className="classroom-link">
        <Link to="/facilitator">{t('classroom.link')}</Link> <span className="hint">{t('classroom.hint')}</span>
      </p>

      <SupportList entries={course.support} />
    </>
  );
}
