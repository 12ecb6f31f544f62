/**
 * Completion reporting: one interface (`Reporter`), picked once per page by `startReporting()`. The player
 * calls `attemptStarted`, `decisionMade` after every decision, `attemptEnded`, and `leave` when the learner
 * exits; the banner listens with `subscribe`. Adapters load lazily.
 */
export type {
  AttemptState,
  CourseInfo,
  CourseState,
  LaunchInfo,
  Reporter,
  ReportingStatus,
  ReportingTarget,
} from './reporting.types';
export {
  startReporting,
  detectReporter,
  buildTarget,
  resetReportingForTests,
  type ReportingSession,
  type BuildTarget,
} from './start-reporting';
export { attemptStateOf } from './attempt-state';
export { courseStatus, latestFinished, percent, type CourseStatus } from './course-status';
export { decodeResume, encodeResume, RATIONALE_NOT_STORED, type DecodeResult } from './resume-codec';
export { ReportingError } from './retry-channel';
export type { LocalRecord } from './local/local-records';
