/** What the last decision turned up, derived from the run (so it is the same after a reload). */
import type { TFunction } from 'i18next';
import type { CompiledScenario, Run, RunView } from '../../engine';
import type { SearchResult } from '../../components/player/CaseFilePanel';

function recordTitles(compiled: CompiledScenario, view: Pick<RunView, 'caseFile'>, ids: string[]): string[] {
  const all = [...view.caseFile.records, ...(compiled.scenario.records ?? [])];
  return ids.map((id) => all.find((r) => r.id === id)?.title ?? id);
}

/** The searches made so far, with the titles of the records each found. */
export function searchResults(compiled: CompiledScenario, view: RunView): SearchResult[] {
  const terms = new Map(compiled.scenario.scenes.flatMap((s) => s.search?.terms ?? []).map((x) => [x.id, x.text]));
  return Object.entries(view.found).map(([term, ids]) => ({ term: terms.get(term) ?? term, records: recordTitles(compiled, view, ids) }));
}

/** Findings, search results or the record written by the decision just made; undefined after a narrative scene. */
export function lastOutcome(compiled: CompiledScenario, run: Run, t: TFunction<'player'>): { heading: string; lines: string[] } | undefined {
  const events = run.snapshot().events;
  const last = events[events.length - 1];
  if (!last || last.type !== 'decision.made') return undefined;
  const entry = run.context.log[run.context.log.length - 1];
  const scene = compiled.scenes.get(entry.sceneId);
  if (!scene) return undefined;
  if (scene.actions) {
    const lines = scene.actions.options.filter((o) => entry.choice.includes(o.id) && o.findings).map((o) => o.findings!);
    return { heading: t('outcome.findings'), lines };
  }
  if (scene.search) {
    const view = run.view();
    const lines = scene.search.terms
      .filter((x) => entry.choice.includes(x.id))
      .map((x) => {
        const ids = view.found[x.id] ?? [];
        return ids.length ? t('outcome.found', { term: x.text, records: recordTitles(compiled, view, ids).join('; ') }) : t('outcome.notFound', { term: x.text });
      });
    return { heading: t('outcome.search'), lines };
  }
  if (scene.record) return { heading: t('outcome.record'), lines: [t('outcome.recordAdded', { title: scene.record.title })] };
  return undefined;
}
