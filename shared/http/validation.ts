import type { z } from 'zod';
import { ValidationError, type FieldIssue } from '../errors/lantern-error';

/** Parses `input` with `schema`, or throws a ValidationError naming each bad field. */
export function parseWith<TSchema extends z.ZodType>(schema: TSchema, input: unknown, prefix: string): z.infer<TSchema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: / received undefined$/.test(issue.message) ? 'is required' : issue.message,
  }));
  throw new ValidationError(issues);
}
