import { use } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { homeContent, pagesContent } from '../../content';
import { PageHeading } from '../../components/layout/PageHeading';
import { Markdown } from '../../components/markdown/Markdown';
import { ContentNotes } from '../../components/layout/ContentNotes';
import { SupportList } from '../../components/layout/SupportList';
import { NotFoundScreen } from '../not-found';

/** One page of the introduction, with previous and next. */
export function PageScreen() {
  const { pageId } = useParams();
  const { t, i18n } = useTranslation('pages');
  const pages = use(pagesContent(i18n.language));
  const { course } = use(homeContent(i18n.language));
  const index = pages.findIndex((p) => p.id === pageId);
  if (index < 0) return <NotFoundScreen />;
  const page = pages[index];
  const prev = pages[index - 1];
  const next = pages[index + 1];
  return (
    <article className="narrow">
      <nav aria-label={t('breadcrumb')} className="breadcrumbs">
        <Link to="/">{course.title}</Link>
      </nav>
      <PageHeading title={`${page.title} – ${course.title}`} caption={t('caption', { n: index + 1, total: pages.length })} focusKey={page.id}>
        {page.title}
      </PageHeading>
      {page.optional ? <p className="notice">{t('optional')}</p> : null}
      <ContentNotes notes={page.contentNotes ?? []} headingId="page-note" />
      <Markdown text={page.text} className="prose" />
      {page.contentNotes?.length ? <SupportList entries={course.support} /> : null}
      <nav className="pager" aria-label={t('pager')}>
        {prev ? (
          <Link to={`/introduction/${prev.id}`} rel="prev" className="pager__prev">
            <span className="pager__label">{t('previous')}</span> {prev.title}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link to={`/introduction/${next.id}`} rel="next" className="pager__next">
            <span className="pager__label">{t('next')}</span> {next.title}
          </Link>
        ) : (
          <Link to="/" className="pager__next">
            <span className="pager__label">{t('finished')}</span> {t('backToCourse')}
          </Link>
        )}
      </nav>
    </article>
  );
}
