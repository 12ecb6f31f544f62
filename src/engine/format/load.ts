/**
 * Loading a course: the manifest, the references and every scenario it lists, through an injected file
 * reader (the engine does no I/O of its own). Bad input — a missing file, a binary or oversized file, invalid
 * YAML, an unknown formatVersion — becomes an issue naming the file, never an exception.
 */
import type { Course, References, Scenario } from '../types.ts';
import { formatVersionProblem, parseYamlText, schemaIssues, type Issue, type ParsedFile } from './parse.ts';
import { Course as CourseSchema, References as ReferencesSchema, Scenario as ScenarioSchema } from './schema.ts';
import { validateScenario, type ValidationContext } from './validate.ts';

/** Largest scenario, course or references file the loader reads. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Reads files for the loader; paths use `/`. */
export interface FileReader {
  /** The file's bytes, or undefined if it does not exist. */
  read(path: string): Uint8Array | undefined;
  /** Size in bytes without reading, if cheap; undefined if the file does not exist. */
  size?(path: string): number | undefined;
}

function fileIssue(file: string, code: string, message: string): Issue {
  return { file, path: '', severity: 'error', code, message };
}

/** Reads a file as UTF-8 text, or returns the one issue that stops it. */
export function readText(reader: FileReader, file: string): { text?: string; issue?: Issue } {
  const size = reader.size?.(file);
  if (size !== undefined && size > MAX_FILE_BYTES)
    return {
      issue: fileIssue(
        file,
        'too-large',
        `the file is ${(size / 1024 / 1024).toFixed(1)} MB; scenario files are limited to ${MAX_FILE_BYTES / 1024 / 1024} MB — is this the right file?`,
      ),
    };
  const bytes = reader.read(file);
  if (!bytes) return { issue: fileIssue(file, 'missing-file', 'the file does not exist') };
  if (bytes.length > MAX_FILE_BYTES)
    return {
      issue: fileIssue(
        file,
        'too-large',
        `the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; scenario files are limited to ${MAX_FILE_BYTES / 1024 / 1024} MB — is this the right file?`,
      ),
    };
  if (bytes.includes(0)) return { issue: fileIssue(file, 'binary-file', 'the file is binary, not YAML text') };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { issue: fileIssue(file, 'not-utf8', 'the file is not UTF-8 text; save it as UTF-8') };
  }
  return { text: text.replace(/^\uFEFF/, '') };
}

/** Parses YAML and checks its formatVersion: the parsed file, or the issues that stop it. */
function parseVersioned(text: string, file: string): { parsed?: ParsedFile; issues: Issue[] } {
  const { parsed, issues } = parseYamlText(text, file);
  if (!parsed) return { issues };
  const fv = formatVersionProblem(parsed.value);
  if (!fv) return { parsed, issues: [] };
  const where = parsed.locate(['formatVersion']);
  return {
    issues: [{ file, ...where, path: 'formatVersion', severity: 'error', code: 'format-version', message: fv }],
  };
}

/** Parses and validates one scenario's text. */
export function loadScenarioText(
  text: string,
  file: string,
  vctx: ValidationContext = {},
): { scenario?: Scenario; parsed?: ParsedFile; issues: Issue[] } {
  const { parsed, issues } = parseVersioned(text, file);
  if (!parsed) return { issues };
  const schema = schemaIssues(ScenarioSchema, parsed);
  if (!schema.value) return { parsed, issues: schema.issues };
  const semantic = validateScenario(parsed, schema.value, vctx);
  return { scenario: schema.value, parsed, issues: semantic };
}

function loadSimple<T>(
  reader: FileReader,
  file: string,
  schema: typeof CourseSchema | typeof ReferencesSchema,
): { value?: T; parsed?: ParsedFile; issues: Issue[] } {
  const { text, issue } = readText(reader, file);
  if (issue) return { issues: [issue] };
  const { parsed, issues } = parseVersioned(text!, file);
  if (!parsed) return { issues };
  const res = schemaIssues(schema, parsed);
  return { value: res.value as T | undefined, parsed, issues: res.issues };
}

/** A loaded course. Scenarios that failed to load are absent from `scenarios` and have issues. */
export interface LoadedCourse {
  course?: Course;
  references?: References;
  /** Loaded scenarios by id, in course order. */
  scenarios: Map<string, { scenario: Scenario; parsed: ParsedFile; file: string }>;
  issues: Issue[];
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '.' : path.slice(0, i);
}

function join(dir: string, rel: string): string {
  const parts = (dir === '.' ? [] : dir.split('/')).concat(rel.split('/'));
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return (dir.startsWith('/') ? '/' : '') + out.join('/');
}

