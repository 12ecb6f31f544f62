/**
 * The scenario format, formatVersion 1: the one schema source. It gives the TypeScript types (`z.infer`),
 * the runtime validation (`safeParse`) and the JSON Schema for editors (`npm run schema`).
 *
 * This module imports zod, so only build-time code (the Vite plugin, the checker, tests) may import it as a
 * value. Runtime code imports its *types* only (`import type`), which keeps zod out of the learner's bundle.
 */
import { z } from 'zod';

/** The format versions this engine reads. */
export const FORMAT_VERSION = 1;

const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const flagPattern = /^[a-z0-9]+([.-][a-z0-9]+)*$/;
const refPattern = /^[A-Z0-9]+(-[A-Z0-9]+)*$/;
const clockPattern = /^(\+\d+ )?([01]\d|2[0-3]):[0-5]\d$/;

/** A stable, kebab-case id. */
export const Id = z.string().regex(idPattern, 'must be kebab-case: lowercase letters, digits and single hyphens');
/** A flag name: kebab-case, dots allowed (`rec.missing-phone`). */
export const Flag = z.string().regex(flagPattern, 'must be kebab-case; dots allowed between words');
/** A tag that makes a record entry searchable. */
export const Tag = Flag;
/** A reference id in references.yaml: uppercase letters, digits and hyphens (`REC-INTEL`). */
export const RefId = z.string().regex(refPattern, 'must be uppercase letters, digits and hyphens, e.g. REC-INTEL');
/** One of the five failings. */
export const Failing = z.enum(['F1', 'F2', 'F3', 'F4', 'F5']);
/** In-game clock time, `HH:MM`, optionally `+N HH:MM` for N days later. */
export const ClockTime = z.string().regex(clockPattern, 'must be a time like "05:10" or "+1 05:10"');
/** Text in the safe Markdown subset (checked separately for HTML, links and headings). */
export const Text = z.string().trim().min(1, 'must not be empty');

const Mark = z.number().int().min(-3).max(3);
/** Marks per failing; omitted failings are 0. */
export const Marks = z.strictObject({ F1: Mark, F2: Mark, F3: Mark, F4: Mark, F5: Mark }).partial();

/** A condition on the run's state. */
export type Condition =
  | { flag: string }
  | { fact: string }
  | { recorded: string }
  | { seized: string }
  | { chose: { scene: string; option: string } }
  | { found: string }
  | { after: string }
  | { before: string }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { atLeast: number; of: Condition[] };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ flag: Flag }),
    z.strictObject({ fact: Id }),
    z.strictObject({ recorded: Tag }),
    z.strictObject({ seized: Id }),
    z.strictObject({ chose: z.strictObject({ scene: Id, option: Id }) }),
    z.strictObject({ found: Id }),
    z.strictObject({ after: ClockTime }),
    z.strictObject({ before: ClockTime }),
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
    z.strictObject({ atLeast: z.number().int().min(1), of: z.array(Condition).min(1) }),
  ]),
);

/** What committing an item, or entering a scene, changes. */
export const Effects = z.strictObject({
  set: z.array(Flag).optional(),
  clear: z.array(Flag).optional(),
  reveal: z.array(Id).optional(),
  seize: z.array(Id).optional(),
  minutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 60)
    .optional(),
});

/** Where to go next: a scene id, or branches tried in order (the last without `when`). */
export const Next = z.union([Id, z.array(z.strictObject({ when: Condition.optional(), to: Id })).min(1)]);

/** The assessment rules the checker applies, which a decision may waive with a written reason. */
export const AssessmentRule = z.enum(['length-balance', 'longest-share', 'dilemma', 'record-budget']);

/**
 * A critical error: the id of its category in `course.yaml`'s `criticalErrors` taxonomy. `true` is still read
 * (files written before the taxonomy), but the checker reports an item that names no category.
 */
export const Critical = z.union([z.literal(true), Id]);

/** Where an item stays when the list is shuffled: `first` or `last` (e.g. "do nothing yet"); unpinned items are shuffled. */
export const Pin = z.enum(['first', 'last']);

const scoredItemFields = {
  id: Id,
  text: Text,
  pin: Pin.optional(),
  when: Condition.optional(),
  marks: Marks.optional(),
  critical: Critical.optional(),
  feedback: Text.optional(),
  refs: z.array(RefId).optional(),
  effects: Effects.optional(),
};

