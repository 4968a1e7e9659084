import { describe, expect, it } from 'vitest';
import { compileErrors, validate } from '@readme/openapi-parser';
import { buildOpenApiDocument } from '../../../shared/api/openapi-document';
import { routes } from '../../../shared/api/routes';

type Operation = { operationId?: string; security?: unknown[]; responses: Record<string, unknown>; parameters?: { name: string; in: string; required?: boolean }[] };

function operations(document: ReturnType<typeof buildOpenApiDocument>) {
  const found: (Operation & { method: string; path: string })[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
      found.push({ ...operation, method: method.toUpperCase(), path });
    }
  }
  return found;
}

describe('buildOpenApiDocument', () => {
  it('produces a valid OpenAPI 3.1 document', async () => {
    // Prepare
    const document = buildOpenApiDocument('https://api.lantern.castlemead.example.sch.uk');

    // Act
    const result = await validate(structuredClone(document) as Parameters<typeof validate>[0]);

    // Assess
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers).toEqual([{ url: 'https://api.lantern.castlemead.example.sch.uk' }]);
    // Generating and validating the whole document takes about 2 s alone and outlasts vitest's 5 s on a busy machine.
  }, 30_000);

  it('describes every route once, with the route id as its operationId', () => {
    // Prepare
    const document = buildOpenApiDocument();

    // Act
    const described = operations(document).map(({ operationId, method, path }) => ({ operationId, method, path }));

    // Assess
    expect(described).toHaveLength(routes.length);
    expect(described).toEqual(
      expect.arrayContaining(routes.map((route) => ({ operationId: route.id, method: route.method, path: route.path }))),
    );
  });

  it('asks for a bearer token and documents 401 on every non-public route', () => {
    // Prepare
    const document = buildOpenApiDocument();
    const privateIds = new Set<string>(routes.filter((route) => !route.public).map((route) => route.id));

    // Act
    const privateOperations = operations(document).filter((operation) => privateIds.has(operation.operationId ?? ''));

    // Assess
    expect(privateOperations).toHaveLength(privateIds.size);
    for (const operation of privateOperations) {
      const route = routes.find((each) => each.id === operation.operationId)!;
      const scopes: readonly string[] = 'scopes' in route ? route.scopes : [];
      expect(operation.security, operation.operationId).toEqual(scopes.length > 0 ? [{ partnerClientCredentials: [...scopes] }] : [{ cognito: [] }]);
      expect(operation.responses, operation.operationId).toHaveProperty('401');
    }
    expect(document.components?.securitySchemes?.cognito).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  });

  it('describes partner routes with OAuth client credentials, their scopes and the 429 of the rate limit', () => {
    // Prepare
    const document = buildOpenApiDocument();

    // Act
    const partnerOperations = operations(document).filter((operation) => operation.operationId?.startsWith('partners.'));
    const scheme = document.components?.securitySchemes?.partnerClientCredentials as { type: string; flows: { clientCredentials: { scopes: Record<string, string> } } };

    // Assess
    expect(partnerOperations.length).toBeGreaterThan(0);
    for (const operation of partnerOperations) expect(operation.responses, operation.operationId).toHaveProperty('429');
    expect(scheme.type).toBe('oauth2');
    expect(Object.keys(scheme.flows.clientCredentials.scopes).sort()).toEqual(['lantern/encompass.write', 'lantern/la.shared.read', 'lantern/la.summary.read']);
  });

  it('asks for no token on a public route and documents no 401 there', () => {
    // Prepare
    const document = buildOpenApiDocument();
    const publicIds = new Set<string>(routes.filter((route) => route.public).map((route) => route.id));

    // Act
    const publicOperations = operations(document).filter((operation) => publicIds.has(operation.operationId ?? ''));

    // Assess
    expect(publicOperations).toHaveLength(publicIds.size);
    for (const operation of publicOperations) {
      expect(operation.security ?? [], operation.operationId).toEqual([]);
      expect(operation.responses, operation.operationId).not.toHaveProperty('401');
    }
  });

  it('documents the generic 500 on every route', () => {
    // Prepare
    const document = buildOpenApiDocument();

    // Act
    const without500 = operations(document).filter((operation) => !('500' in operation.responses));

    // Assess
    expect(without500).toEqual([]);
  });

  it('documents each placeholder of a route’s path as a required path parameter', () => {
    // Prepare
    const document = buildOpenApiDocument();
    const placeholders = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);

    // Act
    const mismatches = operations(document).filter((operation) => {
      const documented = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path' && parameter.required).map((parameter) => parameter.name);
      return JSON.stringify(documented) !== JSON.stringify(placeholders(operation.path));
    });

    // Assess
    expect(mismatches.map((operation) => operation.operationId)).toEqual([]);
  });
});
