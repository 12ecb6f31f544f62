import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Budget, ScoredItem } from '../../engine/types';
import type { DecisionError } from '../../engine/run/logic';
import { InlineMarkdown, Markdown } from '../markdown/Markdown';

/** What the learner has put together, before it is committed. */
export interface Draft {
  choice: string[];
  verdict?: string;
  rationale?: string;
}

export interface DecisionFormProps {
  kind: 'choice' | 'actions' | 'record' | 'search' | 'review';
  prompt: string;
  items: (ScoredItem & { minutes?: number })[];
  verdicts: ScoredItem[];
  /** The document to review (review scenes). */
  document?: { title: string; author?: string; text: string };
  budget?: Budget;
  rationale?: 'required' | 'optional';
  rationalePrompt?: string;
  /** Checks a draft with the engine's rules; returns the problem, if any. */
  validate(draft: Draft): DecisionError | undefined;
  /** Commits a confirmed draft. */
  onCommit(draft: Draft): void;
}

function minutesOf(items: { id: string; minutes?: number }[], chosen: string[]): number {
  return items.filter((i) => chosen.includes(i.id)).reduce((s, i) => s + (i.minutes ?? 0), 0);
}

/**
 * The interaction of a scene: a single choice, several actions within a budget, the entries of a record,
 * search terms, or a document review with a verdict. A decision is shown back to the learner to confirm
 * before it is committed.
 */
