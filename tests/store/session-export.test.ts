import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  csvCell,
  exportSessionCsv,
  exportSessionJson,
  importSessionJson,
  sha256Hex,
} from '../../src/store/session-export';
import { ManualVoteSource, totalVotes } from '../../src/store/session-votes';
import type { SessionRecord } from '../../src/store/session-record.types';

const zero = { F1: 0, F2: 0, F3: 0, F4: 0, F5: 0 };
const na = { earned: 0, best: 0, ratio: null, met: null };
function fakeRecord(overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    schema: 'callout.session-record',
    schemaVersion: 1,
    sessionId: 's-1',
    courseId: 'callout',
    courseVersion: '1.0.0',
    scenarioId: 's3-sergeants-in-tray',
    scenarioVersion: 1,
    scenarioTitle: "The sergeant's in-tray",
    language: 'cy',
    facilitator: 'Rhys Ŵyn',
    date: '2026-11-20',
    attendees: ['PC Dan Hughes', '=HYPERLINK("x")', 'Siân, "the new one"'],
    startedAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    status: 'completed',
    ending: 'good-end',
    decisions: [
      {
        seq: 1,
        sceneId: 'report',
        sceneTitle: 'The report of death',
        kind: 'review',
        choice: ['no-source'],
        choiceText: ['"Known alcoholic" has no source'],
        verdict: 'return',
        rationale: 'Labels are not facts,\nso send it back',
        clock: 840,
        clockText: '14:00',
        at: '2026-11-20T09:30:00.000Z',
        votes: {
          source: 'manual',
          skipped: false,
          counts: { 'no-source': 7, return: 6, sign: 1 },
          revealedAt: '2026-11-20T09:29:00.000Z',
        },
        earned: { ...zero, F3: 2 },
        best: { ...zero, F3: 2 },
        critical: [],
      },
    ],
    undone: [],
    injects: [{ text: 'A neighbour calls 999.', sceneId: 'report', at: '2026-11-20T09:20:00.000Z', clock: 840 }],
    notes: [],
    pauses: [{ from: '2026-11-20T09:40:00.000Z', to: '2026-11-20T09:45:00.000Z' }],
    scores: {
      failings: { F1: na, F2: na, F3: { earned: 2, best: 2, ratio: 1, met: true }, F4: na, F5: na },
      overall: { earned: 2, best: 2, ratio: 1 },
      criticalErrors: 0,
      outcome: 'competent',
    },
    ...overrides,
  };
}

describe('sha256Hex()', () => {
  it('agrees with Node’s SHA-256 on empty, short, Welsh and multi-block input', () => {
    for (const text of ['', 'abc', 'Croeso i Gymru: ŵ ŷ â', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(1000)])
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});

describe('canonicalJson()', () => {
  it('sorts keys at every level and leaves out undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"z":1}]},"b":1}',
    );
  });
});

describe('exportSessionJson() and importSessionJson()', () => {
  it('round-trips a record and checks its integrity code', () => {
    const exported = exportSessionJson(fakeRecord());
    const { integrity, ...body } = exported;
    expect(integrity).toEqual({
      algorithm: 'SHA-256',
      value: createHash('sha256').update(canonicalJson(body)).digest('hex'),
    });
    const back = importSessionJson(JSON.stringify(exported, null, 2));
    expect(back).toEqual({ ok: true, record: exported });
  });

  it('refuses a record that was changed after export, and says why', () => {
    const exported = exportSessionJson(fakeRecord());
    exported.scores.overall.earned = 99;
    const back = importSessionJson(JSON.stringify(exported));
    expect(back).toMatchObject({ ok: false, problem: 'tampered' });
  });

  it('refuses what is not a record, or is from a newer version', () => {
    expect(importSessionJson('{oops')).toMatchObject({ ok: false, problem: 'not-json' });
    expect(importSessionJson('{"schema":"other"}')).toMatchObject({ ok: false, problem: 'not-a-record' });
    expect(importSessionJson(JSON.stringify({ ...exportSessionJson(fakeRecord()), schemaVersion: 2 }))).toMatchObject({
      ok: false,
      problem: 'newer-version',
    });
    const { attendees: _a, ...noAttendees } = exportSessionJson(fakeRecord());
    expect(importSessionJson(JSON.stringify(noAttendees))).toMatchObject({
      ok: false,
      problem: 'not-a-record',
      detail: expect.stringContaining('attendees'),
    });
  });
});

describe('exportSessionCsv()', () => {
  it('writes one table with session details, attendees, votes per item, rationale, injects, pauses and scores', () => {
    const csv = exportSessionCsv(fakeRecord(), (_s, id) => `text of ${id}`);
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('section,key,seq,real_time,in_game_time,scene_id,scene,item_id,item,votes,chosen,text');
    expect(lines).toContain('session,facilitator,,,,,,,,,,Rhys Ŵyn');
    expect(lines).toContain('attendee,,2,,,,,,,,,"\'=HYPERLINK(""x"")"');
    expect(lines).toContain('attendee,,3,,,,,,,,,"Siân, ""the new one"""');
    expect(lines).toContain(
      'decision,item,1,2026-11-20T09:30:00.000Z,14:00,report,The report of death,no-source,text of no-source,7,true,',
    );
    expect(lines).toContain(
      'decision,item,1,2026-11-20T09:30:00.000Z,14:00,report,The report of death,sign,text of sign,1,false,',
    );
    expect(lines).toContain(
      'decision,item,1,2026-11-20T09:30:00.000Z,14:00,report,The report of death,return,text of return,6,true,',
    );
    expect(csv).toContain(
      'decision,rationale,1,2026-11-20T09:30:00.000Z,14:00,report,The report of death,,,,,"Labels are not facts,\nso send it back"',
    );
    expect(lines).toContain('score,F3,,,,,,,,2/2,,1.000 met');
    expect(lines).toContain('score,F1,,,,,,,,0/0,,not assessed');
    expect(lines).toContain('score,outcome,,,,,,,,,,competent');
    expect(lines.some((l) => l.startsWith('inject,own,,2026-11-20T09:20:00.000Z'))).toBe(true);
    expect(lines.some((l) => l.startsWith('pause,'))).toBe(true);
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell('plain')).toBe('plain');
  });
});

describe('ManualVoteSource', () => {
  it('collects whole-number counts for offered items only, and can skip', () => {
    const source = new ManualVoteSource();
    const seen: number[] = [];
    source.open(
      {
        sceneId: 'a',
        options: [
          { id: 'x', text: 'X' },
          { id: 'y', text: 'Y' },
        ],
      },
      { source: 'manual', skipped: false, counts: { x: 2, gone: 4 } },
    );
    source.subscribe((t) => seen.push(totalVotes(t)));
    expect(source.tally().counts).toEqual({ x: 2 });
    source.set('y', 3);
    source.set('z', 9);
    source.set('x', 1.5);
    source.set('y', -1);
    expect(source.tally()).toEqual({ source: 'manual', skipped: false, counts: {} });
    source.set('x', 4);
    source.skip();
    expect(source.tally()).toEqual({ source: 'manual', skipped: true, counts: {} });
    expect(seen).toEqual([5, 3, 0, 4, 0]);
    expect(source.close().skipped).toBe(true);
  });
});
