import type { RouteContract } from '../route-contract';
import { StudentPath } from '../../schemas/casework';
import { ExportRequest, ExportStarted } from '../../schemas/exports';

/** students.exports.create */
export const studentsExportsCreateContract = {
  params: StudentPath,
  body: ExportRequest,
  success: { status: 201, description: 'The export, stored, and a link to download it valid for 15 minutes', schema: ExportStarted },
  failures: [400, 403, 404, 422],
} as const satisfies RouteContract;
