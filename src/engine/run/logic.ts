/**
 * The pure rules of a run: what a scene offers, whether a decision is valid, what it earns and changes, and
 * where it leads. The compiled XState machine calls these from its guards and actions; the checker and the
 * view use them too, so there is one source of truth.
 */
import type {
  Budget,
  CaseFile,
  CaseRecord,
  DecisionInput,
  Effects,
  Failing,
  FailingMarks,
  InteractionKind,
  LogEntry,
  Next,
  RunContext,
  Scenario,
  Scene,
  ScoredItem,
} from '../types.ts';
import { FAILINGS } from '../types.ts';
import { parseClock } from './clock.ts';
import { holds } from './conditions.ts';

/** The kind of interaction a scene asks for. */
export function sceneKind(scene: Scene): InteractionKind {
  if (scene.choice) return 'choice';
  if (scene.actions) return 'actions';
  if (scene.record) return 'record';
  if (scene.search) return 'search';
  if (scene.review) return 'review';
  if (scene.ending) return 'ending';
  return 'narrative';
}

/** The scored items a scene lists (review: the issues; verdicts separately). */
export function sceneItems(scene: Scene): ScoredItem[] {
  return (
    scene.choice?.options ??
    scene.actions?.options ??
    scene.record?.entries ??
    scene.search?.terms ??
    scene.review?.issues ??
    []
  );
}

/** The review verdicts of a scene, or none. */
export function sceneVerdicts(scene: Scene): ScoredItem[] {
  return scene.review?.verdicts ?? [];
}

/** The decision a scene asks for (its prompt, rationale and items), or none for a narrative scene or an ending. */
export function sceneInteraction(scene: Scene) {
  return scene.choice ?? scene.actions ?? scene.record ?? scene.search ?? scene.review;
}

/** Whether the scene requires, allows or does not ask for a rationale. */
export function sceneRationale(scene: Scene): 'required' | 'optional' | undefined {
  return sceneInteraction(scene)?.rationale;
}

/** The scene's budget, if it has one. */
export function sceneBudget(scene: Scene): Budget | undefined {
  return scene.actions?.budget ?? scene.search?.budget ?? scene.record?.budget;
}

/** Marks with all five failings, zero-filled. */
export function zeroMarks(): FailingMarks {
  return { F1: 0, F2: 0, F3: 0, F4: 0, F5: 0 };
}

function markOf(item: ScoredItem, f: Failing): number {
  return item.marks?.[f] ?? 0;
}

/** Minutes an item costs: an action's `minutes`, plus any `effects.minutes`. */
export function itemMinutes(item: ScoredItem & { minutes?: number }): number {
  return (item.minutes ?? 0) + (item.effects?.minutes ?? 0);
}

/** The items of a scene offered in this context (their `when` holds). */
export function availableItems(scene: Scene, ctx: RunContext): ScoredItem[] {
  return sceneItems(scene).filter((i) => holds(i.when, ctx));
}

/** The verdicts of a review scene offered in this context. */
export function availableVerdicts(scene: Scene, ctx: RunContext): ScoredItem[] {
  return sceneVerdicts(scene).filter((i) => holds(i.when, ctx));
}

/** The single best feasible selection at a decision, and its marks. */
export interface BestSelection {
  /** Item ids, in scenario order. */
  choice: string[];
  verdict?: string;
  /** Marks per failing (each summed over the selection, never below 0). */
  marks: FailingMarks;
  /** The sum of `marks` over the five failings. */
  total: number;
  /** The distinct marks of every selection with the same top total, `marks` first. */
  ties: FailingMarks[];
}

/** Per-failing marks of a selection: summed, and never below 0 at one decision. */
export function selectionMarks(items: readonly ScoredItem[]): FailingMarks {
  const m = zeroMarks();
  for (const f of FAILINGS)
    m[f] = Math.max(
      0,
      items.reduce((s, i) => s + markOf(i, f), 0),
    );
  return m;
}

function totalMarks(m: FailingMarks): number {
  return FAILINGS.reduce((s, f) => s + m[f], 0);
}

