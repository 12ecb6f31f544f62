/**
 * The content plugin: at build and dev time it loads the course with the engine's loader, fails the build
 * with the engine's formatted issues when there are errors, and serves the course to the browser as virtual
 * modules (so YAML parsing and schema validation never reach the learner's bundle):
 *
 * - `virtual:callout/course`: the manifest without page texts, each scenario's metadata and loaders for the
 *   rest (small: the home imports it);
 * - `virtual:callout/scenario/<id>`: one scenario's full JSON, its own lazily imported chunk;
 * - `virtual:callout/pages`, `virtual:callout/references`: the introduction pages and the references;
 * - `virtual:callout/i18n/<lng>/home|course|<scenario-id>`: translation bundles from
 *   `locales/<lng>/scenarios/`, one chunk each, imported for the active language only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { loadCourse, type LoadedCourse } from '../engine/format/load.ts';
import { formatIssue } from '../engine/checker/format-report.ts';
import { nodeReader } from './node-reader.ts';
import type { Bundle, CourseIndex, HomeTranslations, ScenarioMeta } from './content.types.ts';

const PREFIX = 'virtual:callout/';
const RESOLVED = '\0' + PREFIX;

/** Scenario fields the home shows, for picking their translations out of a scenario's bundle. */
const META_KEY = /^(title|summary|role|contentNotes\.\d+|learningOutcomes\.\d+)$/;

export interface ContentOptions {
  /** Path of the course manifest, relative to the project root. Default: `CALLOUT_COURSE` or scenarios/course.yaml. */
  manifest?: string;
  /** Folder of locale files. Default: locales. */
  localesDir?: string;
}

interface Built {
  loaded: LoadedCourse;
  index: CourseIndex;
  meta: ScenarioMeta[];
  /** Languages with scenario translations, e.g. ['cy']. */
  languages: string[];
  warnings: string[];
}

