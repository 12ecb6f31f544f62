/** cmi5 launch parameters (cmi5 spec §8.1): the LMS adds them to the AU's URL. */

/** What the LMS passed on the launch URL. */
export interface Cmi5Launch {
  /** The LRS endpoint, ending in `/`. */
  endpoint: string;
  /** The one-time URL that returns the authorisation token. */
  fetchUrl: string;
  /** The learner as an xAPI Agent (an account, per cmi5). */
  actor: { objectType?: 'Agent'; name?: string; account: { homePage: string; name: string } };
  registration: string;
  /** The AU's activity id. */
  activityId: string;
}

/** Reads cmi5 launch parameters from a URL; undefined unless all five are present and the actor parses. */
export function cmi5LaunchFrom(url: URL | string): Cmi5Launch | undefined {
  const u = typeof url === 'string' ? new URL(url) : url;
  const q = u.searchParams;
  const endpoint = q.get('endpoint');
  const fetchUrl = q.get('fetch');
  const actorText = q.get('actor');
  const registration = q.get('registration');
  const activityId = q.get('activityId');
  if (!endpoint || !fetchUrl || !actorText || !registration || !activityId) return undefined;
  try {
    const actor = JSON.parse(actorText) as Cmi5Launch['actor'];
    if (!actor?.account?.homePage || !actor.account.name) return undefined;
    return { endpoint: endpoint.endsWith('/') ? endpoint : `${endpoint}/`, fetchUrl, actor, registration, activityId };
  } catch {
    return undefined;
  }
}
