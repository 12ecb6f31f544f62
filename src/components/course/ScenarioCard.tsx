import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusTag, type ScenarioStatus } from './StatusTag';

export interface ScenarioCardProps {
  href: string;
  title: string;
  summary: string;
  estimatedMinutes: number;
  role: string;
  status: ScenarioStatus;
  /** e.g. "The Linnet Street case, part 2 of 3". */
  casePart?: string;
  contentNotes: string[];
}

/** One call-out in the course list. */
export function ScenarioCard({ href, title, summary, estimatedMinutes, role, status, casePart, contentNotes }: ScenarioCardProps) {
  const { t } = useTranslation('common');
  return (
    <li className="scenario-card">
      <h3 className="scenario-card__title">
        <Link to={href}>{title}</Link>
      </h3>
      {casePart ? <p className="caption scenario-card__case">{casePart}</p> : null}
      <p>{summary}</p>
      <dl className="meta-list">
        <div>
          <dt>{t('scenario.role')}</dt>
          <dd>{role}</dd>
        </div>
        <div>
          <dt>{t('scenario.time')}</dt>
          <dd>{t('scenario.minutes', { count: estimatedMinutes })}</dd>
        </div>
        {contentNotes.length ? (
          <div>
            <dt>{t('scenario.contentNotes')}</dt>
            <dd>{contentNotes.join('; ')}</dd>
          </div>
        ) : null}
      </dl>
      <p className="scenario-card__status">
        <span className="visually-hidden">{t('scenario.status')}: </span>
        <StatusTag status={status} />
      </p>
    </li>
  );
}
