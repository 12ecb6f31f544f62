/**
 * Decisions as interactions, in each standard's terms. Ids come from the scenario id and the scene id, so
 * they are stable across builds and LMSs. What is sent is the learner's choice as item ids (SCORM 2004,
 * cmi5) or single characters (SCORM 1.2's choice format), its marks and timing — never the free-text
 * rationale (sensitivity.md §8: free text stays private to the learner).
 */
import {
  FAILINGS,
  sceneItems,
  sceneVerdicts,
  type CompiledScenario,
  type Failing,
  type LogEntry,
  type Scene,
} from '../engine';

/** SCORM 1.2 CMIIdentifier: we keep to letters, digits and underscores (the strictest LMSs' reading). */
const SCORM12_ID = /^[A-Za-z0-9_]{1,255}$/;

/** Turns a kebab-case id into SCORM 1.2-safe characters (ids are kebab-case, so `_` never collides). */
export function scorm12Safe(id: string): string {
  return id.replace(/[^A-Za-z0-9]/g, '_');
}

/** The interaction id of a scene: `<scenario>__<scene>`, letters, digits and underscores only. */
export function interactionId(scenarioId: string, sceneId: string): string {
  const id = `${scorm12Safe(scenarioId)}__${scorm12Safe(sceneId)}`;
  if (!SCORM12_ID.test(id)) throw new Error(`interaction id "${id}" is not a valid SCORM 1.2 identifier`);
  return id;
}

/** Whether a string is a SCORM 1.2 identifier as we write them. */
export function isScorm12Identifier(id: string): boolean {
  return SCORM12_ID.test(id);
}

/** The items a scene's response refers to, in order: options/actions/entries/terms/issues, then verdicts. */
export function responseItems(scene: Scene): string[] {
  return [...sceneItems(scene), ...sceneVerdicts(scene)].map((i) => i.id);
}

const SCORM12_CHARS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Largest number of items a SCORM 1.2 choice response can name (one character each). */
export const SCORM12_MAX_ITEMS = SCORM12_CHARS.length;

/** The learner's response as SCORM 1.2 writes a choice: single characters separated by commas. */
export function scorm12Response(scene: Scene, entry: LogEntry): string {
  const items = responseItems(scene);
  const chosen = [...entry.choice, ...(entry.verdict ? [entry.verdict] : [])];
  return chosen
    .map((id) => {
      const i = items.indexOf(id);
      if (i < 0 || i >= SCORM12_MAX_ITEMS) throw new Error(`item "${id}" cannot be written as a SCORM 1.2 choice`);
      return SCORM12_CHARS[i];
    })
    .join(',');
}

/** Whether a SCORM 1.2 choice response is well formed (`a`, `0,3,b`; an empty response for "nothing ticked"). */
export function isScorm12ChoiceResponse(r: string): boolean {
  return r === '' || /^[0-9a-z](,[0-9a-z])*$/.test(r);
}

/** The learner's response as SCORM 2004 writes a choice: item ids joined by `[,]`. */
export function scorm2004Response(entry: LogEntry): string {
  return [...entry.choice, ...(entry.verdict ? [entry.verdict] : [])].join('[,]');
}

function total(m: Record<Failing, number>): number {
  return FAILINGS.reduce((s, f) => s + m[f], 0);
}

/** How a decision went: the best available marks (`correct`), fewer, or nothing scored at this scene. */
export function decisionResult(entry: LogEntry): 'correct' | 'wrong' | 'neutral' {
  const best = total(entry.best);
  if (best === 0 && entry.critical.length === 0) return 'neutral';
  return total(entry.earned) >= best && entry.critical.length === 0 ? 'correct' : 'wrong';
}

/** The failings a decision could earn marks in (its objectives). */
export function decisionFailings(entry: LogEntry): Failing[] {
  return FAILINGS.filter((f) => entry.best[f] > 0 || entry.earned[f] > 0);
}

/** Best marks available at the decision, all failings together (the interaction's weighting). */
export function decisionWeight(entry: LogEntry): number {
  return total(entry.best);
}

/** A short description: the scenario and scene titles (never the learner's words). */
export function decisionDescription(compiled: CompiledScenario, entry: LogEntry, max = 250): string {
  const scene = compiled.scenes.get(entry.sceneId);
  const text = `${compiled.scenario.title}: ${scene?.title ?? entry.sceneId}`;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** SCORM 1.2 CMITime: the time of day `HH:MM:SS` (UTC). */
export function scorm12Time(iso: string): string {
  return new Date(iso).toISOString().slice(11, 19);
}

/** SCORM 1.2 CMITimespan: `HHHH:MM:SS.SS`. */
export function scorm12Timespan(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = (cs % 6000) / 100;
  return `${String(Math.min(h, 9999)).padStart(4, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(2).padStart(5, '0')}`;
}

/** ISO 8601 duration (SCORM 2004 timeinterval and xAPI duration): `PT1H2M3.45S`. */
export function isoDuration(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = (cs % 6000) / 100;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${Number(s.toFixed(2))}S`;
}

/**
 * SCORM 2004 time, `YYYY-MM-DDThh:mm:ss.sZ`: the format allows a time zone only after fractional seconds,
 * and at most two fractional digits.
 */
export function scorm2004Time(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 21)}Z`;
}
