/** Loading and compiling a scenario for the briefing, player and debrief. */
import { use } from 'react';
import { useTranslation } from 'react-i18next';
import { compileScenario, defaultCaseFile, emptyCaseFile, type CaseFile, type CompiledScenario } from '../engine';
import { courseIndex, homeContent, scenarioContent, type ScenarioMeta } from '../content';
import { latestCompleted, type AttemptRecord } from '../store/progress';

const compiledCache = new WeakMap<object, CompiledScenario>();

/** The scenario (localised), compiled, and its metadata; suspends while loading. */
export function useScenario(id: string): { compiled: CompiledScenario; meta: ScenarioMeta } {
  const { i18n } = useTranslation();
  const scenario = use(scenarioContent(id, i18n.language));
  const { scenarios } = use(homeContent(i18n.language));
  let compiled = compiledCache.get(scenario);
  if (!compiled) {
    compiled = compileScenario(scenario);
    compiledCache.set(scenario, compiled);
  }
  return { compiled, meta: scenarios.find((s) => s.id === id)! };
}

/** Where a new attempt's case file comes from. */
export type CaseFileSource =
  | { kind: 'fresh'; caseFile: CaseFile }
  | { kind: 'carried'; caseFile: CaseFile; from: AttemptRecord; previousId: string }
  | { kind: 'default'; caseFile: CaseFile; previousId: string; description: string };

/**
 * Part N of a case starts from the latest completed attempt at part N−1; without one, from the scenario's
 * documented default case file (and the learner is told so).
 */
export function caseFileFor(compiled: CompiledScenario, meta: ScenarioMeta, attempts: Record<string, AttemptRecord>): CaseFileSource {
  if (!meta.case || meta.case.part < 2) return { kind: 'fresh', caseFile: emptyCaseFile() };
  const previousId = meta.case.parts[meta.case.part - 2];
  const from = latestCompleted(attempts, previousId);
  if (from?.caseFileOut) return { kind: 'carried', caseFile: from.caseFileOut, from, previousId };
  return {
    kind: 'default',
    caseFile: defaultCaseFile(compiled),
    previousId,
    description: compiled.scenario.defaultCaseFile?.description ?? '',
  };
}

export { courseIndex };
