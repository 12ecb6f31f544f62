import { useTranslation } from 'react-i18next';

/** A content note: what a scenario or page covers, shown before it starts. */
export function ContentNotes({ notes, headingId }: { notes: string[]; headingId: string }) {
  const { t } = useTranslation('common');
  if (!notes.length) return null;
  return (
    <div className="content-note" role="note" aria-labelledby={headingId}>
      <h2 id={headingId} className="content-note__heading">
        {t('contentNote.heading')}
      </h2>
      <p>{t('contentNote.intro')}</p>
      <ul>
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}
