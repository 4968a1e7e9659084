import type { RouteContract } from '../route-contract';
import { FileDownload, FilePath, NewUpload, UploadStarted } from '../../schemas/files';

/** files.create */
export const filesCreateContract = {
  body: NewUpload,
  success: { status: 201, description: 'The file id and its presigned upload', schema: UploadStarted },
  failures: [400, 403],
} as const satisfies RouteContract;

/** files.read */
export const filesReadContract = {
  params: FilePath,
  success: { status: 200, description: 'A download link valid for a minute', schema: FileDownload },
  failures: [404, 409],
} as const satisfies RouteContract;
