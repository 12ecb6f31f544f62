import { useTranslation } from 'react-i18next';
import { useProgress } from '../store/progress';

/** Tells the learner when progress cannot be saved or some saved data could not be read. */
export function StorageNotice() {
  const { t } = useTranslation('common');
  const problem = useProgress((s) => s.storageProblem);
  const unreadable = useProgress((s) => s.unreadable.length);
  if (!problem && !unreadable) return null;
  return (
    <div className="notice notice--warning" role="alert">
      {problem ? <p>{t('storage.cannotSave')}</p> : null}
      {unreadable ? <p>{t('storage.unreadable', { count: unreadable })}</p> : null}
    </div>
  );
}
