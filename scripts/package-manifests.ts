/**
 * Package manifests: SCORM 1.2 and SCORM 2004 4th edition `imsmanifest.xml`, and cmi5's `cmi5.xml`, for the
 * whole course as one SCO/AU; and the checks the official schemas miss (schema version, titles,
 * identifierref, mastery score range, every named file present).
 */
import { FAILINGS } from '../src/engine/types.ts';

/** What a manifest needs to know about the course. */
export interface ManifestCourse {
  id: string;
  version: string;
  title: string;
  summary: string;
  /** Ratio (0–1) of the overall score needed, from course.yaml `scoring.competent.overall`. */
  masteryRatio: number;
  /** Ratio a failing must reach to be met (`scoring.failingMet`). */
  failingMet: number;
}

/** Names of the five failings, for objective titles. */
export const FAILING_NAMES: Record<string, string> = {
  F1: 'Investigative mindset',
  F2: 'Oversight and supervision',
  F3: 'Record keeping',
  F4: 'Confusing policy and guidance',
  F5: 'Intelligence and crime analysis',
};

export function xmlEscape(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const ident = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '-');

function fileList(files: string[], indent: string): string {
  return files
    .slice()
    .sort()
    .map((f) => `${indent}<file href="${xmlEscape(f)}"/>`)
    .join('\n');
}

/**
 * SCORM 1.2. No `adlcp:masteryscore`: SCORM 1.2 LMSs may set the status from the score against it, but the
 * course's own rule is stricter (every failing met, no critical error), so the module sets the status itself.
 */
