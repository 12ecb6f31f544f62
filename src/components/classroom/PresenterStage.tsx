import { useTranslation } from 'react-i18next';
import type { Scene } from '../../engine/types';
import { InlineMarkdown, Markdown } from '../markdown/Markdown';
import { Outcome, SceneBody } from '../player/SceneBody';
import type { InjectContent } from './InjectPanel';
import { letter, type VoteOption } from './VotePanel';
import { DecisionReview, type ReviewedDecision } from '../debrief/DecisionReview';

/**
 * Everything the room may see. No facilitator notes or scores ever reach this component, and feedback only when
 * the facilitator puts the last decision's feedback on the projector.
 */
export interface StageContent {
  scenarioTitle: string;
  clockText: string;
  sceneTitle: string;
  text?: string;
  blocks: NonNullable<Scene['blocks']>;
  /** What the last decision turned up (findings, search results). */
  outcome?: { heading: string; lines: string[] };
  /** The document the room reviews (review scenes). */
  document?: { title: string; author?: string; text: string };
  /** The question and the items offered, for a decision scene. */
  prompt?: string;
  options: VoteOption[];
  /** The room's votes, when the facilitator has revealed them. */
  votes?: Record<string, number>;
  inject?: InjectContent;
  /** The feedback on the group's last decision, when the facilitator shows it. */
  feedback?: ReviewedDecision;
  paused: boolean;
  ended: boolean;
}

/** The presenter view: large type for the back of a briefing room. */
export function PresenterStage({ content }: { content: StageContent }) {
  const { t } = useTranslation('facilitator');
  const c = content;
  if (c.paused)
    return (
      <div className="stage stage--paused">
        <h1 className="stage__pause">{t('presenter.paused')}</h1>
        <p className="stage__pause-note">{t('presenter.pausedNote')}</p>
      </div>
    );
  const total = c.votes ? Object.values(c.votes).reduce((s, n) => s + n, 0) : 0;
  return (
    <div className="stage">
      <p className="stage__where">
        <span>{c.scenarioTitle}</span>{' '}
        <span className="stage__clock">{t('presenter.clock', { time: c.clockText })}</span>
      </p>
      <h1 className="stage__title">{c.sceneTitle}</h1>
      {c.inject ? (
        <section className="stage__inject" aria-labelledby="stage-inject-h">
          <h2 id="stage-inject-h" className="stage__inject-heading">
            {t('presenter.inject')}
            {c.inject.title ? `: ${c.inject.title}` : ''}
          </h2>
          <Markdown text={c.inject.text} />
        </section>
      ) : null}
      {c.feedback ? (
        <section className="stage__feedback" aria-labelledby="stage-feedback-h">
          <h2 id="stage-feedback-h" className="stage__inject-heading">
            {t('presenter.feedback')}
          </h2>
          <DecisionReview d={c.feedback} as="div" />
        </section>
      ) : null}
      {c.outcome ? <Outcome heading={c.outcome.heading} lines={c.outcome.lines} /> : null}
      <div className={c.prompt ? 'stage__columns' : undefined}>
        <div className="stage__scene">
          <SceneBody text={c.text} blocks={c.blocks} />
          {c.document ? (
            <section className="stage__document" aria-labelledby="stage-doc-h">
              <h2 id="stage-doc-h" className="stage__document-title">
                {c.document.title}
              </h2>
              {c.document.author ? <p className="stage__document-author">{c.document.author}</p> : null}
              <Markdown text={c.document.text} />
            </section>
          ) : null}
        </div>
        {c.prompt ? (
          <section className="stage__question" aria-labelledby="stage-q">
            <h2 id="stage-q" className="stage__prompt">
              <InlineMarkdown text={c.prompt} />
            </h2>
            <ol className="stage__options">
              {c.options.map((o, i) => {
                const n = c.votes?.[o.id] ?? 0;
                return (
                  <li key={o.id} className="stage__option">
                    <span className="stage__letter" aria-hidden="true">
                      {letter(i)}
                    </span>
                    <span className="stage__option-text">
                      <InlineMarkdown text={o.text} />
                      {c.votes ? (
                        <span className="stage__votes">
                          <span className="stage__bar" aria-hidden="true">
                            <span
                              className="stage__bar-fill"
                              style={{ width: total ? `${(n / total) * 100}%` : '0%' }}
                            />
                          </span>
                          <span className="stage__count">{t('presenter.votes', { count: n })}</span>
                        </span>
                      ) : null}
                    </span>
                  </li>
                );
              })}
            </ol>
            {c.votes ? <p className="stage__total">{t('votes.total', { count: total })}</p> : null}
          </section>
        ) : null}
      </div>
      {c.ended ? <p className="stage__ended">{t('presenter.ended')}</p> : null}
    </div>
  );
}