function readBundle(file: string): Bundle {
  if (!existsSync(file)) return {};
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const out: Bundle = {};
    for (const [k, v] of Object.entries(raw)) {
      if (v && typeof v === 'object' && typeof (v as Bundle[string]).text === 'string')
        out[k] = { text: (v as Bundle[string]).text, source: String((v as Bundle[string]).source ?? '') };
    }
    return out;
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Loads and checks the course; throws a readable error listing every issue when there are errors. */
export function buildCourse(root: string, options: ContentOptions = {}): Built {
  const manifest = options.manifest ?? process.env.CALLOUT_COURSE ?? 'scenarios/course.yaml';
  const loaded = loadCourse(nodeReader, manifest.startsWith('/') ? manifest : join(root, manifest).replace(/\\/g, '/'));
  const rel = (f: string) => (f.startsWith(root) ? f.slice(root.length + 1) : f);
  // A scenario that is listed but not written yet is left out with a warning, so the course can be built
  // while it is being written; `npm run check:scenarios` still reports it as an error.
  const missing = loaded.issues.filter((i) => i.code === 'missing-file' && i.file.endsWith('.yaml') && !i.file.endsWith('course.yaml'));
  const errors = loaded.issues.filter((i) => i.severity === 'error' && !missing.includes(i));
  if (errors.length || !loaded.course || !loaded.references) {
    const lines = errors.map((i) => formatIssue({ ...i, file: rel(i.file) }));
    throw new Error(`The course in ${manifest} has ${errors.length || 'unreadable'} error(s); fix them and build again:\n${lines.join('\n')}`);
  }
  const course = loaded.course;
  const present = course.scenarios.filter((id) => loaded.scenarios.has(id));
  const cases = (course.cases ?? []).map((c) => ({ ...c, parts: c.parts.filter((p) => present.includes(p)) }));
  const meta: ScenarioMeta[] = present.map((id) => {
    const s = loaded.scenarios.get(id)!.scenario;
    const c = (course.cases ?? []).find((x) => x.parts.includes(id));
    return {
      id,
      version: s.version,
      title: s.title,
      summary: s.summary,
      estimatedMinutes: s.estimatedMinutes,
      role: s.role,
      contentNotes: s.contentNotes ?? [],
      learningOutcomes: s.learningOutcomes ?? [],
      ...(s.classroom ? { classroom: true } : {}),
      ...(c ? { case: { id: c.id, title: c.title, part: c.parts.indexOf(id) + 1, parts: c.parts } } : {}),
    };
  });
  const index: CourseIndex = {
    id: course.id,
    version: course.version,
    title: course.title,
    summary: course.summary,
    scenarios: present,
    cases,
    scoring: course.scoring,
    pages: (course.pages ?? []).map(({ text: _t, ...p }) => p),
    support: course.support ?? [],
    criticalErrors: (course.criticalErrors ?? []).map((c) => ({ id: c.id, title: c.title })),
  };
  const localesDir = join(root, options.localesDir ?? 'locales');
  const languages = existsSync(localesDir)
    ? readdirSync(localesDir).filter((l) => l !== 'en-GB' && existsSync(join(localesDir, l, 'scenarios')))
    : [];
  return { loaded, index, meta, languages, warnings: missing.map((i) => `${rel(i.file)} does not exist yet: it is left out of this build`) };
}

function pick(bundle: Bundle, keep: (key: string) => boolean): Bundle {
  return Object.fromEntries(Object.entries(bundle).filter(([k]) => keep(k)));
}

/** The Vite plugin. */
export function calloutContent(options: ContentOptions = {}): Plugin {
  let root = process.cwd();
  let built: Built | undefined;
  const localesDir = () => join(root, options.localesDir ?? 'locales');
  const get = () => (built ??= buildCourse(root, options));
  const js = (value: unknown) => `export default ${JSON.stringify(value)};`;

  return {
    name: 'callout-content',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
    },
    buildStart() {
      built = undefined;
      const b = get();
      for (const w of b.warnings) this.warn(w);
      // Rebuild in watch mode when course files change.
      for (const { file } of b.loaded.scenarios.values()) this.addWatchFile(resolve(root, file));
    },
    resolveId(id) {
      if (id.startsWith(PREFIX)) return '\0' + id;
      return undefined;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return undefined;
      const path = id.slice(RESOLVED.length);
      const b = get();
      if (path === 'course') {
        const scenarioLoaders = b.index.scenarios
          .map((s) => `${JSON.stringify(s)}: () => import(${JSON.stringify(PREFIX + 'scenario/' + s)}).then((m) => m.default)`)
          .join(',\n');
        const i18n = b.languages
          .map((lng) => {
            const files = ['home', 'course', ...b.index.scenarios]
              .map((s) => `${JSON.stringify(s)}: () => import(${JSON.stringify(`${PREFIX}i18n/${lng}/${s}`)}).then((m) => m.default)`)
              .join(',\n');
            return `${JSON.stringify(lng)}: {\n${files}\n}`;
          })
          .join(',\n');
        return [
          `export const course = ${JSON.stringify(b.index)};`,
          `export const scenarioMeta = ${JSON.stringify(b.meta)};`,
          `export const scenarioLoaders = {\n${scenarioLoaders}\n};`,
          `export const loadPages = () => import(${JSON.stringify(PREFIX + 'pages')}).then((m) => m.default);`,
          `export const loadReferences = () => import(${JSON.stringify(PREFIX + 'references')}).then((m) => m.default);`,
          `export const translationLoaders = {\n${i18n}\n};`,
        ].join('\n');
      }
      if (path === 'pages') return js({ pages: b.loaded.course!.pages ?? [] });
      if (path === 'references') return js(b.loaded.references!.references);
      if (path.startsWith('scenario/')) {
        const s = b.loaded.scenarios.get(path.slice('scenario/'.length));
        if (!s) throw new Error(`no scenario ${path}`);
        return js(s.scenario);
      }
      const m = /^i18n\/([^/]+)\/(.+)$/.exec(path);
      if (m) {
        const [, lng, what] = m;
        const dir = join(localesDir(), lng, 'scenarios');
        const file = (name: string) => join(dir, `${name}.json`);
        this.addWatchFile?.(dir);
        if (what === 'home') {
          const home: HomeTranslations = {
            course: pick(readBundle(file('course')), (k) => !/^pages\.[^.]+\.text$/.test(k)),
            scenarios: Object.fromEntries(
              b.index.scenarios.map((s) => [s, pick(readBundle(file(s)), (k) => META_KEY.test(k))]),
            ),
          };
          return js(home);
        }
        return js(readBundle(file(what)));
      }
      throw new Error(`unknown content module ${id}`);
    },
    configureServer(server: ViteDevServer) {
      const watched = [join(root, dirname(options.manifest ?? process.env.CALLOUT_COURSE ?? 'scenarios/course.yaml')), localesDir()];
      server.watcher.add(watched);
      const onChange = (file: string) => {
        if (!/\.(ya?ml|json)$/.test(file) || !watched.some((d) => file.startsWith(d))) return;
        if (file.startsWith(localesDir()) && !file.includes(`${'/'}scenarios${'/'}`)) return;
        built = undefined;
        try {
          get();
        } catch (e) {
          server.config.logger.error((e as Error).message);
          server.ws.send({ type: 'error', err: { message: (e as Error).message, stack: '' } });
          return;
        }
        for (const mod of server.moduleGraph.idToModuleMap.values())
          if (mod.id?.startsWith(RESOLVED)) server.moduleGraph.invalidateModule(mod);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}
