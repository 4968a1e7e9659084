import * as z from 'zod/mini';
import { GroupName } from './identity';
import {
  CATEGORY_FIELDS_MAX,
  CHOICE_OPTIONS_MAX,
  CHOICE_OPTION_MAX_CHARS,
  FIELD_ID_MAX_CHARS,
  MINUTES_DEFAULT_MAX,
  MINUTES_MAX,
  TEXT_ANSWER_DEFAULT_CHARS,
  TEXT_ANSWER_MAX_CHARS,
} from './incident-limits';

const slugId = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens'), z.maxLength(FIELD_ID_MAX_CHARS));

const CategoryFieldInput = z.discriminatedUnion('kind', [
  z.strictObject({ id: slugId, label: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)), kind: z.literal('multiSelect'), options: z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(CHOICE_OPTION_MAX_CHARS))).check(z.minLength(1), z.maxLength(CHOICE_OPTIONS_MAX)), required: z._default(z.boolean(), false) }),
  z.strictObject({ id: slugId, label: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)), kind: z.literal('text'), maxLength: z._default(z.number().check(z.int(), z.gte(1), z.lte(TEXT_ANSWER_MAX_CHARS, `an answer holds ${TEXT_ANSWER_MAX_CHARS} characters at most`)), TEXT_ANSWER_DEFAULT_CHARS), required: z._default(z.boolean(), false) }),
  z.strictObject({ id: slugId, label: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)), kind: z.literal('minutes'), max: z._default(z.number().check(z.int(), z.gte(1), z.lte(MINUTES_MAX)), MINUTES_DEFAULT_MAX), required: z._default(z.boolean(), false) }),
]);

const categoryBody = {
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  guidance: z.string().check(z.trim(), z.minLength(1, 'say when to use it'), z.maxLength(2000)),
  subCategories: z.array(z.strictObject({ id: slugId, name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)) })).check(z.maxLength(50)),
  fields: z.array(CategoryFieldInput).check(z.maxLength(CATEGORY_FIELDS_MAX)),
  appliedBy: z.array(GroupName).check(z.minLength(1)),
  visibleTo: z.array(GroupName).check(z.minLength(1)),
  active: z.boolean(),
};

export const NewCategory = z.strictObject({ id: slugId, ...categoryBody, subCategories: z._default(categoryBody.subCategories, []), fields: z._default(categoryBody.fields, []), active: z._default(categoryBody.active, true) }).check(z.meta({ id: 'NewCategory' }));
export type NewCategory = z.infer<typeof NewCategory>;

export const CategoryChange = z.strictObject({
    name: z.optional(categoryBody.name),
    guidance: z.optional(categoryBody.guidance),
    subCategories: z.optional(categoryBody.subCategories),
    fields: z.optional(categoryBody.fields),
    appliedBy: z.optional(categoryBody.appliedBy),
    visibleTo: z.optional(categoryBody.visibleTo),
    active: z.optional(categoryBody.active),
  }).check(z.meta({ id: 'CategoryChange' }));
export type CategoryChange = z.infer<typeof CategoryChange>;

export const CategoryPath = z.object({ id: slugId }).check(z.meta({ id: 'CategoryPath' }));

export const CategoryDetail = z.object({
    id: z.string(),
    name: z.string(),
    guidance: z.string(),
    subCategories: z.array(z.object({ id: z.string(), name: z.string() })),
    fields: z.array(z.record(z.string(), z.unknown())),
    appliedBy: z.array(GroupName),
    visibleTo: z.array(GroupName),
    active: z.boolean(),
    order: z.number(),
  }).check(z.meta({ id: 'CategoryDetail' }));
