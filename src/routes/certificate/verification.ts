/** The certificate's verification code: derived from the attempt records it certifies, so a trainer can
 * recompute it from the learner's exported records. */
import { textHash } from '../../engine/i18n/strings';
import { FAILINGS } from '../../engine/types';
import type { AttemptRecord } from '../../store/progress';

export function verificationCode(courseId: string, courseVersion: string, attempts: AttemptRecord[]): string {
  const lines = [...attempts]
    .sort((a, b) => a.scenarioId.localeCompare(b.scenarioId))
    .map((a) => [a.id, a.scenarioId, a.snapshot.scenarioVersion, a.finishedAt ?? '', a.log.map((e) => FAILINGS.map((f) => e.earned[f]).join('')).join('.')].join('|'));
  const text = [courseId, courseVersion, ...lines].join('\n');
  const hex = (textHash(text) + textHash(`callout:${text}`)).toUpperCase();
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}`;
}
