import type { RouteContract } from '../route-contract';
import { NewStaffMember, StaffAccount, StaffChange, StaffPath } from '../../schemas/staff-admin';

/** staff.create */
export const staffCreateContract = { body: NewStaffMember, success: { status: 201, description: 'Invited; Cognito emails a temporary password', schema: StaffAccount }, failures: [403, 409] } as const satisfies RouteContract;

/** staff.update */
export const staffUpdateContract = { params: StaffPath, body: StaffChange, success: { status: 200, description: 'Changed', schema: StaffAccount }, failures: [403, 404, 409] } as const satisfies RouteContract;
