/**
 * The session record's exports: JSON with an integrity code (SHA-256 over canonical JSON), CSV for a
 * spreadsheet, and the check the supervisor report uses when it imports a record.
 *
 * The SHA-256 is computed here in plain TypeScript rather than with `crypto.subtle`, which browsers offer
 * only on secure origins (an LMS may serve the course over plain http) and only asynchronously.
 */
import type { Score } from '../engine';
import { FAILINGS } from '../engine/types';
import {
  SESSION_RECORD_SCHEMA,
  SESSION_RECORD_VERSION,
  type ExportedSessionRecord,
  type SessionRecord,
  type SessionScores,
} from './session-record.types';

/** The group's scores in the record's shape. */
export function sessionScores(score: Score): SessionScores {
  return {
    failings: Object.fromEntries(FAILINGS.map((f) => [f, { ...score.failings[f] }])) as SessionScores['failings'],
    overall: { ...score.overall },
    criticalErrors: score.critical.length,
    outcome: score.outcome,
  };
}

/** JSON with object keys sorted at every level and no whitespace; `undefined` fields are left out. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

/** SHA-256 of a string's UTF-8 bytes, as lowercase hex. */
export function sha256Hex(text: string): string {
  const data = new TextEncoder().encode(text);
  const bitLength = data.length * 8;
  const padded = new Uint8Array(((data.length + 9 + 63) >> 6) << 6);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  return [...h].map((x) => x.toString(16).padStart(8, '0')).join('');
}

/** The record with its integrity code, ready to save as a `.json` file. */
export function exportSessionJson(record: SessionRecord): ExportedSessionRecord {
  return { ...record, integrity: { algorithm: 'SHA-256', value: sha256Hex(canonicalJson(record)) } };
}

/** Why an imported record cannot be used, in plain words; or the record. */
export type SessionImport =
  | { ok: true; record: ExportedSessionRecord }
  | { ok: false; problem: 'not-json' | 'not-a-record' | 'newer-version' | 'tampered'; detail: string };

/** Reads an exported record (e.g. the supervisor report's import): checks its shape, version and integrity. */
export function importSessionJson(text: string): SessionImport {
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: 'not-json', detail: (e as Error).message };
  }
  if (typeof x !== 'object' || x === null || (x as { schema?: unknown }).schema !== SESSION_RECORD_SCHEMA)
    return { ok: false, problem: 'not-a-record', detail: `the file is not a ${SESSION_RECORD_SCHEMA}` };
  const r = x as Partial<ExportedSessionRecord>;
  if (typeof r.schemaVersion !== 'number' || r.schemaVersion > SESSION_RECORD_VERSION)
    return {
      ok: false,
      problem: 'newer-version',
      detail: `schemaVersion ${String(r.schemaVersion)} is newer than ${SESSION_RECORD_VERSION}`,
    };
  const missing = ['sessionId', 'scenarioId', 'facilitator', 'date'].filter(
    (k) => typeof (r as Record<string, unknown>)[k] !== 'string',
  );
  if (
    missing.length ||
    !Array.isArray(r.attendees) ||
    !Array.isArray(r.decisions) ||
    typeof r.scores !== 'object' ||
    !r.integrity
  )
    return {
      ok: false,
      problem: 'not-a-record',
      detail: `missing or damaged: ${[...missing, 'attendees', 'decisions', 'scores', 'integrity'].filter((k) => missing.includes(k) || !(r as Record<string, unknown>)[k]).join(', ')}`,
    };
  const { integrity, ...record } = r as ExportedSessionRecord;
  if (integrity.algorithm !== 'SHA-256' || integrity.value !== sha256Hex(canonicalJson(record)))
    return {
      ok: false,
      problem: 'tampered',
      detail: 'the integrity code does not match the contents: the file was changed after it was exported',
    };
  return { ok: true, record: r as ExportedSessionRecord };
}

/** One CSV cell: quoted when needed; a leading =, +, - or @ is neutralised so a spreadsheet never runs it. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === undefined || value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The columns of the CSV export. */
export const CSV_COLUMNS = [
  'section',
  'key',
  'seq',
  'real_time',
  'in_game_time',
  'scene_id',
  'scene',
  'item_id',
  'item',
  'votes',
  'chosen',
  'text',
] as const;
type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null>>;

