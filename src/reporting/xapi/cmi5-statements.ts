/**
 * cmi5 statements, written by hand (lighter than a client library): the cmi5-defined `initialized`,
 * `completed`, `passed`, `failed` and `terminated`, and each decision as an `answered` statement (a cmi5
 * "allowed" statement) about an interaction activity whose id is stable across builds and LMSs. Per-failing
 * scores travel as result extensions. Rationales are never sent.
 */
import {
  FAILINGS,
  sceneInteraction,
  sceneItems,
  sceneVerdicts,
  type CompiledScenario,
  type Failing,
  type LogEntry,
  type Score,
} from '../../engine';
import { decisionDescription, decisionResult, decisionWeight, isoDuration } from '../interactions';
import type { Cmi5Launch } from './cmi5-launch';

export const VERB = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
} as const;

export const CATEGORY_CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const CATEGORY_MOVEON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
export const EXT_SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
export const EXT_MASTERY = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
/** Result extension: the score of each failing (F1–F5), scaled 0–1, null when not assessed. */
export const EXT_FAILING_SCORES = 'urn:callout:xapi:extension:failing-scores';
/** Result extension: the marks a decision earned and the best available, per failing. */
export const EXT_DECISION_MARKS = 'urn:callout:xapi:extension:decision-marks';

/** The interaction activity id of a scene: stable across builds and LMSs. */
export function interactionActivityId(scenarioId: string, sceneId: string): string {
  return `urn:callout:interaction:${scenarioId}:${sceneId}`;
}

/** What LMS.LaunchData gives the AU (the fields we use). */
export interface LaunchData {
  contextTemplate: {
    contextActivities?: Record<string, { id: string; objectType?: string }[]>;
    extensions?: Record<string, unknown>;
  };
  launchMode: 'Normal' | 'Browse' | 'Review';
  masteryScore?: number;
  moveOn?: string;
  returnURL?: string;
}

/** An xAPI statement as we send it. */
export type Statement = Record<string, unknown> & {
  id: string;
  verb: { id: string; display?: Record<string, string> };
};

export interface StatementContext {
  launch: Cmi5Launch;
  launchData: LaunchData;
  sessionId: string;
  uuid: () => string;
  now: () => string;
}

function context(c: StatementContext, categories: string[], extra: Record<string, unknown> = {}, parent?: string) {
  const tpl = c.launchData.contextTemplate ?? {};
  const activities: Record<string, { id: string; objectType?: string }[]> = JSON.parse(
    JSON.stringify(tpl.contextActivities ?? {}),
  );
  if (categories.length)
    activities.category = [...(activities.category ?? []), ...categories.map((id) => ({ id, objectType: 'Activity' }))];
  if (parent) activities.parent = [...(activities.parent ?? []), { id: parent, objectType: 'Activity' }];
  return {
    registration: c.launch.registration,
    contextActivities: activities,
    // cmi5 10.2.1: the template's values (the LMS's session ID among them) are never overwritten.
    extensions: { [EXT_SESSION]: c.sessionId, ...extra, ...(tpl.extensions ?? {}) },
  };
}

function statement(c: StatementContext, verb: keyof typeof VERB, rest: Record<string, unknown>): Statement {
  return {
    id: c.uuid(),
    timestamp: c.now(),
    actor: { objectType: 'Agent', ...c.launch.actor },
    verb: { id: VERB[verb], display: { 'en-US': verb } },
    object: { objectType: 'Activity', id: c.launch.activityId },
    ...rest,
  };
}

function failingScores(score: Score | null): Record<Failing, number | null> {
  const out = {} as Record<Failing, number | null>;
  for (const f of FAILINGS) {
    const r = score?.failings[f].ratio ?? null;
    out[f] = r === null ? null : Math.round(r * 10000) / 10000;
  }
  return out;
}

export function initialized(c: StatementContext): Statement {
  return statement(c, 'initialized', { context: context(c, [CATEGORY_CMI5]) });
}

export function terminated(c: StatementContext, sessionMs: number): Statement {
  return statement(c, 'terminated', {
    result: { duration: isoDuration(sessionMs) },
    context: context(c, [CATEGORY_CMI5]),
  });
}

export function completed(c: StatementContext, sessionMs: number): Statement {
  return statement(c, 'completed', {
    result: { completion: true, duration: isoDuration(sessionMs) },
    context: context(c, [CATEGORY_CMI5, CATEGORY_MOVEON]),
  });
}

export function judged(c: StatementContext, passed: boolean, score: Score, sessionMs: number): Statement {
  const scaled = Math.round(Math.max(0, Math.min(1, score.overall.ratio ?? 0)) * 10000) / 10000;
  const mastery = c.launchData.masteryScore;
  return statement(c, passed ? 'passed' : 'failed', {
    // cmi5 9.5.3: passed and failed carry no completion (only completed does).
    result: {
      success: passed,
      score: { scaled },
      duration: isoDuration(sessionMs),
      extensions: { [EXT_FAILING_SCORES]: failingScores(score) },
    },
    context: context(c, [CATEGORY_CMI5, CATEGORY_MOVEON], mastery !== undefined ? { [EXT_MASTERY]: mastery } : {}),
  });
}

export function answered(
  c: StatementContext,
  compiled: CompiledScenario,
  entry: LogEntry,
  latencyMs: number | undefined,
): Statement {
  const best = decisionWeight(entry);
  const earned = FAILINGS.reduce((s, f) => s + entry.earned[f], 0);
  const result = decisionResult(entry);
  const marks = Object.fromEntries(FAILINGS.map((f) => [f, { earned: entry.earned[f], best: entry.best[f] }]));
  // The question and every item offered, in the course's words, so a report can say what was chosen.
  const scene = compiled.scenes.get(entry.sceneId);
  const interaction = scene && sceneInteraction(scene);
  const choices = scene
    ? [...sceneItems(scene), ...sceneVerdicts(scene)].map((i) => ({ id: i.id, description: { 'en-GB': i.text } }))
    : [];
  return statement(c, 'answered', {
    ...(entry.at ? { timestamp: entry.at } : {}),
    object: {
      objectType: 'Activity',
      id: interactionActivityId(compiled.scenario.id, entry.sceneId),
      definition: {
        name: { 'en-GB': decisionDescription(compiled, entry) },
        ...(interaction?.prompt ? { description: { 'en-GB': interaction.prompt } } : {}),
        type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
        interactionType: 'choice',
        ...(choices.length ? { choices } : {}),
      },
    },
    result: {
      response: [...entry.choice, ...(entry.verdict ? [entry.verdict] : [])].join('[,]'),
      ...(result === 'neutral' ? {} : { success: result === 'correct' }),
      ...(best > 0
        ? {
            score: {
              raw: Math.min(earned, best),
              min: 0,
              max: best,
              scaled: Math.round((Math.min(earned, best) / best) * 10000) / 10000,
            },
          }
        : {}),
      ...(latencyMs !== undefined ? { duration: isoDuration(latencyMs) } : {}),
      extensions: { [EXT_DECISION_MARKS]: marks },
    },
    context: context(c, [], {}, c.launch.activityId),
  });
}
