/**
 * Walks every path of a compiled scenario. xstate/graph builds the state graph; a state is keyed by its scene
 * and only the context its guards can read (not the scores), so the graph stays small. Decisions that lead to
 * the same state are one edge that keeps the lowest and highest marks among them, and score ranges are
 * computed over the paths of that graph.
 */
import { getAdjacencyMap } from 'xstate/graph';
import type { CaseOpenedEvent, CompiledScenario } from '../run/compile.ts';
import { buildMachine, OPENING, sceneTargets, step, type Step } from '../run/compile.ts';
import { collectReads, emptyReads, type ConditionReads } from '../run/conditions.ts';
import {
  bestSelection,
  scoreSelection,
  selectionMarks,
  availableItems,
  availableVerdicts,
  itemMinutes,
  sceneBudget,
  sceneItems,
  sceneKind,
  sceneRationale,
  sceneVerdicts,
} from '../run/logic.ts';
import type { ScoringRules } from '../scoring/score.ts';
import type { BestSelection } from '../run/logic.ts';
import type { CaseFile, Failing, FailingMarks, RunContext, RunEvent, Scenario, ScoredItem } from '../types.ts';
import { FAILINGS } from '../types.ts';

/** Flags that mark a failure a trainer expects to fail its failing (see scenarios/README.md). */
export const INVARIANT_FLAGS: Record<string, Failing> = {
  'inv.closed-without-enquiry': 'F1',
  'inv.flawed-report-signed': 'F2',
  'inv.key-facts-unrecorded': 'F3',
  'inv.obsolete-category': 'F4',
  'inv.skipped-intel-checks': 'F5',
};

/** Largest number of subsets enumerated at one multi-select decision. */
const MAX_SUBSETS = 20_000;
/** The same limit, for messages. */
export const MAX_COMBINATIONS = MAX_SUBSETS;
/** Largest number of paths enumerated; beyond it the walk reports `truncated`. */
const MAX_PATHS = 2_000_000;

/** Everything the conditions of a scenario read, plus what searches and invariants need. */
export function scenarioReads(scenario: Scenario): ConditionReads {
  const reads = emptyReads();
  for (const scene of scenario.scenes) {
    const nexts = [scene.next, (scene.choice ?? scene.actions ?? scene.record ?? scene.search ?? scene.review)?.next];
    const items: (ScoredItem & { next?: Scenario['scenes'][number]['next'] })[] = [
      ...(scene.choice?.options ?? []),
      ...(scene.actions?.options ?? []),
      ...(scene.record?.entries ?? []),
      ...(scene.search?.terms ?? []),
      ...(scene.review?.issues ?? []),
      ...(scene.review?.verdicts ?? []),
    ];
    for (const it of items) {
      collectReads(it.when, reads);
      nexts.push(it.next);
    }
    for (const n of nexts) if (Array.isArray(n)) n.forEach((b) => collectReads(b.when, reads));
    // Search results depend on which records carry the searched tags.
    scene.search?.terms.forEach((t) => t.tags.forEach((tag) => reads.recorded.add(tag)));
  }
  for (const flag of Object.keys(INVARIANT_FLAGS)) reads.flags.add(flag);
  return reads;
}

/** What guards can see of a case file: its flags, facts, record tags and exhibits that `reads` names. */
export function caseFileParts(cf: CaseFile, reads: ConditionReads): string[][] {
  return [
    cf.flags.filter((f) => reads.flags.has(f)),
    cf.facts
      .filter((f) => reads.facts.has(f.id))
      .map((f) => f.id)
      .sort(),
    [
      ...new Set(cf.records.flatMap((r) => r.entries.flatMap((e) => e.tags)).filter((t) => reads.recorded.has(t))),
    ].sort(),
    cf.exhibits
      .filter((e) => reads.seized.has(e.id))
      .map((e) => e.id)
      .sort(),
  ];
}

