import { describe, expect, it } from 'vitest';
import {
  cmi5Problems,
  cmi5Xml,
  scorm12Manifest,
  scorm2004Manifest,
  scormManifestProblems,
  type ManifestCourse,
} from '../../scripts/package-manifests';
import { loadRealCourse } from './course-fixture';
import { validateXml } from './xmllint';

const { course } = loadRealCourse();
const c: ManifestCourse = {
  id: course.id,
  version: course.version,
  title: course.title,
  summary: course.summary,
  masteryRatio: course.scoring.competent.overall,
  failingMet: course.scoring.failingMet,
};
const files = ['index.html', 'assets/index-abc123.js', 'assets/index-def456.css', 'favicon.svg'];
const present = new Set(files);

describe('scorm12Manifest()', () => {
  it('is valid against the SCORM 1.2 schemas and passes the checks the schemas miss', () => {
    const xml = scorm12Manifest(c, files);
    const r = validateXml(xml, 'scorm12');
    expect(r.output).toContain('validates');
    expect(r.ok).toBe(true);
    expect(scormManifestProblems(xml, '1.2', present)).toEqual([]);
  });

  it('is rejected by the schemas when an extension element is wrong (the driver schema checks them strictly)', () => {
    const xml = scorm12Manifest(c, files).replace('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"');
    expect(validateXml(xml, 'scorm12').ok).toBe(false);
  });
});

describe('scorm2004Manifest()', () => {
  it('is valid against the SCORM 2004 4th edition schemas, offline, and declares F1–F5 as objectives', () => {
    const xml = scorm2004Manifest(c, files);
    const r = validateXml(xml, 'scorm2004');
    expect(r.output).toContain('validates');
    expect(r.ok).toBe(true);
    expect(scormManifestProblems(xml, '2004', present)).toEqual([]);
    for (const f of ['F1', 'F2', 'F3', 'F4', 'F5']) expect(xml).toContain(`objectiveID="${f}"`);
  });

  it('is rejected by the schemas when a sequencing value is out of its range', () => {
    const xml = scorm2004Manifest(c, files).replace(
      /<imsss:minNormalizedMeasure>[^<]*</,
      '<imsss:minNormalizedMeasure>1.7<',
    );
    expect(validateXml(xml, 'scorm2004').ok).toBe(false);
  });
});

describe('cmi5Xml()', () => {
  it('is valid against the cmi5 course structure schema and passes the other checks', () => {
    const xml = cmi5Xml(c);
    const r = validateXml(xml, 'cmi5');
    expect(r.output).toContain('validates');
    expect(r.ok).toBe(true);
    expect(cmi5Problems(xml, present)).toEqual([]);
  });

  it('reports a missing launch file and a mastery score out of range', () => {
    const xml = cmi5Xml({ ...c, masteryRatio: 75 });
    expect(cmi5Problems(xml, new Set()).map((p) => p.message)).toEqual([
      expect.stringMatching(/masteryScore 75/),
      expect.stringMatching(/index\.html is not in the package/),
    ]);
  });
});

describe('scormManifestProblems()', () => {
  it('finds what the schemas miss: schema version, titles, broken identifierref, mastery score, missing files', () => {
    const xml = scorm12Manifest(c, [...files, 'assets/missing.js'])
      .replace('<schemaversion>1.2</schemaversion>', '<schemaversion>1.3</schemaversion>')
      .replace(/identifierref="[^"]*"/, 'identifierref="nowhere"')
      .replace(
        /(<item [^>]*>\s*)<title>[^<]*<\/title>/,
        '$1<title> </title><adlcp:masteryscore>170</adlcp:masteryscore>',
      );
    const messages = scormManifestProblems(xml, '1.2', present).map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/schemaversion is "1.3"/),
        expect.stringMatching(/has no title/),
        expect.stringMatching(/points at resource "nowhere"/),
        expect.stringMatching(/masteryscore 170/),
        expect.stringMatching(/assets\/missing\.js, which is not in the package/),
      ]),
    );
  });
});