/** A single-choice option. */
export const ChoiceOption = z.strictObject({ ...scoredItemFields, next: Next.optional() });
export const Rationale = z.enum(['required', 'optional']);

/** A written reason for not applying one assessment rule to one decision. */
export const Waiver = z.strictObject({ rule: AssessmentRule, reason: Text });

const rationaleFields = {
  rationale: Rationale.optional(),
  rationalePrompt: Text.optional(),
  /** A short model answer, shown on the debrief beside the learner's own rationale. */
  modelRationale: Text.optional(),
  /** Assessment rules this decision does not follow, each with the reason a reviewer would accept. */
  waive: z.array(Waiver).optional(),
};

export const Choice = z.strictObject({
  prompt: Text,
  ...rationaleFields,
  options: z.array(ChoiceOption).min(2),
  next: Next.optional(),
});

export const Budget = z.union([
  z.strictObject({ count: z.number().int().min(1) }),
  z.strictObject({ minutes: z.number().int().min(1) }),
]);

export const Action = z.strictObject({
  ...scoredItemFields,
  minutes: z.number().int().min(0).optional(),
  findings: Text.optional(),
});

export const Actions = z.strictObject({
  prompt: Text,
  ...rationaleFields,
  budget: Budget,
  options: z.array(Action).min(2),
  next: Next,
});

export const RecordKind = z.enum([
  'report-of-death',
  'intelligence',
  'incident-log',
  'crime-report',
  'statement',
  'note',
]);

export const RecordEntryItem = z.strictObject({ ...scoredItemFields, tags: z.array(Tag).optional() });

export const RecordWriting = z.strictObject({
  id: Id,
  kind: RecordKind,
  title: Text,
  prompt: Text,
  ...rationaleFields,
  minEntries: z.number().int().min(0).optional(),
  /** At most this many entries: the record's length limit. */
  budget: z.strictObject({ count: z.number().int().min(1) }).optional(),
  entries: z.array(RecordEntryItem).min(2),
  next: Next,
});

export const SearchTerm = z.strictObject({ ...scoredItemFields, tags: z.array(Tag).min(1) });

export const Search = z.strictObject({
  prompt: Text,
  ...rationaleFields,
  budget: z.strictObject({ count: z.number().int().min(1) }).optional(),
  terms: z.array(SearchTerm).min(1),
  next: Next,
});

export const ReviewIssue = z.strictObject({ ...scoredItemFields, flaw: z.boolean() });

export const Review = z.strictObject({
  document: z.strictObject({ title: Text, author: Text.optional(), text: Text }),
  prompt: Text,
  ...rationaleFields,
  issues: z.array(ReviewIssue).min(1),
  verdicts: z.array(ChoiceOption).min(2),
  next: Next.optional(),
});

export const Inject = z.strictObject({ id: Id, title: Text, text: Text });

export const Facilitator = z.strictObject({
  prompts: z.array(Text).optional(),
  notes: Text.optional(),
  injects: z.array(Inject).optional(),
});

export const Block = z.strictObject({
  id: Id,
  speaker: Text.optional(),
  text: Text,
  when: Condition.optional(),
});

export const Ending = z.strictObject({ debrief: Text });

export const Scene = z
  .strictObject({
    id: Id,
    title: Text,
    text: Text.optional(),
    blocks: z.array(Block).optional(),
    /** Sets the story clock on entering the scene (it never runs backwards: an earlier time is ignored). */
    clock: ClockTime.optional(),
    reveal: z.array(Id).optional(),
    effects: Effects.optional(),
    facilitator: Facilitator.optional(),
    choice: Choice.optional(),
    actions: Actions.optional(),
    record: RecordWriting.optional(),
    search: Search.optional(),
    review: Review.optional(),
    next: Next.optional(),
    ending: Ending.optional(),
  })
  .superRefine((scene, ctx) => {
    const kinds = (['choice', 'actions', 'record', 'search', 'review', 'next', 'ending'] as const).filter(
      (k) => scene[k] !== undefined,
    );
    if (kinds.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message:
          kinds.length === 0
            ? 'a scene needs exactly one of choice, actions, record, search, review, next or ending'
            : `a scene needs exactly one of choice, actions, record, search, review, next or ending; this one has ${kinds.join(', ')}`,
      });
    }
  });

