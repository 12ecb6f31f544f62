/** The languages of the interface. en-GB is the source; every other language is checked against it. */
export const LANGUAGES = [
  { code: 'en-GB', name: 'English', htmlLang: 'en-GB' },
  { code: 'cy', name: 'Cymraeg', htmlLang: 'cy' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];

export const SOURCE_LANGUAGE: Language = 'en-GB';

/** UI namespaces, one per feature. */
export const NAMESPACES = [
  'common',
  'home',
  'pages',
  'briefing',
  'player',
  'debrief',
  'certificate',
  'settings',
  'accessibility',
  'failings',
  'records',
  'facilitator',
] as const;

export type Namespace = (typeof NAMESPACES)[number];

/** Where the chosen language is remembered. */
export const LANGUAGE_KEY = 'callout.language';

/** Picks a supported language from a requested tag (`cy-GB` → `cy`, `en-US` → `en-GB`). */
export function matchLanguage(tag: string | null | undefined): Language | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  if (lower === 'cy' || lower.startsWith('cy-')) return 'cy';
  if (lower === 'en' || lower.startsWith('en-')) return 'en-GB';
  return undefined;
}

/** The language to start in: `?lang=`, then the remembered choice, then the browser's languages. */
export function detectLanguage(): Language {
  try {
    const fromUrl = matchLanguage(new URLSearchParams(window.location.search).get('lang'));
    if (fromUrl) {
      localStorage.setItem(LANGUAGE_KEY, fromUrl);
      return fromUrl;
    }
    const saved = matchLanguage(localStorage.getItem(LANGUAGE_KEY));
    if (saved) return saved;
  } catch {
    // Storage can be blocked (private windows, policies): fall back to the browser's languages.
  }
  for (const l of navigator.languages ?? []) {
    const m = matchLanguage(l);
    if (m) return m;
  }
  return SOURCE_LANGUAGE;
}