export function DecisionForm(props: DecisionFormProps) {
  const { kind, prompt, items, verdicts, document: doc, budget, rationale, rationalePrompt, validate, onCommit } = props;
  const { t } = useTranslation('player');
  const [choice, setChoice] = useState<string[]>([]);
  const [verdict, setVerdict] = useState<string | undefined>();
  const [text, setText] = useState('');
  const [error, setError] = useState<DecisionError | undefined>();
  const [confirming, setConfirming] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();
  const multi = kind !== 'choice';
  const draft: Draft = { choice, ...(verdict ? { verdict } : {}), ...(text.trim() ? { rationale: text.trim() } : {}) };

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const toggle = (itemId: string) => {
    setError(undefined);
    setChoice((c) => (multi ? (c.includes(itemId) ? c.filter((x) => x !== itemId) : [...c, itemId]) : [itemId]));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = validate(draft);
    setError(problem);
    if (!problem) setConfirming(true);
  };

  const errorText = (err: DecisionError) => {
    const used = minutesOf(items, choice);
    const key = err.code === 'over-budget' && budget && 'minutes' in budget ? 'over-budget-minutes' : err.code;
    return t(`errors.${key}`, {
      count: budget && 'count' in budget ? budget.count : 1,
      used,
      available: budget && 'minutes' in budget ? budget.minutes : 0,
      defaultValue: err.message,
    });
  };

  if (confirming) {
    const chosen = items.filter((i) => choice.includes(i.id));
    const v = verdicts.find((x) => x.id === verdict);
    return (
      <section className="confirm" aria-labelledby={`${id}-confirm`}>
        <h2 id={`${id}-confirm`} ref={confirmRef} tabIndex={-1} className="heading-m">
          {t('confirm.heading')}
        </h2>
        {chosen.length ? (
          <>
            <p>{t(kind === 'choice' ? 'confirm.youChose' : kind === 'review' ? 'confirm.youFlagged' : 'confirm.youChoseMany')}</p>
            <ul className="list list--bullet">
              {chosen.map((i) => (
                <li key={i.id}>
                  <InlineMarkdown text={i.text} />
                </li>
              ))}
            </ul>
          </>
        ) : kind === 'review' ? (
          <p>{t('confirm.noneFlagged')}</p>
        ) : null}
        {v ? (
          <p>
            {t('confirm.verdict')} <strong>{v.text}</strong>
          </p>
        ) : null}
        {draft.rationale ? (
          <>
            <p>{t('confirm.rationale')}</p>
            <blockquote className="rationale-quote">{draft.rationale}</blockquote>
          </>
        ) : null}
        <p className="hint">{t('confirm.final')}</p>
        <div className="button-group">
          <button type="button" className="button" onClick={() => onCommit(draft)}>
            {t('confirm.commit')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
            {t('confirm.change')}
          </button>
        </div>
      </section>
    );
  }

  const used = minutesOf(items, choice);
  const budgetLine =
    budget && 'count' in budget
      ? t('budget.count', { count: budget.count, chosen: choice.length })
      : budget && 'minutes' in budget
        ? t('budget.minutes', { available: budget.minutes, used, left: budget.minutes - used })
        : multi && kind !== 'review'
          ? t('budget.chosen', { count: choice.length })
          : undefined;

  return (
    <form ref={formRef} className="decision" onSubmit={submit} noValidate>
      {error ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={errorRef} aria-labelledby={`${id}-error-title`}>
          <h2 id={`${id}-error-title`} className="heading-s">
            {t('errors.title')}
          </h2>
          <p>
            <a href={`#${id}-fieldset`}>{errorText(error)}</a>
          </p>
        </div>
      ) : null}

      {doc ? (
        <section className="document" aria-labelledby={`${id}-doc`}>
          <h2 id={`${id}-doc`} className="heading-s document__title">
            {doc.title}
          </h2>
          {doc.author ? <p className="document__author">{t('review.author', { author: doc.author })}</p> : null}
          <Markdown text={doc.text} />
        </section>
      ) : null}

      <fieldset id={`${id}-fieldset`} className="fieldset" aria-describedby={budgetLine ? `${id}-budget` : undefined}>
        <legend className="fieldset__legend heading-m">{prompt}</legend>
        {kind !== 'choice' ? <p className="hint">{t(`hint.${kind}`)}</p> : null}
        <div className={multi ? 'checkboxes' : 'radios'}>
          {items.map((item) => {
            const inputId = `${id}-${item.id}`;
            return (
              <div className={multi ? 'checkboxes__item' : 'radios__item'} key={item.id}>
                <input
                  id={inputId}
                  className={multi ? 'checkboxes__input' : 'radios__input'}
                  type={multi ? 'checkbox' : 'radio'}
                  name={`${id}-choice`}
                  value={item.id}
                  checked={choice.includes(item.id)}
                  onChange={() => toggle(item.id)}
                  aria-invalid={error && error.code !== 'rationale-needed' && error.code !== 'verdict-needed' ? true : undefined}
                />
                <label htmlFor={inputId} className={multi ? 'checkboxes__label' : 'radios__label'}>
                  <InlineMarkdown text={item.text} />
                  {item.minutes ? <span className="item-minutes"> {t('minutesCost', { count: item.minutes })}</span> : null}
                </label>
              </div>
            );
          })}
        </div>
        {budgetLine ? (
          <p id={`${id}-budget`} className="budget" aria-live="polite">
            {budgetLine}
          </p>
        ) : null}
      </fieldset>

      {kind === 'review' && verdicts.length ? (
        <fieldset className="fieldset">
          <legend className="fieldset__legend heading-s">{t('review.verdict')}</legend>
          <div className="radios">
            {verdicts.map((v) => {
              const inputId = `${id}-verdict-${v.id}`;
              return (
                <div className="radios__item" key={v.id}>
                  <input
                    id={inputId}
                    className="radios__input"
                    type="radio"
                    name={`${id}-verdict`}
                    value={v.id}
                    checked={verdict === v.id}
                    onChange={() => {
                      setError(undefined);
                      setVerdict(v.id);
                    }}
                    aria-invalid={error?.code === 'verdict-needed' ? true : undefined}
                  />
                  <label htmlFor={inputId} className="radios__label">
                    <InlineMarkdown text={v.text} />
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      ) : null}

      {rationale ? (
        <div className="form-group">
          <label htmlFor={`${id}-rationale`} className="label heading-s">
            {rationalePrompt ?? t('rationale.label')}
          </label>
          <p className="hint" id={`${id}-rationale-hint`}>
            {t(rationale === 'required' ? 'rationale.required' : 'rationale.optional')}
          </p>
          <textarea
            id={`${id}-rationale`}
            className="textarea"
            rows={4}
            value={text}
            maxLength={2000}
            aria-describedby={`${id}-rationale-hint`}
            aria-invalid={error?.code === 'rationale-needed' ? true : undefined}
            onChange={(e) => {
              setError(undefined);
              setText(e.target.value);
            }}
          />
        </div>
      ) : null}

      <button type="submit" className="button">
        {t('review.continue')}
      </button>
    </form>
  );
}
