import { describe, expect, it } from 'vitest';
import { localise, sourceStrings, textHash, translationStatus } from '../../src/engine/i18n/strings';
import { fakeScenario } from '../helpers/scenario-factory';

describe('sourceStrings()', () => {
  it('keys every translatable text by a path of ids, never positions of objects', () => {
    const keys = sourceStrings(fakeScenario()).map((s) => s.key);
    expect(keys).toContain('title');
    expect(keys).toContain('scenes.start.choice.prompt');
    expect(keys).toContain('scenes.start.choice.options.good.feedback');
    expect(keys).toContain('scenes.end-good.ending.debrief');
    expect(keys).toContain('learningOutcomes.0');
    expect(keys.some((k) => k.includes('when') || k.includes('refs') || k.endsWith('.id'))).toBe(false);
  });
});

describe('translationStatus() and localise()', () => {
  const scenario = fakeScenario();
  const good = (key: string, text: string, en: string) => ({ [key]: { text, source: textHash(en) } });

  it('reports missing, stale and extra keys', () => {
    const bundle = {
      ...good('title', 'Ffug', 'Fake'),
      ...{ summary: { text: 'Hen', source: textHash('An older English summary') } },
      ...good('scenes.gone.title', 'Wedi mynd', 'Gone'),
    };
    const st = translationStatus(scenario, bundle);
    expect(st.stale).toEqual(['summary']);
    expect(st.extra).toEqual(['scenes.gone.title']);
    expect(st.missing).toContain('role');
    expect(st.missing).not.toContain('title');
  });

  it('uses current translations and keeps English for missing or stale ones, without changing the source', () => {
    const out = localise(scenario, {
      title: { text: 'Ffug', source: textHash('Fake') },
      summary: { text: 'Hen', source: 'deadbeef' },
    });
    expect(out.title).toBe('Ffug');
    expect(out.summary).toBe(scenario.summary);
    expect(scenario.title).toBe('Fake');
  });
});
