import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { routes } from '../../../shared/api/routes';
import type { ApiHandler } from '../../../shared/http/api-route';
import { apiEvent, lambdaContext } from '../support/api-event';
import { accessTokenOf, claimsOf, personas } from './personas';
import { incidentIdOf, pupil, recordKinds, schoolWithRecords } from './school-with-records';
import { requests } from './route-requests';
import { useSchool } from './switchable-context';

vi.mock('../../../shared/config/environment-source', () => import('./switchable-context').then((stand) => stand.environmentSourceStandIn));
vi.mock('../../../shared/deps/build-deps', () => import('./switchable-context').then((stand) => stand.buildDepsStandIn));

/** What someone might try to slip into any body: new words and another pupil. */
const rewrite = { description: 'Amara was fine all day; nothing happened.', studentId: 'student-someone-else' };

/**
 * Seed 003: "YOU CANNOT EDIT THE INCIDENT ONCE IT IS SUBMITTED". Every route in the catalogue,
 * called by every persona with its matrix request plus a rewritten description and pupil
 * (in the body where it takes one, else as query parameters), leaves each recorded
 * incident's description and pupil exactly as they were.
 */
describe('no route changes a recorded description or pupil', () => {
  for (const route of routes) {
    it(`${route.id} (${route.method} ${route.path})`, async () => {
      const changed: string[] = [];
      for (const persona of personas) {
        for (const record of recordKinds) {
          // Prepare
          const deps = await schoolWithRecords();
          useSchool(deps);
          // Imported once a school is installed: a handler wires its ports at import, as on a cold start.
          const handler = ((await import(path.resolve(route.entry))) as { handler: ApiHandler }).handler;
          const before = deps.incidents.all().map(({ id, description, studentId }) => ({ id, description, studentId }));
          const request = requests[route.id](persona, record);
          await request.arrange?.(deps);
          const body = request.body && typeof request.body === 'object' ? { ...request.body, ...rewrite } : request.body;

          // Act
          await handler(
            apiEvent({
              method: route.method,
              path: route.path.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent(request.pathParameters?.[name] ?? '')),
              claims: claimsOf(persona),
              ...(persona === 'anonymous' ? {} : { headers: { authorization: `Bearer ${accessTokenOf(persona)}` } }),
              pathParameters: request.pathParameters,
              query: { ...request.query, ...(request.body === undefined ? rewrite : {}) },
              body,
            }),
            lambdaContext(),
          );

          // Assess (collected, so one failure names every cell)
          const after = deps.incidents.all().map(({ id, description, studentId }) => ({ id, description, studentId }));
          if (JSON.stringify(after.slice(0, before.length)) !== JSON.stringify(before)) changed.push(`${persona} on ${record}`);
        }
      }
      expect(changed).toEqual([]);
    });
  }

  it('is measured against the records the matrix holds', async () => {
    // Prepare
    const deps = await schoolWithRecords();

    // Assess
    expect(deps.incidents.all().filter((incident) => incident.studentId === pupil.id).map((incident) => incident.id)).toEqual(expect.arrayContaining(recordKinds.map(incidentIdOf)));
  });
});
