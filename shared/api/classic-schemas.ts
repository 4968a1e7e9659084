import * as z from 'zod';
import * as core from 'zod/v4/core';

/**
 * Build time only (the OpenAPI generator; never bundled in a function). The route contracts
 * are written once, with zod/mini's functional API so a Lambda bundles only the checks it
 * uses; @asteasolutions/zod-to-openapi reads classic schemas (it calls `.meta()`,
 * `.isOptional()`, `.unwrap()` …). Both share zod's core definitions, so each mini schema
 * has a classic twin with the very same definition (type, checks, shape), built here on
 * the fly: there is one definition of each schema, never a hand-kept copy.
 */
const converted = new WeakMap<core.$ZodType, z.ZodType>();
const nonChecks = new Set(['meta', 'describe']);

const isSchema = (value: unknown): value is core.$ZodType => typeof value === 'object' && value !== null && '_zod' in value && typeof (value as core.$ZodType)._zod?.def?.type === 'string';

type ClassicConstructor = new (def: unknown) => z.ZodType;

export function toClassic(schema: core.$ZodType): z.ZodType {
  const done = converted.get(schema);
  if (done) return done;
  const name = (schema._zod as unknown as { constr: { name: string } }).constr.name;
  const Classic = (z as unknown as Record<string, ClassicConstructor | undefined>)[name.replace(/^ZodMini/, 'Zod')];
  if (!Classic) throw new Error(`No classic zod schema for ${name}`);
  const def: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(Object.getOwnPropertyDescriptors(schema._zod.def))) {
    // An object's shape is a getter (it may refer to schemas defined later): keep it lazy.
    const getter = property.get;
    if (getter) Object.defineProperty(def, key, { enumerable: true, configurable: true, get: () => classicValue(key, getter.call(schema._zod.def)) });
    else def[key] = classicValue(key, property.value);
  }
  // zod/mini writes `.meta()` as a no-op check that registers the metadata; classic keeps it out of the checks.
  if (Array.isArray(def.checks)) def.checks = (def.checks as core.$ZodCheck[]).filter((check) => !nonChecks.has(check._zod.def.check));
  const result = new Classic(def);
  const meta = core.globalRegistry.get(schema);
  if (meta) {
    // As classic `.meta()` does: the described schema is a clone whose parent is the undescribed one.
    (result._zod as { parent?: core.$ZodType }).parent = new Classic(def);
    core.globalRegistry.add(result, meta);
  }
  converted.set(schema, result);
  return result;
}

function classicValue(key: string, value: unknown): unknown {
  if (key === 'checks') return value;
  if (isSchema(value)) return toClassic(value);
  if (Array.isArray(value)) return value.map((item) => (isSchema(item) ? toClassic(item) : item));
  if (key === 'shape' && value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([field, item]) => [field, isSchema(item) ? toClassic(item) : item]));
  return value;
}
