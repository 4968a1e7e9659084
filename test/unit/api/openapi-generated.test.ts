import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiFile, renderOpenApiDocument } from '../../../scripts/build-openapi';
import { handler } from '../../../functions/api/openapi/get';
import { apiEvent, lambdaContext } from '../support/api-event';

describe('the OpenAPI document generated at build time', () => {
  it('is committed exactly as the contracts produce it (run npm run build:openapi after changing one)', () => {
    // Prepare
    const committed = readFileSync(openApiFile, 'utf8');

    // Act
    const generated = renderOpenApiDocument();

    // Assess
    expect(committed).toBe(generated);
  });

  it('is what GET /v1/openapi.json serves, without the generator in the function', async () => {
    // Act
    const response = await handler(apiEvent({ method: 'GET', path: '/v1/openapi.json' }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body ?? '')).toEqual(JSON.parse(renderOpenApiDocument()));
  });
});
