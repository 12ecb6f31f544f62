import { useTranslation } from 'react-i18next';
import type { SupportEntry } from '../../engine/types';

/**
 * Where to get support. An entry whose contact details are not verified shows only its description: an
 * unchecked number is never shown as fact.
 */
export function SupportList({ entries, headingLevel = 2 }: { entries: SupportEntry[]; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('common');
  if (!entries.length) return null;
  const H = `h${headingLevel}` as 'h2' | 'h3';
  const unverified = entries.some((e) => !e.verified && e.contact);
  return (
    <section className="support" aria-labelledby="support-heading">
      <H id="support-heading" className="support__heading">
        {t('support.heading')}
      </H>
      <p>{t('support.intro')}</p>
      <ul className="support__list">
        {entries.map((e) => (
          <li key={e.id}>
            <strong>{e.name}</strong>
            {e.verified && e.contact ? (
              <>
                {' — '}
                <span className="support__contact">{e.contact}</span>
              </>
            ) : null}
            . {e.text}
          </li>
        ))}
      </ul>
      {unverified ? <p className="support__trainer-note">{t('support.unverifiedNote')}</p> : null}
    </section>
  );
}