/** The last key computed for a context (a walk asks for the same one several times per step). */
const keyCache = new WeakMap<RunContext, { sceneId: string; reads: ConditionReads; key: string }>();

/** A state key: the scene and only what the guards read. */
export function stateKey(sceneId: string, ctx: RunContext, reads: ConditionReads): string {
  const hit = keyCache.get(ctx);
  if (hit && hit.sceneId === sceneId && hit.reads === reads) return hit.key;
  const key = computeStateKey(sceneId, ctx, reads);
  keyCache.set(ctx, { sceneId, reads, key });
  return key;
}

function computeStateKey(sceneId: string, ctx: RunContext, reads: ConditionReads): string {
  const parts = [
    sceneId,
    ...caseFileParts(ctx.caseFile, reads).map((p) => p.join(',')),
    Object.entries(ctx.chosen)
      .flatMap(([s, ids]) => ids.map((i) => `${s}.${i}`))
      .filter((c) => reads.chose.has(c))
      .sort()
      .join(','),
    Object.entries(ctx.found)
      .filter(([t, ids]) => reads.found.has(t) && ids.length > 0)
      .map(([t]) => t)
      .sort()
      .join(','),
    reads.clock ? String(ctx.clock) : '',
    ctx.ending ?? '',
  ];
  return parts.join('|');
}

/** Item lists whose combinations were cut at MAX_SUBSETS (read by `walkScenario` to warn). */
const capped = new WeakSet<object>();

function subsets<T>(items: T[], min: number, max: number, fits: (chosen: T[]) => boolean): T[][] {
  const out: T[][] = [];
  const rec = (i: number, acc: T[]) => {
    if (out.length >= MAX_SUBSETS) {
      capped.add(items);
      return;
    }
    if (i === items.length) {
      if (acc.length >= min && acc.length <= max && fits(acc)) out.push([...acc]);
      return;
    }
    rec(i + 1, acc);
    if (acc.length < max) {
      acc.push(items[i]);
      if (fits(acc)) rec(i + 1, acc);
      acc.pop();
    }
  };
  rec(0, []);
  return out;
}

/** Every decision a learner could make at a scene in this context. */
/** Scenes where a walk met more combinations than it enumerates; cleared by each `walkScenario`. */
const cappedScenes = new Set<string>();

export function possibleEvents(compiled: CompiledScenario, ctx: RunContext, sceneId: string): RunEvent[] {
  const scene = compiled.scenes.get(sceneId)!;
  const kind = sceneKind(scene);
  if (kind === 'ending') return [];
  if (kind === 'narrative') return [{ type: 'scene.continued', sceneId }];
  const rationale = sceneRationale(scene) === 'required' ? { rationale: 'Rationale.' } : {};
  const items = availableItems(scene, ctx);
  const ids = (xs: ScoredItem[]) => xs.map((x) => x.id);
  if (kind === 'choice') return items.map((i) => ({ type: 'decision.made', sceneId, choice: [i.id], ...rationale }));
  const budget = sceneBudget(scene);
  const max = budget && 'count' in budget ? budget.count : items.length;
  const fits =
    budget && 'minutes' in budget
      ? (xs: ScoredItem[]) => xs.reduce((s, x) => s + ((x as { minutes?: number }).minutes ?? 0), 0) <= budget.minutes
      : () => true;
  const min = kind === 'record' ? (scene.record?.minEntries ?? 1) : kind === 'review' ? 0 : 1;
  const sets = subsets(items, min, max, fits);
  if (capped.has(items)) cappedScenes.add(sceneId);
  if (kind !== 'review') return sets.map((s) => ({ type: 'decision.made', sceneId, choice: ids(s), ...rationale }));
  const verdicts = availableVerdicts(scene, ctx);
  return sets.flatMap((s) =>
    verdicts.map((v): RunEvent => ({ type: 'decision.made', sceneId, choice: ids(s), verdict: v.id, ...rationale })),
  );
}

