import { useTranslation } from 'react-i18next';
import type { AttemptRecord } from '../../store/progress';
import { formatDate } from '../format';

/** Says in plain words why a saved attempt could not continue, and that its decisions are kept. */
export function RefusalNotice({ attempt }: { attempt: AttemptRecord }) {
  const { t, i18n } = useTranslation('briefing');
  const r = attempt.refusal;
  if (!r) return null;
  const n = /^decision (\d+)/.exec(r.message)?.[1];
  return (
    <div className="notice notice--warning" role="alert">
      <h2 className="heading-s">{t('refusal.heading')}</h2>
      <p>
        {t(`refusal.${r.code}`, { date: formatDate(attempt.startedAt, i18n.language), n: n ?? '?', decisions: attempt.log.length })}
      </p>
      <p>{t('refusal.kept', { count: attempt.log.length })}</p>
      <details>
        <summary>{t('refusal.details')}</summary>
        <p className="hint">{r.message}</p>
      </details>
    </div>
  );
}
