/**
 * The course in the browser: the manifest and scenario metadata (bundled with the home), and loaders for the
 * rest (each scenario, the pages, the references, translations), localised with the engine's `localise()`.
 * This is the only module that knows where content comes from.
 */
import {
  course as courseIndex,
  loadPages,
  loadReferences,
  scenarioLoaders,
  scenarioMeta,
  translationLoaders,
} from 'virtual:callout/course';
import { localise } from '../engine/i18n/strings';
import type { Bundle, CourseIndex, HomeTranslations, Page, Reference, Scenario, ScenarioMeta } from './content.types';

export type { Bundle, CourseIndex, Page, Reference, Scenario, ScenarioMeta };

/** A promise React 19's `use()` can read synchronously once settled. */
export type Tracked<T> = Promise<T>;
type Status<T> = Promise<T> & { status?: 'pending' | 'fulfilled' | 'rejected'; value?: T; reason?: unknown };

function track<T>(p: Promise<T>): Tracked<T> {
  const t = p as Status<T>;
  t.status = 'pending';
  p.then(
    (v) => {
      t.status = 'fulfilled';
      t.value = v;
    },
    (e) => {
      t.status = 'rejected';
      t.reason = e;
    },
  );
  return t;
}

function settled<T>(value: T): Tracked<T> {
  const t = Promise.resolve(value) as Status<T>;
  t.status = 'fulfilled';
  t.value = value;
  return t;
}

const cache = new Map<string, Tracked<unknown>>();
function cached<T>(key: string, make: () => Promise<T> | T): Tracked<T> {
  let hit = cache.get(key) as Tracked<T> | undefined;
  if (!hit) {
    const made = make();
    hit = made instanceof Promise ? track(made) : settled(made);
    // A failed load (e.g. offline) is retried next time instead of being cached.
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
  }
  return hit;
}

async function translation<T>(lng: string, file: string): Promise<T | undefined> {
  const load = translationLoaders[lng]?.[file];
  return load ? ((await load()) as T) : undefined;
}

/** The course as the home shows it, in a language. */
export interface HomeContent {
  course: CourseIndex;
  scenarios: ScenarioMeta[];
}

function localiseHome(t: HomeTranslations | undefined): HomeContent {
  return {
    course: localise(courseIndex, t?.course),
    scenarios: scenarioMeta.map((m) => ({ ...localise(m, t?.scenarios[m.id]), case: m.case })),
  };
}

/** The home's content (synchronous for English). */
export function homeContent(lng: string): Tracked<HomeContent> {
  if (!translationLoaders[lng]) return cached(`home:en`, () => localiseHome(undefined));
  return cached(`home:${lng}`, () => translation<HomeTranslations>(lng, 'home').then(localiseHome));
}

/** One scenario, localised. Rejects with `unknown-scenario` when the course has no such scenario. */
export function scenarioContent(id: string, lng: string): Tracked<Scenario> {
  const key = translationLoaders[lng] ? lng : 'en';
  return cached(`scenario:${key}:${id}`, async () => {
    const load = scenarioLoaders[id];
    if (!load) throw new Error('unknown-scenario');
    const [scenario, bundle] = await Promise.all([load(), translation<Bundle>(lng, id)]);
    return localise(scenario, bundle);
  });
}

/** The introduction pages, localised. */
export function pagesContent(lng: string): Tracked<Page[]> {
  const key = translationLoaders[lng] ? lng : 'en';
  return cached(`pages:${key}`, async () => {
    const [{ pages }, bundle] = await Promise.all([loadPages(), translation<Bundle>(lng, 'course')]);
    return localise({ pages }, bundle).pages;
  });
}

/** The references, by id (titles stay in English: they name published documents). */
export function referencesContent(): Tracked<Map<string, Reference>> {
  return cached('references', async () => new Map((await loadReferences()).map((r) => [r.id, r])));
}

/** Whether the course has this scenario. */
export function hasScenario(id: string): boolean {
  return id in scenarioLoaders;
}

/** The course manifest (English; for ids, versions and scoring rules). */
export { courseIndex };
