import { useTranslation } from 'react-i18next';
import type { CaseFile, CaseRecord } from '../../engine/types';

export interface SearchResult {
  term: string;
  records: string[];
}

function RecordView({ record }: { record: CaseRecord }) {
  const { t } = useTranslation('player');
  return (
    <li className="case-record">
      <p className="case-record__title">
        <strong>{record.title}</strong>
        <br />
        <span className="hint">
          {record.author === 'learner' ? t('caseFile.byYou') : t('caseFile.by', { author: record.author })}
          {record.date ? ` · ${record.date}` : ''}
        </span>
      </p>
      <ul className="list list--bullet">
        {record.entries.map((e) => (
          <li key={e.id}>{e.text}</li>
        ))}
      </ul>
    </li>
  );
}

/**
 * The case file beside the scene: what has been found, seized and recorded (carried across the parts of a
 * case), and what the intelligence searches returned.
 */
export function CaseFilePanel({
  caseFile,
  searches,
  formatTime,
  headingId = 'case-file-heading',
}: {
  caseFile: CaseFile;
  searches: SearchResult[];
  /** Formats a fact's in-game time, or returns undefined when it came from an earlier part. */
  formatTime(fact: { clock: number; scenarioId: string }): string | undefined;
  headingId?: string;
}) {
  const { t } = useTranslation('player');
  const mine = caseFile.records.filter((r) => r.author === 'learner');
  const intelligence = mine.filter((r) => r.kind === 'intelligence');
  const otherMine = mine.filter((r) => r.kind !== 'intelligence');
  const others = caseFile.records.filter((r) => r.author !== 'learner');
  const empty = !caseFile.facts.length && !caseFile.exhibits.length && !caseFile.records.length && !searches.length;
  return (
    <section className="case-file" aria-labelledby={headingId}>
      <h2 id={headingId} className="heading-m">
        {t('caseFile.heading')}
      </h2>
      {caseFile.origin === 'carried' ? <p className="hint">{t('caseFile.originCarried')}</p> : null}
      {caseFile.origin === 'default' ? <p className="hint">{t('caseFile.originDefault')}</p> : null}
      {empty ? <p className="hint">{t('caseFile.empty')}</p> : null}
      {caseFile.facts.length ? (
        <>
          <h3 className="heading-s">{t('caseFile.facts', { count: caseFile.facts.length })}</h3>
          <ul className="case-list">
            {caseFile.facts.map((f) => {
              const time = formatTime(f);
              return (
                <li key={f.id}>
                  {time ? <span className="case-list__time">{time}</span> : <span className="case-list__time">{t('caseFile.earlier')}</span>} {f.text}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {caseFile.exhibits.length ? (
        <>
          <h3 className="heading-s">{t('caseFile.exhibits', { count: caseFile.exhibits.length })}</h3>
          <ul className="case-list">
            {caseFile.exhibits.map((e) => (
              <li key={e.id}>
                <span className="case-list__ref">{e.ref}</span> {e.label}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {otherMine.length ? (
        <>
          <h3 className="heading-s">{t('caseFile.yourRecords')}</h3>
          <ul className="case-records">
            {otherMine.map((r) => (
              <RecordView key={r.id} record={r} />
            ))}
          </ul>
        </>
      ) : null}
      {intelligence.length ? (
        <>
          <h3 className="heading-s">{t('caseFile.intelligence')}</h3>
          <ul className="case-records">
            {intelligence.map((r) => (
              <RecordView key={r.id} record={r} />
            ))}
          </ul>
        </>
      ) : null}
      {others.length ? (
        <>
          <h3 className="heading-s">{t('caseFile.otherRecords')}</h3>
          <ul className="case-records">
            {others.map((r) => (
              <RecordView key={r.id} record={r} />
            ))}
          </ul>
        </>
      ) : null}
      {searches.length ? (
        <>
          <h3 className="heading-s">{t('caseFile.searches')}</h3>
          <ul className="case-list">
            {searches.map((s) => (
              <li key={s.term}>
                <strong>{s.term}</strong>: {s.records.length ? s.records.join('; ') : t('caseFile.noMatch')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