/** One edge of the reduced graph: all the decisions at a state that lead to the same next state. */
interface EdgeMarks {
  min: FailingMarks;
  max: FailingMarks;
  best: FailingMarks;
  /** The decision with the highest total among those without critical errors (or the fewest). */
  rep: { earned: FailingMarks; critical: number };
}

/** Score range of one failing over all paths. */
export interface FailingRange {
  /** Lowest score on any path (null: not assessed on any path). */
  min: number | null;
  max: number | null;
  /** Whether some path reaches 100% (true when the failing is assessed on some path). */
  canReachFull: boolean;
  /** Number of paths on which the failing is assessed. */
  assessedPaths: number;
}

/** What walking every path found. */
export interface WalkReport {
  scenarioId: string;
  /** Distinct states in the reduced graph. */
  states: number;
  /** Paths from the start to an ending. */
  paths: number;
  /** True if path enumeration stopped at the limit. */
  truncated: boolean;
  failings: Record<Failing, FailingRange>;
  /** Whether some path ends competent (by the witness decisions). */
  someCompetent: boolean;
  /** Endings reached on some path. */
  endingsReached: string[];
  /** Endings declared but reached on no path. */
  endingsNeverReached: string[];
  /** Scenes where, in some reachable situation, the learner can do nothing. */
  stuck: { sceneId: string }[];
  /** Per invariant flag: the highest score of its failing on any path that ends with the flag set. */
  invariants: Record<string, { failing: Failing; paths: number; maxScore: number | null }>;
  /** One shortest event script per ending reached, with the case file it starts from (for tests and demos). */
  scripts: Record<string, { caseFile: CaseFile; events: RunEvent[] }>;
  /** Distinct case files the walk ended with (for walking the next part of a case). */
  endCaseFiles: CaseFile[];
  /** Scenes with more combinations of items than the walk enumerates (only the first MAX_SUBSETS were walked). */
  combinationsCapped: string[];
  /** Set when a later part was walked from a sample of the case files its earlier parts' walks end with. */
  startsSampled?: { used: number; of: number };
}

/**
 * Walks a scenario from the given starting case files, all in one graph: the walk machine opens with a
 * `case.opened` event per starting case file, and states reached from different starts are shared. States are
 * told apart only by what this scenario reads, so the case files it ends with are one per end state.
 */
