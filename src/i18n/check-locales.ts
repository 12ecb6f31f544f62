/**
 * Compares every language's UI strings with the English source: missing and extra keys, plural forms each
 * language needs, and completeness. Used by `npm run check:locales` and by the unit tests. Files whose names
 * start with `_` (e.g. `_meta.json`, review notes) and the `scenarios/` folder (checked by
 * `npm run check:scenarios`) are not UI strings.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Plural suffixes (CLDR categories) each language must provide for a plural key. */
export const PLURAL_FORMS: Record<string, string[]> = {
  'en-GB': ['one', 'other'],
  cy: ['zero', 'one', 'two', 'few', 'many', 'other'],
};
const ALL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];
const pluralRe = new RegExp(`^(.*)_(${ALL_FORMS.join('|')})$`);

export interface LocaleProblem {
  language: string;
  namespace: string;
  key: string;
  problem: 'missing' | 'extra' | 'empty' | 'missing-plural-form' | 'bad-json' | 'missing-file' | 'extra-file' | 'placeholder';
  detail?: string;
}

export interface LocaleReport {
  problems: LocaleProblem[];
  /** Per language: keys present and current of the English total (plural keys count once). */
  completeness: Record<string, { done: number; total: number }>;
}

/** Flattens nested JSON to dotted keys (arrays by index). */
export function flatten(value: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (Array.isArray(value)) value.forEach((v, i) => flatten(v, prefix ? `${prefix}.${i}` : String(i), out));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else out[prefix] = value;
  return out;
}

function readJson(file: string): { value?: Record<string, unknown>; error?: string } {
  try {
    return { value: flatten(JSON.parse(readFileSync(file, 'utf8'))) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function namespaces(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.startsWith('_') && statSync(join(dir, f)).isFile())
    .map((f) => f.slice(0, -5))
    .sort();
}

/** Groups keys into base keys, with the plural forms each has. */
function baseKeys(keys: string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const k of keys) {
    const m = pluralRe.exec(k);
    const base = m ? m[1] : k;
    if (!out.has(base)) out.set(base, new Set());
    if (m) out.get(base)!.add(m[2]);
  }
  return out;
}

const placeholders = (s: unknown) => (typeof s === 'string' ? [...s.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort() : []);

/** Checks every language folder in `root` (e.g. `locales`) against `root/en-GB`. */
export function checkLocales(root: string, source = 'en-GB'): LocaleReport {
  const problems: LocaleProblem[] = [];
  const completeness: LocaleReport['completeness'] = {};
  const sourceNs = namespaces(join(root, source));
  const sourceData = new Map<string, Record<string, unknown>>();
  for (const ns of sourceNs) {
    const r = readJson(join(root, source, `${ns}.json`));
    if (r.error) problems.push({ language: source, namespace: ns, key: '', problem: 'bad-json', detail: r.error });
    sourceData.set(ns, r.value ?? {});
  }
  const languages = readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory() && !d.startsWith('_')).sort();
  for (const lng of languages) {
    const forms = PLURAL_FORMS[lng] ?? ['one', 'other'];
    let done = 0;
    let total = 0;
    for (const ns of namespaces(join(root, lng)))
      if (!sourceNs.includes(ns)) problems.push({ language: lng, namespace: ns, key: '', problem: 'extra-file' });
    for (const ns of sourceNs) {
      const src = baseKeys(Object.keys(sourceData.get(ns)!));
      total += src.size;
      const file = join(root, lng, `${ns}.json`);
      if (!existsSync(file)) {
        problems.push({ language: lng, namespace: ns, key: '', problem: 'missing-file' });
        continue;
      }
      const r = lng === source ? { value: sourceData.get(ns) } : readJson(file);
      if (r.error || !r.value) {
        problems.push({ language: lng, namespace: ns, key: '', problem: 'bad-json', detail: r.error });
        continue;
      }
      const data = r.value;
      const have = baseKeys(Object.keys(data));
      for (const [base, srcForms] of src) {
        const got = have.get(base);
        if (!got) {
          problems.push({ language: lng, namespace: ns, key: base, problem: 'missing' });
          continue;
        }
        let ok = true;
        const needForms = srcForms.size ? forms : [];
        for (const f of needForms)
          if (!got.has(f)) {
            ok = false;
            problems.push({ language: lng, namespace: ns, key: `${base}_${f}`, problem: 'missing-plural-form' });
          }
        for (const f of got)
          if (!forms.includes(f) && !(f === 'zero')) problems.push({ language: lng, namespace: ns, key: `${base}_${f}`, problem: 'extra', detail: `${lng} has no "${f}" plural form` });
        const keys = srcForms.size ? [...got].map((f) => `${base}_${f}`) : [base];
        for (const k of keys) {
          const v = data[k];
          if (typeof v !== 'string' || !v.trim()) {
            ok = false;
            problems.push({ language: lng, namespace: ns, key: k, problem: 'empty' });
          }
        }
        if (lng !== source) {
          // Every placeholder the English uses must be in the translation (plural forms may drop {{count}}).
          const srcText = sourceData.get(ns)![srcForms.size ? `${base}_other` : base];
          const want = new Set(placeholders(srcText));
          const gotPh = new Set(keys.flatMap((k) => placeholders(data[k])));
          for (const p of want)
            if (p !== 'count' && !gotPh.has(p)) {
              ok = false;
              problems.push({ language: lng, namespace: ns, key: base, problem: 'placeholder', detail: `{{${p}}} is missing` });
            }
        }
        if (ok) done++;
      }
      for (const base of have.keys())
        if (!src.has(base)) problems.push({ language: lng, namespace: ns, key: base, problem: 'extra' });
    }
    completeness[lng] = { done, total };
  }
  return { problems, completeness };
}

/** The report as text. */
export function formatLocaleReport(report: LocaleReport): string {
  const lines = report.problems.map(
    (p) => `locales/${p.language}/${p.namespace}.json ${p.key ? `${p.key}: ` : ''}${p.problem}${p.detail ? ` (${p.detail})` : ''}`,
  );
  if (lines.length) lines.push('');
  lines.push('UI strings per language:');
  for (const [lng, c] of Object.entries(report.completeness))
    lines.push(`  ${lng}: ${c.done} of ${c.total} keys complete (${c.total ? Math.round((c.done / c.total) * 100) : 100}%)`);
  lines.push(`${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}`);
  return lines.join('\n') + '\n';
}
