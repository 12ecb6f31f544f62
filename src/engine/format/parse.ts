/**
 * Parsing and schema validation of untrusted scenario, course and references files. Every problem is returned
 * with its file, line, column and path, never thrown, so an author can fix a file in one pass.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { FORMAT_VERSION } from './schema.ts';

/** One problem in a file. */
export interface Issue {
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  /** Path inside the file, with ids where lists have them: `scenes[arrival].choice.options[cordon].feedback`. */
  path: string;
  severity: 'error' | 'warning';
  /** Stable code for tests and tools. */
  code: string;
  message: string;
}

/** A parsed YAML file that can locate paths. */
export interface ParsedFile {
  file: string;
  doc: Document.Parsed;
  value: unknown;
  /** Line and column of a path (or the nearest ancestor that exists). */
  locate(path: readonly PropertyKey[]): { line?: number; column?: number };
  /** A readable path, with ids in place of list positions. */
  describe(path: readonly PropertyKey[]): string;
}

/** Parses YAML text, returning the document or the syntax errors with their positions. */
export function parseYamlText(text: string, file: string): { parsed?: ParsedFile; issues: Issue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const issues: Issue[] = doc.errors.map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return {
      file,
      line: pos.line,
      column: pos.col,
      path: '',
      severity: 'error' as const,
      code: 'yaml-syntax',
      message: `YAML syntax: ${e.message.split('\n')[0]}`,
    };
  });
  if (issues.length) return { issues };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return {
      issues: [{ file, path: '', severity: 'error', code: 'yaml-syntax', message: `YAML: ${(e as Error).message}` }],
    };
  }
  const locate = (path: readonly PropertyKey[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return {};
  };
  const describe = (path: readonly PropertyKey[]) => describePath(value, path);
  return { parsed: { file, doc, value, locate, describe }, issues };
}

/** `scenes[arrival].choice.options[cordon]`: list positions replaced by the element's id where it has one. */
export function describePath(root: unknown, path: readonly PropertyKey[]): string {
  let out = '';
  let node: unknown = root;
  for (const key of path) {
    if (typeof key === 'number') {
      const el = Array.isArray(node) ? node[key] : undefined;
      const id =
        el && typeof el === 'object' && typeof (el as { id?: unknown }).id === 'string'
          ? (el as { id: string }).id
          : undefined;
      out += id ? `[${id}]` : `[${key}]`;
      node = el;
    } else {
      out += (out ? '.' : '') + String(key);
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[String(key)] : undefined;
    }
  }
  return out;
}

/** Reads `formatVersion` before the schema, so an unknown version gets one clear line. */
export function formatVersionProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'the file is not a YAML mapping (expected fields such as formatVersion and id)';
  const v = (value as Record<string, unknown>).formatVersion;
  if (v === undefined) return `formatVersion is missing; add "formatVersion: ${FORMAT_VERSION}"`;
  if (v !== FORMAT_VERSION)
    return `formatVersion ${JSON.stringify(v)} is not supported: this engine reads formatVersion ${FORMAT_VERSION}`;
  return undefined;
}

function unionHint(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((k) => typeof k === 'string');
  if (last === 'when' || last === 'not' || last === 'all' || last === 'any' || last === 'of')
    return 'is not a valid condition: use one of flag, fact, recorded, seized, chose, found, after, before, all, any, not, atLeast (see scenarios/README.md, Conditions)';
  if (last === 'next') return 'must be a scene id, or a list of { when, to } branches';
  if (last === 'budget') return 'must be { count: N } or { minutes: N }';
  return 'does not match any allowed form';
}

/** Validates a parsed value against a zod schema, turning zod's issues into located issues. */
export function schemaIssues<T extends z.ZodType>(
  schema: T,
  parsed: ParsedFile,
): { value?: z.output<T>; issues: Issue[] } {
  const result = schema.safeParse(parsed.value);
  if (result.success) return { value: result.data, issues: [] };
  const issues: Issue[] = [];
  for (const zi of result.error.issues) {
    let path: PropertyKey[] = [...zi.path];
    let message = zi.message;
    if (zi.code === 'unrecognized_keys') {
      for (const key of zi.keys) {
        const p = [...path, key];
        issues.push({
          file: parsed.file,
          ...parsed.locate(p),
          path: parsed.describe(p),
          severity: 'error',
          code: 'unknown-field',
          message: `unknown field "${key}"`,
        });
      }
      continue;
    }
    if (zi.code === 'invalid_union') message = unionHint(path);
    else if (zi.code === 'invalid_type' && /received undefined/.test(zi.message)) {
      message = 'is required';
    }
    if (path.length === 0) path = [];
    issues.push({
      file: parsed.file,
      ...parsed.locate(path),
      path: parsed.describe(path),
      severity: 'error',
      code: 'schema',
      message,
    });
  }
  return { issues };
}

/** True if a list-like or mapping node exists at `path` (used by tests of locations). */
export function hasNode(parsed: ParsedFile, path: readonly PropertyKey[]): boolean {
  const node = parsed.doc.getIn(path as unknown[], true);
  return isMap(node) || isSeq(node) || node !== undefined;
}
