import type { Scenario } from '../../src/engine/types';

/** A small valid scenario: a choice, then one of two endings. Override any field. */
export function fakeScenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    formatVersion: 1,
    id: 'fake',
    version: 1,
    title: 'Fake',
    summary: 'A fake scenario for tests.',
    estimatedMinutes: 5,
    role: 'Response officer',
    contentNotes: [],
    learningOutcomes: ['Test'],
    startTime: '05:00',
    start: 'start',
    facts: [{ id: 'clue', text: 'A clue.' }],
    scenes: [
      {
        id: 'start',
        title: 'Start',
        choice: {
          prompt: 'Which?',
          options: [
            {
              id: 'good',
              text: 'Good',
              marks: { F1: 2, F3: 1 },
              feedback: 'Good.',
              refs: ['REC-TRAIN'],
              effects: { set: ['went-well'], minutes: 15, reveal: ['clue'] },
            },
            { id: 'poor', text: 'Poor', feedback: 'Poor.', refs: ['REC-TRAIN'], critical: true },
          ],
          next: [{ when: { flag: 'went-well' }, to: 'end-good' }, { to: 'end-poor' }],
        },
      },
      { id: 'end-good', title: 'Good end', ending: { debrief: 'Well done.' } },
      { id: 'end-poor', title: 'Poor end', ending: { debrief: 'Not so well.' } },
    ],
    ...overrides,
  } as Scenario;
}
