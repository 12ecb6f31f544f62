import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/layout/PageHeading';

const SECTIONS = ['using', 'compliance', 'limitations', 'feedback', 'testing'] as const;

/** The accessibility statement. */
export function AccessibilityScreen() {
  const { t } = useTranslation('accessibility');
  return (
    <div className="narrow prose">
      <PageHeading title={t('heading')}>{t('heading')}</PageHeading>
      <p className="lead">{t('intro')}</p>
      {SECTIONS.map((s) => (
        <section key={s} aria-labelledby={`a11y-${s}`}>
          <h2 id={`a11y-${s}`} className="heading-m">
            {t(`${s}.heading`)}
          </h2>
          {(t(`${s}.items`, { returnObjects: true }) as string[]).map((p) => (
            <p key={p}>{p}</p>
          ))}
        </section>
      ))}
    </div>
  );
}
