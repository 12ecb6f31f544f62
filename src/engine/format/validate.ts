/**
 * Checks beyond the schema: ids and targets resolve, scored items carry feedback and references, text keeps
 * to the Markdown subset, every scene is reachable and every path can end. Static: no path is walked here
 * (see `checker/walk.ts` for that).
 */
import type { Condition, Next, Scenario, Scene, ScoredItem } from '../types.ts';
import { markdownProblems } from '../markdown.ts';
import { sceneItems, sceneKind, sceneVerdicts } from '../run/logic.ts';
import { sceneTargets } from '../run/compile.ts';
import type { Issue, ParsedFile } from './parse.ts';

/** What a scenario may refer to beyond its own file. */
export interface ValidationContext {
  /** Reference ids in references.yaml. Undefined: not checked. */
  references?: ReadonlySet<string>;
  /** Ids an earlier part of the same case can leave in the case file. */
  earlier?: { facts: Set<string>; exhibits: Set<string>; tags: Set<string>; flags: Set<string> };
}

type Path = (string | number)[];

const TEXT_KEYS = new Set([
  'title',
  'summary',
  'text',
  'prompt',
  'rationalePrompt',
  'modelRationale',
  'feedback',
  'findings',
  'notes',
  'debrief',
  'description',
]);

/** Calls `visit` for every Markdown text field with its path. */
function eachText(value: unknown, path: Path, visit: (text: string, path: Path) => void) {
  if (Array.isArray(value)) return value.forEach((v, i) => eachText(v, [...path, i], visit));
  if (typeof value !== 'object' || value === null) return;
  for (const [k, v] of Object.entries(value)) {
    if (k === 'when' || k === 'next') continue;
    if (typeof v === 'string' && TEXT_KEYS.has(k)) visit(v, [...path, k]);
    else eachText(v, [...path, k], visit);
  }
}

