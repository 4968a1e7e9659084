import type { RouteContract } from '../route-contract';
import { ImportPath, NewPupilImport, PupilImportCreated, PupilImportRead } from '../../schemas/pupil-import';

/** students.import */
export const studentsImportContract = {
  body: NewPupilImport,
  success: { status: 201, description: 'The import: queued (inline CSV), or awaiting the upload to the presigned URL', schema: PupilImportCreated },
  failures: [400, 403, 409],
} as const satisfies RouteContract;

/** imports.start */
export const importsStartContract = {
  params: ImportPath,
  success: { status: 202, description: 'The import, queued for the job (or as it is, if already started)', schema: PupilImportRead },
  failures: [403, 404, 409],
} as const satisfies RouteContract;

/** imports.read */
export const importsReadContract = {
  params: ImportPath,
  success: { status: 200, description: "The import's status, progress and report", schema: PupilImportRead },
  failures: [403, 404],
} as const satisfies RouteContract;