function fmtRatio(r: number | null) {
  return r === null ? 'not assessed' : r.toFixed(3);
}

/**
 * The record as one CSV table (UTF-8 with a byte-order mark so spreadsheets read Welsh letters): a `section`
 * column says what each row is — session details, attendees, votes per item at each decision, the group's
 * rationale, injects, notes, undone steps, pauses and the scores per failing.
 */
export function exportSessionCsv(
  record: SessionRecord,
  itemText: (sceneId: string, itemId: string) => string = (_s, i) => i,
): string {
  const rows: CsvRow[] = [];
  const add = (r: CsvRow) => rows.push(r);
  const meta: [string, string | number][] = [
    ['schema', `${record.schema} v${record.schemaVersion}`],
    ['session_id', record.sessionId],
    ['course', `${record.courseId} ${record.courseVersion}`],
    ['scenario_id', record.scenarioId],
    ['scenario_version', record.scenarioVersion],
    ['scenario', record.scenarioTitle],
    ['language', record.language],
    ['facilitator', record.facilitator],
    ['date', record.date],
    ['started_at', record.startedAt],
    ['ended_at', record.endedAt ?? ''],
    ['status', record.status],
    ['ending', record.ending ?? ''],
  ];
  for (const [key, text] of meta) add({ section: 'session', key, text });
  record.attendees.forEach((name, i) => add({ section: 'attendee', seq: i + 1, text: name }));
  const decisionRows = (section: string, d: SessionRecord['decisions'][number], extra: CsvRow = {}) => {
    const ids = [...new Set([...Object.keys(d.votes.counts), ...d.choice, ...(d.verdict ? [d.verdict] : [])])];
    const base = {
      section,
      seq: d.seq,
      real_time: d.at,
      in_game_time: d.clockText,
      scene_id: d.sceneId,
      scene: d.sceneTitle,
      ...extra,
    };
    if (d.votes.skipped) add({ ...base, key: 'votes_skipped', text: 'votes skipped' });
    for (const id of ids)
      add({
        ...base,
        key: 'item',
        item_id: id,
        item: itemText(d.sceneId, id),
        votes: d.votes.skipped ? '' : (d.votes.counts[id] ?? 0),
        chosen: d.choice.includes(id) || d.verdict === id,
      });
    if (d.rationale) add({ ...base, key: 'rationale', text: d.rationale });
    if (d.votes.revealedAt) add({ ...base, key: 'votes_revealed', real_time: d.votes.revealedAt });
  };
  for (const d of record.decisions) decisionRows('decision', d);
  for (const u of record.undone) decisionRows('undone', u.decision, { key: 'undone', text: `undone at ${u.undoneAt}` });
  for (const i of record.injects)
    add({
      section: 'inject',
      key: i.injectId ?? 'own',
      real_time: i.at,
      scene_id: i.sceneId,
      item: i.title ?? '',
      text: i.text,
    });
  for (const n of record.notes) add({ section: 'note', real_time: n.at, scene_id: n.sceneId, text: n.text });
  for (const p of record.pauses)
    add({ section: 'pause', real_time: p.from, text: p.to ? `resumed ${p.to}` : 'still paused' });
  for (const f of FAILINGS) {
    const s = record.scores.failings[f];
    add({
      section: 'score',
      key: f,
      votes: `${s.earned}/${s.best}`,
      text: `${fmtRatio(s.ratio)}${s.met === null ? '' : s.met ? ' met' : ' not met'}`,
    });
  }
  add({
    section: 'score',
    key: 'overall',
    votes: `${record.scores.overall.earned}/${record.scores.overall.best}`,
    text: fmtRatio(record.scores.overall.ratio),
  });
  add({ section: 'score', key: 'critical_errors', text: String(record.scores.criticalErrors) });
  add({ section: 'score', key: 'outcome', text: record.scores.outcome });
  const lines = [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A file name for an export: `callout-session-<date>-<scenario>-<id>.<ext>`. */
export function exportFileName(record: SessionRecord, ext: 'json' | 'csv'): string {
  return `callout-session-${record.date}-${record.scenarioId}-${record.sessionId}.${ext}`;
}