export function walkScenario(compiled: CompiledScenario, startCaseFiles: CaseFile[], rules: ScoringRules): WalkReport {
  const { scenario } = compiled;
  const reads = scenarioReads(scenario);
  cappedScenes.clear();
  const memo = new WeakMap<object, { ctx: RunContext; result: Step | undefined }>();
  const machine = buildMachine(scenario, { opening: true, memo });
  const groupCache = new Map<string, SignatureGroup[]>();
  const edgeInfo = new Map<string, EdgeMarks>();
  const keyOf = (snap: { value: unknown; context: RunContext }) =>
    snap.value === OPENING ? OPENING : stateKey(String(snap.value), snap.context, reads);
  const zero = () => ({ F1: 0, F2: 0, F3: 0, F4: 0, F5: 0 });
  const serializeEvent = (e: RunEvent | CaseOpenedEvent) =>
    e.type === 'case.opened' ? `open#${startCaseFiles.indexOf(e.caseFile)}` : JSON.stringify(e);

  const eventsFor = (snap: { value: unknown; context: RunContext; status: string }): (RunEvent | CaseOpenedEvent)[] => {
    if (snap.status === 'done') return [];
    if (snap.value === OPENING) {
      const opens = startCaseFiles.map((caseFile): CaseOpenedEvent => ({ type: 'case.opened', caseFile }));
      for (const ev of opens)
        edgeInfo.set(`${OPENING}#${serializeEvent(ev)}`, {
          min: zero(),
          max: zero(),
          best: zero(),
          rep: { earned: zero(), critical: 0 },
        });
      return opens;
    }
    const sceneId = String(snap.value);
    const scene = compiled.scenes.get(sceneId)!;
    const from = keyOf(snap);
    const groups = new Map<string, { event: RunEvent; info: EdgeMarks; repTotal: number }>();
    // Decisions are first grouped by a cheap signature of what they change that the guards can see; only
    // one decision per group is stepped through the machine logic.
    for (const sg of signatureGroups(compiled, snap.context, sceneId, reads, groupCache)) {
      const res = step(scenario, scene, snap.context, sg.event);
      memo.set(sg.event, { ctx: snap.context, result: res });
      if (!res || res.target === undefined) continue;
      const best = sg.best;
      const toKey = `${res.target}|${stateKey(res.target, res.ctx, reads)}|${FAILINGS.map((f) => best[f]).join(',')}`;
      const g = groups.get(toKey);
      if (!g) {
        groups.set(toKey, {
          event: sg.event,
          info: {
            min: { ...sg.min },
            max: { ...sg.max },
            best,
            rep: { earned: sg.rep, critical: sg.repCrit },
          },
          repTotal: sg.repTotal,
        });
      } else {
        for (const f of FAILINGS) {
          g.info.min[f] = Math.min(g.info.min[f], sg.min[f]);
          g.info.max[f] = Math.max(g.info.max[f], sg.max[f]);
        }
        if (sg.repTotal > g.repTotal) {
          g.repTotal = sg.repTotal;
          g.info.rep = { earned: sg.rep, critical: sg.repCrit };
        }
      }
    }
    const out: RunEvent[] = [];
    for (const g of groups.values()) {
      edgeInfo.set(`${from}#${JSON.stringify(g.event)}`, g.info);
      out.push(g.event);
    }
    return out;
  };

  const ranges = {} as Record<Failing, { min: number; max: number; assessed: number }>;
  for (const f of FAILINGS) ranges[f] = { min: Infinity, max: -Infinity, assessed: 0 };
  const invariants: WalkReport['invariants'] = {};
  for (const [flag, failing] of Object.entries(INVARIANT_FLAGS))
    invariants[flag] = { failing, paths: 0, maxScore: null };
  let paths = 0;
  let truncated = false;
  let someCompetent = false;
  let states = 0;
  const endings = new Set<string>();
  const stuck: WalkReport['stuck'] = [];
  const scripts: WalkReport['scripts'] = {};
  const endCaseFiles = new Map<string, CaseFile>();

  {
    const adj = getAdjacencyMap(machine, {
      input: { caseFile: startCaseFiles[0] },
      events: eventsFor as never,
      serializeState: keyOf as never,
      serializeEvent: serializeEvent as never,
    });
    states += Object.keys(adj).length - 1;
    type Node = {
      key: string;
      done: boolean;
      ending?: string;
      flags: string[];
      out: { to: string; info: EdgeMarks; start?: CaseFile }[];
    };
    const nodes = new Map<string, Node>();
    for (const [key, v] of Object.entries(adj)) {
      const snap = v.state as unknown as { status: string; context: RunContext; value: unknown };
      const out = Object.entries(v.transitions as Record<string, { state: unknown; event: unknown }>).map(
        ([evKey, t]) => ({
          to: keyOf(t.state as never),
          info: edgeInfo.get(`${key}#${evKey}`)!,
          start: key === OPENING ? (t.event as CaseOpenedEvent).caseFile : undefined,
        }),
      );
      nodes.set(key, {
        key,
        done: snap.status === 'done',
        ending: snap.context.ending,
        flags: snap.context.caseFile.flags,
        out,
      });
      if (snap.status === 'done') {
        endings.add(snap.context.ending!);
        const cf = snap.context.caseFile;
        endCaseFiles.set(JSON.stringify(cf), cf);
      } else if (out.length === 0 && key !== OPENING) stuck.push({ sceneId: String(snap.value) });
    }
    // Enumerate paths depth-first, carrying the sums of min, max and best marks.
    // Chains of single steps (narrative scenes, one-way decisions) become one edge, so a long run of scenes
    // is summed once rather than once per path through it.
    for (const node of nodes.values()) node.out = node.out.map((e) => collapse(nodes, e));
    // getAdjacencyMap fills the map breadth-first from the initial state, so the first key is the start.
    const first = Object.keys(adj)[0];
    const lo = { F1: 0, F2: 0, F3: 0, F4: 0, F5: 0 };
    const hi = { ...lo };
    const best = { ...lo };
    const rep = { ...lo };
    let repCrit = 0;
    let startFlags: string[] = [];
    const onPath = new Set<string>();
    const visit = (key: string) => {
      if (paths >= MAX_PATHS) {
        truncated = true;
        return;
      }
      const node = nodes.get(key)!;
      if (node.done) {
        paths++;
        for (const f of FAILINGS) {
          if (best[f] === 0) continue;
          ranges[f].assessed++;
          ranges[f].min = Math.min(ranges[f].min, lo[f] / best[f]);
          ranges[f].max = Math.max(ranges[f].max, Math.min(1, hi[f] / best[f]));
        }
        for (const [flag, inv] of Object.entries(invariants)) {
          // Only flags this scenario set count: a flag carried from an earlier part was judged there.
          if (!node.flags.includes(flag) || startFlags.includes(flag) || best[inv.failing] === 0) continue;
          inv.paths++;
          const s = hi[inv.failing] / best[inv.failing];
          inv.maxScore = inv.maxScore === null ? s : Math.max(inv.maxScore, s);
        }
        if (!someCompetent) {
          const earned = FAILINGS.reduce((s, f) => s + rep[f], 0);
          const all = FAILINGS.reduce((s, f) => s + best[f], 0);
          const everyMet = FAILINGS.every((f) => best[f] === 0 || rep[f] / best[f] >= rules.failingMet - 1e-9);
          someCompetent =
            all > 0 &&
            earned / all >= rules.competent.overall - 1e-9 &&
            (!rules.competent.everyFailingMet || everyMet) &&
            repCrit <= rules.competent.maxCriticalErrors;
        }
        return;
      }
      onPath.add(key);
      for (const edge of node.out) {
        if (onPath.has(edge.to)) continue; // a loop back; the static check reports loops with no way out
        if (edge.start) startFlags = edge.start.flags;
        for (const f of FAILINGS) {
          lo[f] += edge.info.min[f];
          hi[f] += edge.info.max[f];
          best[f] += edge.info.best[f];
          rep[f] += edge.info.rep.earned[f];
        }
        repCrit += edge.info.rep.critical;
        visit(edge.to);
        for (const f of FAILINGS) {
          lo[f] -= edge.info.min[f];
          hi[f] -= edge.info.max[f];
          best[f] -= edge.info.best[f];
          rep[f] -= edge.info.rep.earned[f];
        }
        repCrit -= edge.info.rep.critical;
      }
      onPath.delete(key);
    };
    visit(first);

    // Shortest script to each ending: breadth-first over the same adjacency map.
    const prev = new Map<string, { from: string; event: RunEvent | CaseOpenedEvent } | null>([[first, null]]);
    const queue = [first];
    while (queue.length) {
      const key = queue.shift()!;
      for (const [, t] of Object.entries(
        (adj as unknown as Record<string, { transitions: unknown }>)[key].transitions as Record<
          string,
          { event: unknown; state: unknown }
        >,
      )) {
        const to = keyOf(t.state as never);
        if (prev.has(to)) continue;
        prev.set(to, { from: key, event: t.event as RunEvent | CaseOpenedEvent });
        queue.push(to);
      }
    }
    for (const node of nodes.values()) {
      if (!node.done) continue;
      const script: (RunEvent | CaseOpenedEvent)[] = [];
      for (let k: string | undefined = node.key; k && prev.get(k); k = prev.get(k)!.from)
        script.unshift(prev.get(k)!.event);
      const [open, ...events] = script as [CaseOpenedEvent, ...RunEvent[]];
      if (!scripts[node.ending!] || scripts[node.ending!].events.length > events.length)
        scripts[node.ending!] = { caseFile: open.caseFile, events };
    }
  }

  const failings = {} as Record<Failing, FailingRange>;
  for (const f of FAILINGS) {
    const r = ranges[f];
    failings[f] = {
      min: r.assessed ? r.min : null,
      max: r.assessed ? r.max : null,
      canReachFull: r.assessed > 0 && r.max >= 1 - 1e-9,
      assessedPaths: r.assessed,
    };
  }
  const allEndings = scenario.scenes.filter((s) => s.ending).map((s) => s.id);
  return {
    scenarioId: scenario.id,
    states,
    paths,
    truncated,
    failings,
    someCompetent,
    endingsReached: allEndings.filter((e) => endings.has(e)),
    endingsNeverReached: allEndings.filter((e) => !endings.has(e)),
    stuck: dedupeStuck(stuck),
    invariants,
    scripts,
    endCaseFiles: [...endCaseFiles.values()],
    combinationsCapped: [...cappedScenes],
  };
}

