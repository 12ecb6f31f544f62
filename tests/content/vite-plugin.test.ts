import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCourse, calloutContent } from '../../src/content/vite-plugin';

describe('buildCourse()', () => {
  it('loads the example course: manifest without page texts, scenario metadata with case parts', () => {
    const b = buildCourse(process.cwd(), { manifest: 'scenarios/examples/course.yaml' });
    expect(b.index.scenarios).toEqual(['example-part-a', 'example-part-b']);
    expect(b.index.pages[0]).not.toHaveProperty('text');
    expect(b.meta[1].case).toEqual({ id: 'example-case', title: 'The Aldon Road example', part: 2, parts: ['example-part-a', 'example-part-b'] });
  });

  it('fails with the engine’s formatted issues when a scenario has errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'course-'));
    cpSync('scenarios/examples', join(dir, 'examples'), { recursive: true });
    cpSync('scenarios/references.yaml', join(dir, 'references.yaml'));
    const file = join(dir, 'examples/example-part-a.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('start: arrival', 'start: nowhere'));
    expect(() => buildCourse(dir, { manifest: join(dir, 'examples/course.yaml') })).toThrow(/example-part-a\.yaml:\d+:\d+ error .*nowhere/);
  });

  it('leaves out a listed scenario whose file does not exist yet, with a warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'course-'));
    cpSync('scenarios/examples', join(dir, 'examples'), { recursive: true });
    cpSync('scenarios/references.yaml', join(dir, 'references.yaml'));
    const manifest = join(dir, 'examples/course.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('  - example-part-b\ncases', '  - example-part-b\n  - not-written-yet\ncases'));
    const b = buildCourse(dir, { manifest });
    expect(b.index.scenarios).toEqual(['example-part-a', 'example-part-b']);
    expect(b.warnings[0]).toMatch(/not-written-yet\.yaml does not exist yet/);
  });
});

describe('calloutContent()', () => {
  it('serves the course, each scenario as its own module, and translations for the home', async () => {
    const plugin = calloutContent({ manifest: 'scenarios/examples/course.yaml' });
    const load = (id: string) => (plugin.load as (id: string) => string)(('\0' + id) as string);
    const courseModule = load('virtual:callout/course');
    expect(courseModule).toContain('import("virtual:callout/scenario/example-part-a")');
    expect(courseModule).not.toContain('This course exists to show authors');
    const scenario = JSON.parse(load('virtual:callout/scenario/example-part-b').replace(/^export default /, '').replace(/;$/, ''));
    expect(scenario.id).toBe('example-part-b');
    expect((plugin.resolveId as (id: string) => string)('virtual:callout/pages')).toBe('\0virtual:callout/pages');
  });
});
