/**
 * i18next for the app. The English `common` and `home` namespaces are bundled so the home renders without a
 * round trip; every other namespace, and every Welsh one, is a small chunk loaded when a screen needs it.
 */
import i18next, { type BackendModule, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGE_KEY, LANGUAGES, matchLanguage, NAMESPACES, SOURCE_LANGUAGE, type Language } from './languages';

type Resource = Record<string, unknown>;

const eager = import.meta.glob<Resource>('/locales/en-GB/{common,home}.json', { eager: true, import: 'default' });
const lazy = import.meta.glob<Resource>(
  ['/locales/*/*.json', '!/locales/*/_*.json', '!/locales/en-GB/common.json', '!/locales/en-GB/home.json'],
  { import: 'default' },
);

const backend: BackendModule = {
  type: 'backend',
  init() {},
  read(lng, ns, callback) {
    const key = `/locales/${lng}/${ns}.json`;
    if (eager[key]) return callback(null, eager[key]);
    const load = lazy[key];
    if (!load) return callback(null, {});
    load().then(
      (res) => callback(null, res),
      (e: Error) => callback(e, false),
    );
  },
};

/** Starts i18next in the given language; resolves once the first screen's strings are there. */
export function startI18n(lng: Language): Promise<I18n> {
  const instance = i18next.createInstance();
  return instance
    .use(backend)
    .use(initReactI18next)
    .init({
      lng,
      fallbackLng: SOURCE_LANGUAGE,
      supportedLngs: LANGUAGES.map((l) => l.code),
      load: 'currentOnly',
      ns: ['common', 'home'],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      react: { useSuspense: true },
      returnNull: false,
    })
    .then(() => instance);
}

/** Switches language, remembers it and sets `<html lang>`. */
export async function changeLanguage(instance: I18n, lng: Language): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_KEY, lng);
  } catch {
    // Not remembered when storage is blocked; the switch still works for this visit.
  }
  await instance.changeLanguage(lng);
  document.documentElement.lang = LANGUAGES.find((l) => l.code === lng)?.htmlLang ?? lng;
}

const PREFERENCE_APPLIED = 'callout.lms-language-applied';

/**
 * The learner's language preference from their learning system (cmi5LearnerPreferences, most preferred
 * first): the first language the course has is used, once per browser session, so a switch the learner makes
 * in the course afterwards stands.
 */
export function applyLanguagePreference(instance: I18n, tags: readonly string[] | undefined): void {
  if (!tags?.length) return;
  try {
    if (sessionStorage.getItem(PREFERENCE_APPLIED)) return;
    sessionStorage.setItem(PREFERENCE_APPLIED, '1');
  } catch {
    // Without session storage the preference is applied on every page of the visit.
  }
  const lng = tags.map(matchLanguage).find((l) => l !== undefined);
  if (lng && lng !== instance.language) void changeLanguage(instance, lng);
}

export { NAMESPACES };
