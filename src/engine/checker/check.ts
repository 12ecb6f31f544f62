/**
 * The scenario checker: loads a course (or one scenario), reports every problem with its location, walks
 * every path, checks translations and prints the coverage matrix. Pure apart from the injected file reader.
 */
import {
  earlierIds,
  loadCourse,
  loadScenarioText,
  readText,
  type FileReader,
  type LoadedCourse,
} from '../format/load.ts';
import type { Issue, ParsedFile } from '../format/parse.ts';
import { compileScenario } from '../run/compile.ts';
import { defaultCaseFile, emptyCaseFile } from '../run/run.ts';
import { sourceStrings, translationStatus } from '../i18n/strings.ts';
import type { ScoringRules } from '../scoring/score.ts';
import type { CaseFile, Failing, Scenario } from '../types.ts';
import { FAILINGS } from '../types.ts';
import { caseFileParts, MAX_COMBINATIONS, scenarioReads, walkScenario, type WalkReport } from './walk.ts';
import { addCarriedReads, emptyReads, type ConditionReads } from '../run/conditions.ts';
import { ASSESSMENT_LIMITS, assessmentRules, playStrategies, STRATEGIES, type AssessmentReport } from './assessment.ts';
import type { CompiledScenario } from '../run/compile.ts';
import type { Course } from '../types.ts';

/**
 * How the assessment rules are reported: errors. A file may waive a rule for one decision with a written reason
 * (`waive: { rule, reason }`); waivers are listed in the report.
 */
export const ASSESSMENT_SEVERITY: Issue['severity'] = 'error';

/** Default thresholds when a scenario is checked without a course manifest. */
export const DEFAULT_RULES: ScoringRules = {
  failingMet: 0.7,
  competent: { overall: 0.75, everyFailingMet: true, maxCriticalErrors: 0 },
};

/** Per-locale translation status of one file. */
export interface LocaleReport {
  locale: string;
  file: string;
  total: number;
  missing: number;
  stale: string[];
  extra: string[];
}

/** Coverage of the five failings and the themes across a course. */
export interface Coverage {
  /** Per failing: scenarios that assess it, and decision points that can earn marks on it. */
  failings: Record<Failing, { scenarios: string[]; decisions: number }>;
  /** Theme codes (kind: theme) and the scenarios that teach them (by `themes` or `refs`). */
  themes: Record<string, string[]>;
}

/** Everything the checker found. */
export interface CheckReport {
  issues: Issue[];
  walks: WalkReport[];
  /** Assessment quality per scenario: the rules, and learners who do not read. */
  assessments: AssessmentReport[];
  locales: LocaleReport[];
  coverage?: Coverage;
}

/** Options for a check. */
export interface CheckOptions {
  /** Locales to check translations for (folders under `localesDir`), e.g. ['cy']. */
  locales?: string[];
  /** Folder of locale files, e.g. `locales`. */
  localesDir?: string;
  /** Skip walking paths (fast structural check only). */
  noWalk?: boolean;
}

/** Computes the coverage matrix of a loaded course. */
export function coverage(loaded: LoadedCourse): Coverage {
  const failings = {} as Coverage['failings'];
  for (const f of FAILINGS) failings[f] = { scenarios: [], decisions: 0 };
  const themes: Record<string, string[]> = {};
  for (const r of loaded.references?.references ?? []) if (r.kind === 'theme') themes[r.id] = [];
  for (const { scenario } of loaded.scenarios.values()) {
    const used = new Set<string>(scenario.themes ?? []);
    for (const scene of scenario.scenes) {
      const items = [
        ...(scene.choice?.options ?? []),
        ...(scene.actions?.options ?? []),
        ...(scene.record?.entries ?? []),
        ...(scene.search?.terms ?? []),
        ...(scene.review?.issues ?? []),
        ...(scene.review?.verdicts ?? []),
      ];
      items.forEach((i) => i.refs?.forEach((r) => used.add(r)));
      for (const f of FAILINGS) {
        if (items.some((i) => (i.marks?.[f] ?? 0) > 0)) {
          failings[f].decisions++;
          if (!failings[f].scenarios.includes(scenario.id)) failings[f].scenarios.push(scenario.id);
        }
      }
    }
    for (const t of used) themes[t]?.push(scenario.id);
  }
  return { failings, themes };
}

