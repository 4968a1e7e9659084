import type { RouteContract } from '../route-contract';
import { AlertGroupChange, AlertGroupDetail, AlertGroupPath, NewAlertGroup } from '../../schemas/staff-admin';

/** alertGroups.create */
export const alertGroupsCreateContract = { body: NewAlertGroup, success: { status: 201, description: 'Created', schema: AlertGroupDetail }, failures: [403, 422] } as const satisfies RouteContract;

/** alertGroups.update */
export const alertGroupsUpdateContract = { params: AlertGroupPath, body: AlertGroupChange, success: { status: 200, description: 'Changed', schema: AlertGroupDetail }, failures: [403, 404, 422] } as const satisfies RouteContract;

/** alertGroups.delete */
export const alertGroupsDeleteContract = { params: AlertGroupPath, success: { status: 204, description: 'Removed' }, failures: [403, 404] } as const satisfies RouteContract;
