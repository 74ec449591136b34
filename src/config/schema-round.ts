/**
 * The round file, `config/rounds/<anything>.yaml`. Keys are snake_case in
 * YAML and map to the camelCase {@link RoundDefinition} model.
 *
 * ```yaml
 * id: 2024-1                         # required, letters (any script), digits, . _ -
 * committee: regional-coprosperity   # id of a committee file
 * title: "'24년 제1차 지역상생발전위원회 서면자문"
 * description: ...                   # optional
 * window:                            # local times in the committee's zone
 *   opens: 2024-02-08 09:00          # or 2024-02-08T09:00
 *   closes: 2024-02-15 18:00         # must be after opens
 * anonymous: false                   # default false: the summary names members
 * allow_late: false                  # default false: no answers after closing
 * reminders:                         # omitted → DEFAULT_REMINDER_POLICY
 *   slots:
 *     - { business_days_before: 2, at: '10:00' }
 *     - { last_business_day: '09:30' }
 *     - { hours_before: 3 }
 *   grace_minutes: 120               # default 120
 * report: …                          # optional, see schema-office.ts
 * materials: …                       # optional, also per agenda item; see schema-materials.ts
 * agenda:                            # at least one item
 *   - id: '1'                        # default: position, '1', '2', …
 *     title: 서울시 지역상생교류 추진
 *     description: ...               # optional
 *     questions:                     # at least one
 *       - id: '1.1'                  # default '<item id>.<position>'
 *         prompt: ...
 *         help: ...                  # optional
 *         kind: long_text            # long_text (default) | short_text |
 *                                    # single_choice | multi_choice | scale
 *         options: [..]              # choice kinds only, required, unique
 *         scale: { min: 1, max: 5, min_label: .., max_label: .. }
 *                                    # scale only; default 1..5
 *         required: true             # default true
 *         max_length: 4000           # 1..20000; default 4000 long_text, 500 otherwise
 * ```
 *
 * Checks that span several keys (duplicate ids, options against kind,
 * scale bounds, window order) live in `check-round.ts`.
 */
import { z } from 'zod';
import { presetPolicy } from '../core/rounds/reminder-presets.ts';
import {
  QUESTION_KINDS,
  type AgendaItem,
  type Question,
  type QuestionKind,
  type ReminderPolicy,
  type ReminderSlot,
  type RoundDefinition,
} from '../core/model.ts';
import { idSchema, localDateTimeSchema, textSchema, timeOfDaySchema } from './schema-primitives.ts';
import { roundReportSchema } from './schema-office.ts';
import { collectMaterials, materialsSchema } from './schema-materials.ts';

/** Reminders when a round file has no `reminders` key: the chat form's `standard` preset. */
export const DEFAULT_REMINDER_POLICY: ReminderPolicy = presetPolicy('standard');

/** Longest text answer accepted when `max_length` is omitted, per kind. */
const DEFAULT_MAX_LENGTH = { long_text: 4000, other: 500 } as const;
/** Upper bound of `max_length`. */
const MAX_MAX_LENGTH = 20000;
/** Scale range when a `scale` question has no `scale` key. */
const DEFAULT_SCALE = { min: 1, max: 5 } as const;

/** Question kinds that take `options`. */
export const CHOICE_KINDS: readonly QuestionKind[] = ['single_choice', 'multi_choice'];

/** Default id of the agenda item at zero-based `index`: `1`, `2`, … */
export function defaultItemId(index: number): string {
  return String(index + 1);
}

/** Default id of question `index` (zero-based) of item `itemId`: `1.1`, `1.2`, … */
export function defaultQuestionId(itemId: string, index: number): string {
  return `${itemId}.${index + 1}`;
}

const kindSchema = z.enum(QUESTION_KINDS as unknown as [QuestionKind, ...QuestionKind[]], {
  error: (issue) =>
    typeof issue.input === 'string'
      ? `unknown question kind '${issue.input}'; valid kinds: ${QUESTION_KINDS.join(', ')}`
      : undefined,
});

const questionSchema = z.strictObject({
  id: idSchema.optional(),
  prompt: textSchema,
  help: textSchema.optional(),
  kind: kindSchema.default('long_text'),
  options: z.array(textSchema).optional(),
  scale: z
    .strictObject({
      min: z.int(),
      max: z.int(),
      min_label: textSchema.optional(),
      max_label: textSchema.optional(),
    })
    .optional(),
  required: z.boolean().default(true),
  max_length: z.int().min(1).max(MAX_MAX_LENGTH).optional(),
});

const agendaItemSchema = z.strictObject({
  id: idSchema.optional(),
  title: textSchema,
  description: textSchema.optional(),
  questions: z.array(questionSchema).min(1, { error: 'must list at least one question' }),
  materials: materialsSchema.optional(),
});

const SLOT_KEYS = 'business_days_before (with at), last_business_day or hours_before';

