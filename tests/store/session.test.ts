import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { get, set } from 'idb-keyval';
import {
  SESSIONS_KEY,
  followSessions,
  migrateSessions,
  newest,
  parseAttendees,
  useSessionMirror,
  useSessions,
  type ClassroomSession,
  type NewSession,
  type SessionScores,
} from '../../src/store/session';
import { setSyncChannel, type SyncChannel, type SyncMessage } from '../../src/store/session-sync';
import type { AttemptSnapshot } from '../../src/engine';

/** A channel that keeps what is posted and lets a test deliver messages. */
function fakeChannel() {
  const posted: SyncMessage[] = [];
  const listeners = new Set<(m: SyncMessage) => void>();
  const channel: SyncChannel = {
    post: (m) => posted.push(m),
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close() {},
  };
  return { channel, posted, deliver: (m: SyncMessage) => listeners.forEach((l) => l(m)) };
}

const zero = { F1: 0, F2: 0, F3: 0, F4: 0, F5: 0 };
const scores = (earned = 0): SessionScores => ({
  failings: {
    F1: { earned, best: 2, ratio: earned / 2, met: earned >= 2 },
    F2: { earned: 0, best: 0, ratio: null, met: null },
    F3: { earned: 0, best: 0, ratio: null, met: null },
    F4: { earned: 0, best: 0, ratio: null, met: null },
    F5: { earned: 0, best: 0, ratio: null, met: null },
  },
  overall: { earned, best: 2, ratio: earned / 2 },
  criticalErrors: 0,
  outcome: earned >= 2 ? 'competent' : 'not-yet-competent',
});
const snap = (events: AttemptSnapshot['events'] = []): AttemptSnapshot => ({
  snapshotVersion: 2,
  seed: 1,
  mode: 'assessed',
  scenarioId: 's-test',
  scenarioVersion: 2,
  caseFileIn: { origin: 'fresh', flags: [], facts: [], exhibits: [], records: [] },
  events,
});
const fakeSession = (overrides: Partial<NewSession> = {}): NewSession => ({
  courseId: 'callout',
  courseVersion: '1.0.0',
  scenarioId: 's-test',
  scenarioVersion: 2,
  scenarioTitle: 'Test call-out',
  language: 'en-GB',
  facilitator: 'Sgt Adeyemi',
  date: '2026-11-20',
  attendees: ['PC Hughes', 'PC Doyle'],
  snapshot: snap(),
  sceneId: 'arrival',
  scores: scores(),
  ...overrides,
});
const decision = (seq: number, sceneId: string) => ({
  seq,
  sceneId,
  sceneTitle: sceneId,
  kind: 'choice' as const,
  choice: ['open'],
  choiceText: ['Keep it open'],
  rationale: 'Nothing is checked yet',
  clock: 310,
  clockText: '05:10',
  at: '2026-11-20T10:00:00.000Z',
  earned: { ...zero, F1: 2 },
  best: { ...zero, F1: 2 },
  critical: [],
});

let fake: ReturnType<typeof fakeChannel>;
beforeEach(() => {
  fake = fakeChannel();
  setSyncChannel(fake.channel);
});
afterEach(() => {
  useSessions.setState({ sessions: {}, unreadable: [] });
  useSessionMirror.setState({ sessions: {} });
  setSyncChannel(undefined);
});

describe('parseAttendees()', () => {
  it('trims, drops blank lines and repeated names, and keeps the order given', () => {
    expect(parseAttendees('  PC Dan Hughes \r\nPC Amy Doyle\n\n pc dan  hughes\nPC Sam   Patel\n')).toEqual([
      'PC Dan Hughes',
      'PC Amy Doyle',
      'PC Sam Patel',
    ]);
  });
});

