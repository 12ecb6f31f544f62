/**
 * Validates XML against the official SCORM and cmi5 schemas with xmllint (Debian's libxml2-utils), offline:
 * a driver schema imports every namespace (so extension elements are checked strictly, not skipped) and an
 * XML catalog maps the W3C xml.xsd URL to the local copy. Missing xmllint or schemas fail the test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where the schema files are: ../shared/peers beside the repository, or CALLOUT_PEERS_DIR. */
export const PEERS = resolve(process.env.CALLOUT_PEERS_DIR ?? resolve(process.cwd(), '../shared/peers'));

const NAMESPACES = {
  scorm12: [
    ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'scorm-xsd/scorm12/imscp_rootv1p1p2.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'scorm-xsd/scorm12/adlcp_rootv1p2.xsd'],
    ['http://www.imsglobal.org/xsd/imsmd_rootv1p2p1', 'scorm-xsd/scorm12/imsmd_rootv1p2p1.xsd'],
  ],
  scorm2004: [
    ['http://www.imsglobal.org/xsd/imscp_v1p1', 'scorm-xsd/scorm2004-4ed/imscp_v1p1.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_v1p3', 'scorm-xsd/scorm2004-4ed/adlcp_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlseq_v1p3', 'scorm-xsd/scorm2004-4ed/adlseq_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlnav_v1p3', 'scorm-xsd/scorm2004-4ed/adlnav_v1p3.xsd'],
    ['http://www.imsglobal.org/xsd/imsss', 'scorm-xsd/scorm2004-4ed/imsss_v1p0.xsd'],
  ],
  cmi5: [['https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd', 'cmi5-xsd/CourseStructure.xsd']],
} as const;

export type SchemaSet = keyof typeof NAMESPACES;

/** Lines libxml2 prints while loading ADL's ims_xml.xsd that are not about the document (see the README). */
const NOISE =
  /ims_xml\.xsd:\d+: namespace error : xml namespace URI cannot be the default namespace|^\s*(<xsd:schema|\^)|^\s*$/;

export interface LintResult {
  ok: boolean;
  output: string;
}

/** Validates `xml` against a schema set; `ok` is true only if xmllint says the document validates. */
export function validateXml(xml: string, set: SchemaSet): LintResult {
  const which = spawnSync('xmllint', ['--version']);
  if (which.error) throw new Error('xmllint is not installed: apt-get install -y libxml2-utils');
  for (const [, file] of NAMESPACES[set])
    if (!existsSync(join(PEERS, file)))
      throw new Error(`schema ${join(PEERS, file)} is missing (set CALLOUT_PEERS_DIR)`);
  const dir = mkdtempSync(join(tmpdir(), 'callout-xsd-'));
  const driver = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
${NAMESPACES[set].map(([ns, file]) => `  <xs:import namespace="${ns}" schemaLocation="file://${join(PEERS, file)}"/>`).join('\n')}
</xs:schema>
`;
  const catalog = `<?xml version="1.0"?>
<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
  <system systemId="http://www.w3.org/2001/xml.xsd" uri="file://${join(PEERS, 'scorm-xsd/scorm2004-4ed/xml.xsd')}"/>
  <uri name="http://www.w3.org/2001/xml.xsd" uri="file://${join(PEERS, 'scorm-xsd/scorm2004-4ed/xml.xsd')}"/>
</catalog>
`;
  writeFileSync(join(dir, 'driver.xsd'), driver);
  writeFileSync(join(dir, 'catalog.xml'), catalog);
  writeFileSync(join(dir, 'doc.xml'), xml);
  const r = spawnSync('xmllint', ['--nonet', '--noout', '--schema', join(dir, 'driver.xsd'), join(dir, 'doc.xml')], {
    env: { ...process.env, XML_CATALOG_FILES: join(dir, 'catalog.xml') },
    encoding: 'utf8',
  });
  const output = `${r.stdout}${r.stderr}`
    .split('\n')
    .filter((l) => !NOISE.test(l))
    .join('\n');
  return { ok: r.status === 0 && /doc\.xml validates/.test(output), output };
}
