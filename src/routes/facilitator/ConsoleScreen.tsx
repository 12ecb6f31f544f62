import { use, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useHref, useParams } from 'react-router';
import { FAILINGS, type CompiledScenario, type Run } from '../../engine';
import { courseIndex, hasScenario, referencesContent } from '../../content';
import { PageHeading } from '../../components/layout/PageHeading';
import { Loading } from '../../components/layout/Spinner';
import { DecisionForm, type Draft } from '../../components/player/DecisionForm';
import { CaseFilePanel } from '../../components/player/CaseFilePanel';
import { Outcome, SceneBody } from '../../components/player/SceneBody';
import { Markdown } from '../../components/markdown/Markdown';
import { FailingChart } from '../../components/debrief/FailingChart';
import { VotePanel, type VoteOption } from '../../components/classroom/VotePanel';
import { OptionNotes } from '../../components/classroom/OptionNotes';
import { FacilitatorNotes } from '../../components/classroom/FacilitatorNotes';
import { InjectPanel, NoteForm } from '../../components/classroom/InjectPanel';
import { SessionLog } from '../../components/classroom/SessionLog';
import { useSessions, useSessionStatus, type ClassroomSession } from '../../store/session';
import { syncChannel } from '../../store/session-sync';
import { ManualVoteSource } from '../../store/session-votes';
import { exportFileName, exportSessionCsv, exportSessionJson } from '../../store/session-export';
import { useScenario } from '../scenario-data';
import { lastOutcome, searchResults } from '../player/outcome';
import { formatDate } from '../format';
import { clockText, itemText, lastDecisionReview, stepBackResult, stepResult, useSessionRun } from './session-run';
import { DecisionReview } from '../../components/debrief/DecisionReview';
import './classroom.css';

/** The facilitator console for one session. */
export function ConsoleScreen() {
  const { sessionId = '' } = useParams();
  const { t } = useTranslation('facilitator');
  const hydrated = useSessionStatus((s) => s.hydrated);
  const session = useSessions((s) => s.sessions[sessionId]);
  if (!hydrated) return <Loading />;
  if (!session)
    return (
      <>
        <PageHeading title={t('console.missing.title')}>{t('console.missing.title')}</PageHeading>
        <p>{t('console.missing.body')}</p>
        <p>
          <Link to="/facilitator">{t('console.missing.back')}</Link>
        </p>
      </>
    );
  if (!hasScenario(session.record.scenarioId))
    return (
      <>
        <PageHeading title={t('console.noScenario.title')}>{t('console.noScenario.title')}</PageHeading>
        <p>{t('console.noScenario.body', { id: session.record.scenarioId })}</p>
        <Exports session={session} itemText={(_s, i) => i} />
      </>
    );
  return <ConsoleLoader session={session} />;
}

function ConsoleLoader({ session }: { session: ClassroomSession }) {
  const { compiled } = useScenario(session.record.scenarioId);
  return <Console compiled={compiled} session={session} />;
}

function download(name: string, type: string, body: string) {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Exports({
  session,
  itemText: text,
}: {
  session: ClassroomSession;
  itemText(sceneId: string, itemId: string): string;
}) {
  const { t } = useTranslation('facilitator');
  const r = session.record;
  return (
    <section className="exports no-print" aria-labelledby="exports-h">
      <h2 id="exports-h" className="heading-m">
        {t('exports.heading')}
      </h2>
      <p className="hint">{t('exports.hint')}</p>
      <div className="button-group">
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            download(
              exportFileName(r, 'json'),
              'application/json',
              `${JSON.stringify(exportSessionJson(r), null, 2)}\n`,
            )
          }
        >
          {t('exports.json')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => download(exportFileName(r, 'csv'), 'text/csv;charset=utf-8', exportSessionCsv(r, text))}
        >
          {t('exports.csv')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t('exports.print')}
        </button>
      </div>
    </section>
  );
}

