import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from '../shared/api/openapi-document';

/**
 * `npm run build:openapi`: writes the OpenAPI document generated from the route contracts
 * to shared/api/openapi.generated.json, which `GET /v1/openapi.json` serves as it is (the
 * zod-to-openapi registry never runs in a Lambda). A unit test fails while the committed
 * file differs from what the schemas produce, so run this after changing a contract.
 */
export const openApiFile = fileURLToPath(new URL('../shared/api/openapi.generated.json', import.meta.url));

export function renderOpenApiDocument(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(openApiFile, renderOpenApiDocument());
  console.log(`Wrote ${openApiFile}`);
}
