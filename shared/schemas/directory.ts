import * as z from 'zod';
import { GroupName } from './identity';

export const SchoolDescription = z
  .object({
    id: z.string(),
    name: z.string(),
    timezone: z.string(),
    locations: z.array(z.string()),
    timetable: z.object({ morningStarts: z.string(), lunchStarts: z.string(), afternoonStarts: z.string(), afternoonEnds: z.string() }),
    idleSignOutMinutes: z.number().int().meta({ description: 'Staff apps sign out after this many minutes without input' }),
  })
  .meta({ id: 'School' });

export const StudentSearchQuery = z
  .object({ query: z.string().trim().min(1, 'type at least one letter of the name').max(60) })
  .meta({ id: 'StudentSearchQuery' });

export const StudentSearchResult = z
  .object({
    students: z.array(
      z.object({ id: z.string(), name: z.string(), givenName: z.string(), familyName: z.string(), yearGroup: z.string(), className: z.string() }),
    ),
  })
  .meta({ id: 'StudentSearchResult' });

export const StaffSearchQuery = z.object({ query: z.string().trim().max(60).optional() }).meta({ id: 'StaffSearchQuery' });

export const StaffSearchResult = z
  .object({
    staff: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        jobTitle: z.string(),
        email: z.string().optional().meta({ description: 'Administrators only' }),
        groups: z.array(GroupName).optional().meta({ description: 'Administrators only' }),
        status: z.enum(['active', 'disabled']).optional().meta({ description: 'Administrators only' }),
      }),
    ),
  })
  .meta({ id: 'StaffSearchResult' });

export const AlertGroupList = z
  .object({ alertGroups: z.array(z.object({ id: z.string(), name: z.string(), description: z.string(), memberCount: z.number().int() })) })
  .meta({ id: 'AlertGroupList' });

const CategoryFieldView = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['multiSelect', 'text', 'minutes']),
  required: z.boolean(),
  options: z.array(z.string()).optional(),
  maxLength: z.number().optional(),
  max: z.number().optional(),
});

export const CategoryList = z
  .object({
    categories: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        guidance: z.string(),
        subCategories: z.array(z.object({ id: z.string(), name: z.string() })),
        fields: z.array(CategoryFieldView),
        appliedBy: z.array(GroupName),
        visibleTo: z.array(GroupName),
        mayApply: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'CategoryList' });
