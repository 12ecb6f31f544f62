/**
 * The cmi5 rules a strict LMS applies to every statement an AU sends, written from the cmi5 specification
 * (AICC cmi5, "Quartz" edition; section numbers as in `cmi5_spec.md`), not from what our reporter does. Each
 * violation names the section it breaks. The fake LMS refuses a batch with any violation, as a strict LMS does.
 */
const CMI5_VERBS = new Set(
  ['initialized', 'completed', 'passed', 'failed', 'terminated', 'abandoned', 'waived', 'satisfied'].map(
    (v) => `http://adlnet.gov/expapi/verbs/${v}`,
  ),
);
const verbName = (id: string) => id.slice(id.lastIndexOf('/') + 1);
const CATEGORY_CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const CATEGORY_MOVEON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const EXT_SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';

type Activity = { id: string };
type Context = {
  registration?: string;
  contextActivities?: Record<string, Activity[] | undefined>;
  extensions?: Record<string, unknown>;
};
export interface ContextTemplate {
  contextActivities?: Record<string, Activity[] | undefined>;
  extensions?: Record<string, unknown>;
}

/** The rules one statement breaks, each as "<section>: <what>". */
export function cmi5Violations(
  statement: Record<string, unknown>,
  template: ContextTemplate,
  au: { activityId: string; registration: string },
): string[] {
  const out: string[] = [];
  const verb = (statement.verb as { id?: string } | undefined)?.id ?? '';
  const object = statement.object as { id?: string } | undefined;
  const context = (statement.context ?? {}) as Context;
  const result = statement.result as Record<string, unknown> | undefined;
  const categories = (context.contextActivities?.category ?? []).map((a) => a.id);
  const defined = CMI5_VERBS.has(verb) && categories.includes(CATEGORY_CMI5);
  const name = verbName(verb);

  // 10.2.1: the context template is used unchanged; the AU may add values, never overwrite them.
  for (const [key, value] of Object.entries(template.extensions ?? {}))
    if (JSON.stringify(context.extensions?.[key]) !== JSON.stringify(value))
      out.push(`10.2.1: context.extensions["${key}"] is not the contextTemplate's value`);
  for (const [list, items] of Object.entries(template.contextActivities ?? {}))
    for (const item of items ?? [])
      if (!(context.contextActivities?.[list] ?? []).some((a) => a.id === item.id))
        out.push(`10.2.1: contextActivities.${list} lacks the contextTemplate's ${item.id}`);
  // 9.6.3.1: the session ID the LMS provided, in every cmi5 defined and allowed statement.
  if (context.extensions?.[EXT_SESSION] === undefined) out.push('9.6.3.1: no session ID extension');
  // 9.6.1: the registration from the launch.
  if (context.registration !== au.registration) out.push('9.6.1: context.registration is not the launch registration');

  if (CMI5_VERBS.has(verb) && !categories.includes(CATEGORY_CMI5))
    out.push(`7.1.3 / 9.6.2.1: a "${name}" statement without the cmi5 category`);
  if (!defined) return out;
  // 9.4: cmi5 defined statements are about the AU itself.
  if (object?.id !== au.activityId) out.push(`9.4: "${name}" is not about the AU's activity id`);
  // 9.5.1: only passed and failed carry a score.
  if (result?.score !== undefined && name !== 'passed' && name !== 'failed')
    out.push(`9.5.1: "${name}" must not include a score`);
  // 9.5.2: success is true on passed (and waived), false on failed, absent elsewhere.
  if (name === 'passed' || name === 'waived') {
    if (result?.success !== true) out.push(`9.5.2: "${name}" must have result.success true`);
  } else if (name === 'failed') {
    if (result?.success !== false) out.push('9.5.2: "failed" must have result.success false');
  } else if (result?.success !== undefined) out.push(`9.5.2: "${name}" must not include result.success`);
  // 9.5.3: completion is true on completed (and waived), absent elsewhere.
  if (name === 'completed' || name === 'waived') {
    if (result?.completion !== true) out.push(`9.5.3: "${name}" must have result.completion true`);
  } else if (result?.completion !== undefined) out.push(`9.5.3: "${name}" must not include result.completion`);
  // 9.5.4.1: duration on terminated, completed, passed and failed.
  if (['terminated', 'completed', 'passed', 'failed'].includes(name) && typeof result?.duration !== 'string')
    out.push(`9.5.4.1: "${name}" must include result.duration`);
  // 9.6.2.2: the moveOn category exactly on statements whose result has success or completion.
  const judged = result?.success !== undefined || result?.completion !== undefined;
  if (judged && !categories.includes(CATEGORY_MOVEON)) out.push(`9.6.2.2: "${name}" lacks the moveOn category`);
  if (!judged && categories.includes(CATEGORY_MOVEON)) out.push(`9.6.2.2: "${name}" must not have the moveOn category`);
  return out;
}

/** Order rules over a session's statements: initialized first, terminated last (7.1.1, 9.3.2, 9.3.8). */
export function cmi5OrderViolations(statements: Record<string, unknown>[]): string[] {
  const names = statements.map((s) => verbName((s.verb as { id: string }).id));
  const out: string[] = [];
  if (names.length && names[0] !== 'initialized') out.push('9.3.2: the first statement is not "initialized"');
  const t = names.indexOf('terminated');
  if (t >= 0 && t !== names.length - 1) out.push('9.3.8: a statement follows "terminated"');
  return out;
}
