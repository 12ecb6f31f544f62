import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLocales, formatLocaleReport } from '../../src/i18n/check-locales';
import { matchLanguage } from '../../src/i18n/languages';

function fixture(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'locales-'));
  for (const [path, value] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), typeof value === 'string' ? value : JSON.stringify(value));
  }
  return dir;
}

describe('checkLocales()', () => {
  it('finds no problems in the real locales, and Welsh is complete', () => {
    const report = checkLocales('locales');
    expect(formatLocaleReport(report)).toContain('0 problems');
    expect(report.problems).toEqual([]);
    expect(report.completeness.cy.done).toBe(report.completeness['en-GB'].total);
  });

  it('reports missing and extra keys, missing Welsh plural forms and lost placeholders', () => {
    const dir = fixture({
      'en-GB/home.json': { a: 'A', b: { c: 'Hello {{name}}' }, n_one: '{{count}} call', n_other: '{{count}} calls' },
      'cy/home.json': { a: 'A', b: { c: 'Helo' }, extra: 'x', n_one: '1', n_other: 'llawer' },
      'cy/_meta.json': { _review: 'machine-drafted' },
      'cy/scenarios/s1.json': { title: { text: 'x', source: 'y' } },
    });
    const report = checkLocales(dir);
    const found = report.problems.map((p) => `${p.language}:${p.key}:${p.problem}`);
    expect(found).toContain('cy:extra:extra');
    expect(found).toContain('cy:b.c:placeholder');
    expect(found).toContain('cy:n_zero:missing-plural-form');
    expect(found).toContain('cy:n_two:missing-plural-form');
    expect(found).not.toContain('cy:_review:extra');
    expect(report.completeness.cy).toEqual({ done: 1, total: 3 });
  });

  it('reports a missing namespace file and bad JSON', () => {
    const dir = fixture({ 'en-GB/a.json': { x: 'X' }, 'en-GB/b.json': { y: 'Y' }, 'cy/a.json': '{ not json' });
    const found = checkLocales(dir).problems.map((p) => `${p.namespace}:${p.problem}`);
    expect(found).toEqual(expect.arrayContaining(['a:bad-json', 'b:missing-file']));
  });
});

describe('matchLanguage()', () => {
  it('maps browser language tags to the course languages', () => {
    expect(matchLanguage('cy-GB')).toBe('cy');
    expect(matchLanguage('en-US')).toBe('en-GB');
    expect(matchLanguage('fr')).toBeUndefined();
  });
});
