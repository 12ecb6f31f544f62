/**
 * `npm run check:scenarios [-- PATH] [--json] [--no-walk] [--translation-template LNG]`
 *
 * PATH is the scenarios folder (default), a course.yaml, or one scenario file. Exits 1 when there are errors,
 * 2 when the command itself is used wrongly. Never prints a stack trace for bad input.
 */
import { nodeReader } from './node-reader.ts';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { Issue } from '../engine/format/parse.ts';
import { FAILINGS } from '../engine/types.ts';
import { checkCourse, checkScenarioFile, type CheckReport } from '../engine/checker/check.ts';
import { formatReport } from '../engine/checker/format-report.ts';
import { translationTemplate } from '../engine/i18n/strings.ts';
import { loadCourse } from '../engine/format/load.ts';

function localesOf(root: string): string[] {
  const dir = join(root, 'locales');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((d) => d !== 'en-GB' && existsSync(join(dir, d, 'scenarios')));
}

function usage(message: string): never {
  process.stderr.write(
    `${message}\nusage: npm run check:scenarios -- [scenarios/ | scenarios/course.yaml | scenarios/FILE.yaml] [--json] [--no-walk]\n       npm run check:scenarios -- --translation-template LNG\n`,
  );
  process.exit(2);
}

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const noWalk = argv.includes('--no-walk');
  const tIndex = argv.indexOf('--translation-template');
  const args = argv.filter((a, i) => !a.startsWith('--') && !(tIndex >= 0 && i === tIndex + 1));
  if (args.length > 1) usage('name one folder or file');
  const root = process.cwd();
  const target = args[0] ?? 'scenarios';
  const opts = { locales: localesOf(root), localesDir: 'locales', noWalk };

  if (tIndex >= 0) {
    const lng = argv[tIndex + 1];
    if (!lng) usage('--translation-template needs a language, e.g. cy');
    const loaded = loadCourse(nodeReader, 'scenarios/course.yaml');
    const docs = [
      ['course', loaded.course] as const,
      ...[...loaded.scenarios.values()].map((s) => [s.scenario.id, s.scenario] as const),
    ];
    const out: Record<string, unknown> = {};
    for (const [id, doc] of docs) {
      const file = join('locales', lng, 'scenarios', `${id}.json`);
      const existing = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
      out[id] = translationTemplate(doc, existing);
    }
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return 0;
  }

  let report: CheckReport;
  const rel = (p: string) => relative(root, p) || p;
  if (!existsSync(target)) {
    report = {
      issues: [
        { file: rel(target), path: '', severity: 'error', code: 'missing-file', message: 'no such file or folder' },
      ],
      walks: [],
      assessments: [],
      locales: [],
    };
  } else if (statSync(target).isDirectory()) {
    const manifest = join(target, 'course.yaml');
    if (!existsSync(manifest)) {
      report = {
        issues: [
          {
            file: rel(manifest),
            path: '',
            severity: 'error',
            code: 'missing-file',
            message: 'the folder has no course.yaml',
          },
        ],
        walks: [],
        assessments: [],
        locales: [],
      };
    } else {
      report = checkCourse(nodeReader, rel(manifest), opts);
      // Files in the folder that the course does not list are reported, so nothing is silently unchecked.
      const listed = new Set(report.walks.map((w) => w.scenarioId));
      const course = loadCourse(nodeReader, rel(manifest)).course;
      for (const f of readdirSync(target)) {
        if (!/\.ya?ml$/.test(f) || f === 'course.yaml' || f === course?.references) continue;
        const id = f.replace(/\.ya?ml$/, '');
        if (!course?.scenarios.includes(id) && !listed.has(id))
          report.issues.push({
            file: rel(join(target, f)),
            path: '',
            severity: 'warning',
            code: 'not-in-course',
            message: 'this file is not listed in course.yaml, so learners never see it',
          });
      }
      // Sub-folders with their own course (e.g. examples/) are checked too.
      for (const d of readdirSync(target)) {
        const sub = join(target, d, 'course.yaml');
        if (statSync(join(target, d)).isDirectory() && existsSync(sub)) {
          const r = checkCourse(nodeReader, rel(sub), { ...opts, locales: [] });
          report.issues.push(...r.issues);
          report.walks.push(...r.walks);
        }
      }
    }
  } else if (basename(target) === 'course.yaml') {
    report = checkCourse(nodeReader, rel(target), opts);
  } else {
    const manifest = join(dirname(target), 'course.yaml');
    report = checkScenarioFile(nodeReader, rel(target), existsSync(manifest) ? rel(manifest) : undefined, opts);
  }

  const errors = report.issues.filter((i: Issue) => i.severity === 'error').length;
  if (json) {
    process.stdout.write(
      JSON.stringify(
        {
          ok: errors === 0,
          errors,
          warnings: report.issues.length - errors,
          issues: report.issues,
          walks: report.walks.map(({ scripts: _s, endCaseFiles: _e, ...w }) => w),
          locales: report.locales,
          coverage: report.coverage,
          failings: FAILINGS,
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    process.stdout.write(formatReport(report));
  }
  return errors ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  // A fault in the checker itself, not in the input: say so plainly, without a stack trace.
  process.stderr.write(
    `check:scenarios failed unexpectedly: ${(e as Error).message}\nPlease report this with the file you were checking.\n`,
  );
  process.exitCode = 3;
}