/** Where a scene stands in its file (line, column and id path), or no location without a scene. */
function sceneLocation(scenario: Scenario | undefined, parsed: ParsedFile | undefined, sceneId?: string) {
  const index = sceneId && scenario ? scenario.scenes.findIndex((s) => s.id === sceneId) : -1;
  return index >= 0 && parsed
    ? { ...parsed.locate(['scenes', index]), path: parsed.describe(['scenes', index]) }
    : { path: '' };
}

function walkIssues(
  file: string,
  w: WalkReport,
  rules: ScoringRules,
  parsed?: ParsedFile,
  scenario?: Scenario,
): Issue[] {
  const out: Issue[] = [];
  const add = (code: string, message: string, severity: Issue['severity'] = 'error', sceneId?: string) =>
    out.push({ file, ...sceneLocation(scenario, parsed, sceneId), severity, code, message });
  for (const e of w.endingsNeverReached)
    add('ending-never-reached', `ending "${e}" is reached on no path (its conditions never hold)`, 'error', e);
  for (const s of w.stuck)
    add(
      'stuck',
      `at scene "${s.sceneId}" there is a situation where nothing is offered: the learner is stuck`,
      'error',
      s.sceneId,
    );
  for (const f of FAILINGS) {
    const r = w.failings[f];
    if (r.assessedPaths > 0 && !r.canReachFull)
      add('cannot-reach-full', `${f} cannot reach 100% on any path (best ${Math.round((r.max ?? 0) * 100)}%)`);
  }
  if (!w.someCompetent) add('never-competent', 'no path ends competent');
  for (const [flag, inv] of Object.entries(w.invariants)) {
    if (inv.paths > 0 && inv.maxScore !== null && inv.maxScore >= rules.failingMet - 1e-9)
      add(
        'invariant',
        `a path that sets ${flag} still reaches ${Math.round(inv.maxScore * 100)}% on ${inv.failing} (it must stay below ${Math.round(rules.failingMet * 100)}%)`,
      );
  }
  if (w.truncated)
    add('truncated', `the walk stopped after ${w.paths} paths; score ranges cover those only`, 'warning');
  for (const sceneId of w.combinationsCapped)
    add(
      'too-many-combinations',
      `scene "${sceneId}" offers more combinations than the checker walks; only the first ${MAX_COMBINATIONS} were walked — offer fewer items`,
      'warning',
      sceneId,
    );
  return out;
}

/** Projects case files onto what a scenario reads, keeping one per class (bounded). */
/** Most carried case files a later part is walked from (see `startsFor`). */
export const MAX_CARRIED_STARTS = 48;

/** What the later parts of a case read from the case file (flags, facts, record tags, exhibits). */
function carryReadsOf(later: Scenario[]): ConditionReads | undefined {
  if (!later.length) return undefined;
  const out = emptyReads();
  for (const s of later) {
    addCarriedReads(out, scenarioReads(s));
  }
  return out;
}

/**
 * The starting case files for a later part: its default, then the distinct case files its earlier part's walk
 * ended with (one for each end state that walk told apart), told apart by what this part and the parts after it
 * read. When there are more than
 * MAX_CARRIED_STARTS, an even sample is taken across them ordered from the thinnest to the fullest, so the walk
 * sees poor, middling and thorough earlier work; the report says how many of how many were walked.
 */
