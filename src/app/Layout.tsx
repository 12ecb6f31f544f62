import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LANGUAGES, type Language } from '../i18n/languages';
import { changeLanguage } from '../i18n/setup';
import { homeContent } from '../content';
import { lazy, Suspense, use } from 'react';

// Reporting (and the engine it needs) loads after the first screen; the banner shows only when results cannot be sent.
const ReportingBanner = lazy(() => import('../routes/records/ReportingBanner').then((m) => ({ default: m.ReportingBanner })));

function LanguageNav() {
  const { t, i18n } = useTranslation('common');
  return (
    <nav className="lang-nav" aria-label={t('header.languages')}>
      <ul>
        {LANGUAGES.map((l) =>
          l.code === i18n.language ? (
            <li key={l.code} className="lang-nav__item lang-nav__item--current">
              <span aria-current="true" lang={l.htmlLang}>
                {l.name}
              </span>
            </li>
          ) : (
            <li key={l.code} className="lang-nav__item">
              {/* A link, so it works in the pre-rendered page before the script has run (main.tsx reads ?lang=). */}
              <a
                href={`?lang=${l.code}`}
                hrefLang={l.htmlLang}
                lang={l.htmlLang}
                onClick={(e) => {
                  e.preventDefault();
                  void changeLanguage(i18n, l.code as Language);
                }}
              >
                {l.name}
              </a>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}

function CourseName() {
  const { i18n } = useTranslation();
  const { course } = use(homeContent(i18n.language));
  return <>{course.title}</>;
}

/** The page frame: skip link, generic header with the course name and language switch, footer. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  return (
    <>
      <a href="#main" className="skip-link">
        {t('skipLink')}
      </a>
      <header className="header">
        <div className="width-container header__inner">
          <Link to="/" className="header__name">
            <CourseName />
          </Link>
          <span className="header__tag">{t('header.tag')}</span>
          <LanguageNav />
        </div>
      </header>
      <div className="width-container">
        <main id="main" className="main" tabIndex={-1}>
          <Suspense fallback={null}>
            <ReportingBanner />
          </Suspense>
          {children}
        </main>
      </div>
      <footer className="footer">
        <div className="width-container">
          <h2 className="visually-hidden">{t('footer.heading')}</h2>
          <ul className="footer__links">
            <li>
              <Link to="/records">{t('footer.records')}</Link>
            </li>
            <li>
              <Link to="/settings">{t('footer.settings')}</Link>
            </li>
            <li>
              <Link to="/accessibility">{t('footer.accessibility')}</Link>
            </li>
          </ul>
          <p className="footer__note">{t('footer.note')}</p>
        </div>
      </footer>
    </>
  );
}