function Console({ compiled, session }: { compiled: CompiledScenario; session: ClassroomSession }) {
  const resumed = useSessionRun(compiled, session);
  const { t } = useTranslation('facilitator');
  const text = (sceneId: string, itemId: string) => itemText(compiled, sceneId, itemId);
  if (!resumed.ok)
    return (
      <>
        <PageHeading title={t('console.refused.title')}>{t('console.refused.title')}</PageHeading>
        <div className="notice notice--warning" role="alert">
          <p>{t('console.refused.body', { detail: resumed.refusal.message })}</p>
        </div>
        <Exports session={session} itemText={text} />
      </>
    );
  return <ConsoleView compiled={compiled} session={session} run={resumed.run} itemText={text} />;
}

function ConsoleView({
  compiled,
  session,
  run,
  itemText: text,
}: {
  compiled: CompiledScenario;
  session: ClassroomSession;
  run: Run;
  itemText(sceneId: string, itemId: string): string;
}) {
  const { t, i18n } = useTranslation(['facilitator', 'player', 'failings']);
  const { t: tPlayer } = useTranslation('player');
  const { t: tDebrief } = useTranslation(['debrief', 'failings']);
  const store = useSessions.getState();
  const refs = use(referencesContent());
  const id = session.id;
  const view = useMemo(() => run.view(), [run]);
  const scene = view.scene.scene;
  const kind = view.scene.kind;
  const record = session.record;
  const [announcement, setAnnouncement] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const presenterHref = useHref(`/presenter/${id}`);
  const dayLabel = (time: string, day: number) => t('player:clock.day', { time, day });
  const interaction = scene.choice ?? scene.actions ?? scene.record ?? scene.search ?? scene.review;
  const prompt = interaction && 'prompt' in interaction ? interaction.prompt : '';
  const stepKey = `${scene.id}:${view.log.length}`;
  const voteOptions = [...view.scene.items, ...view.scene.verdicts].map((i) => ({ id: i.id, text: i.text }));
  const lastReview = useMemo(
    () => lastDecisionReview(compiled, session, run, refs, tDebrief),
    [compiled, session, run, refs, tDebrief],
  );
  const feedbackShown = Boolean(session.presenter.feedbackShown);

  // A presenter view that opens (or reopens) asks for the latest state; tell it, and tell it once now.
  useEffect(() => {
    const channel = syncChannel();
    const off = channel.subscribe((m) => {
      if (m.type === 'presenter.hello' && m.sessionId === id) {
        const latest = useSessions.getState().sessions[id];
        if (latest) channel.post({ type: 'session.updated', session: latest });
      }
    });
    const latest = useSessions.getState().sessions[id];
    if (latest) channel.post({ type: 'session.updated', session: latest });
    return off;
  }, [id]);

  const announceScene = (sceneId: string) =>
    t('console.announce.scene', { title: compiled.scenes.get(sceneId)?.title ?? sceneId });

  const commit = (draft: Draft) => {
    const res = run.decide({ sceneId: scene.id, ...draft });
    if (!res.ok) {
      setProblem(res.error.message);
      return;
    }
    setProblem(undefined);
    const result = stepResult(compiled, run, true, dayLabel);
    store.step(id, result);
    setAnnouncement(`${t('console.announce.decided')} ${announceScene(result.sceneId)}`);
  };

  const proceed = () => {
    const res = run.continue();
    if (!res.ok) return;
    const result = stepResult(compiled, run, false, dayLabel);
    store.step(id, result);
    setAnnouncement(announceScene(result.sceneId));
  };

  const back = () => {
    const result = stepBackResult(compiled, session);
    if (!result) return;
    store.stepBack(id, result);
    setAnnouncement(`${t('console.announce.back')} ${announceScene(result.sceneId)}`);
  };

  const validate = (draft: Draft) => {
    const checked = run.check({ sceneId: scene.id, ...draft });
    return checked.ok ? undefined : checked.error;
  };

  const openPresenter = () => {
    window.open(presenterHref, `callout-presenter-${id}`);
  };

  const canStepBack = record.decisions.length > 0;
  const clock = clockText(view.clock, dayLabel);
  const outcome = lastOutcome(compiled, run, tPlayer);
  const threshold = courseIndex.scoring.failingMet;
  const chartRows = FAILINGS.map((f) => ({ failing: f, name: t(`failings:${f}.short`), ...record.scores.failings[f] }));

  return (
    <div className="console">
      <div className="console__bar no-print">
        <p className="console__where">
          <span className="caption">{t('console.caption', { title: record.scenarioTitle })}</span>
        </p>
        <dl className="player__status">
          <div>
            <dt>{t('player:clock.label')}</dt>
            <dd>
              <time>{clock}</time>
            </dd>
          </div>
          <div>
            <dt>{t('player:progress.label')}</dt>
            <dd>{t('player:progress.decisions', { count: view.log.length })}</dd>
          </div>
          <div>
            <dt>{t('console.presenterState')}</dt>
            <dd>
              {session.presenter.paused
                ? t('console.state.paused')
                : session.presenter.inject
                  ? t('console.state.inject')
                  : session.presenter.votesShown
                    ? t('console.state.votes')
                    : t('console.state.scene')}
            </dd>
          </div>
        </dl>
      </div>
      <div className="console__controls no-print" role="group" aria-label={t('console.controls')}>
        <button type="button" className="button" onClick={openPresenter}>
          {t('console.openPresenter')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          aria-pressed={session.presenter.paused}
          onClick={() => {
            store.setPaused(id, !session.presenter.paused);
            setAnnouncement(session.presenter.paused ? t('console.announce.resumed') : t('console.announce.paused'));
          }}
        >
          {session.presenter.paused ? t('console.resume') : t('console.pause')}
        </button>
        <button type="button" className="button button--secondary" disabled={!canStepBack} onClick={back}>
          {t('console.stepBack')}
        </button>
        <p className="hint console__presenter-link">
          {t('console.presenterLink')}{' '}
          <a href={presenterHref} target={`callout-presenter-${id}`}>
            {t('console.presenterLinkText')}
          </a>
        </p>
      </div>
      <div className="visually-hidden" aria-live="polite" role="status">
        {announcement}
      </div>

      <div className="console__grid">
        <div className="console__scene">
          <PageHeading title={`${scene.title} – ${t('console.title')}`} className="heading-l" focusKey={stepKey}>
            {scene.title}
          </PageHeading>
          {lastReview ? (
            <details className="console__feedback no-print">
              <summary>{t('console.feedback.summary', { n: lastReview.seq })}</summary>
              <DecisionReview d={lastReview} as="div" />
              <button
                type="button"
                className="button button--secondary"
                aria-pressed={feedbackShown}
                onClick={() => {
                  store.showFeedback(id, !feedbackShown);
                  setAnnouncement(feedbackShown ? t('console.feedback.hidden') : t('console.feedback.shown'));
                }}
              >
                {feedbackShown ? t('console.feedback.hide') : t('console.feedback.show')}
              </button>
            </details>
          ) : null}
          {outcome ? <Outcome heading={outcome.heading} lines={outcome.lines} /> : null}
          <SceneBody text={scene.text} blocks={view.scene.blocks} />
          <FacilitatorNotes material={scene.facilitator} />
          {problem ? (
            <div className="error-summary" role="alert">
              <p>{t('player:commitFailed', { detail: problem })}</p>
            </div>
          ) : null}
          {kind === 'narrative' ? (
            <button type="button" className="button" onClick={proceed}>
              {t('player:continue')}
            </button>
          ) : kind === 'ending' ? (
            <section className="panel panel--ended" aria-labelledby="ended-h">
              <h2 id="ended-h" className="heading-m">
                {t('console.ended.heading')}
              </h2>
              {scene.ending ? <Markdown text={scene.ending.debrief} /> : null}
              <FailingChart rows={chartRows} threshold={threshold} caption={t('console.ended.scores')} />
              <p>
                {t('console.ended.outcome')}{' '}
                <strong>
                  {record.scores.outcome === 'competent' ? t('console.ended.competent') : t('console.ended.notYet')}
                </strong>
                {record.scores.criticalErrors
                  ? ` ${t('console.ended.critical', { count: record.scores.criticalErrors })}`
                  : ''}
              </p>
            </section>
          ) : (
            <>
              {prompt ? (
                <p className="console__prompt">
                  <strong>{t('console.question')}</strong> {prompt}
                </p>
              ) : null}
              <RoomVote
                key={stepKey}
                session={session}
                sceneId={scene.id}
                options={voteOptions}
                onAnnounce={setAnnouncement}
              />
              <OptionNotes
                items={[...view.scene.items, ...view.scene.verdicts]}
                refTitle={(r) => refs.get(r)?.title ?? r}
              />
              <section className="group-decision" aria-labelledby="group-h">
                <h2 id="group-h" className="heading-m">
                  {t('console.group.heading')}
                </h2>
                <p className="hint">{t('console.group.hint')}</p>
                <DecisionForm
                  key={stepKey}
                  kind={kind}
                  prompt={prompt}
                  items={view.scene.items}
                  verdicts={view.scene.verdicts}
                  document={scene.review?.document}
                  budget={run.budget()}
                  rationale={view.scene.rationale ?? 'optional'}
                  rationalePrompt={t('console.group.rationale')}
                  validate={validate}
                  onCommit={commit}
                />
              </section>
            </>
          )}
          {kind !== 'ending' ? (
            <InjectPanel
              key={`inject-${scene.id}`}
              injects={scene.facilitator?.injects ?? []}
              showing={session.presenter.inject}
              onSend={(inj) => {
                store.sendInject(id, inj, view.clock);
                setAnnouncement(t('console.announce.inject'));
              }}
              onClear={() => {
                store.clearInject(id);
                setAnnouncement(t('console.announce.injectCleared'));
              }}
            />
          ) : null}
          <section className="session-notes no-print" aria-labelledby="notes-h">
            <h2 id="notes-h" className="heading-m">
              {t('sessionNotes.heading')}
            </h2>
            <NoteForm
              onAdd={(n) => {
                store.addNote(id, n);
                setAnnouncement(t('console.announce.note'));
              }}
            />
          </section>
        </div>
        <aside className="console__case-file no-print">
          <CaseFilePanel
            caseFile={view.caseFile}
            searches={searchResults(compiled, view)}
            formatTime={(f) => (f.scenarioId === compiled.scenario.id ? clockText(f.clock, dayLabel) : undefined)}
          />
        </aside>
      </div>
      <Exports session={session} itemText={text} />
      <SessionLog record={record} itemText={text} formatTime={(iso) => formatDate(iso, i18n.language)}>
        <FailingChart rows={chartRows} threshold={threshold} caption={record.status === 'completed' ? t('record.scoresFinal') : t('record.scores')} />
      </SessionLog>
    </div>
  );
}

/** The room's vote on one decision, collected through a `VoteSource` (manual counts for now). */
function RoomVote({
  session,
  sceneId,
  options,
  onAnnounce,
}: {
  session: ClassroomSession;
  sceneId: string;
  options: VoteOption[];
  onAnnounce(text: string): void;
}) {
  const { t } = useTranslation('facilitator');
  const id = session.id;
  const pending = session.pending?.sceneId === sceneId ? session.pending.votes : undefined;
  // One source per decision (the parent keys this component by decision); it starts from any saved tally.
  const [source] = useState(() => {
    const s = new ManualVoteSource();
    s.open({ sceneId, options }, pending);
    return s;
  });
  useEffect(
    () => source.subscribe((tally) => useSessions.getState().setVotes(id, sceneId, tally)),
    [source, id, sceneId],
  );
  return (
    <VotePanel
      options={options}
      counts={pending?.counts ?? {}}
      skipped={pending?.skipped ?? false}
      shown={session.presenter.votesShown}
      onCount={(o, n) => source.set(o, n)}
      onSkip={(skip) => {
        source.skip(skip);
        if (skip && session.presenter.votesShown) useSessions.getState().showVotes(id, false);
        onAnnounce(skip ? t('console.announce.skipped') : t('console.announce.unskipped'));
      }}
      onShow={(shown) => {
        useSessions.getState().showVotes(id, shown);
        onAnnounce(shown ? t('console.announce.revealed') : t('console.announce.hidden'));
      }}
    />
  );
}
