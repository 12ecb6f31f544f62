import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failing, ScoredItem } from '../../engine/types';
import { FAILINGS } from '../../engine/types';
import { InlineMarkdown, Markdown } from '../markdown/Markdown';
import { letter } from './VotePanel';

/**
 * For the facilitator only: each offered item with its marks per failing, whether it is a critical error,
 * its feedback and its references (the same text the learner's debrief uses).
 */
export function OptionNotes({ items, refTitle }: { items: ScoredItem[]; refTitle(id: string): string }) {
  const { t } = useTranslation('facilitator');
  const id = useId();
  return (
    <section className="option-notes" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="heading-m">
        {t('options.heading')}
      </h2>
      <p className="hint">{t('options.hint')}</p>
      <ol className="option-notes__list">
        {items.map((item, i) => {
          const marks = FAILINGS.filter((f) => item.marks?.[f]).map(
            (f: Failing) => `${f} ${item.marks![f]! > 0 ? '+' : ''}${item.marks![f]}`,
          );
          return (
            <li key={item.id} className="option-notes__item">
              <p className="option-notes__text">
                <span className="vote-panel__letter" aria-hidden="true">
                  {letter(i)}
                </span>{' '}
                <InlineMarkdown text={item.text} />
                {item.critical ? <span className="tag tag--critical">{t('options.critical')}</span> : null}
              </p>
              <p className="option-notes__marks">
                <strong>{t('options.marks')}</strong> {marks.length ? marks.join(', ') : t('options.noMarks')}
              </p>
              {item.feedback ? <Markdown text={item.feedback} className="option-notes__feedback" /> : null}
              {item.refs?.length ? (
                <p className="hint">
                  {t('options.refs')} {item.refs.map(refTitle).join('; ')}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
