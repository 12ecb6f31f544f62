/** Loading and compiling a scenario for the briefing, player and debrief. */
import { use } from 'react';
import { useTranslation } from 'react-i18next';
import { compileScenario, type CompiledScenario } from '../engine';
import { courseIndex, homeContent, scenarioContent, type ScenarioMeta } from '../content';

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

export { caseFileFor, type CaseFileSource } from './case-file-source';
export { courseIndex };
