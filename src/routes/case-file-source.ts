/** Where a new attempt's case file comes from (parts of a case carry it). */
import { defaultCaseFile, emptyCaseFile, type CaseFile, type CompiledScenario } from '../engine';
import type { ScenarioMeta } from '../content/content.types';
import { latestCompleted } from '../store/progress-selectors';
import type { AttemptRecord } from '../store/progress.types';

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

