/** The in-memory reporter for tests and development: the local reporter over a records list in memory. */
import { LocalReporter } from '../local/local-reporter';
import { memoryRecordsStore, type LocalRecord } from '../local/local-records';
import type { Timers } from '../retry-channel';

/** A reporter that keeps records and its calls in memory (`reporter.calls`, `reporter.store.records`). */
export function memoryReporter(initial: LocalRecord[] = [], timers?: Timers) {
  const store = memoryRecordsStore(initial);
  const reporter = new LocalReporter(store, 'memory', timers) as LocalReporter & { store: typeof store };
  return reporter;
}
