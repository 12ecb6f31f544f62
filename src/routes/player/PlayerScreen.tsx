import { use, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { carryCaseFile, formatClock, resumeRun, type CompiledScenario } from '../../engine';
import { hasScenario, referencesContent, type ScenarioMeta } from '../../content';
import { PageHeading } from '../../components/layout/PageHeading';
import { Loading } from '../../components/layout/Spinner';
import { DecisionForm, type Draft } from '../../components/player/DecisionForm';
import { CaseFilePanel } from '../../components/player/CaseFilePanel';
import { Outcome, SceneBody } from '../../components/player/SceneBody';
import { DecisionReview, type ReviewedDecision } from '../../components/debrief/DecisionReview';
import { offeredNow, reviewDecisions } from '../debrief/review';
import { activeAttempt, useProgress, type AttemptRecord } from '../../store/progress';
import { useScenario } from '../scenario-data';
import { NotFoundScreen } from '../not-found';
import { lastOutcome, searchResults } from './outcome';
import { reportAttemptEnded, reportAttemptStarted, reportDecision, reportProgress } from '../records/reporting-bridge';

export function PlayerScreen() {
  const { scenarioId = '' } = useParams();
  if (!hasScenario(scenarioId)) return <NotFoundScreen />;
  return <PlayerLoader scenarioId={scenarioId} />;
}

function PlayerLoader({ scenarioId }: { scenarioId: string }) {
  const { compiled, meta } = useScenario(scenarioId);
  const hydrated = useProgress((s) => s.hydrated);
  if (!hydrated) return <Loading />;
  return <PinnedPlayer compiled={compiled} meta={meta} scenarioId={scenarioId} />;
}

function PinnedPlayer({ compiled, meta, scenarioId }: { compiled: CompiledScenario; meta: ScenarioMeta; scenarioId: string }) {
  // The attempt is fixed when the player opens, so finishing it does not send the learner away.
  const [attemptId] = useState(() => activeAttempt(useProgress.getState().attempts, scenarioId)?.id);
  const record = useProgress((s) => (attemptId ? s.attempts[attemptId] : undefined));
  if (!record) return <Navigate to={`/scenario/${scenarioId}`} replace />;
  return <Player key={record.id} compiled={compiled} meta={meta} record={record} />;
}

const now = () => new Date().toISOString();

function Player({ compiled, meta, record }: { compiled: CompiledScenario; meta: ScenarioMeta; record: AttemptRecord }) {
  const { t } = useTranslation('player');
  const { t: td } = useTranslation(['debrief', 'failings']);
  const refs = use(referencesContent());
  const navigate = useNavigate();
  const save = useProgress((s) => s.save);
  const refuse = useProgress((s) => s.refuse);
  const scenario = compiled.scenario;
  // Replay the saved decisions once; a refusal is recorded and explained on the briefing.
  const [resumed] = useState(() => resumeRun(compiled, record.snapshot, { now }));
  const [view, setView] = useState(() => (resumed.ok ? resumed.run.view() : undefined));
  const [announcement, setAnnouncement] = useState(() => (resumed.ok && resumed.migrated ? t('migrated') : ''));
  const [problem, setProblem] = useState<string | undefined>();
  const [openedAt] = useState(() => (resumed.ok ? resumed.run.context.log.length : 0));
  // When the current scene was shown, for the decision's latency in the LMS report.
  const [shownAt, setShownAt] = useState(() => Date.now());
  // Practice mode: how the last decision scored, shown until the learner moves on.
  const [practice, setPractice] = useState<ReviewedDecision | undefined>();

  useEffect(() => {
    if (!resumed.ok) {
      refuse(record.id, resumed.refusal);
      navigate(`/scenario/${scenario.id}`, { replace: true });
    } else if (resumed.migrated) {
      const run = resumed.run;
      save(record.id, { snapshot: run.snapshot(), log: run.context.log, sceneId: run.sceneId, migratedFrom: record.snapshot.scenarioVersion });
    }
    if (resumed.ok && resumed.run.context.log.length === 0) reportAttemptStarted(record.id);
    // Only on opening the attempt.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (!resumed.ok || !view) return <Loading />;
  const run = resumed.run;
  const scene = view.scene.scene;
  const kind = view.scene.kind;
  const clock = formatClock(view.clock);
  const clockText = clock.day ? t('clock.day', { time: clock.time, day: clock.day + 1 }) : clock.time;

  const persist = () => {
    const v = run.view();
    save(record.id, {
      snapshot: run.snapshot(),
      log: run.context.log,
      sceneId: run.sceneId,
      ...(v.status === 'ended' ? { ending: run.context.ending, caseFileOut: carryCaseFile(run.context) } : {}),
    });
    const before = view.caseFile;
    const newFacts = v.caseFile.facts.length - before.facts.length;
    const newExhibits = v.caseFile.exhibits.length - before.exhibits.length;
    setView(v);
    setShownAt(Date.now());
    setAnnouncement(
      [t('announce.scene', { title: v.scene.scene.title }), newFacts > 0 ? t('announce.facts', { count: newFacts }) : '', newExhibits > 0 ? t('announce.exhibits', { count: newExhibits }) : '']
        .filter(Boolean)
        .join(' '),
    );
  };

  const commit = (draft: Draft) => {
    const offered = run.mode === 'practice' ? offeredNow(scene, run) : undefined;
    const res = run.decide({ sceneId: scene.id, ...draft });
    if (!res.ok) {
      setProblem(res.error.message);
      return;
    }
    setProblem(undefined);
    const entry = run.context.log[run.context.log.length - 1];
    setPractice(offered && entry ? reviewDecisions(compiled, [entry], refs, td, new Map([[entry.seq, offered]]))[0] : undefined);
    persist();
    reportDecision(record.id, Date.now() - shownAt);
    if (run.ended) reportAttemptEnded(record.id);
  };

  const proceed = () => {
    setPractice(undefined);
    const res = run.continue();
    if (!res.ok) return;
    persist();
    if (run.ended) reportAttemptEnded(record.id);
    else reportProgress(record.id);
  };

  const validate = (draft: Draft) => {
    const checked = run.check({ sceneId: scene.id, ...draft });
    return checked.ok ? undefined : checked.error;
  };

  const outcome = lastOutcome(compiled, run, t);
  const interaction = scene.choice ?? scene.actions ?? scene.record ?? scene.search ?? scene.review;
  const prompt = interaction && 'prompt' in interaction ? interaction.prompt : '';

  return (
    <div className="player">
      <div className="player__bar">
        <p className="player__where">
          <span className="caption">{meta.case ? t('casePart', { part: meta.case.part, parts: meta.case.parts.length, title: scenario.title }) : scenario.title}</span>
          {run.mode === 'practice' ? <strong className="tag tag--practice"> {t('practice.tag')}</strong> : null}
        </p>
        <dl className="player__status">
          <div>
            <dt>{t('clock.label')}</dt>
            <dd>
              <time>{clockText}</time> <span className="hint">{t('clock.note')}</span>
            </dd>
          </div>
          <div>
            <dt>{t('progress.label')}</dt>
            <dd>{t('progress.decisions', { count: view.log.length })}</dd>
          </div>
        </dl>
        <Link to="/" className="player__leave">
          {t('leave')}
        </Link>
      </div>
      <div className="visually-hidden" aria-live="polite" role="status">
        {announcement}
      </div>
      <div className="player__grid">
        <div className="player__scene">
          <PageHeading title={`${scene.title} – ${scenario.title}`} className="heading-l" focusKey={`${scene.id}:${view.log.length}`}>
            {scene.title}
          </PageHeading>
          {resumed.migrated && view.log.length === openedAt ? <p className="notice notice--info">{t('migrated')}</p> : null}
          {practice ? (
            <section className="panel panel--practice" aria-labelledby="practice-heading">
              <h2 id="practice-heading" className="heading-m">
                {t('practice.heading')}
              </h2>
              <DecisionReview d={practice} as="div" />
            </section>
          ) : null}
          {outcome ? <Outcome heading={outcome.heading} lines={outcome.lines} /> : null}
          <SceneBody text={scene.text} blocks={view.scene.blocks} />
          {problem ? (
            <div className="error-summary" role="alert">
              <p>{t('commitFailed', { detail: problem })}</p>
            </div>
          ) : null}
          {kind === 'narrative' ? (
            <button type="button" className="button" onClick={proceed}>
              {t('continue')}
            </button>
          ) : kind === 'ending' ? (
            <div className="panel panel--ended">
              <h2 className="heading-m">{t('ended.heading')}</h2>
              <p>{t('ended.body')}</p>
              {run.mode === 'practice' ? <p>{t('practice.endedBody')}</p> : null}
              <Link className="button" to={`/scenario/${scenario.id}/debrief/${record.id}`}>
                {t('ended.debrief')}
              </Link>
            </div>
          ) : (
            <DecisionForm
              key={`${scene.id}:${view.log.length}`}
              kind={kind}
              prompt={prompt}
              items={view.scene.items}
              verdicts={view.scene.verdicts}
              document={scene.review?.document}
              budget={run.budget()}
              rationale={view.scene.rationale}
              rationalePrompt={interaction && 'rationalePrompt' in interaction ? interaction.rationalePrompt : undefined}
              validate={validate}
              onCommit={commit}
            />
          )}
        </div>
        <aside className="player__case-file">
          <CaseFilePanel
            caseFile={view.caseFile}
            searches={searchResults(compiled, view)}
            formatTime={(f) => (f.scenarioId === scenario.id ? formatClock(f.clock).time : undefined)}
          />
        </aside>
      </div>
    </div>
  );
}
