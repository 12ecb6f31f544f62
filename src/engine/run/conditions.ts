import type { Condition, RunContext } from '../types.ts';
import { parseClock } from './clock.ts';

/** Evaluates a condition against the run's context. A missing condition holds. */
export function holds(cond: Condition | undefined, ctx: RunContext): boolean {
  if (cond === undefined) return true;
  if ('flag' in cond) return ctx.caseFile.flags.includes(cond.flag);
  if ('fact' in cond) return ctx.caseFile.facts.some((f) => f.id === cond.fact);
  // The case file holds the learner's records (and a default case file's, standing in for an earlier part);
  // colleagues' records declared in a scenario are searchable but are not "recorded" by the learner.
  if ('recorded' in cond)
    return ctx.caseFile.records.some((r) => r.entries.some((e) => e.tags.includes(cond.recorded)));
  if ('seized' in cond) return ctx.caseFile.exhibits.some((e) => e.id === cond.seized);
  if ('chose' in cond) return (ctx.chosen[cond.chose.scene] ?? []).includes(cond.chose.option);
  if ('found' in cond) return (ctx.found[cond.found]?.length ?? 0) > 0;
  if ('after' in cond) return ctx.clock >= parseClock(cond.after);
  if ('before' in cond) return ctx.clock < parseClock(cond.before);
  if ('all' in cond) return cond.all.every((c) => holds(c, ctx));
  if ('any' in cond) return cond.any.some((c) => holds(c, ctx));
  if ('not' in cond) return !holds(cond.not, ctx);
  return cond.of.filter((c) => holds(c, ctx)).length >= cond.atLeast;
}

/** What a set of conditions reads: used to key graph states by only what guards can see. */
export interface ConditionReads {
  flags: Set<string>;
  facts: Set<string>;
  recorded: Set<string>;
  seized: Set<string>;
  chose: Set<string>;
  found: Set<string>;
  clock: boolean;
}

export function emptyReads(): ConditionReads {
  return {
    flags: new Set(),
    facts: new Set(),
    recorded: new Set(),
    seized: new Set(),
    chose: new Set(),
    found: new Set(),
    clock: false,
  };
}

/** Adds what `cond` reads to `reads`. */
export function collectReads(cond: Condition | undefined, reads: ConditionReads): void {
  if (cond === undefined) return;
  if ('flag' in cond) reads.flags.add(cond.flag);
  else if ('fact' in cond) reads.facts.add(cond.fact);
  else if ('recorded' in cond) reads.recorded.add(cond.recorded);
  else if ('seized' in cond) reads.seized.add(cond.seized);
  else if ('chose' in cond) reads.chose.add(`${cond.chose.scene}.${cond.chose.option}`);
  else if ('found' in cond) reads.found.add(cond.found);
  else if ('after' in cond || 'before' in cond) reads.clock = true;
  else if ('all' in cond) cond.all.forEach((c) => collectReads(c, reads));
  else if ('any' in cond) cond.any.forEach((c) => collectReads(c, reads));
  else if ('not' in cond) collectReads(cond.not, reads);
  else cond.of.forEach((c) => collectReads(c, reads));
}

/**
 * Adds to `into` what `from` reads of the case file (flags, facts, record tags, exhibits): the parts that carry
 * from one part of a case to the next. Choices, search terms and the clock belong to one scenario and do not.
 */
export function addCarriedReads(into: ConditionReads, from: ConditionReads): void {
  from.flags.forEach((x) => into.flags.add(x));
  from.facts.forEach((x) => into.facts.add(x));
  from.recorded.forEach((x) => into.recorded.add(x));
  from.seized.forEach((x) => into.seized.add(x));
}
