/**
 * zustand `persist` storage on IndexedDB (idb-keyval). Values are stored as structured clones, not JSON text.
 * When IndexedDB is unavailable (some private windows), reads and writes fail and the store says so.
 */
import { del, get, set } from 'idb-keyval';
import type { PersistStorage, StorageValue } from 'zustand/middleware';

export function idbStorage<S>(): PersistStorage<S> {
  return {
    getItem: async (name) => ((await get(name)) as StorageValue<S> | undefined) ?? null,
    setItem: (name, value) => set(name, value),
    removeItem: (name) => del(name),
  };
}
