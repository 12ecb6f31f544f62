import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inject } from '../../engine/types';
import { Markdown } from '../markdown/Markdown';

/** What an inject shows: one of the scene's, or the facilitator's own words. */
export interface InjectContent {
  injectId?: string;
  title?: string;
  text: string;
}

/**
 * New information the facilitator can put on the presenter view: the injects the scene offers, or their
 * own text; and the inject showing now, with a control to take it down.
 */
export function InjectPanel({
  injects,
  showing,
  onSend,
  onClear,
}: {
  injects: Inject[];
  showing?: InjectContent;
  onSend(inject: InjectContent): void;
  onClear(): void;
}) {
  const { t } = useTranslation('facilitator');
  const id = useId();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setError(true);
      textRef.current?.focus();
      return;
    }
    onSend({ ...(title.trim() ? { title: title.trim() } : {}), text: text.trim() });
    setTitle('');
    setText('');
    setError(false);
  };

  return (
    <section className="inject-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="heading-m">
        {t('injects.heading')}
      </h2>
      {showing ? (
        <div className="notice notice--info">
          <p>
            <strong>{t('injects.showing')}</strong> {showing.title ?? showing.text}
          </p>
          <button type="button" className="button button--secondary" onClick={onClear}>
            {t('injects.clear')}
          </button>
        </div>
      ) : null}
      {injects.length ? (
        <ul className="inject-panel__list">
          {injects.map((inj) => (
            <li key={inj.id} className="inject-panel__item">
              <h3 className="heading-s" id={`${id}-inj-${inj.id}`}>
                {inj.title}
              </h3>
              <Markdown text={inj.text} />
              <button
                type="button"
                className="button button--secondary"
                aria-describedby={`${id}-inj-${inj.id}`}
                onClick={() => onSend({ injectId: inj.id, title: inj.title, text: inj.text })}
              >
                {t('injects.send')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('injects.none')}</p>
      )}
      <form className="inject-panel__own" onSubmit={submit} noValidate>
        <h3 className="heading-s">{t('injects.own')}</h3>
        <div className="form-group">
          <label className="label" htmlFor={`${id}-title`}>
            {t('injects.title')}
          </label>
          <input
            id={`${id}-title`}
            className="input"
            type="text"
            value={title}
            maxLength={120}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="form-group">
          <label className="label" htmlFor={`${id}-text`}>
            {t('injects.text')}
          </label>
          {error ? (
            <p className="error-message" id={`${id}-error`}>
              {t('injects.textNeeded')}
            </p>
          ) : null}
          <textarea
            ref={textRef}
            id={`${id}-text`}
            className="textarea"
            rows={3}
            maxLength={1000}
            value={text}
            aria-invalid={error || undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <button type="submit" className="button button--secondary">
          {t('injects.sendOwn')}
        </button>
      </form>
    </section>
  );
}

/** The facilitator's own note, added to the session record. */
export function NoteForm({ onAdd }: { onAdd(text: string): void }) {
  const { t } = useTranslation('facilitator');
  const id = useId();
  const [text, setText] = useState('');
  return (
    <form
      className="note-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        onAdd(text.trim());
        setText('');
      }}
    >
      <label className="label heading-s" htmlFor={`${id}-note`}>
        {t('sessionNotes.label')}
      </label>
      <p className="hint" id={`${id}-hint`}>
        {t('sessionNotes.hint')}
      </p>
      <textarea
        id={`${id}-note`}
        className="textarea"
        rows={2}
        maxLength={2000}
        aria-describedby={`${id}-hint`}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="button button--secondary">
        {t('sessionNotes.add')}
      </button>
    </form>
  );
}
