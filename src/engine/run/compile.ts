/**
 * Compiles a validated scenario into an XState v5 machine: one state per scene, one guarded transition per
 * scene a decision can lead to. The machine has no `invoke` and no `after`: it stays pure and path-testable.
 */
import { assign, setup } from 'xstate';
import type { CaseFile, RunContext, RunEvent, Scenario, Scene } from '../types.ts';
import { parseClock } from './clock.ts';
import {
  applyDecision,
  enterScene,
  evaluateDecision,
  nextFor,
  nextTargets,
  resolveNext,
  sceneItems,
  sceneKind,
  sceneVerdicts,
} from './logic.ts';

/** What a machine starts from. */
export interface RunInput {
  caseFile: CaseFile;
}

/** The outcome of an event at a scene: the new context and the scene it leads to. */
export interface Step {
  ctx: RunContext;
  target: string | undefined;
}

/** Every scene a scene can lead to, in a stable order. */
export function sceneTargets(scene: Scene): string[] {
  const all = [
    ...nextTargets(scene.next),
    ...nextTargets((scene.choice ?? scene.actions ?? scene.record ?? scene.search ?? scene.review)?.next),
    ...[...sceneItems(scene), ...sceneVerdicts(scene)].flatMap((i) =>
      nextTargets((i as { next?: Scene['next'] }).next),
    ),
  ];
  return [...new Set(all)];
}

/** Applies one event at one scene, or returns undefined if the event does not fit. */
export function step(scenario: Scenario, scene: Scene, ctx: RunContext, event: RunEvent): Step | undefined {
  if (event.sceneId !== scene.id) return undefined;
  const kind = sceneKind(scene);
  if (kind === 'ending') return undefined;
  if (kind === 'narrative') {
    if (event.type !== 'scene.continued') return undefined;
    return { ctx, target: resolveNext(scene.next, ctx) };
  }
  if (event.type !== 'decision.made') return undefined;
  const ev = evaluateDecision(scene, ctx, event);
  if (!ev.ok) return undefined;
  const after = applyDecision(scenario, scene, ctx, event, ev.value);
  const chosen = ev.value.verdict ? [ev.value.verdict, ...ev.value.items] : ev.value.items;
  return { ctx: after, target: resolveNext(nextFor(scene, chosen), after) };
}

/** The context a run starts with, before the first scene is entered. */
export function initialContext(scenario: Scenario, caseFile: CaseFile): RunContext {
  return {
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    clock: parseClock(scenario.startTime),
    caseFile,
    chosen: {},
    found: {},
    log: [],
    consequences: [],
  };
}

/** The walk machine's opening state, before a case file is chosen. Not a scene id (ids are kebab-case). */
export const OPENING = '__open';

/** The event that starts a walk machine with a case file. */
export interface CaseOpenedEvent {
  type: 'case.opened';
  caseFile: CaseFile;
}

/**
 * Builds the XState machine for a validated scenario. With `opening`, the machine starts in a state that waits
 * for a `case.opened` event carrying the case file: the checker uses it to walk every starting case file of a
 * case part in one graph. Runs use the plain machine (the case file arrives as input).
 */
export function buildMachine(
  scenario: Scenario,
  options: { opening?: boolean; memo?: WeakMap<object, { ctx: RunContext; result: Step | undefined }> } = {},
) {
  const scenes = new Map(scenario.scenes.map((s) => [s.id, s]));
  // The guard and the action of one transition see the same event and context: compute the step once. The
  // checker passes its own memo, already holding the steps it worked out while listing decisions.
  const memo = options.memo ?? new WeakMap<object, { ctx: RunContext; result: Step | undefined }>();
  const stepOnce = (sceneId: string, ctx: RunContext, event: RunEvent): Step | undefined => {
    const hit = memo.get(event);
    if (hit && hit.ctx === ctx) return hit.result;
    const result = step(scenario, scenes.get(sceneId)!, ctx, event);
    memo.set(event, { ctx, result });
    return result;
  };

  const states: Record<string, object> = {};
  for (const scene of scenario.scenes) {
    const kind = sceneKind(scene);
    const entry = { type: 'enter' as const, params: { scene: scene.id } };
    if (kind === 'ending') {
      states[scene.id] = { type: 'final', entry };
      continue;
    }
    const transitions = sceneTargets(scene).map((target) => ({
      target,
      guard: { type: 'leadsTo' as const, params: { scene: scene.id, target } },
      actions: { type: 'commit' as const, params: { scene: scene.id } },
    }));
    states[scene.id] = {
      entry,
      on: { [kind === 'narrative' ? 'scene.continued' : 'decision.made']: transitions },
    };
  }

  return setup({
    types: {
      context: {} as RunContext,
      events: {} as RunEvent | CaseOpenedEvent,
      input: {} as RunInput,
    },
    guards: {
      leadsTo: ({ context, event }, params: { scene: string; target: string }) =>
        event.type !== 'case.opened' && stepOnce(params.scene, context, event)?.target === params.target,
    },
    actions: {
      enter: assign(({ context }, params: { scene: string }) =>
        enterScene(scenario, scenes.get(params.scene)!, context),
      ),
      commit: assign(
        ({ context, event }, params: { scene: string }) => stepOnce(params.scene, context, event as RunEvent)!.ctx,
      ),
      open: assign(({ event }) => ({ caseFile: (event as CaseOpenedEvent).caseFile })),
    },
  }).createMachine({
    id: scenario.id,
    initial: options.opening ? OPENING : scenario.start,
    context: ({ input }: { input: RunInput }) => initialContext(scenario, input.caseFile),
    states: options.opening
      ? { ...states, [OPENING]: { on: { 'case.opened': { target: scenario.start, actions: 'open' } } } }
      : states,
  } as never);
}

/** The compiled scenario machine's type. */
export type ScenarioMachine = ReturnType<typeof buildMachine>;

/** A scenario ready to run: the validated data, indexes and its machine. */
export interface CompiledScenario {
  scenario: Scenario;
  scenes: ReadonlyMap<string, Scene>;
  machine: ScenarioMachine;
}

/** Compiles a validated scenario. Validation (`validateScenario`) must have passed. */
export function compileScenario(scenario: Scenario): CompiledScenario {
  return {
    scenario,
    scenes: new Map(scenario.scenes.map((s) => [s.id, s])),
    machine: buildMachine(scenario),
  };
}
