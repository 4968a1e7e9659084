import type * as z from 'zod/mini';
import '../schemas/zod-locale';
import { ValidationError, type FieldIssue } from '../errors/lantern-error';

/** Parses `input` with `schema`, or throws a ValidationError naming each bad field. */
export function parseWith<TSchema extends z.ZodMiniType>(schema: TSchema, input: unknown, prefix: string): z.infer<TSchema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldAt = (path: readonly PropertyKey[]) => [prefix, ...path.map(String)].filter(Boolean).join('.');
  const issues: FieldIssue[] = result.error.issues.flatMap((issue) =>
    // zod reports unknown keys against their parent (the root: an empty path); name each key.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: fieldAt([...issue.path, key]), message: 'is not a field this request takes' }))
      : [{ field: fieldAt(issue.path), message: isMissing(issue, input) ? 'is required' : issue.message }],
  );
  throw new ValidationError(issues);
}

/**
 * A field is missing when there is no value at its path. zod words that differently by
 * type ("received undefined" for a string, "Invalid option" for an enum), so look at the
 * input itself; a refinement's own message (`custom`) is kept.
 */
function isMissing(issue: z.core.$ZodIssue, input: unknown): boolean {
  if (!['invalid_type', 'invalid_value', 'invalid_union'].includes(issue.code)) return false;
  let value: unknown = input;
  for (const key of issue.path) {
    if (value === null || typeof value !== 'object') return false;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value === undefined;
}
