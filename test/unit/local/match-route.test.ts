import { describe, expect, it } from 'vitest';
import { createRouteMatcher } from '../../../local/gateway/match-route';
import type { RouteDefinition } from '../../../shared/api/routes';

const route = (id: string, method: RouteDefinition['method'], path: string): RouteDefinition => ({
  id,
  method,
  path,
  entry: `functions/api/${id}.ts`,
  public: false,
  summary: id,
  uses: [],
});

const catalogue = [
  route('incidents.read', 'GET', '/v1/incidents/{id}'),
  route('incidents.search', 'GET', '/v1/incidents/search'),
  route('actions.create', 'POST', '/v1/incidents/{id}/actions'),
  route('files.read', 'GET', '/v1/files/{key+}'),
];

describe('createRouteMatcher', () => {
  it('matches method and path and decodes path parameters', () => {
    // Prepare
    const match = createRouteMatcher(catalogue);

    // Act
    const found = match('POST', '/v1/incidents/inc%201/actions');

    // Assess
    expect(found?.route.id).toBe('actions.create');
    expect(found?.pathParameters).toEqual({ id: 'inc 1' });
  });

  it('prefers a literal segment over a parameter, as API Gateway picks the most specific route', () => {
    // Prepare
    const match = createRouteMatcher(catalogue);

    // Act
    const found = match('GET', '/v1/incidents/search');

    // Assess
    expect(found?.route.id).toBe('incidents.search');
    expect(found?.pathParameters).toBeUndefined();
  });

  it('lets a greedy {name+} parameter span slashes', () => {
    // Prepare
    const match = createRouteMatcher(catalogue);

    // Act
    const found = match('GET', '/v1/files/pupil-1/report.pdf');

    // Assess
    expect(found?.pathParameters).toEqual({ key: 'pupil-1/report.pdf' });
  });

  it('finds nothing for another method, a trailing slash or an extra segment', () => {
    // Prepare
    const match = createRouteMatcher(catalogue);

    // Act
    const results = [match('DELETE', '/v1/incidents/inc-1'), match('GET', '/v1/incidents/inc-1/'), match('GET', '/v1/incidents/inc-1/extra')];

    // Assess
    expect(results).toEqual([undefined, undefined, undefined]);
  });
});
