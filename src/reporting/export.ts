/**
 * Exporting the learner's local records (CSV and JSON) and checking an imported file. The JSON carries an
 * integrity code: SHA-256 over the canonical JSON of its content with a course-specific salt. It shows that a
 * file was changed after export (tamper-evident); it is not security — anyone with the course can compute it.
 */
import { FAILINGS } from '../engine';
import type { LocalRecord } from './local/local-records';
import { sha256Hex } from './sha256';

export const EXPORT_FORMAT = 'callout-records';
export const EXPORT_VERSION = 1;

/** An exported records file. */
export interface RecordsExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  courseId: string;
  exportedAt: string;
  /** The name the learner typed when exporting (optional; nothing else identifies them). */
  learner: string;
  records: LocalRecord[];
  /** Hex SHA-256 of the salted canonical JSON of every other field. */
  integrity: string;
}

/** JSON with object keys sorted at every level, so the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

function salt(courseId: string): string {
  return `callout-records-v1:${courseId}:`;
}

/** Builds the JSON export. */
export function exportRecords(
  records: LocalRecord[],
  courseId: string,
  learner: string,
  now = new Date(),
): RecordsExport {
  const body = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    courseId,
    exportedAt: now.toISOString(),
    learner,
    records,
  } as const;
  return { ...body, integrity: sha256Hex(salt(courseId) + canonicalJson(body)) };
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  // Quote, and defuse spreadsheet formulas.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The records as CSV (one row per finished attempt; scores are percentages, empty when not assessed). */
export function recordsCsv(records: LocalRecord[], learner = ''): string {
  const head = [
    'learner',
    'scenario_id',
    'scenario_title',
    'scenario_version',
    'started_at',
    'finished_at',
    'decisions',
    'overall',
    ...FAILINGS,
    'outcome',
    'critical_errors',
    'mode',
  ];
  const rows = records.map((r) => [
    learner,
    r.scenarioId,
    r.scenarioTitle,
    r.scenarioVersion,
    r.startedAt,
    r.endedAt,
    r.decisions,
    r.overall,
    ...FAILINGS.map((f) => r.failings[f]),
    r.outcome,
    r.criticalErrors,
    r.mode ?? 'assessed',
  ]);
  return [head, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Why an imported file was refused. */
export type ImportResult =
  | { ok: true; file: RecordsExport }
  | { ok: false; reason: 'not-json' | 'not-records' | 'other-course' | 'bad-shape' | 'tampered' };

/** Checks an imported records file: format, course, shape, and the integrity code. */
export function verifyRecordsFile(text: string, courseId: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  const d = data as Partial<RecordsExport>;
  if (!d || typeof d !== 'object' || d.format !== EXPORT_FORMAT || d.version !== EXPORT_VERSION)
    return { ok: false, reason: 'not-records' };
  if (d.courseId !== courseId) return { ok: false, reason: 'other-course' };
  if (
    typeof d.integrity !== 'string' ||
    typeof d.learner !== 'string' ||
    typeof d.exportedAt !== 'string' ||
    !Array.isArray(d.records)
  )
    return { ok: false, reason: 'bad-shape' };
  for (const r of d.records)
    if (
      !r ||
      typeof r.scenarioId !== 'string' ||
      typeof r.endedAt !== 'string' ||
      typeof r.failings !== 'object' ||
      !['competent', 'not-yet-competent'].includes(r.outcome) ||
      (r.mode !== undefined && r.mode !== 'assessed' && r.mode !== 'practice')
    )
      return { ok: false, reason: 'bad-shape' };
  const { integrity, ...body } = d as RecordsExport;
  if (sha256Hex(salt(courseId) + canonicalJson(body)) !== integrity) return { ok: false, reason: 'tampered' };
  return { ok: true, file: d as RecordsExport };
}
