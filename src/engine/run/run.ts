/**
 * Running a compiled scenario: start, decide, continue, view, save and resume. A run is driven by XState's
 * pure `transition()`; a saved attempt is the list of events, replayed on resume, so a new scenario version
 * either replays every decision or refuses with a reason — it never silently drops one.
 */
import { initialTransition, transition } from 'xstate';
import type {
  AttemptMode,
  CaseFile,
  Consequence,
  DecisionInput,
  InteractionKind,
  LogEntry,
  RunContext,
  RunEvent,
  Scene,
  ScoredItem,
} from '../types.ts';
import type { CompiledScenario } from './compile.ts';
import { SNAPSHOT_VERSION, migrateSnapshot, snapshotProblem, type AttemptSnapshot } from './snapshot.ts';
import { randomSeed, seededOrder } from './order.ts';

export { SNAPSHOT_VERSION, migrateSnapshot, snapshotProblem, type AttemptSnapshot };
import { holds } from './conditions.ts';
import {
  availableItems,
  availableVerdicts,
  bestMarks,
  evaluateDecision,
  sceneBudget,
  sceneKind,
  sceneRationale,
  type DecisionError,
} from './logic.ts';

/** An empty case file for a fresh start. */
export function emptyCaseFile(): CaseFile {
  return { origin: 'fresh', flags: [], facts: [], exhibits: [], records: [] };
}

/** The case file a part starts from when played alone: the scenario's documented default. */
export function defaultCaseFile(compiled: CompiledScenario): CaseFile {
  const d = compiled.scenario.defaultCaseFile;
  if (!d) return emptyCaseFile();
  return {
    origin: 'default',
    flags: [...(d.flags ?? [])].sort(),
    facts: (d.facts ?? []).map((f) => ({ ...f, scenarioId: 'default', clock: 0 })),
    exhibits: (d.exhibits ?? []).map((e) => ({ ...e, scenarioId: 'default', clock: 0 })),
    records: (d.records ?? []).map((r) => ({
      ...r,
      scenarioId: 'default',
      entries: r.entries.map((e) => ({ ...e, tags: e.tags ?? [] })),
    })),
  };
}

/** The case file a run leaves, to carry into the next part of a case. */
export function carryCaseFile(ctx: RunContext): CaseFile {
  return { ...ctx.caseFile, origin: 'carried' };
}

/** What the learner sees at the current scene. */
export interface SceneView {
  scene: Scene;
  kind: InteractionKind;
  /** Blocks whose condition holds. */
  blocks: NonNullable<Scene['blocks']>;
  /** Items offered now (options, actions, entries, terms, review issues), in the attempt's seeded order. */
  items: ScoredItem[];
  /** Review verdicts offered now, in the attempt's seeded order. */
  verdicts: ScoredItem[];
  rationale?: 'required' | 'optional';
}

/** The state of a run, for a screen. */
export interface RunView {
  status: 'active' | 'ended';
  scene: SceneView;
  /** In-game minutes since midnight of the first day. */
  clock: number;
  caseFile: CaseFile;
  log: LogEntry[];
  /** Search results so far, per term id. */
  found: Record<string, string[]>;
  /** Consequences that held at the ending. */
  consequences: Consequence[];
}

export type DecideResult = { ok: true } | { ok: false; error: DecisionError };

/** Why a saved attempt could not resume. */
export interface ResumeRefusal {
  code: 'bad-snapshot' | 'other-scenario' | 'newer-version' | 'decision-no-longer-fits';
  message: string;
  /** For `decision-no-longer-fits`: the 1-based index of the event that no longer fits. */
  eventIndex?: number;
}

/** Options for starting a run. */
export interface RunOptions {
  /** The case file to start from (default: a fresh one). */
  caseFile?: CaseFile;
  /** The real clock, injected for determinism (ISO 8601). */
  now?: () => string;
  /** The seed of the order of every list (default: a fresh random seed). A classroom session passes one. */
  seed?: number;
  /** Practice or assessed (default: assessed). */
  mode?: AttemptMode;
}

type MachineSnapshot = ReturnType<typeof initialTransition<CompiledScenario['machine']>>[0];

/** A run of one scenario. Not thread-safe; one per attempt. */
export class Run {
  private snap: MachineSnapshot;
  private readonly events: RunEvent[] = [];
  private readonly caseFileIn: CaseFile;
  private readonly now?: () => string;
  /** The seed of this attempt's order of every list. */
  readonly seed: number;
  readonly mode: AttemptMode;

  constructor(
    readonly compiled: CompiledScenario,
    options: RunOptions = {},
  ) {
    this.caseFileIn = options.caseFile ?? emptyCaseFile();
    this.now = options.now;
    this.seed = options.seed ?? randomSeed();
    this.mode = options.mode ?? 'assessed';
    [this.snap] = initialTransition(this.compiled.machine, { caseFile: this.caseFileIn });
  }

  /** The run's context (read-only). */
  get context(): RunContext {
    return this.snap.context;
  }

  /** The current scene id. */
  get sceneId(): string {
    return String(this.snap.value);
  }

  get ended(): boolean {
    return this.snap.status === 'done';
  }

  /** What to show now. */
  view(): RunView {
    const ctx = this.snap.context;
    const scene = this.compiled.scenes.get(this.sceneId)!;
    return {
      status: this.ended ? 'ended' : 'active',
      scene: {
        scene,
        kind: sceneKind(scene),
        blocks: (scene.blocks ?? []).filter((b) => holds(b.when, ctx)),
        items: seededOrder(availableItems(scene, ctx), this.seed, scene.id),
        verdicts: seededOrder(availableVerdicts(scene, ctx), this.seed, scene.id, 'verdicts'),
        rationale: sceneRationale(scene),
      },
      clock: ctx.clock,
      caseFile: ctx.caseFile,
      log: ctx.log,
      found: ctx.found,
      consequences: (this.compiled.scenario.consequences ?? []).filter((c) => ctx.consequences.includes(c.id)),
    };
  }

