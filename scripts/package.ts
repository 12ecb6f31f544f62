/**
 * `npm run package -- --target scorm12|scorm2004|cmi5|web|all`: builds the app with Vite for one reporting
 * target (relative base so it runs from any LMS folder; the reporting target baked in), writes the manifest
 * (imsmanifest.xml or cmi5.xml) and zips it all to dist-packages/<target>.zip. Every file the manifest names
 * is checked to be in the package; the package fetches nothing from the internet at run time.
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { build } from 'vite';
import { loadCourse, type FileReader } from '../src/engine/format/load.ts';
import {
  cmi5Problems,
  cmi5Xml,
  scorm12Manifest,
  scorm2004Manifest,
  scormManifestProblems,
  type ManifestCourse,
} from './package-manifests.ts';

export const TARGETS = ['scorm12', 'scorm2004', 'cmi5', 'web'] as const;
export type PackageTarget = (typeof TARGETS)[number];

const root = resolve(import.meta.dirname, '..');

const reader: FileReader = {
  read: (p) => {
    try {
      return new Uint8Array(readFileSync(p));
    } catch {
      return undefined;
    }
  },
  size: (p) => {
    try {
      return statSync(p).size;
    } catch {
      return undefined;
    }
  },
};

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
  );
}

/** The course facts a manifest needs, from course.yaml. */
export function manifestCourse(manifest = process.env.CALLOUT_COURSE ?? 'scenarios/course.yaml'): ManifestCourse {
  const loaded = loadCourse(reader, join(root, manifest));
  if (!loaded.course) throw new Error(`cannot read ${manifest}: ${loaded.issues.map((i) => i.message).join('; ')}`);
  const c = loaded.course;
  return {
    id: c.id,
    version: c.version,
    title: c.title,
    summary: c.summary,
    masteryRatio: c.scoring.competent.overall,
    failingMet: c.scoring.failingMet,
  };
}

/** Files that would reach outside the package at run time: absolute http(s) URLs in HTML, JS or CSS. */
export function externalReferences(files: Map<string, Uint8Array>): string[] {
  const out: string[] = [];
  const dec = new TextDecoder();
  for (const [name, bytes] of files) {
    if (!/\.(html|css)$/.test(name)) continue;
    const text = dec.decode(bytes);
    for (const m of text.matchAll(
      /(?:src|href)\s*=\s*["'](https?:)?\/\/[^"']+["']|url\(\s*["']?(https?:)?\/\/[^)]+\)|@import\s+["']https?:/g,
    ))
      out.push(`${name}: ${m[0]}`);
  }
  return out;
}

/** Builds one package; returns the zip's path and its file list. */
export async function packageTarget(target: PackageTarget, opts: { outDir?: string; quiet?: boolean } = {}) {
  const outRoot = resolve(root, opts.outDir ?? 'dist-packages');
  const buildDir = join(outRoot, target);
  rmSync(buildDir, { recursive: true, force: true });
  process.env.VITE_CALLOUT_REPORTING = target;
  // Always a production build, even when called from a test runner that sets NODE_ENV=test.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  await build({
    mode: 'production',
    root,
    configFile: join(root, 'vite.config.ts'),
    base: './',
    logLevel: opts.quiet ? 'warn' : 'info',
    build: { outDir: buildDir, emptyOutDir: true },
  }).finally(() => {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  });
  const course = manifestCourse();
  const files = new Map<string, Uint8Array>();
  for (const f of walk(buildDir))
    files.set(relative(buildDir, f).split('\\').join('/'), new Uint8Array(readFileSync(f)));
  const names = [...files.keys()];
  let problems: string[] = [];
  if (target === 'scorm12' || target === 'scorm2004') {
    const xml = target === 'scorm12' ? scorm12Manifest(course, names) : scorm2004Manifest(course, names);
    files.set('imsmanifest.xml', new TextEncoder().encode(xml));
    problems = scormManifestProblems(xml, target === 'scorm12' ? '1.2' : '2004', new Set(files.keys())).map(
      (p) => p.message,
    );
  } else if (target === 'cmi5') {
    const xml = cmi5Xml(course);
    files.set('cmi5.xml', new TextEncoder().encode(xml));
    problems = cmi5Problems(xml, new Set(files.keys())).map((p) => p.message);
  }
  problems.push(...externalReferences(files).map((r) => `fetches from the internet at run time: ${r}`));
  if (problems.length) throw new Error(`the ${target} package has problems:\n- ${problems.join('\n- ')}`);
  for (const [name, bytes] of files)
    if (name === 'imsmanifest.xml' || name === 'cmi5.xml') writeFileSync(join(buildDir, name), bytes);
  mkdirSync(outRoot, { recursive: true });
  const zip = zipSync(Object.fromEntries([...files].map(([n, b]) => [n, [b, { level: 9 }]])) as never, {
    mtime: new Date('2025-01-01T00:00:00Z'),
  });
  const zipPath = join(outRoot, `${target}.zip`);
  writeFileSync(zipPath, zip);
  return { zipPath, buildDir, files: [...files.keys()].sort(), bytes: zip.length };
}

function parseTargets(argv: string[]): PackageTarget[] {
  const i = argv.indexOf('--target');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--target='))?.slice('--target='.length);
  if (!value) throw new Error(`say which package to build: --target ${TARGETS.join('|')}|all`);
  if (value === 'all') return [...TARGETS];
  const list = value.split(',');
  for (const t of list)
    if (!(TARGETS as readonly string[]).includes(t))
      throw new Error(`unknown target "${t}"; use ${TARGETS.join(', ')} or all`);
  return list as PackageTarget[];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    for (const target of parseTargets(process.argv.slice(2))) {
      const r = await packageTarget(target);
      console.log(
        `${target}: ${relative(root, r.zipPath)} (${r.files.length} files, ${(r.bytes / 1024).toFixed(0)} KB)`,
      );
    }
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
