import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { startRun, type AttemptMode } from '../../engine';
import { use } from 'react';
import { hasScenario, homeContent } from '../../content';
import { PageHeading } from '../../components/layout/PageHeading';
import { ContentNotes } from '../../components/layout/ContentNotes';
import { Markdown } from '../../components/markdown/Markdown';
import { activeAttempt, attemptsAt, useProgress } from '../../store/progress';
import { caseFileFor, courseIndex, useScenario } from '../scenario-data';
import { NotFoundScreen } from '../not-found';
import { RefusalNotice } from './RefusalNotice';
import { StorageNotice } from '../storage-notice';
import { formatDate } from '../format';

export function BriefingScreen() {
  const { scenarioId = '' } = useParams();
  if (!hasScenario(scenarioId)) return <NotFoundScreen />;
  return <Briefing scenarioId={scenarioId} />;
}

function Briefing({ scenarioId }: { scenarioId: string }) {
  const { t, i18n } = useTranslation('briefing');
  const navigate = useNavigate();
  const { compiled, meta } = useScenario(scenarioId);
  const { course, scenarios } = use(homeContent(i18n.language));
  const attempts = useProgress((s) => s.attempts);
  const hydrated = useProgress((s) => s.hydrated);
  const begin = useProgress((s) => s.begin);
  const [starting, setStarting] = useState(false);
  const [mode, setMode] = useState<AttemptMode>('assessed');
  const modeId = useId();
  const scenario = compiled.scenario;
  const active = activeAttempt(attempts, scenarioId);
  const all = attemptsAt(attempts, scenarioId);
  const refused = all.find((a) => a.status === 'cannot-resume');
  const latestRefusedIsNewest = refused && all[0]?.id === refused.id;
  const completed = all.filter((a) => a.status === 'completed');
  const source = caseFileFor(compiled, meta, attempts);
  const previousTitle = (id: string) => scenarios.find((s) => s.id === id)?.title ?? id;

  const start = () => {
    setStarting(true);
    const run = startRun(compiled, { caseFile: source.caseFile, now: () => new Date().toISOString(), mode });
    begin({
      scenarioId,
      courseVersion: courseIndex.version,
      snapshot: run.snapshot(),
      sceneId: run.sceneId,
      ...(source.kind === 'carried' ? { carriedFrom: source.from.id } : {}),
    });
    navigate(`/scenario/${scenarioId}/play`);
  };

  return (
    <div className="narrow">
      <nav aria-label={t('breadcrumb')} className="breadcrumbs">
        <Link to="/">{course.title}</Link>
      </nav>
      <PageHeading
        title={`${scenario.title} – ${course.title}`}
        caption={meta.case ? t('casePart', { caseTitle: course.cases.find((c) => c.id === meta.case!.id)?.title ?? meta.case.title, part: meta.case.part, parts: meta.case.parts.length }) : t('caption')}
      >
        {scenario.title}
      </PageHeading>
      <p className="lead">{scenario.summary}</p>
      <StorageNotice />
      <dl className="summary-list">
        <div>
          <dt>{t('role')}</dt>
          <dd>{scenario.role}</dd>
        </div>
        <div>
          <dt>{t('time')}</dt>
          <dd>{t('minutes', { count: scenario.estimatedMinutes })}</dd>
        </div>
      </dl>
      <ContentNotes notes={scenario.contentNotes ?? []} headingId="scenario-note" />

      {scenario.learningOutcomes?.length ? (
        <section aria-labelledby="outcomes-heading">
          <h2 id="outcomes-heading" className="heading-m">
            {t('outcomes')}
          </h2>
          <ul className="list list--bullet">
            {scenario.learningOutcomes.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {source.kind === 'carried' ? (
        <div className="notice">
          <h2 className="heading-s">{t('caseFile.heading')}</h2>
          <p>{t('caseFile.carried', { title: previousTitle(source.previousId), date: formatDate(source.from.finishedAt ?? source.from.updatedAt, i18n.language) })}</p>
        </div>
      ) : null}
      {source.kind === 'default' ? (
        <div className="notice notice--info">
          <h2 className="heading-s">{t('caseFile.heading')}</h2>
          <p>{t('caseFile.default', { title: previousTitle(source.previousId) })}</p>
          <Markdown text={source.description} />
        </div>
      ) : null}

      {refused && latestRefusedIsNewest ? <RefusalNotice attempt={refused} /> : null}

      <h2 className="heading-m">{t('ready')}</h2>
      <p>{t('noTimeLimit')}</p>
      <fieldset className="fieldset" aria-describedby={`${modeId}-hint`}>
        <legend className="fieldset__legend heading-s">{t('mode.legend')}</legend>
        <p className="hint" id={`${modeId}-hint`}>
          {t('mode.hint')}
        </p>
        <div className="radios">
          {(['assessed', 'practice'] as const).map((m) => (
            <div className="radios__item" key={m}>
              <input className="radios__input" type="radio" id={`${modeId}-${m}`} name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} aria-describedby={`${modeId}-${m}-hint`} />
              <div>
                <label className="radios__label" htmlFor={`${modeId}-${m}`}>
                  {t(`mode.${m}.label`)}
                </label>
                <p className="hint" id={`${modeId}-${m}-hint`}>
                  {t(`mode.${m}.hint`)}
                </p>
              </div>
            </div>
          ))}
        </div>
      </fieldset>
      {!hydrated ? (
        <p role="status">{t('loadingProgress')}</p>
      ) : active ? (
        <div className="button-group">
          <p className="full">{t('unfinished', { date: formatDate(active.updatedAt, i18n.language) })}</p>
          <Link className="button" to={`/scenario/${scenarioId}/play`}>
            {t('continue')}
          </Link>
          <button type="button" className="button button--secondary" onClick={start} disabled={starting}>
            {t('startAgain')}
          </button>
          <p className="hint full">{t('startAgainHint')}</p>
        </div>
      ) : (
        <button type="button" className="button" onClick={start} disabled={starting}>
          {completed.length ? t('tryAgain') : t('start')}
        </button>
      )}

      {completed.length ? (
        <section aria-labelledby="past-heading" className="section">
          <h2 id="past-heading" className="heading-m">
            {t('past.heading')}
          </h2>
          <ul className="list">
            {completed.map((a) => (
              <li key={a.id}>
                <Link to={`/scenario/${scenarioId}/debrief/${a.id}`}>{t(a.snapshot.mode === 'practice' ? 'past.practice' : 'past.item', { date: formatDate(a.finishedAt ?? a.updatedAt, i18n.language) })}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
