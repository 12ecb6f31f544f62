import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectLanguage } from '../i18n/languages';
import { startI18n } from '../i18n/setup';
import { applyPreferences, usePreferences } from '../store/preferences';
import './styles.css';

const lng = detectLanguage();
document.documentElement.lang = lng;
applyPreferences(usePreferences.getState());
usePreferences.subscribe(applyPreferences);

startI18n(lng).then((i18n) => {
  createRoot(document.getElementById('root')!).render(<App i18n={i18n} />);
});
