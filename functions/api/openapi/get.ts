import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { buildOpenApiDocument } from '../../../shared/api/openapi-document';

// Generated once per cold start: the document only changes with a deployment.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export const handler = apiRoute('openapi.read').handle(async () => ok((document ??= buildOpenApiDocument())));
