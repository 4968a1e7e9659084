import type { RouteContract } from '../route-contract';
import { AlertGroupList, CategoryList, SchoolDescription, StaffSearchQuery, StaffSearchResult, StudentSearchQuery, StudentSearchResult } from '../../schemas/directory';

/** school.read */
export const schoolReadContract = { success: { status: 200, description: 'Locations and session times', schema: SchoolDescription } } as const satisfies RouteContract;

/** students.search */
export const studentsSearchContract = { query: StudentSearchQuery, success: { status: 200, description: 'Matching pupils on roll (at most 20)', schema: StudentSearchResult } } as const satisfies RouteContract;

/** staff.list */
export const staffListContract = { query: StaffSearchQuery, success: { status: 200, description: 'Matching staff', schema: StaffSearchResult } } as const satisfies RouteContract;

/** alertGroups.list */
export const alertGroupsListContract = { success: { status: 200, description: 'Alert groups', schema: AlertGroupList } } as const satisfies RouteContract;

/** categories.list */
export const categoriesListContract = { success: { status: 200, description: 'Categories in use', schema: CategoryList } } as const satisfies RouteContract;
