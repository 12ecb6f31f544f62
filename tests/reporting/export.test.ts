import { describe, expect, it } from 'vitest';
import { exportRecords, recordsCsv, verifyRecordsFile } from '../../src/reporting/export';
import type { LocalRecord } from '../../src/reporting/local/local-records';
import { sha256Hex } from '../../src/reporting/sha256';
import { createHash } from 'node:crypto';

const record = (over: Partial<LocalRecord> = {}): LocalRecord => ({
  attemptId: 'a-1',
  courseId: 'callout',
  courseVersion: '1.0.0',
  scenarioId: 's1-linnet-street-a',
  scenarioTitle: 'Linnet Street, Part A',
  scenarioVersion: 1,
  startedAt: '2025-03-01T09:00:00.000Z',
  endedAt: '2025-03-01T09:20:00.000Z',
  decisions: 9,
  overall: 81,
  failings: { F1: 90, F2: 70, F3: null, F4: 100, F5: 60 },
  outcome: 'not-yet-competent',
  criticalErrors: 0,
  ...over,
});

describe('exportRecords() and verifyRecordsFile()', () => {
  it('accepts an untouched export and rejects a changed score, another course and a non-records file, saying why', async () => {
    const file = exportRecords([record()], 'callout', 'PC Example');
    const text = JSON.stringify(file);
    expect(verifyRecordsFile(text, 'callout')).toMatchObject({ ok: true });
    const tampered = JSON.stringify({ ...file, records: [record({ overall: 99 })] });
    expect(verifyRecordsFile(tampered, 'callout')).toEqual({ ok: false, reason: 'tampered' });
    expect(verifyRecordsFile(text, 'other')).toEqual({ ok: false, reason: 'other-course' });
    expect(verifyRecordsFile('{"hello":1}', 'callout')).toEqual({ ok: false, reason: 'not-records' });
    expect(verifyRecordsFile('not json', 'callout')).toEqual({ ok: false, reason: 'not-json' });
  });
});

describe('sha256Hex()', () => {
  it('matches Node’s SHA-256 on empty, ASCII, Welsh and long inputs', () => {
    for (const t of ['', 'abc', 'Ymchwilio i farwolaethau annisgwyl — ŵ ŷ', 'x'.repeat(1000)])
      expect(sha256Hex(t)).toBe(createHash('sha256').update(t, 'utf8').digest('hex'));
  });
});

describe('verifyRecordsFile() and the mode', () => {
  it('accepts records with and without a mode, and refuses an unknown one', () => {
    const ok = exportRecords([record(), record({ attemptId: 'a-2', mode: 'practice' })], 'callout', 'PC Example');
    expect(verifyRecordsFile(JSON.stringify(ok), 'callout').ok).toBe(true);
    const bad = exportRecords([record({ mode: 'exam' as never })], 'callout', 'PC Example');
    expect(verifyRecordsFile(JSON.stringify(bad), 'callout')).toEqual({ ok: false, reason: 'bad-shape' });
  });
});

describe('recordsCsv()', () => {
  it('writes one row per attempt, empty cells for not assessed, and defuses spreadsheet formulas', () => {
    const csv = recordsCsv([record({ scenarioTitle: '=HYPERLINK("x")' })], 'PC Example');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'learner,scenario_id,scenario_title,scenario_version,started_at,finished_at,decisions,overall,F1,F2,F3,F4,F5,outcome,critical_errors,mode',
    );
    expect(lines[1]).toContain(',90,70,,100,60,not-yet-competent,0,assessed');
    expect(recordsCsv([record({ mode: 'practice' })])).toContain(',not-yet-competent,0,practice');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
