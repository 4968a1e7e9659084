import { z } from 'zod';
import { GroupName } from './identity';

const slugId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens').max(60);

const CategoryFieldInput = z.discriminatedUnion('kind', [
  z.object({ id: slugId, label: z.string().trim().min(1).max(200), kind: z.literal('multiSelect'), options: z.array(z.string().trim().min(1).max(200)).min(1).max(50), required: z.boolean().default(false) }).strict(),
  z.object({ id: slugId, label: z.string().trim().min(1).max(200), kind: z.literal('text'), maxLength: z.number().int().min(1).max(20_000).default(4000), required: z.boolean().default(false) }).strict(),
  z.object({ id: slugId, label: z.string().trim().min(1).max(200), kind: z.literal('minutes'), max: z.number().int().min(1).max(1440).default(240), required: z.boolean().default(false) }).strict(),
]);

const categoryBody = {
  name: z.string().trim().min(1).max(100),
  guidance: z.string().trim().min(1, 'say when to use it').max(2000),
  subCategories: z.array(z.object({ id: slugId, name: z.string().trim().min(1).max(200) }).strict()).max(50),
  fields: z.array(CategoryFieldInput).max(10),
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
