/**
 * Turns an attempt's decision log into what the debrief shows. Marks come from the scene data and the log;
 * scores come only from the engine's `scoreLog`.
 */
import type { TFunction } from 'i18next';
import { bestSelection, startRun, type AttemptSnapshot, type CompiledScenario, type Failing, type LogEntry, type Marks, type Reference, type ScoredItem } from '../../engine';
import { FAILINGS, type Scene } from '../../engine/types';
import type { Run } from '../../engine';
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

/** What was on offer at one decision. */
export interface Offered {
  /** Ids of the items and verdicts offered. */
  ids: Set<string>;
  /** The best feasible selection there (item ids, then the verdict of a review). */
  best: string[];
  /** Every offered id in the order the learner saw them (the attempt's seeded order). */
  order: string[];
}

/** What was on offer at each decision (by log sequence number), found by replaying the attempt. */
export function offeredAt(compiled: CompiledScenario, snapshot: AttemptSnapshot): Map<number, Offered> {
  const out = new Map<number, Offered>();
  const run = startRun(compiled, { caseFile: snapshot.caseFileIn, seed: snapshot.seed, mode: snapshot.mode });
  let seq = 0;
  for (const e of snapshot.events) {
    if (e.type === 'decision.made') {
      const v = run.view();
      out.set(++seq, offeredNow(v.scene.scene, run));
    }
    // A decision that no longer fits (a changed scenario) ends the replay; later decisions use the scene data.
    if (!run.send(e).ok) break;
  }
  return out;
}

/** What is on offer at a run's current scene (for practice feedback, before the decision is committed). */
export function offeredNow(scene: Scene, run: Run): Offered {
  const v = run.view();
  const best = bestSelection(scene, run.context);
  const order = [...v.scene.items, ...v.scene.verdicts].map((i) => i.id);
  return { ids: new Set(order), best: [...best.choice, ...(best.verdict ? [best.verdict] : [])], order };
}

export function reviewDecisions(
  compiled: CompiledScenario,
  log: LogEntry[],
  refs: Map<string, Reference>,
  t: TFunction<['debrief', 'failings']>,
  offered: Map<number, Offered> = new Map(),
): ReviewedDecision[] {
  const name = (f: Failing) => t(`failings:${f}.short`);
  return log.map((e): ReviewedDecision => {
    const scene = compiled.scenes.get(e.sceneId);
    const bestTotal = FAILINGS.reduce((s, f) => s + e.best[f], 0);
    const earnedTotal = FAILINGS.reduce((s, f) => s + e.earned[f], 0);
    if (!scene) return { seq: e.seq, sceneTitle: t('debrief:decision.sceneGone', { id: e.sceneId }), chosen: e.choice.map((id) => ({ id, text: id, marks: [], critical: false, references: [] })), stronger: [], rationale: e.rationale, earned: earnedTotal, best: bestTotal };
    const interaction = scene.choice ?? scene.actions ?? scene.record ?? scene.search ?? scene.review;
    const all: ScoredItem[] = scene.choice?.options ?? scene.actions?.options ?? scene.record?.entries ?? scene.search?.terms ?? scene.review?.issues ?? [];
    const here = offered.get(e.seq);
    // In the order the learner saw them.
    const rank = (i: ScoredItem) => (here ? here.order.indexOf(i.id) : all.indexOf(i));
    const inOrder = (list: ScoredItem[]) => [...list].sort((a, b) => rank(a) - rank(b));
    // Stronger choices are only those the learner was actually offered.
    const items = here ? all.filter((i) => here.ids.has(i.id) || e.choice.includes(i.id)) : all;
    const chosen = inOrder(all.filter((i) => e.choice.includes(i.id)));
    let stronger: ScoredItem[];
    let verdict: ScoredItem | undefined;
    // A stronger choice exists only where the learner's selection fell short of the best selection's total.
    if (earnedTotal >= bestTotal) {
      stronger = [];
      if (scene.review) verdict = scene.review.verdicts.find((v) => v.id === e.verdict);
    } else if (scene.choice) {
      stronger = bestOf(items, bestTotal).filter((i) => !e.choice.includes(i.id));
    } else {
      // Where the attempt was replayed, the stronger choice is the best feasible selection itself (what a
      // budget allows), not every item with marks.
      stronger = here
        ? items.filter((i) => here.best.includes(i.id) && !e.choice.includes(i.id))
        : items.filter((i) => total(i.marks) > 0 && !e.choice.includes(i.id));
      stronger = inOrder(stronger);
      if (scene.review) {
        verdict = scene.review.verdicts.find((v) => v.id === e.verdict);
        const verdicts = here ? scene.review.verdicts.filter((v) => here.ids.has(v.id)) : scene.review.verdicts;
        const bestVerdicts = here
          ? verdicts.filter((v) => here.best.includes(v.id) && v.id !== e.verdict)
          : bestOf(verdicts, bestTotal).filter((v) => v.id !== e.verdict);
        stronger = [...stronger, ...bestVerdicts];
      }
    }
    const modelRationale = interaction && 'modelRationale' in interaction ? interaction.modelRationale : undefined;
    return {
      seq: e.seq,
      sceneTitle: scene.title,
      prompt: interaction && 'prompt' in interaction ? interaction.prompt : undefined,
      chosen: chosen.map((i) => item(i, refs, name)),
      ...(verdict ? { verdict: item(verdict, refs, name) } : {}),
      stronger: stronger.map((i) => item(i, refs, name)),
      rationale: e.rationale,
      ...(modelRationale ? { modelRationale } : {}),
      noneChosen: chosen.length === 0,
      earned: earnedTotal,
      best: bestTotal,
    };
  });
}