export function scorm12Manifest(c: ManifestCourse, files: string[]): string {
  const id = ident(`${c.id}-${c.version}`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}-scorm12" version="${xmlEscape(c.version)}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${xmlEscape(c.title)}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${xmlEscape(c.title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
${fileList(files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

/**
 * SCORM 2004 4th edition: one SCO whose primary objective is the course and whose other objectives are the
 * five failings (the LMS creates `cmi.objectives` F1–F5 from them). The content sets completion and success
 * itself; the measures are declared for the LMS's reports.
 */
export function scorm2004Manifest(c: ManifestCourse, files: string[]): string {
  const id = ident(`${c.id}-${c.version}`);
  const objectives = FAILINGS.map(
    (f) => `            <imsss:objective objectiveID="${f}" satisfiedByMeasure="false">
              <imsss:minNormalizedMeasure>${c.failingMet}</imsss:minNormalizedMeasure>
            </imsss:objective>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}-scorm2004" version="${xmlEscape(c.version)}"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${xmlEscape(c.title)}</title>
      <item identifier="${id}-item" identifierref="${id}-sco">
        <title>${xmlEscape(c.title)}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective satisfiedByMeasure="false">
              <imsss:minNormalizedMeasure>${c.masteryRatio}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
${objectives}
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormType="sco" href="index.html">
${fileList(files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

/** The cmi5 course IRI and the AU IRI (stable across builds: the course id, not its version). */
export function cmi5Ids(c: ManifestCourse) {
  return {
    course: `urn:callout:course:${c.id}`,
    au: `urn:callout:course:${c.id}:au:main`,
    objective: (f: string) => `urn:callout:objective:${f}`,
  };
}

/** cmi5 course structure: one AU, passed when completed and passed, objectives F1–F5. */
export function cmi5Xml(c: ManifestCourse): string {
  const ids = cmi5Ids(c);
  const text = (s: string) => `<langstring lang="en-GB">${xmlEscape(s)}</langstring>`;
  const objectives = FAILINGS.map(
    (f) => `    <objective id="${ids.objective(f)}">
      <title>${text(`${f} ${FAILING_NAMES[f]}`)}</title>
      <description>${text(`The learner's score for ${FAILING_NAMES[f].toLowerCase()} (${f}); met at ${Math.round(c.failingMet * 100)}%.`)}</description>
    </objective>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${ids.course}">
    <title>${text(c.title)}</title>
    <description>${text(c.summary)}</description>
  </course>
  <objectives>
${objectives}
  </objectives>
  <au id="${ids.au}" moveOn="CompletedAndPassed" masteryScore="${c.masteryRatio}" launchMethod="AnyWindow">
    <title>${text(c.title)}</title>
    <description>${text(c.summary)}</description>
    <objectives>
${FAILINGS.map((f) => `      <objective idref="${ids.objective(f)}"/>`).join('\n')}
    </objectives>
    <url>index.html</url>
  </au>
</courseStructure>
`;
}

/** A problem the schemas do not catch. */
export interface ManifestProblem {
  message: string;
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

function tags(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name.replace(':', '\\:')}(\\s[^>]*)?/?>`, 'g'))].map((m) => m[0]);
}

function between(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`, 'g'))].map((m) => m[1].trim());
}

/**
 * Checks the schemas miss, for a SCORM manifest: the schema version, a title on the organization and every
 * item, each identifierref pointing at a resource, a mastery score in range, and every file the manifest
 * names (resource hrefs and `file` elements) present in the package.
 */
export function scormManifestProblems(
  xml: string,
  version: '1.2' | '2004',
  present: ReadonlySet<string>,
): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const sv = between(xml, 'schemaversion');
  const want = version === '1.2' ? '1.2' : '2004 4th Edition';
  if (sv.length !== 1 || sv[0] !== want)
    problems.push({ message: `schemaversion is "${sv.join(', ')}", expected "${want}"` });
  if (between(xml, 'schema')[0] !== 'ADL SCORM') problems.push({ message: 'metadata/schema is not "ADL SCORM"' });
  for (const block of between(xml, 'organization')) {
    if (!/^\s*<title>[^<]*\S[^<]*<\/title>/.test(block)) problems.push({ message: 'an organization has no title' });
  }
  const items = [...xml.matchAll(/<item(\s[^>]*)?>([\s\S]*?)<\/item>/g)];
  if (!items.length) problems.push({ message: 'the organization has no item' });
  const resources = new Map(tags(xml, 'resource').map((t) => [attrs(t).identifier, attrs(t)]));
  for (const m of items) {
    const a = attrs(m[0].slice(0, m[0].indexOf('>') + 1));
    if (!/^\s*<title>[^<]*\S[^<]*<\/title>/.test(m[2]))
      problems.push({ message: `item "${a.identifier}" has no title` });
    if (a.identifierref && !resources.has(a.identifierref))
      problems.push({
        message: `item "${a.identifier}" points at resource "${a.identifierref}", which does not exist`,
      });
    const mastery = between(m[2], 'adlcp:masteryscore')[0];
    if (mastery !== undefined && !(Number(mastery) >= 0 && Number(mastery) <= 100))
      problems.push({ message: `item "${a.identifier}" has masteryscore ${mastery}, outside 0–100` });
  }
  for (const m of xml.matchAll(/<imsss:minNormalizedMeasure>([^<]*)<\/imsss:minNormalizedMeasure>/g))
    if (!(Number(m[1]) >= -1 && Number(m[1]) <= 1))
      problems.push({ message: `minNormalizedMeasure ${m[1]} is outside -1 to 1` });
  const named = [
    ...tags(xml, 'resource')
      .map((t) => attrs(t).href)
      .filter(Boolean),
    ...tags(xml, 'file').map((t) => attrs(t).href),
  ];
  for (const f of new Set(named))
    if (!present.has(f)) problems.push({ message: `the manifest names ${f}, which is not in the package` });
  for (const r of resources.values()) {
    const sco = r['adlcp:scormtype'] ?? r['adlcp:scormType'];
    if (sco !== 'sco' && sco !== 'asset') problems.push({ message: `resource "${r.identifier}" has no SCORM type` });
  }
  return problems;
}

/** The same for cmi5.xml: titles, the AU's url present, mastery score in range, objective references. */
export function cmi5Problems(xml: string, present: ReadonlySet<string>): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  for (const t of between(xml, 'title'))
    if (!/<langstring[^>]*>[^<]*\S/.test(t)) problems.push({ message: 'a title is empty' });
  const aus = tags(xml, 'au');
  if (!aus.length) problems.push({ message: 'there is no AU' });
  for (const au of aus) {
    const a = attrs(au);
    if (a.masteryScore !== undefined && !(Number(a.masteryScore) >= 0 && Number(a.masteryScore) <= 1))
      problems.push({ message: `AU ${a.id} has masteryScore ${a.masteryScore}, outside 0–1` });
  }
  for (const url of between(xml, 'url')) {
    const rel = url.split(/[?#]/)[0];
    if (/^[a-z]+:/i.test(rel)) problems.push({ message: `the AU url ${url} is not inside the package` });
    else if (!present.has(rel)) problems.push({ message: `the AU url ${url} is not in the package` });
  }
  const declared = new Set(
    tags(xml, 'objective')
      .map((t) => attrs(t).id)
      .filter(Boolean),
  );
  for (const t of tags(xml, 'objective')) {
    const ref = attrs(t).idref;
    if (ref && !declared.has(ref)) problems.push({ message: `objective reference ${ref} is not declared` });
  }
  return problems;
}