/** Validates a schema-valid scenario. */
export function validateScenario(parsed: ParsedFile, scenario: Scenario, vctx: ValidationContext = {}): Issue[] {
  const issues: Issue[] = [];
  const add = (path: Path, code: string, message: string, severity: Issue['severity'] = 'error') =>
    issues.push({ file: parsed.file, ...parsed.locate(path), path: parsed.describe(path), severity, code, message });

  const dupes = (list: { id: string }[] | undefined, path: Path, what: string) => {
    const seen = new Set<string>();
    (list ?? []).forEach((x, i) => {
      if (seen.has(x.id)) add([...path, i, 'id'], 'duplicate-id', `${what} id "${x.id}" is used twice`);
      seen.add(x.id);
    });
  };

  const sceneIndex = new Map(scenario.scenes.map((s, i) => [s.id, i]));
  const facts = new Set([
    ...(scenario.facts ?? []).map((f) => f.id),
    ...(scenario.defaultCaseFile?.facts ?? []).map((f) => f.id),
    ...(vctx.earlier?.facts ?? []),
  ]);
  const ownFacts = new Set((scenario.facts ?? []).map((f) => f.id));
  const exhibits = new Set([
    ...(scenario.exhibits ?? []).map((e) => e.id),
    ...(scenario.defaultCaseFile?.exhibits ?? []).map((e) => e.id),
    ...(vctx.earlier?.exhibits ?? []),
  ]);
  const ownExhibits = new Set((scenario.exhibits ?? []).map((e) => e.id));
  const tags = new Set<string>([
    ...scenario.scenes.flatMap((s) => (s.record?.entries ?? []).flatMap((e) => e.tags ?? [])),
    ...(scenario.defaultCaseFile?.records ?? []).flatMap((r) => r.entries.flatMap((e) => e.tags ?? [])),
    ...(vctx.earlier?.tags ?? []),
  ]);
  const flagsSet = new Set<string>([...(scenario.defaultCaseFile?.flags ?? []), ...(vctx.earlier?.flags ?? [])]);
  const terms = new Map<string, string>();
  const items = new Map<string, Set<string>>();

  dupes(scenario.scenes, ['scenes'], 'scene');
  dupes(scenario.facts, ['facts'], 'fact');
  dupes(scenario.exhibits, ['exhibits'], 'exhibit');
  dupes(scenario.consequences, ['consequences'], 'consequence');
  dupes(
    [...(scenario.records ?? []), ...scenario.scenes.flatMap((s) => (s.record ? [{ id: s.record.id }] : []))],
    ['records'],
    'record',
  );

  scenario.scenes.forEach((scene, si) => {
    const sp: Path = ['scenes', si];
    const ids = new Set<string>();
    const listKey = scene.choice
      ? ['choice', 'options']
      : scene.actions
        ? ['actions', 'options']
        : scene.record
          ? ['record', 'entries']
          : scene.search
            ? ['search', 'terms']
            : ['review', 'issues'];
    const all: [ScoredItem, Path][] = [
      ...sceneItems(scene).map((it, i): [ScoredItem, Path] => [it, [...sp, ...listKey, i]]),
      ...sceneVerdicts(scene).map((it, i): [ScoredItem, Path] => [it, [...sp, 'review', 'verdicts', i]]),
    ];
    for (const [it, p] of all) {
      if (ids.has(it.id)) add([...p, 'id'], 'duplicate-id', `item id "${it.id}" is used twice in scene "${scene.id}"`);
      ids.add(it.id);
      it.effects?.set?.forEach((f) => flagsSet.add(f));
    }
    items.set(scene.id, ids);
    scene.effects?.set?.forEach((f) => flagsSet.add(f));
    scene.search?.terms.forEach((t) => terms.set(t.id, scene.id));
    dupes(scene.blocks, [...sp, 'blocks'], 'block');
    dupes(scene.facilitator?.injects, [...sp, 'facilitator', 'injects'], 'inject');
  });

  const checkCondition = (cond: Condition | undefined, path: Path) => {
    if (!cond) return;
    if ('fact' in cond && !facts.has(cond.fact))
      add([...path, 'fact'], 'unknown-fact', `condition names fact "${cond.fact}", which no scene can reveal`);
    else if ('seized' in cond && !exhibits.has(cond.seized))
      add([...path, 'seized'], 'unknown-exhibit', `condition names exhibit "${cond.seized}", which is not declared`);
    else if ('recorded' in cond && !tags.has(cond.recorded))
      add(
        [...path, 'recorded'],
        'unknown-tag',
        `condition names tag "${cond.recorded}", which no record entry carries`,
      );
    else if ('flag' in cond && !flagsSet.has(cond.flag))
      add([...path, 'flag'], 'unknown-flag', `condition names flag "${cond.flag}", which nothing sets`, 'warning');
    else if ('found' in cond && !terms.has(cond.found))
      add([...path, 'found'], 'unknown-term', `condition names search term "${cond.found}", which no search offers`);
    else if ('chose' in cond) {
      const set = items.get(cond.chose.scene);
      if (!set)
        add(
          [...path, 'chose', 'scene'],
          'unknown-target',
          `condition names scene "${cond.chose.scene}", which does not exist`,
        );
      else if (!set.has(cond.chose.option))
        add(
          [...path, 'chose', 'option'],
          'unknown-item',
          `scene "${cond.chose.scene}" has no item "${cond.chose.option}"`,
        );
    } else if ('all' in cond) cond.all.forEach((c, i) => checkCondition(c, [...path, 'all', i]));
    else if ('any' in cond) cond.any.forEach((c, i) => checkCondition(c, [...path, 'any', i]));
    else if ('not' in cond) checkCondition(cond.not, [...path, 'not']);
    else if ('atLeast' in cond) {
      cond.of.forEach((c, i) => checkCondition(c, [...path, 'of', i]));
      if (cond.atLeast > cond.of.length)
        add(
          [...path, 'atLeast'],
          'impossible-condition',
          `atLeast ${cond.atLeast} of ${cond.of.length} can never hold`,
        );
    }
  };

  const checkNext = (next: Next | undefined, path: Path) => {
    if (next === undefined) return;
    if (typeof next === 'string') {
      if (!sceneIndex.has(next)) add(path, 'unknown-target', `next scene "${next}" does not exist`);
      return;
    }
    next.forEach((b, i) => {
      if (!sceneIndex.has(b.to)) add([...path, i, 'to'], 'unknown-target', `next scene "${b.to}" does not exist`);
      checkCondition(b.when, [...path, i, 'when']);
    });
    if (next[next.length - 1].when)
      add(
        [...path, next.length - 1],
        'dead-end',
        'the last branch has a condition: when none holds the learner is stuck; remove its "when"',
      );
  };

  const checkEffects = (eff: Scene['effects'], reveal: string[] | undefined, path: Path) => {
    [...(reveal ?? [])].forEach((id, i) => {
      if (!ownFacts.has(id))
        add([...path.slice(0, -1), 'reveal', i], 'unknown-fact', `fact "${id}" is not declared in facts`);
    });
    eff?.reveal?.forEach((id, i) => {
      if (!ownFacts.has(id)) add([...path, 'reveal', i], 'unknown-fact', `fact "${id}" is not declared in facts`);
    });
    eff?.seize?.forEach((id, i) => {
      if (!ownExhibits.has(id))
        add([...path, 'seize', i], 'unknown-exhibit', `exhibit "${id}" is not declared in exhibits`);
    });
  };

  if (!sceneIndex.has(scenario.start))
    add(['start'], 'unknown-target', `start scene "${scenario.start}" does not exist`);
  scenario.themes?.forEach((r, i) => {
    if (vctx.references && !vctx.references.has(r))
      add(['themes', i], 'unknown-reference', `reference "${r}" is not in references.yaml`);
  });
  scenario.consequences?.forEach((c, i) => checkCondition(c.when, ['consequences', i, 'when']));

  scenario.scenes.forEach((scene, si) => {
    const sp: Path = ['scenes', si];
    checkEffects(scene.effects, scene.reveal, [...sp, 'effects']);
    checkNext(scene.next, [...sp, 'next']);
    scene.blocks?.forEach((b, i) => checkCondition(b.when, [...sp, 'blocks', i, 'when']));
    const kind = sceneKind(scene);
    const inter = scene.choice ?? scene.actions ?? scene.record ?? scene.search ?? scene.review;
    const ikey = scene.choice
      ? 'choice'
      : scene.actions
        ? 'actions'
        : scene.record
          ? 'record'
          : scene.search
            ? 'search'
            : 'review';
    if (inter) checkNext(inter.next, [...sp, ikey, 'next']);
    const listKey =
      scene.choice || scene.actions ? 'options' : scene.record ? 'entries' : scene.search ? 'terms' : 'issues';
    const lists: [ScoredItem[], Path][] = inter
      ? [
          [sceneItems(scene), [...sp, ikey, listKey]],
          [sceneVerdicts(scene), [...sp, 'review', 'verdicts']],
        ]
      : [];
    for (const [list, lp] of lists) {
      list.forEach((it, i) => {
        const p = [...lp, i];
        checkCondition(it.when, [...p, 'when']);
        checkEffects(it.effects, undefined, [...p, 'effects']);
        const scored = Object.values(it.marks ?? {}).some((m) => m !== 0) || it.critical;
        if (scored && !it.feedback) add(p, 'no-feedback', `scored item "${it.id}" has no feedback for the debrief`);
        if (scored && !it.refs?.length) add(p, 'no-reference', `scored item "${it.id}" has no reference (refs)`);
        it.refs?.forEach((r, ri) => {
          if (vctx.references && !vctx.references.has(r))
            add([...p, 'refs', ri], 'unknown-reference', `reference "${r}" is not in references.yaml`);
        });
        const own = (it as { next?: Next }).next;
        checkNext(own, [...p, 'next']);
        if (kind === 'choice' && own === undefined && inter?.next === undefined)
          add(p, 'dead-end', `option "${it.id}" has no next and the choice has no next: the learner would be stuck`);
        if (kind === 'review' && lp.includes('verdicts') && own === undefined && inter?.next === undefined)
          add(p, 'dead-end', `verdict "${it.id}" has no next and the review has no next: the learner would be stuck`);
        if (scene.actions && 'minutes' in scene.actions.budget && (it as { minutes?: number }).minutes === undefined)
          add(p, 'no-minutes', `action "${it.id}" needs minutes: the budget is in minutes`);
      });
    }
    if (scene.choice && scene.choice.rationalePrompt && !scene.choice.rationale)
      add(
        [...sp, 'choice', 'rationalePrompt'],
        'unused-prompt',
        'rationalePrompt without rationale: set rationale to required or optional',
        'warning',
      );
    if (scene.actions && 'minutes' in scene.actions.budget) {
      const cheapest = Math.min(...scene.actions.options.map((o) => o.minutes ?? 0));
      if (cheapest > scene.actions.budget.minutes)
        add([...sp, 'actions', 'budget'], 'impossible-budget', 'no action fits in the budget');
    }
    if (scene.review && !scene.review.issues.some((i) => i.flaw))
      add([...sp, 'review', 'issues'], 'no-flaw', 'a review lists no real flaw', 'warning');
  });

  eachText(scenario, [], (text, path) => {
    for (const problem of markdownProblems(text)) add(path, 'markdown', problem);
  });

  // Static graph: reachability from the start, and a way out to an ending from every scene.
  const targets = new Map(scenario.scenes.map((s) => [s.id, sceneTargets(s).filter((t) => sceneIndex.has(t))]));
  const reached = new Set<string>();
  const stack = sceneIndex.has(scenario.start) ? [scenario.start] : [];
  while (stack.length) {
    const id = stack.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    stack.push(...targets.get(id)!);
  }
  const endings = scenario.scenes.filter((s) => s.ending);
  if (!endings.length) add(['scenes'], 'no-ending', 'the scenario has no ending scene');
  const canEnd = new Set(endings.map((s) => s.id));
  for (let changed = true; changed;) {
    changed = false;
    for (const [id, ts] of targets)
      if (!canEnd.has(id) && ts.some((t) => canEnd.has(t))) {
        canEnd.add(id);
        changed = true;
      }
  }
  scenario.scenes.forEach((s, si) => {
    if (!reached.has(s.id))
      add(
        ['scenes', si],
        s.ending ? 'ending-unreachable' : 'unreachable',
        `${s.ending ? 'ending' : 'scene'} "${s.id}" can never be reached from the start`,
      );
    else if (!canEnd.has(s.id))
      add(['scenes', si], 'no-way-out', `from scene "${s.id}" no path leads to an ending (a loop or dead end)`);
  });
  return issues;
}
