import * as z from 'zod/mini';
import { GroupName } from './identity';

export const SchoolDescription = z.object({
    id: z.string(),
    name: z.string(),
    timezone: z.string(),
    locations: z.array(z.string()),
    timetable: z.object({ morningStarts: z.string(), lunchStarts: z.string(), afternoonStarts: z.string(), afternoonEnds: z.string() }),
    idleSignOutMinutes: z.number().check(z.int(), z.meta({ description: 'Staff apps sign out after this many minutes without input' })),
  }).check(z.meta({ id: 'School' }));

export const StudentSearchQuery = z.object({ query: z.string().check(z.trim(), z.minLength(1, 'type at least one letter of the name'), z.maxLength(60)) }).check(z.meta({ id: 'StudentSearchQuery' }));

export const StudentSearchResult = z.object({
    students: z.array(
      z.object({ id: z.string(), name: z.string(), givenName: z.string(), familyName: z.string(), yearGroup: z.string(), className: z.string() }),
    ),
  }).check(z.meta({ id: 'StudentSearchResult' }));

export const StaffSearchQuery = z.object({ query: z.optional(z.string().check(z.trim(), z.maxLength(60))) }).check(z.meta({ id: 'StaffSearchQuery' }));

export const StaffSearchResult = z.object({
    staff: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        jobTitle: z.string(),
        email: z.optional(z.string()).check(z.meta({ description: 'Administrators only' })),
        groups: z.optional(z.array(GroupName)).check(z.meta({ description: 'Administrators only' })),
        status: z.optional(z.enum(['active', 'disabled'])).check(z.meta({ description: 'Administrators only' })),
      }),
    ),
  }).check(z.meta({ id: 'StaffSearchResult' }));

export const AlertGroupList = z.object({ alertGroups: z.array(z.object({ id: z.string(), name: z.string(), description: z.string(), memberCount: z.number().check(z.int()) })) }).check(z.meta({ id: 'AlertGroupList' }));

const CategoryFieldView = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['multiSelect', 'text', 'minutes']),
  required: z.boolean(),
  options: z.optional(z.array(z.string())),
  maxLength: z.optional(z.number()),
  max: z.optional(z.number()),
});

export const CategoryList = z.object({
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
  }).check(z.meta({ id: 'CategoryList' }));
