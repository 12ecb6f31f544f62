import { useTranslation } from 'react-i18next';
import type { LocalRecord } from '../../reporting/local/local-records';
import { formatDay } from '../format';

/** The result of each certified call-out: its title, when it finished, its overall score and its result. */
export function CalloutResults({
  records,
  titles,
  caption,
  className = 'table',
}: {
  records: LocalRecord[];
  titles: ReadonlyMap<string, string>;
  caption: string;
  className?: string;
}) {
  const { t, i18n } = useTranslation('certificate');
  return (
    <table className={className}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('callout')}</th>
          <th scope="col">{t('finished')}</th>
          <th scope="col" className="num">
            {t('score')}
          </th>
          <th scope="col">{t('resultHeading')}</th>
        </tr>
      </thead>
      <tbody>
        {records.map((r) => (
          <tr key={r.attemptId}>
            <th scope="row">{titles.get(r.scenarioId) ?? r.scenarioTitle}</th>
            <td>{formatDay(r.endedAt, i18n.language)}</td>
            <td className="num">{r.overall === null ? t('notAssessed') : `${r.overall}%`}</td>
            <td>
              {t(`row.${r.outcome}`)}
              {r.criticalErrors ? ` (${t('critical', { count: r.criticalErrors })})` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