/** Marks a decision earns, without applying it (the same rule as `evaluateDecision`). */
function quickMarks(
  scene: Scenario['scenes'][number],
  ev: RunEvent,
  bestSel: BestSelection,
): { earned: FailingMarks; best: FailingMarks; critical: number } {
  const zero = { F1: 0, F2: 0, F3: 0, F4: 0, F5: 0 };
  if (ev.type !== 'decision.made') return { earned: zero, best: { ...zero }, critical: 0 };
  const ids = new Set(ev.verdict ? [...ev.choice, ev.verdict] : ev.choice);
  const chosen = [...sceneItems(scene), ...sceneVerdicts(scene)].filter((i) => ids.has(i.id));
  return { ...scoreSelection(selectionMarks(chosen), bestSel), critical: chosen.filter((i) => i.critical).length };
}

/**
 * What a decision changes that guards can read: flags set and cleared (in order), facts, exhibits, record
 * tags, chosen ids, searched terms, minutes when the clock is read. Decisions with the same signature at the
 * same state lead to the same next state.
 */
function decisionSignature(scene: Scenario['scenes'][number], ev: RunEvent, reads: ConditionReads): string {
  if (ev.type !== 'decision.made') return 'continue';
  const ids = new Set(ev.verdict ? [...ev.choice, ev.verdict] : ev.choice);
  const items = [...sceneItems(scene), ...sceneVerdicts(scene)].filter((i) => ids.has(i.id));
  // The last of set or clear wins for each flag, as effects apply in scenario order.
  const flags = new Map<string, 's' | 'c'>();
  const parts: string[] = [];
  let minutes = 0;
  for (const it of items) {
    it.effects?.set?.forEach((f) => reads.flags.has(f) && flags.set(f, 's'));
    it.effects?.clear?.forEach((f) => reads.flags.has(f) && flags.set(f, 'c'));
    it.effects?.reveal?.forEach((f) => reads.facts.has(f) && parts.push(`r:${f}`));
    it.effects?.seize?.forEach((e) => reads.seized.has(e) && parts.push(`s:${e}`));
    ((it as { tags?: string[] }).tags ?? []).forEach((t) => reads.recorded.has(t) && parts.push(`t:${t}`));
    if (reads.chose.has(`${scene.id}.${it.id}`)) parts.push(`c:${it.id}`);
    if (scene.search && reads.found.has(it.id)) parts.push(`f:${it.id}`);
    const own = (it as { next?: unknown }).next;
    if (own !== undefined) parts.push(`n:${JSON.stringify(own)}`);
    minutes += itemMinutes(it);
  }
  if (scene.record) parts.push('record');
  const flagPart = [...flags]
    .map(([f, op]) => `${op}${f}`)
    .sort()
    .join(',');
  return [flagPart, [...new Set(parts)].sort().join(','), reads.clock ? minutes : ''].join('|');
}

