/**
 * A compact encoding of what resume needs, for SCORM 1.2's 4,096-character `cmi.suspend_data` (and used by
 * SCORM 2004 and cmi5 too, so every target resumes the same way).
 *
 * It keeps, for each scenario, the latest finished attempt (for the course score and the case file carried
 * into later parts), the attempt in progress, and any attempt a kept attempt carried its case file from.
 * An attempt is its scenario, version, a signature of the scenario's scene and item order, its start and end
 * time, where its case file came from, and its events: each decision as indices into the scene's items
 * (one character for a single choice, a 6-bits-per-character mask for a multiple choice), a narrative
 * "continue" as nothing at all (the scene tells). Rationales are never stored (free text stays in the
 * learner's browser): a scene that requires one replays with `RATIONALE_NOT_STORED`.
 *
 * `2|<course version>|<scenario ids>|<attempt>~<attempt>…`, each attempt
 * `<scenario index>.<version>.<signature>.<start>.<end>.<case>.<events>.<choices>.<times>.<seed>.<mode>`
 * with numbers in base 36 (times in seconds; the end and each event's time relative to the one before), the
 * attempt's order seed, and `p` for a practice attempt (empty for assessed). Format 1 (no seed or mode, written
 * before lists were shuffled) is still read: its attempts are assessed and get the seed `migrateSnapshot` gives.
 */
import {
  carryCaseFile,
  defaultCaseFile,
  emptyCaseFile,
  migrateSnapshot,
  resumeRun,
  sceneItems,
  sceneKind,
  sceneRationale,
  sceneVerdicts,
  SNAPSHOT_VERSION,
  type AttemptSnapshot,
  type CaseFile,
  type CompiledScenario,
  type RunEvent,
} from '../engine';
import type { AttemptState, CourseState } from './reporting.types';

/** The encoding's version (the first field). */
export const RESUME_FORMAT = '2';
/** Earlier formats still read. */
const READABLE_FORMATS = ['1', RESUME_FORMAT];

/** SCORM 1.2's limit on `cmi.suspend_data`. */
export const SCORM12_SUSPEND_LIMIT = 4096;

/**
 * Stands in for a required rationale when an attempt is rebuilt from LMS data: the text itself never leaves
 * the browser. The UI shows its own localised wording when it meets this value.
 */
export const RATIONALE_NOT_STORED = '[rationale kept on the device where it was written]';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A short signature of a scenario's scene and item order: indices decode only against the same order. */
export function scenarioSignature(compiled: CompiledScenario): string {
  const text = compiled.scenario.scenes
    .map((s) => [s.id, ...sceneItems(s).map((i) => i.id), '/', ...sceneVerdicts(s).map((v) => v.id)].join(','))
    .join(';');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % 36 ** 4).toString(36).padStart(4, '0');
}

function maskChars(n: number): number {
  return Math.max(1, Math.ceil(n / 6));
}

function encodeMask(all: string[], chosen: readonly string[]): string {
  let out = '';
  for (let c = 0; c < maskChars(all.length); c++) {
    let v = 0;
    for (let b = 0; b < 6; b++) if (chosen.includes(all[c * 6 + b])) v |= 1 << b;
    out += B64[v];
  }
  return out;
}

function decodeMask(all: string[], chars: string): string[] | undefined {
  const out: string[] = [];
  for (let c = 0; c < chars.length; c++) {
    const v = B64.indexOf(chars[c]);
    if (v < 0) return undefined;
    for (let b = 0; b < 6; b++)
      if (v & (1 << b)) {
        if (c * 6 + b >= all.length) return undefined;
        out.push(all[c * 6 + b]);
      }
  }
  return out;
}