/** Whether marks `a` beat `b`: a higher total; at a tie, the higher mark in F1, then F2, … F5. */
function beats(a: FailingMarks, b: FailingMarks): boolean {
  const ta = totalMarks(a);
  const tb = totalMarks(b);
  if (ta !== tb) return ta > tb;
  for (const f of FAILINGS) if (a[f] !== b[f]) return a[f] > b[f];
  return false;
}

/** The fewest items a decision needs at this kind of scene. */
export function minItems(scene: Scene): number {
  if (scene.choice) return 1;
  if (scene.review) return 0;
  if (scene.record) return scene.record.minEntries ?? 1;
  return 1;
}

/** Subsets larger than this are not enumerated item by item (the pure-positive items are then taken whole). */
const ENUMERATION_LIMIT = 22;

/**
 * The best feasible selection at a scene in this context: among every selection the decision allows (one option;
 * or items within the budget and at least the minimum; plus one verdict for a review), the one with the highest
 * total of per-failing marks. Ties are broken by the higher mark in F1, then F2 … F5, then fewer items, then
 * scenario order. A learner who makes this selection earns exactly these marks, so the best is always reachable.
 */
export function bestSelection(scene: Scene, ctx: RunContext): BestSelection {
  // The best depends only on which items and verdicts are offered: cache it on those.
  const offered = availableItems(scene, ctx);
  const key = `${offered.map((i) => i.id).join(',')}|${availableVerdicts(scene, ctx)
    .map((v) => v.id)
    .join(',')}`;
  let perScene = bestCache.get(scene);
  if (!perScene) bestCache.set(scene, (perScene = new Map()));
  const hit = perScene.get(key);
  if (hit) return hit;
  const result = computeBest(scene, ctx, offered);
  perScene.set(key, result);
  return result;
}

const bestCache = new WeakMap<Scene, Map<string, BestSelection>>();

function computeBest(scene: Scene, ctx: RunContext, offered: ScoredItem[]): BestSelection {
  const items = offered;
  const verdicts: (ScoredItem | undefined)[] = scene.review ? availableVerdicts(scene, ctx) : [undefined];
  let best: { sel: ScoredItem[]; verdict?: ScoredItem; marks: FailingMarks } | undefined;
  const tops = new Map<string, FailingMarks>();
  let topTotal = -1;
  const consider = (sel: ScoredItem[], verdict: ScoredItem | undefined) => {
    const marks = selectionMarks(verdict ? [...sel, verdict] : sel);
    const total = totalMarks(marks);
    if (total > topTotal) {
      topTotal = total;
      tops.clear();
    }
    if (total === topTotal) tops.set(FAILINGS.map((f) => marks[f]).join(','), marks);
    if (!best || beats(marks, best.marks) || (!beats(best.marks, marks) && sel.length < best.sel.length))
      best = { sel, verdict, marks };
  };
  if (scene.choice) {
    for (const item of items) consider([item], undefined);
  } else {
    const budget = sceneBudget(scene);
    const min = minItems(scene);
    // Items with no positive mark never raise a failing; they are used only to make up the minimum.
    const helpful = items.filter((i) => FAILINGS.some((f) => markOf(i, f) > 0));
    const filler = items
      .filter((i) => !helpful.includes(i))
      .sort((a, b) => totalMarks(selectionMarks([b])) - totalMarks(selectionMarks([a])) || itemCost(a) - itemCost(b));
    // Without a budget, an item with no negative mark can only help: take every one and enumerate the rest.
    const sure = budget ? [] : helpful.filter((i) => FAILINGS.every((f) => markOf(i, f) >= 0));
    let open = helpful.filter((i) => !sure.includes(i));
    if (open.length > ENUMERATION_LIMIT) {
      // Too many to enumerate (2^22 selections): keep the strongest by total. An approximation; no decision in
      // the course offers more than a dozen items.
      open = [...open].sort((a, b) => totalMarks(selectionMarks([b])) - totalMarks(selectionMarks([a])));
      open = open.slice(0, ENUMERATION_LIMIT);
    }
    const fits = (sel: ScoredItem[]) => {
      if (!budget) return true;
      if ('count' in budget) return sel.length <= budget.count;
      return sel.reduce((s, i) => s + itemCost(i), 0) <= budget.minutes;
    };
    const padded = (sel: ScoredItem[]): ScoredItem[] | undefined => {
      const out = [...sel];
      for (const f of filler) {
        if (out.length >= min) break;
        if (fits([...out, f])) out.push(f);
      }
      return out.length >= min && fits(out) ? out : undefined;
    };
    const chosen: ScoredItem[] = [...sure];
    const walk = (i: number) => {
      if (!fits(chosen)) return;
      if (i === open.length) {
        const sel = padded(chosen);
        if (sel) for (const v of verdicts) consider(inScenarioOrder(items, sel), v);
        return;
      }
      chosen.push(open[i]);
      walk(i + 1);
      chosen.pop();
      walk(i + 1);
    };
    walk(0);
  }
  const found = best ?? { sel: [], verdict: undefined, marks: zeroMarks() };
  const ties = [...tops.values()].filter((m) => m !== found.marks && FAILINGS.some((f) => m[f] !== found.marks[f]));
  return {
    choice: found.sel.map((i) => i.id),
    ...(found.verdict ? { verdict: found.verdict.id } : {}),
    marks: found.marks,
    total: totalMarks(found.marks),
    ties: [found.marks, ...ties.sort((a, b) => (beats(a, b) ? -1 : beats(b, a) ? 1 : 0))],
  };
}

