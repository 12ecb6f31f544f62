import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Facilitator } from '../../engine/types';
import { Markdown } from '../markdown/Markdown';

/** The scene's discussion prompts and notes, for the facilitator's eyes only. */
export function FacilitatorNotes({ material }: { material?: Facilitator }) {
  const { t } = useTranslation('facilitator');
  const id = useId();
  const prompts = material?.prompts ?? [];
  if (!prompts.length && !material?.notes) return null;
  return (
    <section className="facilitator-notes" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="heading-m">
        {t('notes.heading')}
      </h2>
      {prompts.length ? (
        <>
          <h3 className="heading-s">{t('notes.prompts')}</h3>
          <ul className="list list--bullet">
            {prompts.map((p, i) => (
              <li key={i}>
                <Markdown text={p} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {material?.notes ? (
        <>
          <h3 className="heading-s">{t('notes.notes')}</h3>
          <Markdown text={material.notes} />
        </>
      ) : null}
    </section>
  );
}
