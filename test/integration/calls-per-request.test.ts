import { beforeAll, describe, expect, it } from 'vitest';
import { measureCalls, type RouteCalls } from '../../bench/calls';
import { demoUser, localFacts } from './support/local-facts';

/**
 * AWS calls per request for the main routes, counted at the SDK client by a middleware
 * (bench/aws-call-counter.ts), not inferred from the code.
 */
let measured: RouteCalls[];

beforeAll(async () => {
  measured = await measureCalls(localFacts(), demoUser('staff', { withAuthenticator: false }).id);
});

describe('AWS calls per request', () => {
  it('answers every measured route successfully (a refusal would count fewer calls)', () => {
    // Prepare
    const statuses = measured.map((result) => [result.route, result.status]);

    // Act
    const failed = statuses.filter(([, status]) => Number(status) >= 400);

    // Assess
    expect(failed).toEqual([]);
  });

  it.each(['me.read', 'school.read', 'categories.list', 'students.search', 'incidents.create', 'incidents.read', 'alerts.list'])('%s makes the calls it is held to (its design minimum, or the budget bench/README.md explains)', (route) => {
    // Prepare
    const result = measured.find((candidate) => candidate.route === route)!;

    // Act
    const { counted, calls } = result;

    // Assess
    expect({ route, counted, calls }).toEqual({ route, counted: result.budget, calls });
    expect(result.budget).toBeGreaterThanOrEqual(result.designMinimum);
  });
});