/** The minutes an action takes from a minutes budget (0 for items that are not actions). */
export function itemCost(i: ScoredItem): number {
  return (i as { minutes?: number }).minutes ?? 0;
}

function inScenarioOrder(all: readonly ScoredItem[], sel: readonly ScoredItem[]): ScoredItem[] {
  return all.filter((i) => sel.includes(i));
}

/** Best marks available at a scene in this context, per failing: the marks of the best feasible selection. */
export function bestMarks(scene: Scene, ctx: RunContext): FailingMarks {
  return bestSelection(scene, ctx).marks;
}

/**
 * What a selection earns at a decision, and the best it is measured against. A selection with the top total is
 * itself a best selection: it earns its own marks out of its own marks (100%). Any other selection is measured
 * against the best selection closest to it (of those with the top total, the one it shares most marks with;
 * at a tie, the first in tie-break order), and earns per failing no more than that selection does there, so no
 * failing scores over 100% and a failing the best selection does not assess stays unassessed.
 */
export function scoreSelection(raw: FailingMarks, best: BestSelection): { earned: FailingMarks; best: FailingMarks } {
  if (totalMarks(raw) >= best.total) return { earned: { ...raw }, best: { ...raw } };
  let target = best.marks;
  let shared = -1;
  for (const candidate of best.ties) {
    const s = FAILINGS.reduce((sum, f) => sum + Math.min(raw[f], candidate[f]), 0);
    if (s > shared) [target, shared] = [candidate, s];
  }
  const earned = zeroMarks();
  for (const f of FAILINGS) earned[f] = Math.min(raw[f], target[f]);
  return { earned, best: { ...target } };
}

/** Why a decision was refused: a stable code and a plain message. */
export interface DecisionError {
  code:
    | 'wrong-scene'
    | 'ended'
    | 'not-a-decision'
    | 'unknown-item'
    | 'not-offered'
    | 'duplicate-item'
    | 'one-option'
    | 'too-few'
    | 'over-budget'
    | 'verdict-needed'
    | 'rationale-needed';
  message: string;
}

/** A decision's outcome, before it is applied. */
export interface Evaluated {
  items: ScoredItem[];
  verdict?: ScoredItem;
  earned: FailingMarks;
  best: FailingMarks;
  critical: string[];
  minutes: number;
}

