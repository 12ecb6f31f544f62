/**
 * Assessment quality: whether a scenario's score can be earned without reading it. Two halves:
 * - static rules on the decisions (length balance, dilemmas, record budgets, critical-error categories), each
 *   waivable for one decision with a written reason (`waive: [{ rule, reason }]`);
 * - learners who do not read: strategies that never look at the scene (first item in file order, longest text,
 *   most procedural-sounding text, seeded random) play the scenario through the engine, beside the learner who
 *   makes the best feasible selection everywhere.
 * See scenarios/RUBRIC.md for the rules in a trainer's words.
 */
import type { CompiledScenario } from '../run/compile.ts';
import {
  availableItems,
  itemCost,
  minItems,
  availableVerdicts,
  bestSelection,
  sceneBudget,
  sceneKind,
  sceneRationale,
} from '../run/logic.ts';
import { carryCaseFile, startRun } from '../run/run.ts';
import { scoreLog, type ScoringRules } from '../scoring/score.ts';
import type { CaseFile, Course, FailingMarks, Scenario, Scene, ScoredItem } from '../types.ts';
import { FAILINGS } from '../types.ts';

/** The thresholds of the static rules. */
export const ASSESSMENT_LIMITS = {
  /** The top option's length in words, at most this times the median of the others'. */
  lengthRatio: 1.3,
  /** The share of single-choice decisions in which the top option may be the longest. */
  longestShare: 0.4,
  /** The share of single-choice decisions that must have a runner-up worth half the top option's marks. */
  dilemmaShare: 1 / 3,
  /** In a record scene without a budget, the share of entries that must earn nothing or lose marks. */
  weakEntryShare: 1 / 3,
  /** No non-reading strategy may average more than this overall across the course. */
  strategyMean: 0.6,
};

export type StrategyName = 'first' | 'longest' | 'procedural' | 'random';
export const STRATEGIES: readonly StrategyName[] = ['first', 'longest', 'procedural', 'random'];
/** Seeds the random strategy plays with; its figure is the mean over them. */
export const RANDOM_SEEDS = 20;

/** Words that make an option sound procedural, whatever it says. */
const PROCEDURAL =
  /\b(record(s|ed|ing)?|preserv\w*|exhibit\w*|owner\w*|supervis\w*|sergeant|checks?|checked|under investigation|log(ged)?|escalat\w*|intelligence|cctv|statements?|seiz\w*|continuity|polic(y|ies)|coroner\w*|search\w*|secur\w*|cordon\w*|photograph\w*|brief\w*|rationale|evidence|analyst\w*|decision|refer\w*)\b/gi;

export const words = (text: string) => (text.trim().match(/\S+/g) ?? []).length;
const proceduralScore = (text: string) => (text.match(PROCEDURAL) ?? []).length;
const totalOf = (marks: ScoredItem['marks']) => FAILINGS.reduce((s, f) => s + (marks?.[f] ?? 0), 0);
const positiveTotal = (marks: ScoredItem['marks']) => FAILINGS.reduce((s, f) => s + Math.max(0, marks?.[f] ?? 0), 0);

/** One rule broken at one decision (or across the scenario, without a scene). */
export interface AssessmentFinding {
  rule: 'length-balance' | 'longest-share' | 'dilemma' | 'record-budget' | 'critical-category';
  sceneId?: string;
  itemId?: string;
  message: string;
  /** The waiver's reason, when the decision waives the rule. */
  waived?: string;
}

/** What one strategy scored. */
export interface StrategyResult {
  /** Overall score (mean over seeds for `random`); null when nothing was assessed. */
  overall: number | null;
  /** Plays that reached "standard met" (out of `plays`). */
  met: number;
  plays: number;
}

