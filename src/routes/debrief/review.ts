/**
 * Turns an attempt's decision log into what the debrief shows. Marks come from the scene data and the log;
 * scores come only from the engine's `scoreLog`.
 */
import type { TFunction } from 'i18next';
import type { CompiledScenario, Failing, LogEntry, Marks, Reference, ScoredItem } from '../../engine';
import { FAILINGS } from '../../engine/types';
import type { ReviewedDecision, ReviewedItem } from '../../components/debrief/DecisionReview';

const total = (m: Marks | undefined) => FAILINGS.reduce((s, f) => s + (m?.[f] ?? 0), 0);

function item(i: ScoredItem, refs: Map<string, Reference>, failingName: (f: Failing) => string): ReviewedItem {
  return {
    id: i.id,
    text: i.text,
    feedback: i.feedback,
    marks: FAILINGS.filter((f) => (i.marks?.[f] ?? 0) !== 0).map((f) => `${f} ${failingName(f)} ${(i.marks![f]! > 0 ? '+' : '') + i.marks![f]}`),
    critical: Boolean(i.critical),
    // Learners see titles, never recommendation numbers.
    references: (i.refs ?? []).map((r) => refs.get(r)?.title ?? r),
  };
}

/** The strongest items of a single choice: the highest total marks, among what could have been on offer. */
function bestOf(items: ScoredItem[], ceiling: number): ScoredItem[] {
  const candidates = items.filter((i) => total(i.marks) <= ceiling && !i.critical);
  const top = Math.max(...candidates.map((i) => total(i.marks)));
  return top > 0 ? candidates.filter((i) => total(i.marks) === top) : [];
}

export function reviewDecisions(
  compiled: CompiledScenario,
  log: LogEntry[],
  refs: Map<string, Reference>,
  t: TFunction<['debrief', 'failings']>,
): ReviewedDecision[] {
  const name = (f: Failing) => t(`failings:${f}.short`);
  return log.map((e): ReviewedDecision => {
    const scene = compiled.scenes.get(e.sceneId);
    if (!scene) return { seq: e.seq, sceneTitle: t('debrief:decision.sceneGone', { id: e.sceneId }), chosen: e.choice.map((id) => ({ id, text: id, marks: [], critical: false, references: [] })), stronger: [], rationale: e.rationale };
    const interaction = scene.choice ?? scene.actions ?? scene.record ?? scene.search ?? scene.review;
    const items: ScoredItem[] = scene.choice?.options ?? scene.actions?.options ?? scene.record?.entries ?? scene.search?.terms ?? scene.review?.issues ?? [];
    const chosen = items.filter((i) => e.choice.includes(i.id));
    const bestTotal = FAILINGS.reduce((s, f) => s + e.best[f], 0);
    let stronger: ScoredItem[];
    let verdict: ScoredItem | undefined;
    if (scene.choice) {
      stronger = bestOf(items, bestTotal).filter((i) => !e.choice.includes(i.id));
    } else {
      stronger = items.filter((i) => total(i.marks) > 0 && !e.choice.includes(i.id));
      if (scene.review) {
        verdict = scene.review.verdicts.find((v) => v.id === e.verdict);
        const bestVerdicts = bestOf(scene.review.verdicts, bestTotal).filter((v) => v.id !== e.verdict);
        stronger = [...stronger, ...bestVerdicts];
      }
    }
    return {
      seq: e.seq,
      sceneTitle: scene.title,
      prompt: interaction && 'prompt' in interaction ? interaction.prompt : undefined,
      chosen: chosen.map((i) => item(i, refs, name)),
      ...(verdict ? { verdict: item(verdict, refs, name) } : {}),
      stronger: stronger.map((i) => item(i, refs, name)),
      rationale: e.rationale,
      noneChosen: chosen.length === 0,
    };
  });
}
