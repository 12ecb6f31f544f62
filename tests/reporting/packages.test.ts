import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cmi5Problems, scormManifestProblems } from '../../scripts/package-manifests';
import { packageTarget, TARGETS } from '../../scripts/package';
import { validateXml } from './xmllint';

// Builds each package for real (Vite, ~5 s each) and checks the zip itself: the manifest against the official
// schemas, every file it names inside the zip, and nothing loaded from the internet.
describe('packageTarget()', () => {
  for (const target of TARGETS) {
    it(`builds the ${target} zip with a valid manifest and every file it names`, async () => {
      const r = await packageTarget(target, { outDir: 'test-results/packages-unit', quiet: true });
      const files = unzipSync(new Uint8Array(readFileSync(r.zipPath)));
      const names = new Set(Object.keys(files));
      expect(names.has('index.html')).toBe(true);
      const text = (n: string) => new TextDecoder().decode(files[n]);
      expect(text('index.html')).not.toMatch(/(src|href)="(https?:)?\/\//);
      if (target === 'scorm12' || target === 'scorm2004') {
        const xml = text('imsmanifest.xml');
        const lint = validateXml(xml, target);
        expect(lint.output).toContain('validates');
        expect(scormManifestProblems(xml, target === 'scorm12' ? '1.2' : '2004', names)).toEqual([]);
        // Every file in the zip but the manifest is named by it.
        for (const n of names) if (n !== 'imsmanifest.xml') expect(xml).toContain(`href="${n}"`);
      } else if (target === 'cmi5') {
        const xml = text('cmi5.xml');
        expect(validateXml(xml, 'cmi5').output).toContain('validates');
        expect(cmi5Problems(xml, names)).toEqual([]);
      } else {
        expect(names.has('imsmanifest.xml') || names.has('cmi5.xml')).toBe(false);
      }
      // The reporting target is baked into the build.
      const js = [...names]
        .filter((n) => n.endsWith('.js'))
        .map(text)
        .join('\n');
      expect(new RegExp(`["'\`]${target}["'\`]`).test(js)).toBe(true);
      // A production build (not React's development build, whatever NODE_ENV the caller runs with).
      expect(js.includes('jsxDEV')).toBe(false);
    }, 120_000);
  }
});
