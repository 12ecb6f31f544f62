/**
 * The order a learner sees a list in. Every list a learner chooses from (options, actions, record entries,
 * search terms, review issues and verdicts) is shuffled by the attempt's seed, so that where an option sits
 * says nothing about its marks. The order is a pure function of the seed, the scene and the item ids: the same
 * on resume, reload, another device and an LMS relaunch, whichever items a condition offers, and the same for
 * the presenter, the console and the learners of one classroom session. An item with `pin: first` or
 * `pin: last` keeps its place (in file order among its kind).
 */
import type { ScoredItem } from '../types.ts';

/** FNV-1a over a string, mixed with a 32-bit seed. */
function hash(seed: number, text: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // A final avalanche (murmur3's fmix32), so that ids differing in one character land far apart.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit seed from any text (used to give attempts saved before seeds existed a stable seed). */
export function seedFrom(text: string): number {
  return hash(0x9e3779b9, text);
}

/** A fresh random seed. */
export function randomSeed(): number {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  if (c?.getRandomValues) return c.getRandomValues(new Uint32Array(1))[0];
  return Math.floor(Math.random() * 2 ** 32) >>> 0;
}

/** `items` in the attempt's order for the list `list` of scene `sceneId`. Never changes the items themselves. */
export function seededOrder<T extends Pick<ScoredItem, 'id' | 'pin'>>(
  items: readonly T[],
  seed: number,
  sceneId: string,
  list = 'items',
): T[] {
  const first = items.filter((i) => i.pin === 'first');
  const last = items.filter((i) => i.pin === 'last');
  const key = new Map(items.map((i) => [i.id, hash(seed, `${sceneId}\u0000${list}\u0000${i.id}`)]));
  const free = items
    .filter((i) => i.pin !== 'first' && i.pin !== 'last')
    .sort((a, b) => key.get(a.id)! - key.get(b.id)! || (a.id < b.id ? -1 : 1));
  return [...first, ...free, ...last];
}
