import * as z from 'zod';
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

const slugId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens').max(FIELD_ID_MAX_CHARS);

const CategoryFieldInput = z.discriminatedUnion('kind', [
  z.object({ id: slugId, label: z.string().trim().min(1).max(200), kind: z.literal('multiSelect'), options: z.array(z.string().trim().min(1).max(CHOICE_OPTION_MAX_CHARS)).min(1).max(CHOICE_OPTIONS_MAX), required: z.boolean().default(false) }).strict(),
  z.object({ id: slugId, label: z.string().trim().min(1).max(200), kind: z.literal('text'), maxLength: z.number().int().min(1).max(TEXT_ANSWER_MAX_CHARS, `an answer holds ${TEXT_ANSWER_MAX_CHARS} characters at most`).default(TEXT_ANSWER_DEFAULT_CHARS), required: z.boolean().default(false) }).strict(),
  z.object({ id: slugId, label: z.string().trim().min(1).max(200), kind: z.literal('minutes'), max: z.number().int().min(1).max(MINUTES_MAX).default(MINUTES_DEFAULT_MAX), required: z.boolean().default(false) }).strict(),
]);

const categoryBody = {
  name: z.string().trim().min(1).max(100),
  guidance: z.string().trim().min(1, 'say when to use it').max(2000),
  subCategories: z.array(z.object({ id: slugId, name: z.string().trim().min(1).max(200) }).strict()).max(50),
  fields: z.array(CategoryFieldInput).max(CATEGORY_FIELDS_MAX),
  appliedBy: z.array(GroupName).min(1),
  visibleTo: z.array(GroupName).min(1),
  active: z.boolean(),
};

export const NewCategory = z
  .object({ id: slugId, ...categoryBody, subCategories: categoryBody.subCategories.default([]), fields: categoryBody.fields.default([]), active: categoryBody.active.default(true) })
  .strict()
  .meta({ id: 'NewCategory' });
export type NewCategory = z.infer<typeof NewCategory>;

export const CategoryChange = z
  .object({
    name: categoryBody.name.optional(),
    guidance: categoryBody.guidance.optional(),
    subCategories: categoryBody.subCategories.optional(),
    fields: categoryBody.fields.optional(),
    appliedBy: categoryBody.appliedBy.optional(),
    visibleTo: categoryBody.visibleTo.optional(),
    active: categoryBody.active.optional(),
  })
  .strict()
  .meta({ id: 'CategoryChange' });
export type CategoryChange = z.infer<typeof CategoryChange>;

export const CategoryPath = z.object({ id: slugId }).meta({ id: 'CategoryPath' });

export const CategoryDetail = z
  .object({
    id: z.string(),
    name: z.string(),
    guidance: z.string(),
    subCategories: z.array(z.object({ id: z.string(), name: z.string() })),
    fields: z.array(z.record(z.string(), z.unknown())),
    appliedBy: z.array(GroupName),
    visibleTo: z.array(GroupName),
    active: z.boolean(),
    order: z.number(),
  })
  .meta({ id: 'CategoryDetail' });
