/** A fake cmi5 LMS/LRS for tests: the token URL, LMS.LaunchData, the state API and the statements API. */
import * as xapiValidation from '@learninglocker/xapi-validation';
import { cmi5Violations, type ContextTemplate } from './cmi5-rules';

type Validate = (statement: unknown) => unknown[];
/** Learning Locker's validator (a CommonJS default export, reached the same way under vitest and Playwright). */
export const validateStatement: Validate = (() => {
  const m = xapiValidation as unknown as { default?: Validate | { default?: Validate } };
  const d = m.default;
  return (typeof d === 'function' ? d : (d?.default as Validate)) ?? (m as unknown as Validate);
})();

export interface FakeLrs {
  fetch: typeof fetch;
  statements: Record<string, unknown>[];
  state: Map<string, string>;
  tokenFetches: number;
  /** Fail the next n statement POSTs with 503. */
  failStatements: number;
  /** The learner's cmi5LearnerPreferences agent profile (cmi5 11.0), or a status to answer with instead. */
  preferences: Record<string, unknown> | 403 | 404;
  /** Agent profile reads, with the agent and profile id asked for. */
  profileReads: { agent: unknown; profileId: string | null }[];
  /** Validation problems found in every statement received. */
  invalid: { id: unknown; warnings: unknown[] }[];
}

export const LAUNCH = {
  endpoint: 'https://lrs.test/xapi/',
  fetchUrl: 'https://lms.test/cmi5/fetch?k=abc',
  actor: {
    objectType: 'Agent' as const,
    name: 'PC Test Learner',
    account: { homePage: 'https://lms.test', name: 'learner-1' },
  },
  registration: '1b1d1f1a-2c2e-4f4a-8b8c-0d0e0f101112',
  activityId: 'https://callout.test/au/course',
};

export function fakeLrs(launchData: Record<string, unknown> = {}): FakeLrs {
  const fetched = new Set<string>();
  const lrs: FakeLrs = {
    fetch: undefined as never,
    statements: [],
    state: new Map(),
    tokenFetches: 0,
    failStatements: 0,
    preferences: 404,
    profileReads: [],
    invalid: [],
  };
  lrs.state.set(
    'LMS.LaunchData',
    JSON.stringify({
      launchMode: 'Normal',
      moveOn: 'CompletedAndPassed',
      returnURL: 'https://lms.test/return',
      contextTemplate: {
        contextActivities: { grouping: [{ id: 'https://callout.test/course', objectType: 'Activity' }] },
        extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'lms-session' },
      },
      ...launchData,
    }),
  );
  lrs.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    // Each launch gets its own fetch URL, and each can be used once (cmi5 8.2.3).
    if (url.href.startsWith('https://lms.test/cmi5/fetch?')) {
      lrs.tokenFetches++;
      if (fetched.has(url.href))
        return new Response(JSON.stringify({ 'error-code': '1', 'error-text': 'already fetched' }), { status: 200 });
      fetched.add(url.href);
      return new Response(JSON.stringify({ 'auth-token': 'dG9rZW4=' }), { status: 200 });
    }
    const auth = new Headers(init?.headers).get('Authorization');
    if (auth !== 'Basic dG9rZW4=') return new Response('unauthorised', { status: 401 });
    if (url.pathname.endsWith('/agents/profile') && method === 'GET') {
      lrs.profileReads.push({
        agent: JSON.parse(url.searchParams.get('agent') ?? 'null'),
        profileId: url.searchParams.get('profileId'),
      });
      const p = lrs.preferences;
      if (p === 403) return new Response('forbidden', { status: 403 });
      if (p === 404 || url.searchParams.get('profileId') !== 'cmi5LearnerPreferences')
        return new Response('', { status: 404 });
      return new Response(JSON.stringify(p), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }
    if (url.pathname.endsWith('/activities/state')) {
      const id = url.searchParams.get('stateId')!;
      if (method === 'PUT') {
        lrs.state.set(id, String(init?.body));
        return new Response(null, { status: 204 });
      }
      const doc = lrs.state.get(id);
      return doc ? new Response(doc, { status: 200 }) : new Response('', { status: 404 });
    }
    if (url.pathname.endsWith('/statements') && method === 'POST') {
      if (lrs.failStatements > 0) {
        lrs.failStatements--;
        return new Response('busy', { status: 503 });
      }
      const batch = JSON.parse(String(init?.body)) as Record<string, unknown>[];
      // A strict cmi5 LMS: a batch with a statement that breaks xAPI or cmi5 is refused whole, and nothing of
      // it is stored.
      const template = (JSON.parse(lrs.state.get('LMS.LaunchData')!) as { contextTemplate: ContextTemplate })
        .contextTemplate;
      const problems = batch.flatMap((s) => {
        const warnings = [...validateStatement(s), ...cmi5Violations(s, template, LAUNCH)];
        return warnings.length ? [{ id: s.id, warnings }] : [];
      });
      if (problems.length) {
        lrs.invalid.push(...problems);
        return new Response(JSON.stringify({ errors: problems }), { status: 400 });
      }
      for (const s of batch) if (!lrs.statements.some((x) => x.id === s.id)) lrs.statements.push(s);
      return new Response(JSON.stringify(batch.map((s) => s.id)), { status: 200 });
    }
    return new Response('not found', { status: 404 });
  }) as typeof fetch;
  return lrs;
}
