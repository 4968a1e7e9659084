import { reportsRecordingQualityRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { recordingQualityReport } from '../../../shared/domain/quality/recording-quality-report';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { recordingQualityReportContract } from '../../../shared/api/contracts/quality';
import { dynamoPorts, auditTrail, staffDirectory, incidentStore } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(reportsRecordingQualityRoute, { contract: recordingQualityReportContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, incidents: incidentStore }), cognito: identityPorts } }).handle(async ({ query, caller, deps, origin }) =>
  ok(await recordingQualityReport(deps, requireStaff(caller), query, origin)),
);