function startsFor(
  scenario: Scenario,
  compiled: ReturnType<typeof compileScenario>,
  files: CaseFile[],
  carry: ConditionReads | undefined,
): { starts: CaseFile[]; sampled?: { used: number; of: number } } {
  const reads = scenarioReads(scenario);
  if (carry) addCarriedReads(reads, carry);
  const classes = new Map<string, { cf: CaseFile; size: number }>();
  for (const cf of files) {
    const parts = caseFileParts(cf, reads);
    const key = parts.map((p) => p.join(',')).join('|');
    if (!classes.has(key))
      classes.set(key, { cf: { ...cf, origin: 'carried' }, size: parts.reduce((n, p) => n + p.length, 0) });
  }
  const all = [...classes.entries()].sort((a, b) => a[1].size - b[1].size || a[0].localeCompare(b[0]));
  const base = [defaultCaseFile(compiled)];
  if (all.length <= MAX_CARRIED_STARTS) return { starts: [...base, ...all.map(([, c]) => c.cf)] };
  const picked: CaseFile[] = [];
  for (let i = 0; i < MAX_CARRIED_STARTS; i++)
    picked.push(all[Math.round((i * (all.length - 1)) / (MAX_CARRIED_STARTS - 1))][1].cf);
  return { starts: [...base, ...picked], sampled: { used: MAX_CARRIED_STARTS, of: all.length } };
}

function localeReports(
  reader: FileReader,
  opts: CheckOptions,
  docs: { id: string; doc: unknown }[],
): { reports: LocaleReport[]; issues: Issue[] } {
  const reports: LocaleReport[] = [];
  const issues: Issue[] = [];
  for (const locale of opts.locales ?? []) {
    for (const { id, doc } of docs) {
      const file = `${opts.localesDir ?? 'locales'}/${locale}/scenarios/${id}.json`;
      const { text, issue } = readText(reader, file);
      let bundle: Record<string, unknown> = {};
      if (issue && issue.code !== 'missing-file') issues.push(issue);
      if (text !== undefined) {
        try {
          const parsed: unknown = JSON.parse(text);
          if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
          bundle = parsed as Record<string, unknown>;
        } catch (e) {
          issues.push({
            file,
            path: '',
            severity: 'error',
            code: 'bad-translation',
            message: `not a JSON object of translations (${(e as Error).message})`,
          });
        }
      }
      const st = translationStatus(doc, bundle);
      reports.push({ locale, file, total: st.total, missing: st.missing.length, stale: st.stale, extra: st.extra });
      for (const key of st.stale)
        issues.push({
          file,
          path: key,
          severity: 'warning',
          code: 'stale-translation',
          message: `the English for "${key}" has changed since it was translated`,
        });
      for (const key of st.extra)
        issues.push({
          file,
          path: key,
          severity: 'warning',
          code: 'extra-translation',
          message: `"${key}" is not in the English source any more`,
        });
    }
  }
  return { reports, issues };
}

/** Checks a whole course from its manifest. */
export function checkCourse(reader: FileReader, manifestPath: string, opts: CheckOptions = {}): CheckReport {
  const loaded = loadCourse(reader, manifestPath);
  const report: CheckReport = { issues: [...loaded.issues], walks: [], assessments: [], locales: [] };
  if (!loaded.course) return report;
  const rules = loaded.course.scoring;
  const ends = new Map<string, CaseFile[]>();
  const partOf = new Map<string, { parts: string[]; index: number }>();
  for (const c of loaded.course.cases ?? []) c.parts.forEach((p, index) => partOf.set(p, { parts: c.parts, index }));
  const order = [...loaded.scenarios.keys()].sort((a, b) => (partOf.get(a)?.index ?? 0) - (partOf.get(b)?.index ?? 0));
  const strategyCarry = new Map<string, Map<string, CaseFile>>();
  if (!opts.noWalk) {
    for (const id of order) {
      const { scenario, file, parsed } = loaded.scenarios.get(id)!;
      if (report.issues.some((i) => i.file === file && i.severity === 'error')) continue;
      const compiled = compileScenario(scenario);
      const part = partOf.get(id);
      let starts: CaseFile[] = [emptyCaseFile()];
      let sampled: { used: number; of: number } | undefined;
      const later = part
        ? part.parts
            .slice(part.index + 1)
            .flatMap((p) => (loaded.scenarios.get(p) ? [loaded.scenarios.get(p)!.scenario] : []))
        : [];
      const carry = carryReadsOf(later);
      if (part && part.index > 0) {
        const prev = ends.get(part.parts[part.index - 1]) ?? [];
        ({ starts, sampled } = startsFor(scenario, compiled, prev, carry));
      }
      // The walk keeps states apart only by what this part reads. Keeping them apart by what later parts read
      // too multiplies the states by every combination of earlier records (Linnet Street Part A alone went from
      // 43,000 states to more than ten minutes); later parts are walked from an even sample of the case files
      // this walk ends with (one for each end state it tells apart), told apart by what they read.
      const w = walkScenario(compiled, starts, rules);
      w.startsSampled = sampled;
      ends.set(id, w.endCaseFiles);
      report.walks.push(w);
      report.issues.push(...walkIssues(file, w, rules, parsed, scenario));
      const carried = part && part.index > 0 ? strategyCarry.get(part.parts[part.index - 1]) : undefined;
      const left = new Map<string, CaseFile>();
      strategyCarry.set(id, left);
      const a = assess(
        compiled,
        loaded.course,
        rules,
        (key) => carried?.get(key) ?? (carried ? defaultCaseFile(compiled) : emptyCaseFile()),
        (k, c) => left.set(k, c),
      );
      report.assessments.push(a);
      report.issues.push(...assessmentIssues(file, a, scenario, parsed));
    }
    report.issues.push(...courseStrategyIssues(manifestPath, report.assessments));
  }
  report.coverage = coverage(loaded);
  const docs = [
    { id: 'course', doc: loaded.course },
    ...[...loaded.scenarios.values()].map((s) => ({ id: s.scenario.id, doc: s.scenario })),
  ];
  const loc = localeReports(reader, opts, docs);
  report.locales = loc.reports;
  report.issues.push(...loc.issues);
  return report;
}

