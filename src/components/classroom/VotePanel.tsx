import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { InlineMarkdown } from '../markdown/Markdown';

/** An item the room can vote for. */
export interface VoteOption {
  id: string;
  text: string;
}

/**
 * The room's vote on the current decision, counted by the facilitator: a number per item, the total, and
 * the controls to skip the vote and to show or hide it on the presenter view.
 */
export function VotePanel({
  options,
  counts,
  skipped,
  shown,
  onCount,
  onSkip,
  onShow,
}: {
  options: VoteOption[];
  counts: Record<string, number>;
  skipped: boolean;
  /** Whether the votes are on the presenter view. */
  shown: boolean;
  onCount(optionId: string, count: number | undefined): void;
  onSkip(skipped: boolean): void;
  onShow(shown: boolean): void;
}) {
  const { t } = useTranslation('facilitator');
  const id = useId();
  const total = Object.values(counts).reduce((s, n) => s + n, 0);
  return (
    <section className="vote-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="heading-m">
        {t('votes.heading')}
      </h2>
      {skipped ? (
        <p>{t('votes.skippedNote')}</p>
      ) : (
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('votes.legend')}</legend>
          <ol className="vote-panel__list">
            {options.map((o, i) => (
              <li key={o.id} className="vote-panel__item">
                <label htmlFor={`${id}-${o.id}`} className="vote-panel__label">
                  <span className="vote-panel__letter" aria-hidden="true">
                    {letter(i)}
                  </span>{' '}
                  <InlineMarkdown text={o.text} />
                </label>
                <input
                  id={`${id}-${o.id}`}
                  className="input vote-panel__input"
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={999}
                  step={1}
                  value={counts[o.id] ?? ''}
                  onChange={(e) => onCount(o.id, e.target.value === '' ? undefined : Number(e.target.value))}
                />
              </li>
            ))}
          </ol>
          <p className="vote-panel__total" aria-live="polite">
            {t('votes.total', { count: total })}
          </p>
        </fieldset>
      )}
      <div className="button-group">
        {!skipped ? (
          <button
            type="button"
            className="button button--secondary"
            aria-pressed={shown}
            onClick={() => onShow(!shown)}
          >
            {shown ? t('votes.hide') : t('votes.reveal')}
          </button>
        ) : null}
        <button type="button" className="button button--secondary" onClick={() => onSkip(!skipped)}>
          {skipped ? t('votes.unskip') : t('votes.skip')}
        </button>
      </div>
    </section>
  );
}

/** A, B, C… for the nth option (the same letters on the presenter view). */
export function letter(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : String(i + 1);
}