/** The assessment report of one scenario. */
export interface AssessmentReport {
  scenarioId: string;
  singleChoice: number;
  longest: number;
  dilemmas: number;
  recordScenes: number;
  critical: { sceneId: string; itemId: string; category: string | null }[];
  waivers: { sceneId: string; rule: string; reason: string }[];
  findings: AssessmentFinding[];
  strategies: Record<StrategyName, StrategyResult>;
  /** The learner who makes the best feasible selection at every decision. */
  best: { overall: number | null; met: boolean; everyAssessedFull: boolean };
  /** Estimated minutes for one playthrough (the best path): words at 200 a minute, 1 a decision, 2 a rationale. */
  readingMinutes: number;
}

type Interaction = { waive?: { rule: string; reason: string }[] };
function interactionOf(scene: Scene): Interaction | undefined {
  return scene.choice ?? scene.actions ?? scene.record ?? scene.search ?? scene.review;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The single-choice option sets of a scene: a choice's options, a review's verdicts. */
function optionSets(scene: Scene): ScoredItem[][] {
  if (scene.choice) return [scene.choice.options];
  if (scene.review) return [scene.review.verdicts];
  return [];
}

/** The static rules on one scenario. */
export function assessmentRules(scenario: Scenario, course?: Course) {
  const findings: AssessmentFinding[] = [];
  const waivers: AssessmentReport['waivers'] = [];
  const critical: AssessmentReport['critical'] = [];
  const categories = new Set((course?.criticalErrors ?? []).map((c) => c.id));
  let singleChoice = 0;
  let longest = 0;
  let dilemmas = 0;
  let recordScenes = 0;
  const waiverFor = (scene: Scene, rule: string) => interactionOf(scene)?.waive?.find((w) => w.rule === rule)?.reason;
  for (const scene of scenario.scenes) {
    for (const w of interactionOf(scene)?.waive ?? [])
      waivers.push({ sceneId: scene.id, rule: w.rule, reason: w.reason });
    const items = [
      ...(scene.choice?.options ?? scene.actions?.options ?? scene.record?.entries ?? scene.search?.terms ?? []),
      ...(scene.review ? [...scene.review.issues, ...scene.review.verdicts] : []),
    ];
    for (const item of items) {
      if (!item.critical) continue;
      const category = typeof item.critical === 'string' ? item.critical : null;
      critical.push({ sceneId: scene.id, itemId: item.id, category });
      if (category === null || (course && !categories.has(category)))
        findings.push({
          rule: 'critical-category',
          sceneId: scene.id,
          itemId: item.id,
          message:
            category === null
              ? `critical item "${item.id}" names no category of the critical-error taxonomy (course.yaml criticalErrors)`
              : `critical item "${item.id}" names "${category}", which is not in the critical-error taxonomy`,
        });
    }
    for (const options of optionSets(scene)) {
      const ranked = [...options].sort((a, b) => totalOf(b.marks) - totalOf(a.marks));
      const top = ranked[0];
      if (totalOf(top.marks) <= 0) continue;
      singleChoice++;
      const others = options.filter((o) => o !== top);
      const ratio = words(top.text) / Math.max(1, median(others.map((o) => words(o.text))));
      if (ratio > ASSESSMENT_LIMITS.lengthRatio + 1e-9)
        findings.push({
          rule: 'length-balance',
          sceneId: scene.id,
          itemId: top.id,
          message: `the top-marked option "${top.id}" is ${ratio.toFixed(1)}× the median length of the others (at most ${ASSESSMENT_LIMITS.lengthRatio}×)`,
          waived: waiverFor(scene, 'length-balance'),
        });
      if (others.every((o) => words(o.text) < words(top.text)) && !waiverFor(scene, 'longest-share')) longest++;
      const runnerUp = ranked[1];
      if ((runnerUp && totalOf(runnerUp.marks) * 2 >= totalOf(top.marks)) || waiverFor(scene, 'dilemma')) dilemmas++;
    }
    if (scene.record) {
      recordScenes++;
      const entries = scene.record.entries;
      const weak = entries.filter((e) => positiveTotal(e.marks) === 0 || totalOf(e.marks) <= 0).length;
      if (!scene.record.budget && weak < entries.length * ASSESSMENT_LIMITS.weakEntryShare - 1e-9)
        findings.push({
          rule: 'record-budget',
          sceneId: scene.id,
          message: `record "${scene.record.id}" has no budget and only ${weak} of ${entries.length} entries earn nothing or lose marks (ticking every entry wins)`,
          waived: waiverFor(scene, 'record-budget'),
        });
    }
  }
  if (singleChoice > 0 && longest > singleChoice * ASSESSMENT_LIMITS.longestShare + 1e-9)
    findings.push({
      rule: 'longest-share',
      message: `the top-marked option is the longest in ${longest} of ${singleChoice} single-choice decisions (at most ${Math.round(ASSESSMENT_LIMITS.longestShare * 100)}%)`,
    });
  if (singleChoice > 0 && dilemmas < singleChoice * ASSESSMENT_LIMITS.dilemmaShare - 1e-9)
    findings.push({
      rule: 'dilemma',
      message: `${dilemmas} of ${singleChoice} single-choice decisions have a runner-up worth half the top option's marks (at least a third must)`,
    });
  return { findings, waivers, critical, singleChoice, longest, dilemmas, recordScenes };
}

/** A small seeded generator (mulberry32), so the random learner plays the same way every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Order = (items: ScoredItem[]) => ScoredItem[];

function orderFor(strategy: StrategyName, random: () => number): Order {
  switch (strategy) {
    case 'first':
      return (items) => items;
    case 'longest':
      return (items) => [...items].sort((a, b) => words(b.text) - words(a.text));
    case 'procedural':
      return (items) => [...items].sort((a, b) => proceduralScore(b.text) - proceduralScore(a.text));
    case 'random':
      return (items) =>
        items
          .map((item) => ({ item, r: random() }))
          .sort((a, b) => a.r - b.r)
          .map((x) => x.item);
  }
}

/** Takes items in the strategy's order up to the budget (or half of them when there is none). */
function take(scene: Scene, ordered: ScoredItem[], random?: () => number): string[] {
  const budget = sceneBudget(scene);
  const min = minItems(scene);
  let n = budget && 'count' in budget ? budget.count : Math.ceil(ordered.length / 2);
  if (random) n = 1 + Math.floor(random() * Math.max(1, n));
  n = Math.max(min, Math.min(n, ordered.length));
  if (budget && 'minutes' in budget) {
    const out: string[] = [];
    let used = 0;
    for (const item of ordered) {
      const m = itemCost(item);
      if (used + m > budget.minutes || out.length >= n) continue;
      out.push(item.id);
      used += m;
    }
    return out;
  }
  return ordered.slice(0, n).map((i) => i.id);
}

type Chooser = (scene: Scene, run: ReturnType<typeof startRun>) => { choice: string[]; verdict?: string };

function strategyChooser(strategy: StrategyName, seed: number): Chooser {
  const random = seededRandom(seed);
  const order = orderFor(strategy, random);
  return (scene, run) => {
    const items = availableItems(scene, run.context);
    if (scene.choice)
      return {
        choice: order(items)
          .slice(0, 1)
          .map((i) => i.id),
      };
    const choice = take(scene, order(items), strategy === 'random' ? random : undefined);
    const verdict = scene.review ? order(availableVerdicts(scene, run.context))[0]?.id : undefined;
    return { choice, ...(verdict ? { verdict } : {}) };
  };
}

const bestChooser: Chooser = (scene, run) => {
  const best = bestSelection(scene, run.context);
  return { choice: best.choice, ...(best.verdict ? { verdict: best.verdict } : {}) };
};

/** Plays a scenario to its end with a chooser; returns the log, the case file it leaves and the words read. */
export function play(compiled: CompiledScenario, caseFile: CaseFile, choose: Chooser) {
  const run = startRun(compiled, { caseFile });
  let wordsRead = 0;
  let decisions = 0;
  let rationales = 0;
  for (let steps = 0; steps < 1000; steps++) {
    const view = run.view();
    const scene = view.scene.scene;
    wordsRead += words(scene.text ?? '') + view.scene.blocks.reduce((s, b) => s + words(b.text), 0);
    if (run.ended) {
      wordsRead += words(scene.ending?.debrief ?? '');
      break;
    }
    const kind = sceneKind(scene);
    if (kind === 'narrative') {
      if (!run.continue().ok) break;
      continue;
    }
    wordsRead += [...view.scene.items, ...view.scene.verdicts].reduce((s, i) => s + words(i.text), 0);
    const { choice, verdict } = choose(scene, run);
    const rationale = sceneRationale(scene) === 'required' ? 'Rationale written without reading the scene.' : undefined;
    const result = run.decide({
      sceneId: scene.id,
      choice,
      ...(verdict ? { verdict } : {}),
      ...(rationale ? { rationale } : {}),
    });
    if (!result.ok) break;
    decisions++;
    if (rationale) rationales++;
    // The debrief's feedback on what was chosen is read too.
    const chosen = new Set([...choice, ...(verdict ? [verdict] : [])]);
    wordsRead += [...view.scene.items, ...view.scene.verdicts]
      .filter((i) => chosen.has(i.id))
      .reduce((s, i) => s + words(i.feedback ?? ''), 0);
  }
  return {
    ended: run.ended,
    log: run.context.log,
    caseFile: carryCaseFile(run.context),
    minutes: wordsRead / 200 + decisions + 2 * rationales,
  };
}

/** The case files each strategy leaves, per scenario, so later parts of a case play on from them. */
export type StrategyCarry = Map<string, CaseFile>;

/**
 * Plays the non-reading strategies and the best learner through one scenario. `startFor(key)` gives the case
 * file a strategy starts from (its own earlier part's, or the default); `leave(key, caseFile)` keeps what it
 * leaves for the next part.
 */
export function playStrategies(
  compiled: CompiledScenario,
  rules: ScoringRules,
  startFor: (key: string) => CaseFile,
  leave: (key: string, caseFile: CaseFile) => void = () => {},
): Pick<AssessmentReport, 'strategies' | 'best' | 'readingMinutes'> {
  const metOf = (log: Parameters<typeof scoreLog>[0]) => scoreLog(log, rules);
  const strategies = {} as Record<StrategyName, StrategyResult>;
  for (const strategy of STRATEGIES) {
    const seeds = strategy === 'random' ? RANDOM_SEEDS : 1;
    let sum = 0;
    let counted = 0;
    let met = 0;
    for (let s = 0; s < seeds; s++) {
      const key = strategy === 'random' ? `random-${s}` : strategy;
      const played = play(compiled, startFor(key), strategyChooser(strategy, 1000 + s));
      leave(key, played.caseFile);
      const score = metOf(played.log);
      if (score.overall.ratio !== null) {
        sum += score.overall.ratio;
        counted++;
      }
      if (score.outcome === 'competent') met++;
    }
    strategies[strategy] = { overall: counted ? sum / counted : null, met, plays: seeds };
  }
  const played = play(compiled, startFor('best'), bestChooser);
  leave('best', played.caseFile);
  const score = metOf(played.log);
  const everyAssessedFull = FAILINGS.every((f) => score.failings[f].ratio === null || score.failings[f].ratio === 1);
  return {
    strategies,
    best: { overall: score.overall.ratio, met: score.outcome === 'competent' && played.ended, everyAssessedFull },
    readingMinutes: played.minutes,
  };
}

/** Marks of a decision as a string, for messages. */
export function marksText(m: FailingMarks): string {
  return (
    FAILINGS.filter((f) => m[f])
      .map((f) => `${f} ${m[f]}`)
      .join(', ') || 'nothing'
  );
}