/** The characters one event takes, given its scene. */
function encodeEvent(compiled: CompiledScenario, ev: RunEvent): string {
  const scene = compiled.scenes.get(ev.sceneId);
  if (!scene) throw new Error(`scene "${ev.sceneId}" is not in "${compiled.scenario.id}"`);
  const kind = sceneKind(scene);
  if (ev.type === 'scene.continued') return '';
  const items = sceneItems(scene).map((i) => i.id);
  if (kind === 'choice') {
    const i = items.indexOf(ev.choice[0]);
    if (i < 0 || i >= B64.length) throw new Error(`option "${ev.choice[0]}" cannot be encoded`);
    return B64[i];
  }
  let out = encodeMask(items, ev.choice);
  if (kind === 'review') {
    const v = sceneVerdicts(scene)
      .map((x) => x.id)
      .indexOf(ev.verdict ?? '');
    if (v < 0 || v >= B64.length) throw new Error(`verdict "${ev.verdict}" cannot be encoded`);
    out += B64[v];
  }
  return out;
}

const b36 = (n: number) => Math.max(0, Math.round(n)).toString(36);
const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

function sameCaseFile(a: CaseFile, b: CaseFile): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  bytes.forEach((b) => (bin += String.fromCharCode(b)));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/** The attempts resume needs, oldest first (see the module comment). */
export function attemptsToKeep(state: Pick<CourseState, 'attempts'>): AttemptState[] {
  const keep = new Set<string>();
  const byScenario = new Map<string, AttemptState[]>();
  for (const a of state.attempts) byScenario.set(a.scenarioId, [...(byScenario.get(a.scenarioId) ?? []), a]);
  for (const list of byScenario.values()) {
    // The latest finished assessed attempt (what the course result is made of); practice stays on the device.
    const finished = list.filter((a) => a.endedAt && a.snapshot.mode !== 'practice');
    if (finished.length) keep.add(finished[finished.length - 1].id);
    const last = list[list.length - 1];
    if (!last.endedAt) keep.add(last.id);
  }
  // Keep the attempts a kept attempt carried its case file from, transitively.
  let grew = true;
  while (grew) {
    grew = false;
    for (const a of state.attempts)
      if (keep.has(a.id) && a.caseFrom && !keep.has(a.caseFrom) && state.attempts.some((b) => b.id === a.caseFrom)) {
        keep.add(a.caseFrom);
        grew = true;
      }
  }
  return state.attempts.filter((a) => keep.has(a.id));
}

/** Options for encoding. */
export interface EncodeOptions {
  /** Keep each event's time (default true). */
  times?: boolean;
}

/** Encodes what resume needs. Throws only on attempts that do not belong to the given scenarios. */
export function encodeResume(state: CourseState, options: EncodeOptions = {}): string {
  const withTimes = options.times ?? true;
  const kept = attemptsToKeep(state);
  const ids = [...new Set(kept.map((a) => a.scenarioId))];
  const endCaseFiles = new Map<string, CaseFile>();
  const parts = kept.map((a) => {
    const compiled = state.scenarios.get(a.scenarioId);
    if (!compiled) throw new Error(`scenario "${a.scenarioId}" is not loaded`);
    const snap = a.snapshot;
    let caseCode: string;
    const from = a.caseFrom ? kept.findIndex((k) => k.id === a.caseFrom) : -1;
    if (sameCaseFile(snap.caseFileIn, emptyCaseFile())) caseCode = '';
    else if (sameCaseFile(snap.caseFileIn, defaultCaseFile(compiled))) caseCode = 'd';
    else if (
      from >= 0 &&
      endCaseFiles.has(kept[from].id) &&
      sameCaseFile(snap.caseFileIn, endCaseFiles.get(kept[from].id)!)
    )
      caseCode = b36(from);
    else caseCode = `j${toBase64Url(JSON.stringify(snap.caseFileIn))}`;
    if (a.endedAt) {
      const replay = resumeRun(compiled, snap);
      if (replay.ok) endCaseFiles.set(a.id, carryCaseFile(replay.run.context));
    }
    const start = seconds(a.startedAt);
    const end = a.endedAt ? b36(seconds(a.endedAt) - start) : '';
    const choices = snap.events.map((e) => encodeEvent(compiled, e)).join('');
    let prev = start;
    const times = withTimes
      ? snap.events
          .map((e) => {
            if (!e.at) return '';
            const t = seconds(e.at);
            const d = t - prev;
            prev = t;
            return b36(d);
          })
          .join('-')
      : '';
    return [
      b36(ids.indexOf(a.scenarioId)),
      b36(snap.scenarioVersion),
      scenarioSignature(compiled),
      b36(start),
      end,
      caseCode,
      b36(snap.events.length),
      choices,
      times,
      b36(snap.seed),
      snap.mode === 'practice' ? 'p' : '',
    ].join('.');
  });
  return [RESUME_FORMAT, state.course.version, ids.join(','), parts.join('~')].join('|');
}

