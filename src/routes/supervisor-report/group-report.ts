/**
 * The supervisor's group report: learners' exported records and classroom session records, checked one by
 * one (a malformed or changed file is refused with its reason; the others still count), then completion per
 * person and scores per failing across the group. Only completion, dates and scores are used — never free
 * text (sensitivity.md §8).
 */
import { FAILINGS, type Failing } from '../../engine/types';
import { verifyRecordsFile } from '../../reporting/export';
import { importSessionJson } from '../../store/session-export';
import type { LocalRecord } from '../../reporting/local/local-records';
import { certifiedRecords, verificationCode } from '../certificate/verification';

/** Why a file was refused. */
export type Refusal =
  'not-json' | 'not-records' | 'other-course' | 'bad-shape' | 'tampered' | 'newer-version' | 'too-large';

/** What happened to one imported file. */
export type FileOutcome =
  | { name: string; ok: true; kind: 'records' | 'session'; people: string[]; entries: number }
  | { name: string; ok: false; reason: Refusal; detail?: string };

/** One finished scenario for one person. */
export interface Entry {
  scenarioId: string;
  source: 'self-study' | 'classroom';
  endedAt: string;
  overall: number | null;
  failings: Record<Failing, number | null>;
  /** Attempt or session id, to ignore the same file imported twice. */
  key: string;
}

export interface Person {
  name: string;
  /** Latest entry per scenario. */
  scenarios: Map<string, Entry>;
  /** Every self-study record imported for this person (to recompute their certificate's code). */
  records: LocalRecord[];
}

/** Largest file read (a records or session file is a few hundred kilobytes at most). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const pct = (r: number | null) => (r === null ? null : Math.round(Math.max(0, Math.min(1, r)) * 100));

function add(people: Map<string, Person>, name: string, e: Entry) {
  const key = name.trim().replace(/\s+/g, ' ');
  const p = people.get(key.toLowerCase()) ?? { name: key, scenarios: new Map(), records: [] };
  const have = p.scenarios.get(e.scenarioId);
  if (!have || have.endedAt < e.endedAt) p.scenarios.set(e.scenarioId, e);
  people.set(key.toLowerCase(), p);
}

/** Reads the files into people; returns what happened to each file. */
export function importFiles(
  files: { name: string; text: string }[],
  courseId: string,
  unnamed: (fileName: string) => string,
): { people: Map<string, Person>; outcomes: FileOutcome[] } {
  const people = new Map<string, Person>();
  const outcomes: FileOutcome[] = [];
  for (const f of files) {
    if (f.text.length > MAX_IMPORT_BYTES) {
      outcomes.push({ name: f.name, ok: false, reason: 'too-large' });
      continue;
    }
    let kind: string | undefined;
    try {
      const x = JSON.parse(f.text) as { format?: unknown; schema?: unknown };
      kind =
        x && typeof x === 'object'
          ? x.format === 'callout-records'
            ? 'records'
            : x.schema === 'callout.session-record'
              ? 'session'
              : undefined
          : undefined;
    } catch {
      outcomes.push({ name: f.name, ok: false, reason: 'not-json' });
      continue;
    }
    if (kind === 'records') {
      const r = verifyRecordsFile(f.text, courseId);
      if (!r.ok) {
        outcomes.push({ name: f.name, ok: false, reason: r.reason });
        continue;
      }
      const name = r.file.learner.trim() || unnamed(f.name);
      // Practice attempts are the learner's own: never a completion, never in the group's scores.
      for (const rec of r.file.records.filter((x) => x.mode !== 'practice')) {
        add(people, name, {
          scenarioId: rec.scenarioId,
          source: 'self-study',
          endedAt: rec.endedAt,
          overall: rec.overall,
          failings: rec.failings,
          key: rec.attemptId,
        });
        const person = people.get(name.trim().replace(/\s+/g, ' ').toLowerCase())!;
        if (!person.records.some((x) => x.attemptId === rec.attemptId)) person.records.push(rec);
      }
      outcomes.push({ name: f.name, ok: true, kind: 'records', people: [name], entries: r.file.records.length });
    } else if (kind === 'session') {
      const r = importSessionJson(f.text);
      if (!r.ok) {
        outcomes.push({
          name: f.name,
          ok: false,
          reason: r.problem === 'not-a-record' ? 'bad-shape' : r.problem,
          detail: r.detail,
        });
        continue;
      }
      const rec = r.record;
      if (rec.courseId !== courseId) {
        outcomes.push({ name: f.name, ok: false, reason: 'other-course' });
        continue;
      }
      if (rec.status !== 'completed') {
        outcomes.push({ name: f.name, ok: true, kind: 'session', people: rec.attendees, entries: 0 });
        continue;
      }
      const failings = {} as Record<Failing, number | null>;
      for (const fl of FAILINGS) failings[fl] = pct(rec.scores.failings[fl]?.ratio ?? null);
      for (const a of rec.attendees)
        add(people, a, {
          scenarioId: rec.scenarioId,
          source: 'classroom',
          endedAt: rec.endedAt ?? rec.updatedAt,
          overall: pct(rec.scores.overall.ratio),
          failings,
          key: rec.sessionId,
        });
      outcomes.push({ name: f.name, ok: true, kind: 'session', people: rec.attendees, entries: rec.attendees.length });
    } else outcomes.push({ name: f.name, ok: false, reason: 'not-records' });
  }
  return { people, outcomes };
}

/** Mean of the non-null values, rounded; null when there are none. */
export function mean(values: (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v !== null);
  return xs.length ? Math.round(xs.reduce((s, v) => s + v, 0) / xs.length) : null;
}

/** A person's row: completion and their mean score per failing over their latest finished scenarios. */
export function personRow(p: Person, courseScenarios: string[], courseId: string) {
  const entries = courseScenarios.map((id) => p.scenarios.get(id)).filter((e): e is Entry => !!e);
  const failings = {} as Record<Failing, number | null>;
  for (const f of FAILINGS) failings[f] = mean(entries.map((e) => e.failings[f]));
  return {
    name: p.name,
    finished: entries.length,
    total: courseScenarios.length,
    complete: entries.length === courseScenarios.length,
    overall: mean(entries.map((e) => e.overall)),
    failings,
    /** The verification code a certificate from these self-study records carries; null until every call-out is in them. */
    code: (() => {
      const certified = certifiedRecords(p.records, courseScenarios);
      return certified ? verificationCode(courseId, certified) : null;
    })(),
  };
}

/** The group's scores per failing: mean, lowest and highest over the people assessed in it. */
export function groupFailings(rows: ReturnType<typeof personRow>[]) {
  return FAILINGS.map((f) => {
    const xs = rows.map((r) => r.failings[f]).filter((v): v is number => v !== null);
    return {
      failing: f,
      mean: mean(xs),
      min: xs.length ? Math.min(...xs) : null,
      max: xs.length ? Math.max(...xs) : null,
      assessed: xs.length,
    };
  });
}
