import { useTranslation } from 'react-i18next';
import { InlineMarkdown, Markdown } from '../markdown/Markdown';

/** One item in a debrief: what it was, its feedback, marks and references. */
export interface ReviewedItem {
  id: string;
  text: string;
  feedback?: string;
  /** e.g. ["F1 Investigative mindset +2"]. */
  marks: string[];
  critical: boolean;
  references: string[];
}

export interface ReviewedDecision {
  seq: number;
  sceneTitle: string;
  prompt?: string;
  chosen: ReviewedItem[];
  /** For a review: the issues ticked are `chosen`; the verdict is here. */
  verdict?: ReviewedItem;
  /** Stronger choices that were not made. */
  stronger: ReviewedItem[];
  rationale?: string;
  /** The scenario's short model answer, shown beside the learner's rationale. */
  modelRationale?: string;
  /** Nothing chosen (e.g. no issues flagged in a review). */
  noneChosen?: boolean;
  /** Marks earned at this decision (all failings) and the best selection's marks. */
  earned: number;
  best: number;
}

function Item({ item }: { item: ReviewedItem }) {
  const { t } = useTranslation('debrief');
  return (
    <div className="reviewed-item">
      <p className="reviewed-item__text">
        <InlineMarkdown text={item.text} />
        {item.critical ? <strong className="tag tag--critical"> {t('decision.critical')}</strong> : null}
      </p>
      {item.marks.length ? <p className="reviewed-item__marks">{t('decision.marks', { marks: item.marks.join(', ') })}</p> : null}
      {item.feedback ? <Markdown text={item.feedback} className="reviewed-item__feedback" /> : null}
      {item.references.length ? (
        <p className="reviewed-item__refs hint">
          {t('decision.references')} {item.references.join('; ')}
        </p>
      ) : null}
    </div>
  );
}

/** A decision in the debrief: what the learner chose, why it scored as it did, and what was stronger. */
export function DecisionReview({ d, as: Tag = 'li' }: { d: ReviewedDecision; as?: 'li' | 'section' | 'div' }) {
  const { t } = useTranslation('debrief');
  return (
    <Tag className="decision-review">
      <h3 className="heading-s">
        {t('decision.heading', { n: d.seq })} {d.sceneTitle}
      </h3>
      {d.prompt ? <p className="hint">{d.prompt}</p> : null}
      <p className="decision-review__score">{d.best > 0 ? t('decision.marksOf', { earned: d.earned, best: d.best }) : t('decision.notScored')}</p>
      <h4 className="decision-review__sub">{t('decision.youChose')}</h4>
      {d.noneChosen ? <p>{t('decision.noneChosen')}</p> : null}
      {d.chosen.map((i) => (
        <Item key={i.id} item={i} />
      ))}
      {d.verdict ? (
        <>
          <h4 className="decision-review__sub">{t('decision.verdict')}</h4>
          <Item item={d.verdict} />
        </>
      ) : null}
      {d.stronger.length ? (
        <>
          <h4 className="decision-review__sub">{t('decision.stronger')}</h4>
          {d.stronger.map((i) => (
            <Item key={i.id} item={i} />
          ))}
        </>
      ) : (
        <p className="decision-review__best">{t('decision.best')}</p>
      )}
      {d.rationale ? (
        <>
          <h4 className="decision-review__sub">{t('decision.rationale')}</h4>
          <blockquote className="rationale-quote">{d.rationale}</blockquote>
        </>
      ) : null}
      {d.modelRationale ? (
        <>
          <h4 className="decision-review__sub">{t('decision.modelRationale')}</h4>
          <Markdown text={d.modelRationale} className="model-rationale" />
        </>
      ) : null}
    </Tag>
  );
}
