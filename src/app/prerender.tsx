/**
 * Build-time entry (never in the learner's bundle): renders the course home as the client's first render
 * shows it — English, progress not yet read from IndexedDB — so the page paints before any script runs and
 * the client hydrates it (see main.tsx and prerender-plugin.ts).
 */
import { prerenderToNodeStream } from 'react-dom/static';
import { I18nextProvider } from 'react-i18next';
import { StaticRouter } from 'react-router';
import { AppScreens } from './App';
import { startI18n } from '../i18n/setup';
import { SOURCE_LANGUAGE } from '../i18n/languages';

/** The home's markup for the inside of `#root`. */
export async function renderHome(): Promise<string> {
  const i18n = await startI18n(SOURCE_LANGUAGE);
  const { prelude } = await prerenderToNodeStream(
    <I18nextProvider i18n={i18n}>
      <StaticRouter location="/">
        <AppScreens />
      </StaticRouter>
    </I18nextProvider>,
    // Inline every boundary: a large one would otherwise be sent apart with a script to move it into place.
    { progressiveChunkSize: Number.POSITIVE_INFINITY },
  );
  let html = '';
  for await (const chunk of prelude) html += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
  return html;
}
