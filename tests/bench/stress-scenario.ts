import type { Scenario } from '../../src/engine/types';

/**
 * A generated stress scenario: 200 scenes, with 12 decision points in a row of 3 options each (3^12 = 531,441
 * paths). Each option leads to its own narrative scene before the next decision; a long narrative tail and two
 * endings make up the 200 scenes.
 */
export function stressScenario(): Scenario {
  const scenes: Scenario['scenes'] = [];
  const decisions = 12;
  const fillers = 200 - decisions - decisions * 3 - 2;
  for (let d = 0; d < decisions; d++) {
    const next = d + 1 < decisions ? `decision-${d + 1}` : 'tail-0';
    scenes.push({
      id: `decision-${d}`,
      title: `Decision ${d + 1}`,
      text: 'What do you do?',
      choice: {
        prompt: 'Choose one.',
        options: ['a', 'b', 'c'].map((o, i) => ({
          id: o,
          text: `Option ${o}`,
          marks: { [`F${(d % 5) + 1}`]: 2 - i, F1: i === 0 ? 1 : 0 },
          feedback: 'Because.',
          refs: ['REC-TRAIN'],
          ...(d === 0 && i === 2 ? { effects: { set: ['took-c-first'] } } : {}),
          next: `after-${d}-${o}`,
        })),
      },
    });
    for (const o of ['a', 'b', 'c'])
      scenes.push({ id: `after-${d}-${o}`, title: `After ${o}`, text: 'Time passes.', next });
  }
  for (let t = 0; t < fillers; t++)
    scenes.push({
      id: `tail-${t}`,
      title: `Tail ${t}`,
      text: 'The shift goes on.',
      next: t + 1 < fillers ? `tail-${t + 1}` : [{ when: { flag: 'took-c-first' }, to: 'end-b' }, { to: 'end-a' }],
    });
  scenes.push(
    { id: 'end-a', title: 'End A', ending: { debrief: 'A.' } },
    { id: 'end-b', title: 'End B', ending: { debrief: 'B.' } },
  );
  return {
    formatVersion: 1,
    id: 'stress',
    version: 1,
    title: 'Stress',
    summary: 'Generated.',
    estimatedMinutes: 60,
    role: 'Response officer',
    contentNotes: [],
    learningOutcomes: ['None'],
    startTime: '05:00',
    start: 'decision-0',
    scenes,
  } as Scenario;
}
