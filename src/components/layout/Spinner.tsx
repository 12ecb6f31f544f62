import { useTranslation } from 'react-i18next';

/** A quiet loading message (no animation). */
export function Loading() {
  const { t } = useTranslation('common');
  return (
    <p className="loading" role="status">
      {t('loading')}
    </p>
  );
}