/** Checks a decision against the scene and context and works out its marks. */
export function evaluateDecision(
  scene: Scene,
  ctx: RunContext,
  input: DecisionInput,
): { ok: true; value: Evaluated } | { ok: false; error: DecisionError } {
  const kind = sceneKind(scene);
  if (kind === 'narrative' || kind === 'ending')
    return { ok: false, error: { code: 'not-a-decision', message: `scene "${scene.id}" asks for no decision` } };
  const all = sceneItems(scene);
  const offered = new Set(availableItems(scene, ctx).map((i) => i.id));
  const seen = new Set<string>();
  for (const id of input.choice) {
    if (!all.some((i) => i.id === id))
      return { ok: false, error: { code: 'unknown-item', message: `"${id}" is not an item of scene "${scene.id}"` } };
    if (!offered.has(id))
      return {
        ok: false,
        error: { code: 'not-offered', message: `"${id}" is not offered in scene "${scene.id}" now` },
      };
    if (seen.has(id)) return { ok: false, error: { code: 'duplicate-item', message: `"${id}" is chosen twice` } };
    seen.add(id);
  }
  // Keep the scenario's order so logs and effects do not depend on click order.
  const items = all.filter((i) => seen.has(i.id));
  if (kind === 'choice' && items.length !== 1)
    return { ok: false, error: { code: 'one-option', message: 'choose exactly one option' } };
  const min = minItems(scene);
  if (items.length < min) return { ok: false, error: { code: 'too-few', message: `choose at least ${min}` } };
  const budget = sceneBudget(scene);
  if (budget && 'count' in budget && items.length > budget.count)
    return { ok: false, error: { code: 'over-budget', message: `choose at most ${budget.count}` } };
  const actionMinutes = items.reduce((s, i) => s + itemCost(i), 0);
  if (budget && 'minutes' in budget && actionMinutes > budget.minutes)
    return {
      ok: false,
      error: { code: 'over-budget', message: `those take ${actionMinutes} minutes; you have ${budget.minutes}` },
    };
  let verdict: ScoredItem | undefined;
  if (kind === 'review') {
    verdict = availableVerdicts(scene, ctx).find((v) => v.id === input.verdict);
    if (!verdict) return { ok: false, error: { code: 'verdict-needed', message: 'choose a verdict' } };
  }
  if (sceneRationale(scene) === 'required' && !input.rationale?.trim())
    return { ok: false, error: { code: 'rationale-needed', message: 'write your rationale before you commit' } };

  const scored = verdict ? [...items, verdict] : items;
  const { earned, best } = scoreSelection(selectionMarks(scored), bestSelection(scene, ctx));
  const minutes = scored.reduce((s, i) => s + itemMinutes(i), 0);
  return {
    ok: true,
    value: {
      items,
      verdict,
      earned,
      best,
      critical: scored.filter((i) => i.critical).map((i) => i.id),
      minutes,
    },
  };
}

function addSorted(list: string[], add: readonly string[] = [], remove: readonly string[] = []): string[] {
  const set = new Set(list);
  add.forEach((x) => set.add(x));
  remove.forEach((x) => set.delete(x));
  return [...set].sort();
}

/** Applies effects to a case file (flags, facts, exhibits). Pure: returns a new case file. */
export function applyEffects(
  scenario: Scenario,
  caseFile: CaseFile,
  effects: Effects | undefined,
  reveal: readonly string[] | undefined,
  clock: number,
): CaseFile {
  const revealIds = [...(reveal ?? []), ...(effects?.reveal ?? [])];
  if (!effects && revealIds.length === 0) return caseFile;
  const facts = [...caseFile.facts];
  for (const id of revealIds) {
    if (facts.some((f) => f.id === id)) continue;
    const fact = scenario.facts?.find((f) => f.id === id);
    if (fact) facts.push({ id, text: fact.text, scenarioId: scenario.id, clock });
  }
  const exhibits = [...caseFile.exhibits];
  for (const id of effects?.seize ?? []) {
    if (exhibits.some((e) => e.id === id)) continue;
    const ex = scenario.exhibits?.find((e) => e.id === id);
    if (ex) exhibits.push({ id, label: ex.label, ref: ex.ref, scenarioId: scenario.id, clock });
  }
  return {
    ...caseFile,
    flags: addSorted(caseFile.flags, effects?.set, effects?.clear),
    facts,
    exhibits,
  };
}

/** Resolves `next` against a context: a scene id, or the first branch whose condition holds. */
export function resolveNext(next: Next | undefined, ctx: RunContext): string | undefined {
  if (next === undefined) return undefined;
  if (typeof next === 'string') return next;
  return next.find((b) => holds(b.when, ctx))?.to;
}

