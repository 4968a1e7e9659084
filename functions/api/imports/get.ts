import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { readImport } from '../../../shared/domain/students/import/manage-imports';
import { importsReadContract } from '../../../shared/api/contracts/pupil-import';
import { dynamoPorts } from '../../../shared/deps/dynamo-ports';

export const handler = apiRoute('imports.read', { contract: importsReadContract, adapters: { dynamodb: dynamoPorts } }).handle(async ({ params, deps }) => ok(await readImport(deps, params.id)));