/** Checks one scenario file, with the course beside it (if any) for references and thresholds. */
export function checkScenarioFile(
  reader: FileReader,
  file: string,
  manifestPath: string | undefined,
  opts: CheckOptions = {},
): CheckReport {
  const loaded = manifestPath ? loadCourse(reader, manifestPath) : undefined;
  const report: CheckReport = { issues: [], walks: [], assessments: [], locales: [] };
  const { text, issue } = readText(reader, file);
  if (issue) return { ...report, issues: [issue] };
  const refs = loaded?.references ? new Set(loaded.references.references.map((r) => r.id)) : undefined;
  const id = (/([^/]+)\.ya?ml$/.exec(file) ?? [])[1];
  const part = loaded?.course?.cases?.flatMap((c) => c.parts.map((p, i) => ({ c, p, i }))).find((x) => x.p === id);
  const earlierScenarios = part
    ? part.c.parts
        .slice(0, part.i)
        .flatMap((p) => (loaded!.scenarios.get(p) ? [loaded!.scenarios.get(p)!.scenario] : []))
    : [];
  const earlier = part ? earlierIds(earlierScenarios) : undefined;
  const res = loadScenarioText(text!, file, { references: refs, earlier });
  report.issues.push(...res.issues);
  if (!res.scenario || res.issues.some((i) => i.severity === 'error') || opts.noWalk) return report;
  const rules = loaded?.course?.scoring ?? DEFAULT_RULES;
  const compiled = compileScenario(res.scenario);
  let starts = res.scenario.defaultCaseFile ? [defaultCaseFile(compiled)] : [emptyCaseFile()];
  let sampledStarts: { used: number; of: number } | undefined;
  if (part && part.i > 0) {
    // A later part is walked from its default case file and from the case files its earlier parts' walks end with.
    let ends: CaseFile[] = [emptyCaseFile()];
    const parts = part.c.parts;
    earlierScenarios.forEach((prev, i) => {
      const pc = compileScenario(prev);
      const carry = carryReadsOf(
        parts.slice(i + 1).flatMap((p) => (loaded!.scenarios.get(p) ? [loaded!.scenarios.get(p)!.scenario] : [])),
      );
      const from = i === 0 ? ends : startsFor(prev, pc, ends, carry).starts;
      ends = walkScenario(pc, from, rules).endCaseFiles;
    });
    const later = parts
      .slice(part.i + 1)
      .flatMap((p) => (loaded!.scenarios.get(p) ? [loaded!.scenarios.get(p)!.scenario] : []));
    const s = startsFor(res.scenario, compiled, ends, carryReadsOf(later));
    starts = s.starts;
    sampledStarts = s.sampled;
  }
  const w = walkScenario(compiled, starts, rules);
  w.startsSampled = sampledStarts;
  report.walks.push(w);
  report.issues.push(...walkIssues(file, w, rules, res.parsed, res.scenario));
  // Played alone, a later part starts from its documented default case file.
  const alone = res.scenario.defaultCaseFile ? defaultCaseFile(compiled) : emptyCaseFile();
  const a = assess(compiled, loaded?.course, rules, () => alone);
  report.assessments.push(a);
  report.issues.push(...assessmentIssues(file, a, res.scenario, res.parsed));
  const loc = localeReports(reader, opts, [{ id: res.scenario.id, doc: res.scenario }]);
  report.locales = loc.reports;
  report.issues.push(...loc.issues);
  return report;
}

