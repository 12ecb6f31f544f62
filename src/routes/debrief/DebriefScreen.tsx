import { use, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { resumeRun, scoreLog, startRun } from '../../engine';
import { FAILINGS } from '../../engine/types';
import { hasScenario, homeContent, referencesContent } from '../../content';
import { PageHeading } from '../../components/layout/PageHeading';
import { Loading } from '../../components/layout/Spinner';
import { Markdown } from '../../components/markdown/Markdown';
import { SupportList } from '../../components/layout/SupportList';
import { FailingChart } from '../../components/debrief/FailingChart';
import { DecisionReview } from '../../components/debrief/DecisionReview';
import { useProgress, type AttemptRecord } from '../../store/progress';
import { caseFileFor, courseIndex, useScenario } from '../scenario-data';
import { NotFoundScreen } from '../not-found';
import { offeredAt, reviewDecisions } from './review';
import { formatDate } from '../format';

export function DebriefScreen() {
  const { scenarioId = '', attemptId = '' } = useParams();
  const hydrated = useProgress((s) => s.hydrated);
  const record = useProgress((s) => s.attempts[attemptId]);
  if (!hasScenario(scenarioId)) return <NotFoundScreen />;
  if (!hydrated) return <Loading />;
  if (!record || record.scenarioId !== scenarioId) return <NotFoundScreen />;
  return <Debrief scenarioId={scenarioId} record={record} />;
}

function Debrief({ scenarioId, record }: { scenarioId: string; record: AttemptRecord }) {
  const { t, i18n } = useTranslation(['debrief', 'failings']);
  const navigate = useNavigate();
  const { compiled, meta } = useScenario(scenarioId);
  const refs = use(referencesContent());
  const { course } = use(homeContent(i18n.language));
  const attempts = useProgress((s) => s.attempts);
  const begin = useProgress((s) => s.begin);
  const scenario = compiled.scenario;
  const replay = useMemo(() => resumeRun(compiled, record.snapshot), [compiled, record.snapshot]);
  const view = replay.ok ? replay.run.view() : undefined;
  const endingScene = view?.status === 'ended' ? view.scene.scene : undefined;
  const score = scoreLog(record.log, course.scoring);
  const rows = FAILINGS.map((f) => ({ failing: f, name: t(`failings:${f}.name`), ...score.failings[f] }));
  const decisions = reviewDecisions(compiled, record.log, refs, t, offeredAt(compiled, record.snapshot));
  const pct = (r: number | null) => (r === null ? '–' : `${Math.round(r * 100)}%`);

  const tryAgain = () => {
    const source = caseFileFor(compiled, meta, attempts);
    // Another attempt in the same mode; the briefing offers the other.
    const run = startRun(compiled, { caseFile: source.caseFile, now: () => new Date().toISOString(), mode: record.snapshot.mode });
    begin({ scenarioId, courseVersion: courseIndex.version, snapshot: run.snapshot(), sceneId: run.sceneId, ...(source.kind === 'carried' ? { carriedFrom: source.from.id } : {}) });
    navigate(`/scenario/${scenarioId}/play`);
  };

  return (
    <div className="debrief">
      <nav aria-label={t('breadcrumb')} className="breadcrumbs">
        <Link to="/">{course.title}</Link> <span aria-hidden="true">›</span> <Link to={`/scenario/${scenarioId}`}>{scenario.title}</Link>
      </nav>
      <PageHeading title={`${t('title', { title: scenario.title })} – ${course.title}`} caption={t('caption', { date: formatDate(record.finishedAt ?? record.updatedAt, i18n.language) })}>
        {t('title', { title: scenario.title })}
      </PageHeading>
      {record.status !== 'completed' ? <p className="notice notice--warning">{t('unfinished')}</p> : null}
      {record.snapshot.mode === 'practice' ? <p className="notice notice--info">{t('practice')}</p> : null}

      <div className={`result result--${score.outcome}`}>
        <h2 className="heading-m">{t(`outcome.${score.outcome}`)}</h2>
        <p>{t('overall', { score: pct(score.overall.ratio), earned: score.overall.earned, best: score.overall.best })}</p>
        <p>{t('critical', { count: score.critical.length })}</p>
        <p className="hint">{t('outcomeRule', { overall: pct(course.scoring.competent.overall), met: pct(course.scoring.failingMet) })}</p>
      </div>

      {endingScene?.ending ? (
        <section aria-labelledby="ending-heading" className="section">
          <h2 id="ending-heading" className="heading-m">
            {t('ending', { title: endingScene.title })}
          </h2>
          <Markdown text={endingScene.ending.debrief} className="prose" />
        </section>
      ) : null}
      {!replay.ok ? <p className="notice">{t('changed')}</p> : null}

      <section aria-labelledby="failings-heading" className="section">
        <h2 id="failings-heading" className="heading-m">
          {t('failingsHeading')}
        </h2>
        <FailingChart rows={rows} threshold={course.scoring.failingMet} caption={t('chart.caption')} />
      </section>

      {view?.consequences.length ? (
        <section aria-labelledby="consequences-heading" className="section">
          <h2 id="consequences-heading" className="heading-m">
            {t('consequences')}
          </h2>
          <ul className="consequences">
            {view.consequences.map((c) => (
              <li key={c.id}>
                <h3 className="heading-s">{c.title}</h3>
                <Markdown text={c.text} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="decisions-heading" className="section">
        <h2 id="decisions-heading" className="heading-m">
          {t('decisions')}
        </h2>
        <ol className="decision-list">
          {decisions.map((d) => (
            <DecisionReview key={d.seq} d={d} />
          ))}
        </ol>
      </section>

      <div className="button-group section">
        <button type="button" className="button" onClick={tryAgain}>
          {t('tryAgain')}
        </button>
        <Link className="button button--secondary" to="/">
          {t('backToCourse')}
        </Link>
      </div>
      <p className="hint">{t('tryAgainHint')}</p>

      <SupportList entries={course.support} />
    </div>
  );
}
