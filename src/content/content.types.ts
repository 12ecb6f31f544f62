/**
 * What the content plugin serves to the browser. Types only: the browser bundle never sees zod or yaml.
 */
import type { Course, Page, Reference, Scenario } from '../engine/types';

/** The course manifest without the long page texts (those load with the introduction pages). */
export interface CourseIndex {
  id: string;
  version: string;
  title: string;
  summary: string;
  scenarios: string[];
  cases: NonNullable<Course['cases']>;
  scoring: Course['scoring'];
  /** Introduction pages: titles and notes only. */
  pages: Omit<Page, 'text'>[];
  support: NonNullable<Course['support']>;
  /** The critical-error categories (id and title), to name a critical error on the certificate. */
  criticalErrors: { id: string; title: string }[];
}

/** What the home needs to know about one scenario. */
export interface ScenarioMeta {
  id: string;
  version: number;
  title: string;
  summary: string;
  estimatedMinutes: number;
  role: string;
  contentNotes: string[];
  learningOutcomes: string[];
  /** Whether the scenario suits a facilitated classroom session (`classroom: true` in its file). */
  classroom?: boolean;
  /** The case this scenario is a part of, if any. */
  case?: { id: string; title: string; part: number; parts: string[] };
}

/** A translation bundle as the engine's `localise()` takes it. */
export type Bundle = Record<string, { text: string; source: string }>;

/** Translations the home needs for one language: the course (no page texts) and each scenario's metadata. */
export interface HomeTranslations {
  course: Bundle;
  scenarios: Record<string, Bundle>;
}

export type { Page, Reference, Scenario };
