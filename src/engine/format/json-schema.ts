/** JSON Schema for editors, generated from the one zod schema source. */
import { z } from 'zod';
import { Course, References, Scenario } from './schema.ts';

/** The three JSON Schemas, by file name stem. */
export function jsonSchemas(): Record<string, unknown> {
  const make = (schema: z.ZodType, title: string) => ({
    ...(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>),
    title,
  });
  return {
    scenario: make(Scenario, 'Callout scenario (formatVersion 1)'),
    course: make(Course, 'Callout course manifest (formatVersion 1)'),
    references: make(References, 'Callout references (formatVersion 1)'),
  };
}
