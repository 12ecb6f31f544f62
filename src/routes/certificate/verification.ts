/**
 * The certificate's verification code, and checking one against a learner's exported records.
 *
 * The code is a checksum of exactly what the certificate states: for each call-out, the attempt it certifies,
 * its version, when it finished, its overall and per-failing scores, its result and its critical errors. It is
 * computed from the same records the learner exports (`callout-records` JSON), so a trainer holding the
 * certificate and the export can recompute it. What a match proves: that the certificate's results are the
 * results in that export, and that neither was edited after the other was made. What it does not prove: who
 * played, or that the export came from this learner — anyone with the course could make a matching pair. It
 * is a check of consistency, not a signature.
 */
import { textHash } from '../../engine/i18n/strings';
import { FAILINGS } from '../../engine/types';
import type { LocalRecord } from '../../reporting/local/local-records';

/** The records a certificate certifies: the latest finished assessed attempt at each call-out, in course order. */
export function certifiedRecords(
  records: readonly LocalRecord[],
  scenarioIds: readonly string[],
): LocalRecord[] | undefined {
  const out: LocalRecord[] = [];
  for (const id of scenarioIds) {
    const latest = records
      .filter((r) => r.scenarioId === id && r.mode !== 'practice')
      .sort((a, b) => b.endedAt.localeCompare(a.endedAt))[0];
    if (!latest) return undefined;
    out.push(latest);
  }
  return out;
}

/** The code for a certificate over these records (`XXXX-XXXX-XXXX-XXXX`, hex). */
export function verificationCode(courseId: string, records: readonly LocalRecord[]): string {
  const lines = [...records]
    .sort((a, b) => a.scenarioId.localeCompare(b.scenarioId))
    .map((r) =>
      [
        r.attemptId,
        r.scenarioId,
        r.scenarioVersion,
        r.endedAt,
        r.overall ?? '-',
        ...FAILINGS.map((f) => r.failings[f] ?? '-'),
        r.outcome,
        r.criticalErrors,
      ].join('|'),
    );
  const text = ['callout-certificate-2', courseId, ...lines].join('\n');
  const hex = (textHash(text) + textHash(`callout:${text}`)).toUpperCase();
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}`;
}

/** A code as typed: upper case, separators and spaces ignored. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-F]/g, '');
}

/** What checking a code against an export found. */
export type CodeCheck =
  | { ok: true; records: LocalRecord[] }
  | { ok: false; reason: 'incomplete'; missing: string[] }
  | { ok: false; reason: 'mismatch'; records: LocalRecord[] }
  | { ok: false; reason: 'malformed' };

/** Checks a typed code against the records of a verified export. */
export function checkCode(
  code: string,
  courseId: string,
  records: readonly LocalRecord[],
  scenarioIds: readonly string[],
): CodeCheck {
  if (normaliseCode(code).length !== 16) return { ok: false, reason: 'malformed' };
  const certified = certifiedRecords(records, scenarioIds);
  if (!certified)
    return {
      ok: false,
      reason: 'incomplete',
      missing: scenarioIds.filter((id) => !records.some((r) => r.scenarioId === id && r.mode !== 'practice')),
    };
  return normaliseCode(verificationCode(courseId, certified)) === normaliseCode(code)
    ? { ok: true, records: certified }
    : { ok: false, reason: 'mismatch', records: certified };
}