describe('useSessions', () => {
  it('starts a session with its record and saves it to IndexedDB', async () => {
    const id = useSessions.getState().create(fakeSession());
    const s = useSessions.getState().sessions[id];
    expect(s.record).toMatchObject({
      schema: 'callout.session-record',
      schemaVersion: 1,
      sessionId: id,
      scenarioId: 's-test',
      status: 'in-progress',
      attendees: ['PC Hughes', 'PC Doyle'],
    });
    await expect
      .poll(
        async () =>
          ((await get(SESSIONS_KEY)) as { state: { sessions: Record<string, ClassroomSession> } } | undefined)?.state
            .sessions[id]?.record.facilitator,
      )
      .toBe('Sgt Adeyemi');
  });

  it('keeps the room’s votes with the decision, and when they were first shown', () => {
    const store = useSessions.getState();
    const id = store.create(fakeSession());
    store.setVotes(id, 'arrival', { source: 'manual', skipped: false, counts: { open: 5, closed: 2 } });
    store.showVotes(id, true);
    const shownAt = useSessions.getState().sessions[id].pending!.votes.revealedAt;
    expect(shownAt).toBeTruthy();
    store.setVotes(id, 'arrival', { source: 'manual', skipped: false, counts: { open: 6, closed: 2 } });
    expect(useSessions.getState().sessions[id].pending!.votes.revealedAt).toBe(shownAt);
    store.step(id, {
      snapshot: snap([{ type: 'decision.made', sceneId: 'arrival', choice: ['open'] }]),
      sceneId: 'next',
      scores: scores(2),
      decision: decision(1, 'arrival'),
    });
    const s = useSessions.getState().sessions[id];
    expect(s.record.decisions[0].votes).toEqual({
      source: 'manual',
      skipped: false,
      counts: { open: 6, closed: 2 },
      revealedAt: shownAt,
    });
    expect(s.pending).toBeUndefined();
    expect(s.presenter.votesShown).toBe(false);
    expect(s.sceneId).toBe('next');
    expect(s.record.scores.overall.earned).toBe(2);
  });

  it('records a decision without a vote as skipped', () => {
    const store = useSessions.getState();
    const id = store.create(fakeSession());
    store.step(id, { snapshot: snap(), sceneId: 'next', scores: scores(), decision: decision(1, 'arrival') });
    expect(useSessions.getState().sessions[id].record.decisions[0].votes).toEqual({
      source: 'manual',
      skipped: true,
      counts: {},
    });
  });

  it('steps back without losing anything: the decision moves to `undone` and its votes come back', () => {
    const store = useSessions.getState();
    const id = store.create(fakeSession());
    store.setVotes(id, 'arrival', { source: 'manual', skipped: false, counts: { open: 3 } });
    store.step(id, {
      snapshot: snap([{ type: 'decision.made', sceneId: 'arrival', choice: ['open'] }]),
      sceneId: 'end',
      scores: scores(2),
      decision: decision(1, 'arrival'),
      ending: 'end',
    });
    expect(useSessions.getState().sessions[id].record).toMatchObject({ status: 'completed', ending: 'end' });
    store.stepBack(id, { snapshot: snap(), sceneId: 'arrival', scores: scores() });
    const s = useSessions.getState().sessions[id];
    expect(s.record.decisions).toEqual([]);
    expect(s.record.undone).toHaveLength(1);
    expect(s.record.undone[0].decision.rationale).toBe('Nothing is checked yet');
    expect(s.record.status).toBe('in-progress');
    expect(s.record.ending).toBeUndefined();
    expect(s.pending).toEqual({ sceneId: 'arrival', votes: { source: 'manual', skipped: false, counts: { open: 3 } } });
    expect(s.snapshot.events).toEqual([]);
  });

  it('logs pauses, injects and notes with the scene they belong to', () => {
    const store = useSessions.getState();
    const id = store.create(fakeSession());
    store.setPaused(id, true);
    store.setPaused(id, true);
    store.setPaused(id, false);
    store.sendInject(id, { injectId: 'neighbour', title: 'A neighbour', text: 'She heard shouting.' }, 320);
    store.addNote(id, '  The group asked about the cordon.  ');
    store.addNote(id, '   ');
    const s = useSessions.getState().sessions[id];
    expect(s.record.pauses).toHaveLength(1);
    expect(s.record.pauses[0].to).toBeTruthy();
    expect(s.presenter).toMatchObject({ paused: false, inject: { injectId: 'neighbour' } });
    expect(s.record.injects[0]).toMatchObject({ injectId: 'neighbour', sceneId: 'arrival', clock: 320 });
    expect(s.record.notes).toEqual([
      expect.objectContaining({ text: 'The group asked about the cordon.', sceneId: 'arrival' }),
    ]);
    store.clearInject(id);
    expect(useSessions.getState().sessions[id].presenter.inject).toBeUndefined();
    expect(useSessions.getState().sessions[id].record.injects).toHaveLength(1);
  });

  it('tells the other windows after every change, with a rising revision', () => {
    const store = useSessions.getState();
    const id = store.create(fakeSession());
    store.setPaused(id, true);
    store.showVotes(id, true);
    const revs = fake.posted
      .filter((m) => m.type === 'session.updated')
      .map((m) => (m.type === 'session.updated' ? m.session.rev : 0));
    expect(revs).toEqual([2, 3]);
  });

  it('comes back after a reload from what IndexedDB holds', async () => {
    const id = useSessions.getState().create(fakeSession());
    useSessions.getState().addNote(id, 'Before the reload');
    await expect.poll(async () => JSON.stringify(await get(SESSIONS_KEY))).toContain('Before the reload');
    const saved = await get(SESSIONS_KEY);
    // A fresh page: empty memory, the same IndexedDB.
    useSessions.setState({ sessions: {}, unreadable: [] });
    await set(SESSIONS_KEY, saved);
    await useSessions.persist.rehydrate();
    expect(useSessions.getState().sessions[id].record.notes[0].text).toBe('Before the reload');
  });

  it('sets aside a damaged saved session instead of dropping it', async () => {
    const good = { ...fakeSession(), id: 'ok' };
    await set(SESSIONS_KEY, {
      state: { sessions: { bad: { id: 'bad', rev: 1, record: { schema: 'nope' } } } },
      version: 1,
    });
    await useSessions.persist.rehydrate();
    expect(useSessions.getState().sessions).toEqual({});
    expect(useSessions.getState().unreadable).toEqual([
      { problem: 'the session record is damaged', raw: { id: 'bad', rev: 1, record: { schema: 'nope' } } },
    ]);
    expect(migrateSessions(null, 0)).toEqual({ sessions: {}, unreadable: [] });
    expect(migrateSessions({ sessions: { x: good } }, 1).unreadable[0].problem).toBe('the session has no id');
  });
});

describe('followSessions()', () => {
  it('mirrors the console’s newer states and ignores older ones', () => {
    const id = useSessions.getState().create(fakeSession());
    const base = useSessions.getState().sessions[id];
    const stop = followSessions();
    fake.deliver({
      type: 'session.updated',
      session: { ...base, rev: 5, presenter: { paused: true, votesShown: false } },
    });
    fake.deliver({ type: 'session.updated', session: { ...base, rev: 4 } });
    const mirrored = useSessionMirror.getState().sessions[id];
    expect(mirrored.rev).toBe(5);
    expect(newest(base, mirrored)?.presenter.paused).toBe(true);
    expect(newest(mirrored, { ...base, rev: 1 })?.rev).toBe(5);
    stop();
  });
});
