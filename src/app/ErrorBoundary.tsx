import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

function ErrorMessage({ detail }: { detail: string }) {
  const { t } = useTranslation('common');
  return (
    <div className="error-summary" role="alert">
      <h1 className="heading-l">{t('error.heading')}</h1>
      <p>{t(detail === 'chunk' ? 'error.offline' : 'error.body')}</p>
      <p>
        <Link to="/" reloadDocument>
          {t('error.home')}
        </Link>
      </p>
    </div>
  );
}

class Boundary extends Component<{ children: ReactNode; resetKey: string }, { detail?: string; key: string }> {
  override state: { detail?: string; key: string } = { key: this.props.resetKey };
  static getDerivedStateFromError(e: unknown) {
    const msg = e instanceof Error ? e.message : '';
    // A failed chunk load usually means the network dropped or a new version was deployed.
    return { detail: /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(msg) ? 'chunk' : 'other' };
  }
  static getDerivedStateFromProps(props: { resetKey: string }, state: { key: string; detail?: string }) {
    return props.resetKey !== state.key ? { key: props.resetKey, detail: undefined } : null;
  }
  override render() {
    return this.state.detail ? <ErrorMessage detail={this.state.detail} /> : this.props.children;
  }
}

/** Shows a plain message instead of a white screen or a stack trace; resets when the route changes. */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <Boundary resetKey={pathname}>{children}</Boundary>;
}