/** The decisions at a scene, grouped by signature, with the lowest and highest marks in each group. */
interface SignatureGroup {
  event: RunEvent;
  /** The best the group's decisions are measured against. */
  best: FailingMarks;
  min: FailingMarks;
  max: FailingMarks;
  rep: FailingMarks;
  repCrit: number;
  repTotal: number;
}

/**
 * Groups the decisions possible at a scene. The grouping depends only on the scene and which items are offered,
 * so it is cached on those: many states of a walk share it.
 */
function signatureGroups(
  compiled: CompiledScenario,
  ctx: RunContext,
  sceneId: string,
  reads: ConditionReads,
  cache: Map<string, SignatureGroup[]>,
): SignatureGroup[] {
  const scene = compiled.scenes.get(sceneId)!;
  const cacheKey = `${sceneId}|${availableItems(scene, ctx)
    .map((i) => i.id)
    .join(',')}|${availableVerdicts(scene, ctx)
    .map((i) => i.id)
    .join(',')}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const bySignature = new Map<string, SignatureGroup>();
  const bestSel = bestSelection(scene, ctx);
  for (const ev of possibleEvents(compiled, ctx, sceneId)) {
    const { earned, best, critical } = quickMarks(scene, ev, bestSel);
    // A decision is measured against its own best (a tie for the top total is its own best), so decisions
    // are grouped by the best they are measured against too.
    const key = `${decisionSignature(scene, ev, reads)}|${FAILINGS.map((f) => best[f]).join(',')}`;
    const total = FAILINGS.reduce((s, f) => s + earned[f], 0) - critical * 1000;
    const g = bySignature.get(key);
    if (!g) {
      bySignature.set(key, {
        event: ev,
        best,
        min: { ...earned },
        max: { ...earned },
        rep: earned,
        repCrit: critical,
        repTotal: total,
      });
      continue;
    }
    for (const f of FAILINGS) {
      g.min[f] = Math.min(g.min[f], earned[f]);
      g.max[f] = Math.max(g.max[f], earned[f]);
    }
    if (total > g.repTotal) Object.assign(g, { rep: earned, repCrit: critical, repTotal: total });
  }
  const groups = [...bySignature.values()];
  cache.set(cacheKey, groups);
  return groups;
}

function addMarks(a: EdgeMarks, b: EdgeMarks): EdgeMarks {
  const sum = (x: FailingMarks, y: FailingMarks) =>
    Object.fromEntries(FAILINGS.map((f) => [f, x[f] + y[f]])) as FailingMarks;
  return {
    min: sum(a.min, b.min),
    max: sum(a.max, b.max),
    best: sum(a.best, b.best),
    rep: { earned: sum(a.rep.earned, b.rep.earned), critical: a.rep.critical + b.rep.critical },
  };
}

/** Follows an edge through nodes with exactly one way on, summing their marks. */
function collapse<E extends { to: string; info: EdgeMarks }>(
  nodes: Map<string, { done: boolean; out: { to: string; info: EdgeMarks }[] }>,
  edge: E,
): E {
  let { to, info } = edge;
  const seen = new Set<string>();
  for (;;) {
    const node = nodes.get(to)!;
    if (node.done || node.out.length !== 1 || seen.has(to)) return { ...edge, to, info };
    seen.add(to);
    info = addMarks(info, node.out[0].info);
    to = node.out[0].to;
  }
}

function dedupeStuck(list: WalkReport['stuck']): WalkReport['stuck'] {
  const seen = new Set<string>();
  return list.filter((s) => (seen.has(s.sceneId) ? false : (seen.add(s.sceneId), true)));
}

/** Scenes a scene can lead to (re-exported for the map view and tests). */
export { sceneTargets };