/** Every scene id a `next` can lead to. */
export function nextTargets(next: Next | undefined): string[] {
  if (next === undefined) return [];
  return typeof next === 'string' ? [next] : next.map((b) => b.to);
}

/** The `next` that applies after choosing `item` (an option's or verdict's own `next` wins). */
export function nextFor(scene: Scene, chosen: (ScoredItem & { next?: Next })[]): Next | undefined {
  const own = chosen.find((i) => i.next !== undefined)?.next;
  if (own !== undefined) return own;
  return (scene.choice ?? scene.actions ?? scene.record ?? scene.search ?? scene.review)?.next ?? scene.next;
}

/** The context after entering a scene: its reveals and effects, and at an ending its consequences. */
export function enterScene(scenario: Scenario, scene: Scene, ctx: RunContext): RunContext {
  // A scene's `clock` sets the story time on entry; the clock never runs backwards.
  const clock = scene.clock ? Math.max(ctx.clock, parseClock(scene.clock)) : ctx.clock;
  const caseFile = applyEffects(scenario, ctx.caseFile, scene.effects, scene.reveal, clock);
  const next: RunContext = {
    ...ctx,
    caseFile,
    clock: clock + (scene.effects?.minutes ?? 0),
  };
  if (!scene.ending) return next;
  return {
    ...next,
    ending: scene.id,
    consequences: (scenario.consequences ?? []).filter((c) => holds(c.when, next)).map((c) => c.id),
  };
}

/** Records every term of a search: which records (case file and the scenario's own) match its tags. */
function runSearch(scenario: Scenario, ctx: RunContext, terms: ScoredItem[]): Record<string, string[]> {
  const pool: { id: string; entries: { tags?: string[] }[] }[] = [...ctx.caseFile.records, ...(scenario.records ?? [])];
  const found = { ...ctx.found };
  for (const term of terms) {
    const tags = (term as { tags?: string[] }).tags ?? [];
    found[term.id] = pool
      .filter((r) => r.entries.some((e) => (e.tags ?? []).some((t) => tags.includes(t))))
      .map((r) => r.id);
  }
  return found;
}

/**
 * Applies a valid decision: logs it, applies effects in scenario order, writes the record or runs the search,
 * and advances the clock. Pure: returns the new context. `next` is resolved by the caller on the result.
 */
export function applyDecision(
  scenario: Scenario,
  scene: Scene,
  ctx: RunContext,
  input: DecisionInput & { at?: string },
  ev: Evaluated,
): RunContext {
  const chosenItems = ev.verdict ? [...ev.items, ev.verdict] : ev.items;
  let caseFile = ctx.caseFile;
  for (const item of chosenItems) caseFile = applyEffects(scenario, caseFile, item.effects, undefined, ctx.clock);
  if (scene.record) {
    const rec: CaseRecord = {
      id: scene.record.id,
      kind: scene.record.kind,
      title: scene.record.title,
      author: 'learner',
      scenarioId: scenario.id,
      clock: ctx.clock,
      entries: ev.items.map((i) => ({ id: i.id, text: i.text, tags: (i as { tags?: string[] }).tags ?? [] })),
    };
    caseFile = { ...caseFile, records: [...caseFile.records.filter((r) => r.id !== rec.id), rec] };
  }
  const found = scene.search ? runSearch(scenario, { ...ctx, caseFile }, ev.items) : ctx.found;
  const entry: LogEntry = {
    seq: ctx.log.length + 1,
    sceneId: scene.id,
    kind: sceneKind(scene) as LogEntry['kind'],
    choice: ev.items.map((i) => i.id),
    ...(ev.verdict ? { verdict: ev.verdict.id } : {}),
    ...(input.rationale?.trim() ? { rationale: input.rationale.trim() } : {}),
    clock: ctx.clock,
    minutes: ev.minutes,
    earned: ev.earned,
    best: ev.best,
    critical: ev.critical,
    ...(input.at ? { at: input.at } : {}),
  };
  return {
    ...ctx,
    caseFile,
    found,
    clock: ctx.clock + ev.minutes,
    chosen: { ...ctx.chosen, [scene.id]: chosenItems.map((i) => i.id) },
    log: [...ctx.log, entry],
  };
}
