import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { describeSchool } from '../../../shared/domain/directory/describe-school';
import { schoolReadContract } from '../../../shared/api/contracts/directory';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';

export const handler = apiRoute('school.read', { contract: schoolReadContract, adapters: { dynamodb: dynamoPorts } }).handle(async ({ deps }) => ok(await describeSchool(deps)));