/** What parts of a case leave in the case file, for validating the later parts. */
export function earlierIds(scenarios: Scenario[]): NonNullable<ValidationContext['earlier']> {
  const out = {
    facts: new Set<string>(),
    exhibits: new Set<string>(),
    tags: new Set<string>(),
    flags: new Set<string>(),
  };
  for (const s of scenarios) {
    s.facts?.forEach((f) => out.facts.add(f.id));
    s.defaultCaseFile?.facts?.forEach((f) => out.facts.add(f.id));
    s.exhibits?.forEach((e) => out.exhibits.add(e.id));
    s.defaultCaseFile?.exhibits?.forEach((e) => out.exhibits.add(e.id));
    s.defaultCaseFile?.flags?.forEach((f) => out.flags.add(f));
    for (const sc of s.scenes) {
      sc.record?.entries.forEach((e) => e.tags?.forEach((t) => out.tags.add(t)));
      sc.effects?.set?.forEach((f) => out.flags.add(f));
      for (const it of [
        ...(sc.choice?.options ?? []),
        ...(sc.actions?.options ?? []),
        ...(sc.record?.entries ?? []),
        ...(sc.search?.terms ?? []),
        ...(sc.review?.issues ?? []),
        ...(sc.review?.verdicts ?? []),
      ])
        it.effects?.set?.forEach((f) => out.flags.add(f));
    }
  }
  return out;
}

/** Loads a course manifest and everything it names. */
export function loadCourse(reader: FileReader, manifestPath: string): LoadedCourse {
  const dir = dirOf(manifestPath);
  const out: LoadedCourse = { scenarios: new Map(), issues: [] };
  const course = loadSimple<Course>(reader, manifestPath, CourseSchema);
  out.issues.push(...course.issues);
  if (!course.value) return out;
  out.course = course.value;
  const locate = (p: PropertyKey[]) => ({ ...course.parsed!.locate(p), path: course.parsed!.describe(p) });

  const refsFile = join(dir, course.value.references);
  const refs = loadSimple<References>(reader, refsFile, ReferencesSchema);
  out.issues.push(...refs.issues);
  out.references = refs.value;
  const refIds = refs.value ? new Set(refs.value.references.map((r) => r.id)) : undefined;
  if (refs.value) {
    const seen = new Set<string>();
    refs.value.references.forEach((r, i) => {
      if (seen.has(r.id))
        out.issues.push({
          file: refsFile,
          ...refs.parsed!.locate(['references', i, 'id']),
          path: refs.parsed!.describe(['references', i]),
          severity: 'error',
          code: 'duplicate-id',
          message: `reference id "${r.id}" is used twice`,
        });
      seen.add(r.id);
    });
  }

  // Parts of a case are validated with what their earlier parts can leave in the case file.
  const partOf = new Map<string, { parts: string[]; index: number }>();
  for (const c of course.value.cases ?? []) c.parts.forEach((p, index) => partOf.set(p, { parts: c.parts, index }));
  const order = [...course.value.scenarios].sort((a, b) => (partOf.get(a)?.index ?? 0) - (partOf.get(b)?.index ?? 0));
  const seenIds = new Set<string>();
  course.value.scenarios.forEach((id, i) => {
    if (seenIds.has(id))
      out.issues.push({
        file: manifestPath,
        ...locate(['scenarios', i]),
        severity: 'error',
        code: 'duplicate-id',
        message: `scenario "${id}" is listed twice`,
      });
    seenIds.add(id);
  });
  const loaded = new Map<string, { scenario: Scenario; parsed: ParsedFile; file: string }>();
  for (const id of order) {
    if (loaded.has(id)) continue;
    const file = join(dir, `${id}.yaml`);
    const { text, issue } = readText(reader, file);
    if (issue) {
      out.issues.push(
        issue.code === 'missing-file'
          ? { ...issue, message: `course.yaml lists scenario "${id}", but ${file} does not exist` }
          : issue,
      );
      continue;
    }
    const part = partOf.get(id);
    const earlier = part
      ? earlierIds(part.parts.slice(0, part.index).flatMap((p) => (loaded.get(p) ? [loaded.get(p)!.scenario] : [])))
      : undefined;
    const res = loadScenarioText(text!, file, { references: refIds, earlier });
    out.issues.push(...res.issues);
    if (res.scenario && res.parsed) {
      if (res.scenario.id !== id)
        out.issues.push({
          file,
          ...res.parsed.locate(['id']),
          path: 'id',
          severity: 'error',
          code: 'id-mismatch',
          message: `the file is named ${id}.yaml but its id is "${res.scenario.id}"`,
        });
      if (part && part.index > 0 && !res.scenario.defaultCaseFile)
        out.issues.push({
          file,
          path: '',
          severity: 'error',
          code: 'no-default-case-file',
          message: `part ${part.index + 1} of a case needs a defaultCaseFile for learners who play it alone`,
        });
      loaded.set(id, { scenario: res.scenario, parsed: res.parsed, file });
    }
  }
  for (const id of course.value.scenarios) {
    const l = loaded.get(id);
    if (l) out.scenarios.set(id, l);
  }
  (course.value.cases ?? []).forEach((c, ci) =>
    c.parts.forEach((p, pi) => {
      if (!seenIds.has(p))
        out.issues.push({
          file: manifestPath,
          ...locate(['cases', ci, 'parts', pi]),
          severity: 'error',
          code: 'unknown-target',
          message: `case "${c.id}" names part "${p}", which is not in scenarios`,
        });
    }),
  );
  const pageIds = new Set<string>();
  course.value.pages?.forEach((p, i) => {
    if (pageIds.has(p.id))
      out.issues.push({
        file: manifestPath,
        ...locate(['pages', i, 'id']),
        severity: 'error',
        code: 'duplicate-id',
        message: `page id "${p.id}" is used twice`,
      });
    pageIds.add(p.id);
  });
  return out;
}
