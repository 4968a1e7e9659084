import { reportsSummaryRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { readReportSummary } from '../../../shared/domain/reports/read-report';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { reportsSummaryContract } from '../../../shared/api/contracts/casework';
import { dynamoPorts, auditTrail, staffDirectory, reportStore, categoryStore } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';

export const handler = apiRoute(reportsSummaryRoute, { contract: reportsSummaryContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, reports: reportStore, categories: categoryStore }), cognito: identityPorts } }).handle(async ({ query, caller, deps, origin }) =>
  ok(await readReportSummary(deps, requireStaff(caller), query, origin)),
);