export const Fact = z.strictObject({
  id: Id,
  text: Text,
  kind: z.enum(['observation', 'account', 'check', 'document']).optional(),
});

export const Exhibit = z.strictObject({ id: Id, label: Text, ref: Text });

export const RecordEntry = z.strictObject({ id: Id, text: Text, tags: z.array(Tag).optional() });

/** A record on a police system, written by a fictional colleague (or, in a case file, by the learner). */
export const RecordDoc = z.strictObject({
  id: Id,
  kind: RecordKind,
  title: Text,
  author: Text,
  date: Text.optional(),
  entries: z.array(RecordEntry).min(1),
});

export const DefaultCaseFile = z.strictObject({
  description: Text,
  flags: z.array(Flag).optional(),
  facts: z.array(z.strictObject({ id: Id, text: Text })).optional(),
  exhibits: z.array(Exhibit).optional(),
  records: z.array(RecordDoc).optional(),
});

export const Consequence = z.strictObject({ id: Id, title: Text, text: Text, when: Condition });

export const Scenario = z.strictObject({
  $schema: z.string().optional(),
  formatVersion: z.literal(FORMAT_VERSION),
  id: Id,
  version: z.number().int().min(1),
  title: Text,
  summary: Text,
  estimatedMinutes: z.number().int().min(1).max(240),
  role: Text,
  contentNotes: z.array(Text),
  learningOutcomes: z.array(Text).min(1),
  themes: z.array(RefId).optional(),
  classroom: z.boolean().optional(),
  startTime: ClockTime,
  start: Id,
  facts: z.array(Fact).optional(),
  exhibits: z.array(Exhibit).optional(),
  records: z.array(RecordDoc).optional(),
  defaultCaseFile: DefaultCaseFile.optional(),
  consequences: z.array(Consequence).optional(),
  renamed: z
    .strictObject({
      scenes: z.record(z.string(), Id).optional(),
      options: z.record(z.string(), Id).optional(),
    })
    .optional(),
  scenes: z.array(Scene).min(2),
});

export const Page = z.strictObject({
  id: Id,
  title: Text,
  text: Text,
  optional: z.boolean().optional(),
  contentNotes: z.array(Text).optional(),
});

export const SupportEntry = z.strictObject({
  id: Id,
  name: Text,
  contact: Text.optional(),
  text: Text,
  verified: z.boolean(),
});

/** One category of critical error: what it is and the rule for when a behaviour is critical. */
export const CriticalErrorCategory = z.strictObject({
  id: Id,
  title: Text,
  description: Text,
  rule: Text,
});

export const Course = z.strictObject({
  $schema: z.string().optional(),
  formatVersion: z.literal(FORMAT_VERSION),
  id: Id,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.0.0'),
  title: Text,
  summary: Text,
  references: z.string().min(1),
  scenarios: z.array(Id).min(1),
  cases: z.array(z.strictObject({ id: Id, title: Text, parts: z.array(Id).min(2) })).optional(),
  scoring: z.strictObject({
    failingMet: z.number().gt(0).max(1),
    competent: z.strictObject({
      overall: z.number().gt(0).max(1),
      everyFailingMet: z.boolean(),
      maxCriticalErrors: z.number().int().min(0),
    }),
  }),
  /** The taxonomy of critical errors; every critical item in a scenario names one of these. */
  criticalErrors: z.array(CriticalErrorCategory).optional(),
  pages: z.array(Page).optional(),
  support: z.array(SupportEntry).optional(),
});

export const Reference = z.strictObject({
  id: RefId,
  kind: z.enum(['theme', 'report', 'chapter', 'guidance', 'legislation', 'learning']),
  title: Text,
  source: Text,
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
    .optional(),
  failings: z.array(Failing).optional(),
  verified: z.boolean(),
  reportNumber: z.number().int().min(1).nullable().optional(),
  note: Text.optional(),
});

export const References = z.strictObject({
  $schema: z.string().optional(),
  formatVersion: z.literal(FORMAT_VERSION),
  references: z.array(Reference).min(1),
});
