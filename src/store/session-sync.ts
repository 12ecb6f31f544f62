/**
 * Keeps the facilitator console and the presenter view in step on one machine: a BroadcastChannel, or the
 * `storage` event where BroadcastChannel is missing. Messages carry the whole session, so a window never has
 * to wait for IndexedDB to learn what changed.
 */
import type { ClassroomSession } from './session';

/** What the windows tell each other. */
export type SyncMessage =
  /** The console changed a session (sent after every step). */
  | { type: 'session.updated'; session: ClassroomSession }
  /** A presenter view opened and asks the console for the latest state. */
  | { type: 'presenter.hello'; sessionId: string };

/** A channel between the windows of this browser. */
export interface SyncChannel {
  post(message: SyncMessage): void;
  subscribe(listener: (message: SyncMessage) => void): () => void;
  close(): void;
}

const NAME = 'callout.classroom';
const STORAGE_KEY = 'callout.classroom.sync';

function broadcastChannel(): SyncChannel {
  const ch = new BroadcastChannel(NAME);
  // Node's BroadcastChannel (tests) would otherwise keep the process alive.
  (ch as unknown as { unref?: () => void }).unref?.();
  const listeners = new Set<(m: SyncMessage) => void>();
  ch.onmessage = (e: MessageEvent<SyncMessage>) => listeners.forEach((l) => l(e.data));
  return {
    post: (m) => ch.postMessage(m),
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close: () => ch.close(),
  };
}

function storageChannel(): SyncChannel {
  const listeners = new Set<(m: SyncMessage) => void>();
  let n = 0;
  const onStorage = (e: StorageEvent) => {
    if (e.key !== STORAGE_KEY || !e.newValue) return;
    try {
      const { message } = JSON.parse(e.newValue) as { message: SyncMessage };
      listeners.forEach((l) => l(message));
    } catch {
      // Someone else's value under our key: ignore it.
    }
  };
  window.addEventListener('storage', onStorage);
  return {
    post(message) {
      try {
        // The nonce makes every write a change, so the other windows always hear it.
        localStorage.setItem(STORAGE_KEY, JSON.stringify({ message, nonce: `${Date.now()}-${n++}` }));
      } catch {
        // Storage full or blocked: the other window catches up from IndexedDB when it is reopened.
      }
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close: () => window.removeEventListener('storage', onStorage),
  };
}

/** A channel that drops every message (no window APIs: server rendering, some tests). */
export function silentChannel(): SyncChannel {
  return { post() {}, subscribe: () => () => {}, close() {} };
}

/** Opens the best channel this browser offers. */
export function openSyncChannel(): SyncChannel {
  if (typeof BroadcastChannel !== 'undefined') return broadcastChannel();
  if (typeof window !== 'undefined' && typeof localStorage !== 'undefined') return storageChannel();
  return silentChannel();
}

/** For tests: the storage-event channel, regardless of BroadcastChannel. */
export const openStorageChannel = storageChannel;

let shared: SyncChannel | undefined;

/** The page's one channel (opened on first use). */
export function syncChannel(): SyncChannel {
  return (shared ??= openSyncChannel());
}

/** For tests: replaces the page's channel. */
export function setSyncChannel(channel: SyncChannel | undefined) {
  shared?.close();
  shared = channel;
}
