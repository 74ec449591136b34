/**
 * Turns zod issues into short operator-facing messages. The messages never
 * repeat the offending input, so the same map is safe for secrets in the
 * environment.
 */
import type { z } from 'zod';
import type { LocatedProblem, PathSegment } from './config-error.ts';

function describeType(input: unknown): string {
  if (input === null) return 'an empty value';
  if (Array.isArray(input)) return 'a list';
  switch (typeof input) {
    case 'object':
      return 'a mapping';
    case 'number':
      return Number.isNaN(input) ? 'something that is not a number' : 'a number';
    case 'boolean':
      return 'true/false';
    default:
      return `a ${typeof input}`;
  }
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

function invalidType(expected: string, input: unknown): string {
  if (input === undefined) return 'required';
  const wanted = EXPECTED[expected] ?? expected;
  // Discord ids and question ids like 1.10 lose digits when YAML reads them as numbers.
  const hint = expected === 'string' && typeof input === 'number' ? ' (put it in quotes)' : '';
  return `expected ${wanted}, got ${describeType(input)}${hint}`;
}

function bound(origin: string, limit: number | bigint, inclusive: boolean | undefined, side: 'min' | 'max'): string {
  if (origin === 'string' || origin === 'array') {
    if (side === 'min' && Number(limit) === 1) return 'must not be empty';
    const unit = origin === 'string' ? 'characters' : 'items';
    return side === 'min' ? `must have at least ${limit} ${unit}` : `must have at most ${limit} ${unit}`;
  }
  if (side === 'min') return inclusive ? `must be at least ${limit}` : `must be greater than ${limit}`;
  return inclusive ? `must be at most ${limit}` : `must be less than ${limit}`;
}

/**
 * Contextual zod error map (`schema.safeParse(x, { error: configErrorMap })`).
 * Schema-level messages (regex hints, refinements) take precedence over it.
 */
export const configErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return invalidType(issue.expected, issue.input);
    case 'too_small':
      return bound(issue.origin, issue.minimum, issue.inclusive, 'min');
    case 'too_big':
      return bound(issue.origin, issue.maximum, issue.inclusive, 'max');
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return 'unknown key';
    case 'invalid_format':
      return issue.format === 'starts_with' && typeof issue['prefix'] === 'string'
        ? `must start with ${issue['prefix']}`
        : 'invalid format';
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    default:
      return 'invalid value';
  }
};

function toSegments(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((s) => (typeof s === 'number' ? s : String(s)));
}

/** zod issues → located problems; an unknown-keys issue becomes one problem per key. */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[]): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
  for (const issue of issues) {
    const path = toSegments(issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ path: [...path, key], message: issue.message });
    } else {
      problems.push({ path, message: issue.message });
    }
  }
  return problems;
}
