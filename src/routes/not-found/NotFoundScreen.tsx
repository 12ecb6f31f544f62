import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/layout/PageHeading';

export function NotFoundScreen() {
  const { t } = useTranslation('common');
  return (
    <>
      <PageHeading title={t('notFound.heading')}>{t('notFound.heading')}</PageHeading>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}
