/**
 * `npm run schema`: writes scenarios/schema/{scenario,course,references}.schema.json from the zod schema, for
 * editors' autocompletion. A test fails when the committed files differ from what this would write.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { jsonSchemas } from './json-schema.ts';

mkdirSync('scenarios/schema', { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(`scenarios/schema/${name}.schema.json`, JSON.stringify(schema, null, 2) + '\n');
  process.stdout.write(`wrote scenarios/schema/${name}.schema.json\n`);
}
