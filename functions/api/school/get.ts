import { schoolReadRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { describeSchool } from '../../../shared/domain/directory/describe-school';
import { schoolReadContract } from '../../../shared/api/contracts/directory';
import { dynamoPorts, auditTrail, staffDirectory, schoolProfileSource } from '../../../shared/deps/dynamo-ports';

export const handler = apiRoute(schoolReadRoute, { contract: schoolReadContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, schoolProfile: schoolProfileSource }) } }).handle(async ({ deps }) => ok(await describeSchool(deps)));
