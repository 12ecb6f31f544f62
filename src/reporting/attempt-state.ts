/** Building the reporter's view of an attempt from a running engine `Run`. */
import type { Run } from '../engine';
import type { AttemptState } from './reporting.types';

/** The attempt as a reporter needs it: the run's saved form and log, with the app's metadata. */
export function attemptStateOf(
  run: Run,
  meta: { id: string; startedAt: string; endedAt?: string; caseFrom?: string },
): AttemptState {
  return {
    id: meta.id,
    scenarioId: run.compiled.scenario.id,
    startedAt: meta.startedAt,
    ...(meta.endedAt ? { endedAt: meta.endedAt } : {}),
    ...(meta.caseFrom ? { caseFrom: meta.caseFrom } : {}),
    snapshot: run.snapshot(),
    log: run.context.log,
  };
}
