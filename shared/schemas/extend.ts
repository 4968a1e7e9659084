import * as z from 'zod/mini';

/**
 * An object schema with more fields, as classic zod's `.extend()` makes it: a new schema
 * that carries none of its source's metadata. (zod/mini keeps `.meta()` as a check, and
 * `z.extend` copies the checks, so the wider schema would otherwise take the source's
 * OpenAPI component id.)
 */
export function extend<T extends z.ZodMiniObject, U extends z.core.$ZodLooseShape>(schema: T, shape: U) {
  const checks = (schema._zod.def.checks ?? []).filter((check) => !['meta', 'describe'].includes(check._zod.def.check));
  return z.extend(schema.clone({ ...schema._zod.def, checks }) as T, shape);
}