/** One reminder slot: exactly one of the three forms. */
const slotSchema = z
  .strictObject({
    business_days_before: z.int().min(1).max(30).optional(),
    at: timeOfDaySchema.optional(),
    last_business_day: timeOfDaySchema.optional(),
    hours_before: z.int().min(1).max(720).optional(),
  })
  .transform((s, ctx): ReminderSlot => {
    const forms = [s.business_days_before, s.last_business_day, s.hours_before].filter((v) => v !== undefined);
    if (forms.length !== 1) {
      ctx.issues.push({ code: 'custom', message: `must have exactly one of ${SLOT_KEYS}`, input: s });
      return z.NEVER;
    }
    if (s.business_days_before !== undefined) {
      if (s.at === undefined) {
        ctx.issues.push({ code: 'custom', message: 'required with business_days_before', input: s, path: ['at'] });
        return z.NEVER;
      }
      return { kind: 'business_days_before', days: s.business_days_before, at: s.at };
    }
    if (s.at !== undefined) {
      ctx.issues.push({ code: 'custom', message: 'only allowed with business_days_before', input: s, path: ['at'] });
      return z.NEVER;
    }
    if (s.last_business_day !== undefined) return { kind: 'last_business_day', at: s.last_business_day };
    return { kind: 'hours_before', hours: s.hours_before ?? 0 };
  });

const remindersSchema = z.strictObject({
  slots: z.array(slotSchema).optional(),
  grace_minutes: z.int().min(0).max(1440).default(DEFAULT_REMINDER_POLICY.graceMinutes),
});

type RawQuestion = z.output<typeof questionSchema>;

function toQuestion(q: RawQuestion, id: string): Question {
  const question: Question = {
    id,
    prompt: q.prompt,
    kind: q.kind,
    required: q.required,
    maxLength: q.max_length ?? (q.kind === 'long_text' ? DEFAULT_MAX_LENGTH.long_text : DEFAULT_MAX_LENGTH.other),
  };
  if (q.help !== undefined) question.help = q.help;
  if (q.options !== undefined) question.options = q.options;
  if (q.kind === 'scale') {
    const s = q.scale ?? DEFAULT_SCALE;
    question.scale = { min: s.min, max: s.max };
    if (q.scale?.min_label !== undefined) question.scale.minLabel = q.scale.min_label;
    if (q.scale?.max_label !== undefined) question.scale.maxLabel = q.scale.max_label;
  }
  return question;
}

function toAgenda(items: ReadonlyArray<z.output<typeof agendaItemSchema>>): AgendaItem[] {
  return items.map((item, i) => {
    const id = item.id ?? defaultItemId(i);
    const agendaItem: AgendaItem = {
      id,
      title: item.title,
      questions: item.questions.map((q, j) => toQuestion(q, q.id ?? defaultQuestionId(id, j))),
    };
    if (item.description !== undefined) agendaItem.description = item.description;
    return agendaItem;
  });
}

/** Parses one round file's content (already read from YAML) into a {@link RoundDefinition}. */
export const roundSchema = z
  .strictObject({
    id: idSchema,
    committee: idSchema,
    title: textSchema,
    description: textSchema.optional(),
    agenda: z.array(agendaItemSchema).min(1, { error: 'must list at least one agenda item' }),
    window: z.strictObject({ opens: localDateTimeSchema, closes: localDateTimeSchema }),
    report: roundReportSchema.optional(),
    materials: materialsSchema.optional(),
    anonymous: z.boolean().default(false),
    allow_late: z.boolean().default(false),
    reminders: remindersSchema.optional(),
  })
  .transform((r): RoundDefinition => {
    const round: RoundDefinition = {
      id: r.id,
      committeeId: r.committee,
      title: r.title,
      agenda: toAgenda(r.agenda),
      window: { opens: r.window.opens, closes: r.window.closes },
      anonymous: r.anonymous,
      allowLate: r.allow_late,
      reminders: {
        slots: r.reminders?.slots ?? DEFAULT_REMINDER_POLICY.slots.map((s) => ({ ...s })),
        graceMinutes: r.reminders?.grace_minutes ?? DEFAULT_REMINDER_POLICY.graceMinutes,
      },
    };
    if (r.description !== undefined) round.description = r.description;
    if (r.report !== undefined) round.report = r.report;
    const materials = collectMaterials(
      r.materials,
      r.agenda.map((item, i) => ({ id: round.agenda[i]?.id ?? defaultItemId(i), materials: item.materials })),
    );
    if (materials.length > 0) round.materials = materials;
    return round;
  });

type Expect<T extends true> = T;
/** Compile-time guard: the schema's output must stay assignable to the model. @public */
export type RoundSchemaMatchesModel = Expect<z.output<typeof roundSchema> extends RoundDefinition ? true : false>;
