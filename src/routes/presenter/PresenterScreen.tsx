import { use, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { CompiledScenario } from '../../engine';
import { hasScenario } from '../../content';
import { Loading } from '../../components/layout/Spinner';
import { PresenterStage, type StageContent } from '../../components/classroom/PresenterStage';
import {
  followSessions,
  newest,
  useSessionMirror,
  useSessions,
  useSessionStatus,
  type ClassroomSession,
} from '../../store/session';
import { syncChannel } from '../../store/session-sync';
import { useScenario } from '../scenario-data';
import { lastOutcome } from '../player/outcome';
import { clockText, lastDecisionReview, useSessionRun } from '../facilitator/session-run';
import { referencesContent } from '../../content';
import '../facilitator/classroom.css';

/**
 * The projector's view of a session: the scene and its options in large type, and what the facilitator
 * chooses to show (votes, injects, a pause). It never changes the session; it follows the console.
 */
export function PresenterScreen() {
  const { sessionId = '' } = useParams();
  const { t } = useTranslation('facilitator');
  const hydrated = useSessionStatus((s) => s.hydrated);
  const saved = useSessions((s) => s.sessions[sessionId]);
  const mirrored = useSessionMirror((s) => s.sessions[sessionId]);
  const session = newest(saved, mirrored);

  useEffect(() => {
    document.body.classList.add('presenter-mode');
    const stop = followSessions();
    syncChannel().post({ type: 'presenter.hello', sessionId });
    return () => {
      stop();
      document.body.classList.remove('presenter-mode');
    };
  }, [sessionId]);

  if (!session && !hydrated) return <Loading />;
  if (!session || !hasScenario(session.record.scenarioId))
    return (
      <div className="stage stage--message">
        <h1 className="stage__title">{t('presenter.missing.title')}</h1>
        <p>{t('presenter.missing.body')}</p>
      </div>
    );
  return <PresenterLoader session={session} />;
}

function PresenterLoader({ session }: { session: ClassroomSession }) {
  const { compiled } = useScenario(session.record.scenarioId);
  return <Presenter compiled={compiled} session={session} />;
}

function Presenter({ compiled, session }: { compiled: CompiledScenario; session: ClassroomSession }) {
  const { t } = useTranslation('facilitator');
  const { t: tPlayer } = useTranslation('player');
  const { t: tDebrief } = useTranslation(['debrief', 'failings']);
  const refs = use(referencesContent());
  const resumed = useSessionRun(compiled, session);
  const content = useMemo<StageContent | undefined>(() => {
    if (!resumed.ok) return undefined;
    const run = resumed.run;
    const view = run.view();
    const scene = view.scene.scene;
    const interaction = scene.choice ?? scene.actions ?? scene.record ?? scene.search ?? scene.review;
    const pending = session.pending?.sceneId === scene.id ? session.pending.votes : undefined;
    const decision = view.scene.kind !== 'narrative' && view.scene.kind !== 'ending';
    return {
      scenarioTitle: session.record.scenarioTitle,
      clockText: clockText(view.clock, (time, day) => tPlayer('clock.day', { time, day })),
      sceneTitle: scene.title,
      text: scene.text,
      blocks: view.scene.blocks,
      outcome: lastOutcome(compiled, run, tPlayer),
      ...(decision && interaction && 'prompt' in interaction ? { prompt: interaction.prompt } : {}),
      ...(decision && scene.review ? { document: scene.review.document } : {}),
      options: decision ? [...view.scene.items, ...view.scene.verdicts].map((i) => ({ id: i.id, text: i.text })) : [],
      ...(decision && session.presenter.votesShown && pending && !pending.skipped ? { votes: pending.counts } : {}),
      ...(session.presenter.inject ? { inject: session.presenter.inject } : {}),
      ...(session.presenter.feedbackShown
        ? (() => {
            const feedback = lastDecisionReview(compiled, session, run, refs, tDebrief);
            return feedback ? { feedback } : {};
          })()
        : {}),
      paused: session.presenter.paused,
      ended: view.status === 'ended',
    };
  }, [resumed, session, compiled, tPlayer, tDebrief, refs]);

  useEffect(() => {
    document.title = content
      ? `${content.paused ? t('presenter.paused') : content.sceneTitle} – ${t('presenter.title')}`
      : t('presenter.title');
  }, [content, t]);

  if (!content)
    return (
      <div className="stage stage--message">
        <h1 className="stage__title">{t('presenter.missing.title')}</h1>
        <p>{t('presenter.refused')}</p>
      </div>
    );
  return (
    <>
      <PresenterStage content={content} />
      <div className="visually-hidden" aria-live="polite" role="status">
        {content.paused ? t('presenter.paused') : content.sceneTitle}
      </div>
    </>
  );
}