function assess(
  compiled: CompiledScenario,
  course: Course | undefined,
  rules: ScoringRules,
  startFor: (key: string) => CaseFile,
  leave?: (key: string, caseFile: CaseFile) => void,
): AssessmentReport {
  const scenario = compiled.scenario;
  const { findings, waivers, critical, singleChoice, longest, dilemmas, recordScenes } = assessmentRules(
    scenario,
    course,
  );
  return {
    scenarioId: scenario.id,
    singleChoice,
    longest,
    dilemmas,
    recordScenes,
    critical,
    waivers,
    findings,
    ...playStrategies(compiled, rules, startFor, leave),
  };
}

/** The issues of one scenario's assessment report. */
function assessmentIssues(file: string, a: AssessmentReport, scenario: Scenario, parsed?: ParsedFile): Issue[] {
  const out: Issue[] = [];
  for (const f of a.findings) {
    if (f.waived) continue;
    out.push({
      file,
      ...sceneLocation(scenario, parsed, f.sceneId),
      severity: ASSESSMENT_SEVERITY,
      code: f.rule,
      message: f.message,
    });
  }
  for (const name of STRATEGIES) {
    const r = a.strategies[name];
    if (r.met > 0)
      out.push({
        file,
        path: '',
        severity: ASSESSMENT_SEVERITY,
        code: 'non-reader-passes',
        message: `a learner who does not read (${name}) reaches "standard met" in ${r.met} of ${r.plays} play${r.plays === 1 ? '' : 's'}`,
      });
  }
  if (!a.best.met || !a.best.everyAssessedFull)
    out.push({
      file,
      path: '',
      severity: 'error',
      code: 'best-not-full',
      message: `the learner who makes the best feasible selection at every decision scores ${Math.round((a.best.overall ?? 0) * 100)}%${a.best.met ? '' : ' and does not end at "standard met"'} (it must reach 100% and "standard met")`,
    });
  const est = scenario.estimatedMinutes;
  if (Math.abs(a.readingMinutes - est) > est * 0.25)
    out.push({
      file,
      path: 'estimatedMinutes',
      severity: 'warning',
      code: 'reading-time',
      message: `one playthrough is estimated at ${Math.round(a.readingMinutes)} minutes (words at 200 a minute, 1 a decision, 2 a rationale); estimatedMinutes says ${est}`,
    });
  return out;
}

/** Course-wide: no non-reading strategy may average over the limit across the call-outs. */
function courseStrategyIssues(file: string, assessments: AssessmentReport[]): Issue[] {
  const out: Issue[] = [];
  for (const name of STRATEGIES) {
    const xs = assessments.map((a) => a.strategies[name].overall).filter((x): x is number => x !== null);
    const mean = xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0;
    if (mean > ASSESSMENT_LIMITS.strategyMean + 1e-9)
      out.push({
        file,
        path: '',
        severity: ASSESSMENT_SEVERITY,
        code: 'non-reader-mean',
        message: `a learner who does not read (${name}) averages ${Math.round(mean * 100)}% across the course (at most ${Math.round(ASSESSMENT_LIMITS.strategyMean * 100)}%)`,
      });
  }
  return out;
}

/** Strings of a file for a translation template (kept here so the CLI stays thin). */
export { sourceStrings };
