import { createRoot, hydrateRoot } from 'react-dom/client';
import { App, hashRoutes } from './App';
import { detectLanguage, SOURCE_LANGUAGE } from '../i18n/languages';
import { startI18n } from '../i18n/setup';
import { applyPreferences, usePreferences } from '../store/preferences';
import './styles.css';

const lng = detectLanguage();
document.documentElement.lang = lng;
applyPreferences(usePreferences.getState());
usePreferences.subscribe(applyPreferences);

startI18n(lng).then((i18n) => {
  const root = document.getElementById('root')!;
  const app = <App i18n={i18n} />;
  // The build pre-renders the English home into #root (prerender-plugin.ts). The first client render matches it
  // only there: on any other screen or language the markup is replaced instead of hydrated.
  const matches = !hashRoutes && lng === SOURCE_LANGUAGE && window.location.pathname === import.meta.env.BASE_URL;
  if (root.firstElementChild && matches) {
    hydrateRoot(root, app);
  } else {
    // React replaces whatever is in #root on its first commit (the header and footer kept for other screens).
    createRoot(root).render(app);
  }
});
