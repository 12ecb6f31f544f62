/**
 * The session record's exports: JSON with an integrity code (SHA-256 over canonical JSON), CSV for a
 * spreadsheet, and the check the supervisor report uses when it imports a record.
 *
 * The SHA-256 is the reporting module's plain-TypeScript one (`crypto.subtle` exists only on secure origins,
 * and an LMS may serve the course over plain http). Unlike the learner's records export, the session record's
 * code is unsalted: anyone can check a record with any SHA-256 tool. It is tamper-evident, not security.
 */
import type { Score } from '../engine';
import { FAILINGS } from '../engine/types';
import { sha256Hex } from '../reporting/sha256';
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

/** SHA-256 of a string's UTF-8 bytes, as lowercase hex: the reporting module's, shared with its records export. */
export { sha256Hex };

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
