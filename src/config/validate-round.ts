/**
 * One validation for a round's content, wherever it comes from (a YAML file,
 * a chat form): the schema, then the checks that span several keys.
 */
import type { z } from 'zod';
import type { RoundDefinition } from '../core/model.ts';
import { checkRound } from './check-round.ts';
import type { LocatedProblem } from './config-error.ts';
import { roundSchema } from './schema-round.ts';
import { configErrorMap, issuesToProblems } from './zod-issues.ts';

/** Content against a schema: the value, or the problems located in the content. */
export function validateContent<T>(
  schema: z.ZodType<T>,
  content: unknown,
): { value: T | null; problems: LocatedProblem[] } {
  if (content === null || content === undefined)
    return { value: null, problems: [{ path: [], message: 'file is empty' }] };
  const parsed = schema.safeParse(content, { error: configErrorMap });
  if (parsed.success) return { value: parsed.data, problems: [] };
  return { value: null, problems: issuesToProblems(parsed.error.issues) };
}

/** A round's content: its definition when the schema accepts it, and every problem found (schema and cross-key). */
export function validateRoundContent(content: unknown): { value: RoundDefinition | null; problems: LocatedProblem[] } {
  const { value, problems } = validateContent(roundSchema, content);
  return { value, problems: [...problems, ...checkRound(content)] };
}
