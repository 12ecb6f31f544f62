/** Types of the content plugin's virtual modules (see vite-plugin.ts). */
declare module 'virtual:callout/course' {
  import type { Bundle, CourseIndex, HomeTranslations, Page, Reference, Scenario, ScenarioMeta } from '../content/content.types';
  export const course: CourseIndex;
  export const scenarioMeta: ScenarioMeta[];
  export const scenarioLoaders: Record<string, () => Promise<Scenario>>;
  export const loadPages: () => Promise<{ pages: Page[] }>;
  export const loadReferences: () => Promise<Reference[]>;
  /** Per language (other than en-GB): `home`, `course` and one per scenario id. */
  export const translationLoaders: Record<string, Record<string, () => Promise<Bundle | HomeTranslations>>>;
}
