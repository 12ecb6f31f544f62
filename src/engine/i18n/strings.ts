/**
 * Translatable text in scenario and course files. English inline is the source; a translation maps a key (a
 * path of ids, e.g. `scenes.arrival.choice.options.cordon.feedback`) to the translated text and the hash of the
 * English it was made from, so a changed English source shows up as a stale translation.
 */

/** Fields whose string value is translatable text. */
const TEXT_FIELDS = new Set([
  'title',
  'summary',
  'role',
  'text',
  'prompt',
  'rationalePrompt',
  'speaker',
  'modelRationale',
  'feedback',
  'findings',
  'notes',
  'debrief',
  'description',
  'label',
  'date',
  'name',
]);

/** Fields whose value is a list of translatable strings (keyed by position). */
const TEXT_LIST_FIELDS = new Set(['contentNotes', 'learningOutcomes', 'prompts']);

/** Fields never walked: conditions, targets, ids, tags, references. */
const SKIP_FIELDS = new Set(['when', 'next', 'effects', 'renamed', 'marks', 'refs', 'themes', 'tags', 'reveal']);

/** One translatable string. */
export interface SourceString {
  key: string;
  text: string;
  /** Hash of the English text. */
  hash: string;
}

/** 32-bit FNV-1a hash of a string, as 8 hex digits. Stable across platforms. */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

function segment(item: unknown, index: number): string {
  if (typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string')
    return (item as { id: string }).id;
  return String(index);
}

/** Walks a value and calls `visit` for each translatable string with its key and a setter. */
function walk(value: unknown, path: string[], visit: (key: string, text: string, set: (t: string) => void) => void) {
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, [...path, segment(item, i)], visit));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const obj = value as Record<string, unknown>;
  for (const [k, v] of Object.entries(obj)) {
    if (SKIP_FIELDS.has(k)) continue;
    if (typeof v === 'string' && TEXT_FIELDS.has(k)) {
      visit([...path, k].join('.'), v, (t) => (obj[k] = t));
    } else if (Array.isArray(v) && TEXT_LIST_FIELDS.has(k)) {
      v.forEach((s, i) => {
        if (typeof s === 'string') visit([...path, k, String(i)].join('.'), s, (t) => (v[i] = t));
      });
    } else if (typeof v === 'object' && v !== null) {
      walk(v, [...path, k], visit);
    }
  }
}

/** Every translatable string of a scenario or course file, in document order. */
export function sourceStrings(doc: unknown): SourceString[] {
  const out: SourceString[] = [];
  walk(doc, [], (key, text) => out.push({ key, text, hash: textHash(text) }));
  return out;
}

/** A translation file: key → translated text and the hash of its English source. */
export type TranslationBundle = Record<string, { text: string; source: string }> & { review?: never };

/** How a translation compares with its English source. */
export interface TranslationStatus {
  missing: string[];
  stale: string[];
  /** Keys in the translation that the English no longer has. */
  extra: string[];
  total: number;
}

/** Compares a translation with the English source strings. */
export function translationStatus(doc: unknown, bundle: Record<string, unknown>): TranslationStatus {
  const strings = sourceStrings(doc);
  const keys = new Set(strings.map((s) => s.key));
  const missing: string[] = [];
  const stale: string[] = [];
  for (const s of strings) {
    const t = bundle[s.key] as { text?: unknown; source?: unknown } | undefined;
    if (!t || typeof t.text !== 'string' || !t.text.trim()) missing.push(s.key);
    else if (t.source !== s.hash) stale.push(s.key);
  }
  const extra = Object.keys(bundle).filter((k) => k !== 'review' && !keys.has(k));
  return { missing, stale, extra, total: strings.length };
}

/**
 * Returns a deep copy of `doc` with translated text where the translation is present and current; missing
 * and stale keys keep the English.
 */
export function localise<T>(doc: T, bundle: Record<string, unknown> | undefined): T {
  const copy = structuredClone(doc);
  if (!bundle) return copy;
  walk(copy, [], (key, text, set) => {
    const t = bundle[key] as { text?: unknown; source?: unknown } | undefined;
    if (t && typeof t.text === 'string' && t.text.trim() && t.source === textHash(text)) set(t.text);
  });
  return copy;
}

/** A translation template: every key with the English text and its hash (for translators). */
export function translationTemplate(doc: unknown, existing: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of sourceStrings(doc)) {
    const t = existing[s.key] as { text?: string; source?: string } | undefined;
    out[s.key] = t?.text
      ? { text: t.text, source: t.source, en: s.text, enSource: s.hash }
      : { text: '', source: s.hash, en: s.text };
  }
  return out;
}
