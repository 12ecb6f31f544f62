import { nodeReader } from '../../src/content/node-reader';
import { loadCourse } from '../../src/engine/format/load';
import { compileScenario } from '../../src/engine/run/compile';

/** Reads files from disk for the engine's loader (the app's build-time reader). */
export { nodeReader };

/** Loads and compiles the example course (scenarios/examples); throws if it has errors. */
export function exampleCourse() {
  const loaded = loadCourse(nodeReader, 'scenarios/examples/course.yaml');
  const errors = loaded.issues.filter((i) => i.severity === 'error');
  if (errors.length) throw new Error(errors.map((e) => `${e.file}:${e.line} ${e.message}`).join('\n'));
  const get = (id: string) => compileScenario(loaded.scenarios.get(id)!.scenario);
  return { loaded, course: loaded.course!, partA: get('example-part-a'), partB: get('example-part-b') };
}
