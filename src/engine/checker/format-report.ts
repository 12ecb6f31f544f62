/** Human-readable text for a checker report. */
import type { Issue } from '../format/parse.ts';
import { FAILINGS } from '../types.ts';
import type { CheckReport } from './check.ts';

/** Minimum coverage the course must keep (see issue "The course"). */
export const COVERAGE_MINIMUM = { scenariosPerFailing: 5, decisionsPerFailing: 25 };

const pct = (x: number | null) => (x === null ? '  –' : `${Math.round(x * 100)}%`.padStart(4));

/** One line per issue: `file:line:col severity path: message [code]`. */
export function formatIssue(i: Issue): string {
  const where = [i.file, i.line, i.column].filter((x) => x !== undefined).join(':');
  return `${where} ${i.severity} ${i.path ? `${i.path}: ` : ''}${i.message} [${i.code}]`;
}

export function formatReport(report: CheckReport): string {
  const lines: string[] = [];
  const sorted = [...report.issues].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  for (const i of sorted) lines.push(formatIssue(i));
  if (sorted.length) lines.push('');

  for (const w of report.walks) {
    lines.push(
      `${w.scenarioId}: ${w.paths} path${w.paths === 1 ? '' : 's'}${w.truncated ? ' (truncated)' : ''}, ${w.states} states` +
        (w.startsSampled
          ? `; walked from its default case file and ${w.startsSampled.used} of the ${w.startsSampled.of} distinct case files its earlier parts' walks end with (an even sample, thinnest to fullest)`
          : ''),
    );
    lines.push(
      '  ' +
        FAILINGS.map((f) => {
          const r = w.failings[f];
          return `${f} ${pct(r.min)}–${pct(r.max)}${r.assessedPaths ? (r.canReachFull ? ' ✓' : ' ✗') : ''}`;
        }).join('   '),
    );
    lines.push(
      `  competent on some path: ${w.someCompetent ? 'yes' : 'NO'}; endings reached: ${w.endingsReached.join(', ') || 'none'}${w.endingsNeverReached.length ? `; never reached: ${w.endingsNeverReached.join(', ')}` : ''}`,
    );
  }
  if (report.walks.length) lines.push('');

  if (report.assessments.length) {
    lines.push('Assessment (can the score be earned without reading?):');
    lines.push(
      '  scenario                 longest  dilemmas  records  critical  first  longest  procedural  random  best  minutes',
    );
    for (const a of report.assessments) {
      const s = (name: keyof typeof a.strategies) => {
        const r = a.strategies[name];
        return `${pct(r.overall)}${r.met ? '*' : ' '}`;
      };
      lines.push(
        `  ${a.scenarioId.padEnd(24)} ${`${a.longest}/${a.singleChoice}`.padStart(7)}  ${`${a.dilemmas}/${a.singleChoice}`.padStart(8)}  ${String(a.recordScenes).padStart(7)}  ${String(a.critical.length).padStart(8)}  ${s('first')}  ${s('longest').padStart(7)}  ${s('procedural').padStart(10)}  ${s('random').padStart(6)}  ${pct(a.best.overall)}  ${String(Math.round(a.readingMinutes)).padStart(7)}`,
      );
    }
    const mean = (name: 'first' | 'longest' | 'procedural' | 'random') => {
      const xs = report.assessments.map((a) => a.strategies[name].overall).filter((x): x is number => x !== null);
      return xs.length ? xs.reduce((t, x) => t + x, 0) / xs.length : null;
    };
    if (report.assessments.length > 1)
      lines.push(
        `  mean of learners who do not read: first ${pct(mean('first'))}, longest ${pct(mean('longest'))}, procedural ${pct(mean('procedural'))}, random ${pct(mean('random'))} (at most 60%)`,
      );
    lines.push(
      '  (longest: decisions where the top option is the longest; dilemmas: with a runner-up worth half; * = reached "standard met")',
    );
    const byCategory = new Map<string, string[]>();
    for (const a of report.assessments)
      for (const c of a.critical) {
        const k = c.category ?? '(no category)';
        byCategory.set(k, [...(byCategory.get(k) ?? []), `${a.scenarioId}/${c.sceneId}.${c.itemId}`]);
      }
    if (byCategory.size) {
      lines.push('  critical errors by category:');
      for (const [k, items] of [...byCategory].sort()) lines.push(`    ${k}: ${items.join(', ')}`);
    }
    const waivers = report.assessments.flatMap((a) =>
      a.waivers.map((w) => `${a.scenarioId}/${w.sceneId} ${w.rule}: ${w.reason}`),
    );
    if (waivers.length) {
      lines.push('  waivers:');
      for (const w of waivers) lines.push(`    ${w}`);
    }
    lines.push('');
  }

  if (report.coverage) {
    lines.push('Coverage (decision points that can earn marks on each failing):');
    lines.push('  failing  scenarios  decisions');
    for (const f of FAILINGS) {
      const c = report.coverage.failings[f];
      const ok =
        c.scenarios.length >= COVERAGE_MINIMUM.scenariosPerFailing &&
        c.decisions >= COVERAGE_MINIMUM.decisionsPerFailing;
      lines.push(
        `  ${f}       ${String(c.scenarios.length).padStart(9)}  ${String(c.decisions).padStart(9)}  ${ok ? 'ok' : `below ${COVERAGE_MINIMUM.scenariosPerFailing} scenarios / ${COVERAGE_MINIMUM.decisionsPerFailing} decisions`}`,
      );
    }
    const untaught = Object.entries(report.coverage.themes)
      .filter(([, s]) => s.length === 0)
      .map(([t]) => t);
    lines.push(
      `  themes taught: ${Object.keys(report.coverage.themes).length - untaught.length} of ${Object.keys(report.coverage.themes).length}${untaught.length ? ` (not yet: ${untaught.join(', ')})` : ''}`,
    );
    lines.push('');
  }

  if (report.locales.length) {
    const byLocale = new Map<string, { total: number; missing: number; stale: number }>();
    for (const l of report.locales) {
      const x = byLocale.get(l.locale) ?? { total: 0, missing: 0, stale: 0 };
      x.total += l.total;
      x.missing += l.missing;
      x.stale += l.stale.length;
      byLocale.set(l.locale, x);
    }
    lines.push('Scenario translations:');
    for (const [locale, x] of byLocale) {
      const done = x.total - x.missing - x.stale;
      lines.push(
        `  ${locale}: ${done} of ${x.total} strings current (${Math.round((done / Math.max(1, x.total)) * 100)}%), ${x.missing} missing, ${x.stale} stale`,
      );
      for (const l of report.locales.filter((r) => r.locale === locale && r.total > 0))
        lines.push(`    ${l.file}: ${Math.round(((l.total - l.missing - l.stale.length) / l.total) * 100)}%`);
    }
    lines.push('');
  }

  const errors = report.issues.filter((i) => i.severity === 'error').length;
  const warnings = report.issues.length - errors;
  lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return lines.join('\n') + '\n';
}
