import { describe, expect, it } from 'vitest';
import { routes, routeById } from '../../../shared/api/routes';
import { contracts } from '../../../shared/api/contracts';
import { permissions } from '../../../shared/domain/permissions';
import { anonymous } from '../../../shared/domain/identity/caller';

describe('the route catalogue', () => {
  it('gives every route a permission entry and a contract', () => {
    // Prepare
    const ids = routes.map((route) => route.id);

    // Act
    const withoutPermission = ids.filter((id) => !Object.hasOwn(permissions, id));
    const withoutContract = ids.filter((id) => !Object.hasOwn(contracts, id));

    // Assess
    expect(ids.length).toBeGreaterThan(0);
    expect(withoutPermission).toEqual([]);
    expect(withoutContract).toEqual([]);
  });

  it('has no permission or contract for a route that does not exist', () => {
    // Prepare
    const ids = new Set<string>(routes.map((route) => route.id));

    // Act
    const strayPermissions = Object.keys(permissions).filter((id) => !ids.has(id));
    const strayContracts = Object.keys(contracts).filter((id) => !ids.has(id));

    // Assess
    expect(strayPermissions).toEqual([]);
    expect(strayContracts).toEqual([]);
  });

  it('marks public exactly the routes whose gate lets an anonymous caller in', () => {
    // Prepare
    const gateOf = (id: string) => permissions[id as keyof typeof permissions].gate;

    // Act
    const publicRoutes = routes.filter((route) => route.public).map((route) => route.id);
    const openToAnonymous = routes.filter((route) => gateOf(route.id).decide({ caller: anonymous }) === 'allow').map((route) => route.id);

    // Assess
    expect(publicRoutes).toEqual(openToAnonymous);
    expect(publicRoutes).toContain('health.read');
    expect(publicRoutes).not.toContain('me.read');
  });

  it('uses each id, and each method and path, once', () => {
    // Prepare
    const keys = routes.map((route) => `${route.method} ${route.path}`);

    // Act
    const ids = new Set(routes.map((route) => route.id));

    // Assess
    expect(ids.size).toBe(routes.length);
    expect(new Set(keys).size).toBe(routes.length);
  });

  it('finds a route by id and refuses an unknown one', () => {
    // Prepare
    const known = routes[0]!;

    // Act
    const found = routeById(known.id);

    // Assess
    expect(found).toBe(known);
    expect(() => routeById('no.such.route' as typeof known.id)).toThrow('Unknown route id no.such.route');
  });
});