/** Encodes within a limit: drops event times if it must (never a decision); reports whether it fits. */
export function encodeResumeWithin(state: CourseState, limit = SCORM12_SUSPEND_LIMIT): { text: string; fits: boolean } {
  const full = encodeResume(state);
  if (full.length <= limit) return { text: full, fits: true };
  const lean = encodeResume(state, { times: false });
  return { text: lean, fits: lean.length <= limit };
}

/** The result of decoding resume data. */
export type DecodeResult = { ok: true; attempts: AttemptState[]; problems: string[] } | { ok: false; reason: string };

/**
 * Rebuilds the kept attempts by replaying them on the loaded scenarios. An attempt that cannot be rebuilt
 * (its scenario changed its order of scenes or items, or is no longer in the course) is listed in `problems`
 * and left out; the others still resume.
 */
export async function decodeResume(
  text: string,
  load: (scenarioId: string) => Promise<CompiledScenario | undefined>,
): Promise<DecodeResult> {
  const top = text.split('|');
  if (top.length !== 4 || !READABLE_FORMATS.includes(top[0]))
    return {
      ok: false,
      reason: `the saved progress is not in a format this version of the course reads (${text.slice(0, 12)}…)`,
    };
  const ids = top[2] ? top[2].split(',') : [];
  const rows = top[3] ? top[3].split('~') : [];
  const attempts: AttemptState[] = [];
  const rowAttempt: (AttemptState | undefined)[] = [];
  const endCaseFiles: (CaseFile | undefined)[] = [];
  const problems: string[] = [];
  const num = (s: string) => (/^[0-9a-z]+$/.test(s) ? parseInt(s, 36) : NaN);
  for (const [r, row] of rows.entries()) {
    rowAttempt.push(undefined);
    endCaseFiles.push(undefined);
    const f = row.split('.');
    const scenarioId = ids[num(f[0])];
    const fields = top[0] === '1' ? 9 : 11;
    if (f.length !== fields || !scenarioId) {
      problems.push(`saved attempt ${r + 1} is damaged`);
      continue;
    }
    const [, verS, sig, startS, endS, caseCode, nS, choices, timesS, seedS, modeS] = f;
    const seed = seedS === undefined ? 0 : num(seedS);
    if (Number.isNaN(seed) || seed >= 2 ** 32 || (modeS !== undefined && modeS !== '' && modeS !== 'p')) {
      problems.push(`saved attempt ${r + 1} is damaged`);
      continue;
    }
    const compiled = await load(scenarioId);
    if (!compiled) {
      problems.push(`saved attempt ${r + 1} belongs to "${scenarioId}", which is not in this course`);
      continue;
    }
    const version = num(verS);
    if (sig !== scenarioSignature(compiled)) {
      problems.push(
        `saved attempt ${r + 1} at "${scenarioId}" was made on version ${version}, whose scenes or options have since changed; it cannot be resumed`,
      );
      continue;
    }
    let caseFileIn: CaseFile | undefined;
    if (caseCode === '') caseFileIn = emptyCaseFile();
    else if (caseCode === 'd') caseFileIn = defaultCaseFile(compiled);
    else if (caseCode.startsWith('j')) {
      try {
        caseFileIn = JSON.parse(fromBase64Url(caseCode.slice(1))) as CaseFile;
      } catch {
        caseFileIn = undefined;
      }
    } else caseFileIn = endCaseFiles[num(caseCode)];
    if (!caseFileIn) {
      problems.push(`saved attempt ${r + 1} at "${scenarioId}" started from a case file that could not be rebuilt`);
      continue;
    }
    const start = num(startS);
    const n = num(nS);
    const deltas = timesS ? timesS.split('-') : [];
    // Replay event by event: the scene the run is at says how many characters the next decision takes.
    const resumed = resumeRun(compiled, {
      snapshotVersion: SNAPSHOT_VERSION,
      scenarioId,
      seed,
      mode: modeS === 'p' ? 'practice' : 'assessed',
      scenarioVersion: compiled.scenario.version,
      caseFileIn,
      events: [],
    } satisfies AttemptSnapshot);
    if (!resumed.ok || Number.isNaN(start) || Number.isNaN(n)) {
      problems.push(`saved attempt ${r + 1} at "${scenarioId}" is damaged`);
      continue;
    }
    const run = resumed.run;
    let pos = 0;
    let t = start;
    let failed: string | undefined;
    for (let i = 0; i < n && !failed; i++) {
      const scene = compiled.scenes.get(run.sceneId)!;
      const kind = sceneKind(scene);
      if (deltas[i]) t += num(deltas[i]);
      const at = deltas[i] ? new Date(t * 1000).toISOString() : undefined;
      let ev: RunEvent | undefined;
      if (kind === 'narrative') ev = { type: 'scene.continued', sceneId: scene.id };
      else if (kind !== 'ending') {
        const items = sceneItems(scene).map((x) => x.id);
        const rationale = sceneRationale(scene) === 'required' ? { rationale: RATIONALE_NOT_STORED } : {};
        if (kind === 'choice') {
          const idx = B64.indexOf(choices[pos++] ?? '');
          if (idx >= 0 && idx < items.length)
            ev = { type: 'decision.made', sceneId: scene.id, choice: [items[idx]], ...rationale };
        } else {
          const len = maskChars(items.length);
          const chosen = decodeMask(items, choices.slice(pos, pos + len));
          pos += len;
          let verdict: string | undefined;
          if (kind === 'review') {
            verdict = sceneVerdicts(scene)[B64.indexOf(choices[pos++] ?? '')]?.id;
            if (!verdict) chosen?.splice(0);
          }
          if (chosen && (kind !== 'review' || verdict))
            ev = {
              type: 'decision.made',
              sceneId: scene.id,
              choice: chosen,
              ...(verdict ? { verdict } : {}),
              ...rationale,
            };
        }
      }
      if (!ev) failed = `decision ${i + 1} is damaged`;
      else if (!run.send(at ? { ...ev, at } : ev).ok) failed = `decision ${i + 1} no longer fits the scenario`;
    }
    if (!failed && pos !== choices.length) failed = 'it has more decisions than it says';
    if (failed) {
      problems.push(`saved attempt ${r + 1} at "${scenarioId}" cannot be resumed: ${failed}`);
      continue;
    }
    const endedAt = endS ? new Date((start + num(endS)) * 1000).toISOString() : undefined;
    const caseFromRow = /^[0-9a-z]+$/.test(caseCode) && caseCode !== 'd' ? num(caseCode) : -1;
    const rebuilt = run.snapshot();
    const snapshot =
      seedS === undefined ? migrateSnapshot({ ...rebuilt, snapshotVersion: 1, seed: undefined, mode: undefined }) : rebuilt;
    const attempt: AttemptState = {
      id: `${scenarioId}@${startS}`,
      scenarioId,
      startedAt: new Date(start * 1000).toISOString(),
      ...(endedAt ? { endedAt } : {}),
      ...(caseFromRow >= 0 && rowAttempt[caseFromRow] ? { caseFrom: rowAttempt[caseFromRow]!.id } : {}),
      snapshot,
      log: run.context.log,
    };
    rowAttempt[r] = attempt;
    if (endedAt) endCaseFiles[r] = carryCaseFile(run.context);
    attempts.push(attempt);
  }
  return { ok: true, attempts, problems };
}