  /** The budget of the current scene, if any. */
  budget() {
    return sceneBudget(this.compiled.scenes.get(this.sceneId)!);
  }

  /** Best marks available at the current scene (for the facilitator console). */
  bestHere() {
    return bestMarks(this.compiled.scenes.get(this.sceneId)!, this.snap.context);
  }

  /** Checks a decision at the current scene without committing it (for a confirm step). */
  check(input: DecisionInput): DecideResult {
    if (this.ended) return { ok: false, error: { code: 'ended', message: 'this attempt has ended' } };
    if (input.sceneId !== this.sceneId)
      return {
        ok: false,
        error: {
          code: 'wrong-scene',
          message: `this decision is for "${input.sceneId}"; the run is at "${this.sceneId}"`,
        },
      };
    const ev = evaluateDecision(this.compiled.scenes.get(this.sceneId)!, this.snap.context, input);
    return ev.ok ? { ok: true } : ev;
  }

  /** Commits a decision at the current scene, or says why not. */
  decide(input: DecisionInput): DecideResult {
    const checked = this.check(input);
    if (!checked.ok) return checked;
    return this.send({ type: 'decision.made', ...input, ...(this.now ? { at: this.now() } : {}) });
  }

  /** Continues from a narrative scene. */
  continue(): DecideResult {
    if (this.ended) return { ok: false, error: { code: 'ended', message: 'this attempt has ended' } };
    const scene = this.compiled.scenes.get(this.sceneId)!;
    if (sceneKind(scene) !== 'narrative')
      return { ok: false, error: { code: 'not-a-decision', message: `scene "${scene.id}" needs a decision` } };
    return this.send({ type: 'scene.continued', sceneId: scene.id, ...(this.now ? { at: this.now() } : {}) });
  }

  /** Sends an event as it is (used by replay). */
  send(event: RunEvent): DecideResult {
    const before = this.snap;
    const [next] = transition(this.compiled.machine, this.snap, event);
    if (next === before || (next.value === before.value && next.context === before.context))
      return {
        ok: false,
        error: { code: 'not-offered', message: `the event does not fit scene "${this.sceneId}"` },
      };
    this.snap = next;
    this.events.push(event);
    return { ok: true };
  }

  /** The saved form of this attempt. */
  snapshot(): AttemptSnapshot {
    return {
      snapshotVersion: SNAPSHOT_VERSION,
      scenarioId: this.compiled.scenario.id,
      seed: this.seed,
      mode: this.mode,
      scenarioVersion: this.compiled.scenario.version,
      caseFileIn: this.caseFileIn,
      events: [...this.events],
    };
  }
}

/** Starts a run. */
export function startRun(compiled: CompiledScenario, options: RunOptions = {}): Run {
  return new Run(compiled, options);
}

/**
 * Resumes a saved attempt on the loaded scenario (the same version or a newer one) by replaying its events.
 * Renames declared in the scenario (`renamed`) are applied to attempts saved on older versions.
 */
export function resumeRun(
  compiled: CompiledScenario,
  saved: unknown,
  options: Omit<RunOptions, 'caseFile' | 'seed' | 'mode'> = {},
): { ok: true; run: Run; migrated: boolean } | { ok: false; refusal: ResumeRefusal } {
  const problem = snapshotProblem(saved);
  if (problem) return { ok: false, refusal: { code: 'bad-snapshot', message: problem } };
  const snap = migrateSnapshot(saved);
  const { scenario } = compiled;
  if (snap.scenarioId !== scenario.id)
    return {
      ok: false,
      refusal: {
        code: 'other-scenario',
        message: `the attempt belongs to "${snap.scenarioId}", not "${scenario.id}"`,
      },
    };
  if (snap.scenarioVersion > scenario.version)
    return {
      ok: false,
      refusal: {
        code: 'newer-version',
        message: `the attempt was made on version ${snap.scenarioVersion}; this course has version ${scenario.version}`,
      },
    };
  const migrated = snap.scenarioVersion < scenario.version;
  const renames = migrated ? scenario.renamed : undefined;
  const run = new Run(compiled, { ...options, caseFile: snap.caseFileIn, seed: snap.seed, mode: snap.mode });
  for (const [i, raw] of snap.events.entries()) {
    const oldScene = raw.sceneId;
    const sceneId = renames?.scenes?.[oldScene] ?? oldScene;
    const event: RunEvent =
      raw.type === 'decision.made'
        ? {
            ...raw,
            sceneId,
            choice: raw.choice.map((c) => renames?.options?.[`${oldScene}.${c}`] ?? c),
            ...(raw.verdict ? { verdict: renames?.options?.[`${oldScene}.${raw.verdict}`] ?? raw.verdict } : {}),
          }
        : { ...raw, sceneId };
    const result = run.send(event);
    if (!result.ok)
      return {
        ok: false,
        refusal: {
          code: 'decision-no-longer-fits',
          eventIndex: i + 1,
          message: `decision ${i + 1} (scene "${oldScene}"${
            raw.type === 'decision.made' ? `, ${raw.choice.map((c) => `"${c}"`).join(', ') || 'nothing chosen'}` : ''
          }) no longer fits version ${scenario.version} of "${scenario.id}"`,
        },
      };
  }
  return { ok: true, run, migrated };
}
