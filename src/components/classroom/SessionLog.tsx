import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One decision as the log shows it (a structural subset of the session record's decision). */
export interface LogDecision {
  seq: number;
  sceneId: string;
  sceneTitle: string;
  choiceText: string[];
  verdict?: string;
  rationale?: string;
  clockText: string;
  at: string;
  votes: { skipped: boolean; counts: Record<string, number> };
}

/** What the log shows of a session record (components take values, not the store's types). */
export interface LogRecord {
  scenarioId: string;
  scenarioTitle: string;
  scenarioVersion: number;
  facilitator: string;
  date: string;
  status: 'in-progress' | 'completed';
  attendees: string[];
  decisions: LogDecision[];
  injects: { title?: string; text: string; at: string }[];
  notes: { text: string; at: string }[];
  undone: { undoneAt: string; decision: LogDecision }[];
}

/**
 * The session record as people read it (and print it): who ran it for whom, every decision with the room's
 * votes, the group's choice and rationale, injects, notes and steps taken back.
 */
export function SessionLog({
  record,
  itemText,
  formatTime,
  children,
}: {
  record: LogRecord;
  /** The text of an offered item, by scene and item id. */
  itemText(sceneId: string, itemId: string): string;
  /** Formats a real time (ISO 8601) for the reader. */
  formatTime(iso: string): string;
  /** Shown after the summary (the scores). */
  children?: ReactNode;
}) {
  const { t } = useTranslation('facilitator');
  const id = useId();
  const votesLine = (d: LogDecision) =>
    d.votes.skipped
      ? t('record.votesSkipped')
      : Object.entries(d.votes.counts)
          .map(([item, n]) => `${itemText(d.sceneId, item)}: ${n}`)
          .join('; ') || t('record.noVotes');
  return (
    <section className="session-log" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="heading-l">
        {t('record.heading')}
      </h2>
      <dl className="summary-list">
        <div>
          <dt>{t('record.scenario')}</dt>
          <dd>
            {t('record.scenarioValue', {
              title: record.scenarioTitle,
              id: record.scenarioId,
              version: record.scenarioVersion,
            })}
          </dd>
        </div>
        <div>
          <dt>{t('record.facilitator')}</dt>
          <dd>{record.facilitator}</dd>
        </div>
        <div>
          <dt>{t('record.date')}</dt>
          <dd>{record.date}</dd>
        </div>
        <div>
          <dt>{t('record.status')}</dt>
          <dd>{record.status === 'completed' ? t('record.completed') : t('record.inProgress')}</dd>
        </div>
      </dl>
      {children}
      <h3 className="heading-s">{t('record.attendees', { count: record.attendees.length })}</h3>
      <ul className="session-log__attendees">
        {record.attendees.map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ul>
      <h3 className="heading-s">{t('record.decisions', { count: record.decisions.length })}</h3>
      {record.decisions.length ? (
        <ol className="session-log__decisions">
          {record.decisions.map((d) => (
            <li key={d.seq}>
              <p>
                <strong>{d.sceneTitle}</strong>{' '}
                <span className="hint">{t('record.when', { clock: d.clockText, time: formatTime(d.at) })}</span>
              </p>
              <p>
                {t('record.choice')} {d.choiceText.join('; ') || t('record.nothingChosen')}
                {d.verdict ? ` — ${itemText(d.sceneId, d.verdict)}` : ''}
              </p>
              <p>
                {t('record.votes')} {votesLine(d)}
              </p>
              {d.rationale ? (
                <p>
                  {t('record.rationale')} <q>{d.rationale}</q>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="hint">{t('record.noDecisions')}</p>
      )}
      {record.injects.length ? (
        <>
          <h3 className="heading-s">{t('record.injects', { count: record.injects.length })}</h3>
          <ul className="list list--bullet">
            {record.injects.map((i, n) => (
              <li key={n}>
                {i.title ? <strong>{i.title}: </strong> : null}
                {i.text} <span className="hint">({formatTime(i.at)})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {record.notes.length ? (
        <>
          <h3 className="heading-s">{t('record.notes', { count: record.notes.length })}</h3>
          <ul className="list list--bullet">
            {record.notes.map((n, i) => (
              <li key={i}>
                {n.text} <span className="hint">({formatTime(n.at)})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {record.undone.length ? (
        <>
          <h3 className="heading-s">{t('record.undone', { count: record.undone.length })}</h3>
          <ul className="list list--bullet">
            {record.undone.map((u, i) => (
              <li key={i}>
                {t('record.undoneLine', {
                  scene: u.decision.sceneTitle,
                  choice: u.decision.choiceText.join('; ') || t('record.nothingChosen'),
                  time: formatTime(u.undoneAt),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
