import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { buildOpenApiDocument } from '../../../shared/api/openapi-document';
import { openapiReadContract } from '../../../shared/api/contracts/openapi';

// Generated once per cold start: the document only changes with a deployment.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export const handler = apiRoute('openapi.read', { contract: openapiReadContract, adapters: {} }).handle(async () => ok((document ??= buildOpenApiDocument())));
