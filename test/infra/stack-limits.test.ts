import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { maxRoutesPerArea, routeAreaOf, routeAreas, stackResourceGuard, type RouteArea } from '../../infra/route-areas';
import { routes, type RouteDefinition } from '../../shared/api/routes';
import { upcomingRoutes } from './fixtures/upcoming-routes';
import { exampleSchool, synthesizeSchool, type DeployedTemplate, type SynthesizedSchool } from './synthesize-school';

/** CloudFormation's quotas for one template: resources, parameters and outputs. */
const cloudFormation = { resources: 500, parameters: 200, outputs: 200 } as const;

/** What each route costs in its area's nested stack: its function with role, policy and log group, the invoke permission, integration and route. */
const resourcesPerRoute = ['AWS::Lambda::Function', 'AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::Logs::LogGroup', 'AWS::Lambda::Permission', 'AWS::ApiGatewayV2::Integration', 'AWS::ApiGatewayV2::Route'];

const counts = ({ template }: DeployedTemplate) => {
  const json = template.toJSON() as { Resources: Record<string, { Type: string }>; Parameters?: object; Outputs?: object };
  return { resources: Object.keys(json.Resources).length, parameters: Object.keys(json.Parameters ?? {}).length, outputs: Object.keys(json.Outputs ?? {}).length };
};

/** Every stack of a school within the guard, and far from CloudFormation's other quotas. */
function expectWithinLimits(school: SynthesizedSchool): void {
  for (const deployed of school.templates) {
    const { resources, parameters, outputs } = counts(deployed);
    const name = `${deployed.stack.node.path}: ${resources} resources, ${parameters} parameters, ${outputs} outputs`;
    expect(resources, name).toBeLessThan(stackResourceGuard);
    expect(parameters, name).toBeLessThan(cloudFormation.parameters * 0.75);
    expect(outputs, name).toBeLessThan(cloudFormation.outputs * 0.75);
  }
}

const areaStackPaths = (school: SynthesizedSchool) => [...school.stack.api.areaStacks.values()].map((stack) => stack.node.path);

describe('every stack of a school stays under CloudFormation\'s limits, with room', () => {
  let school: SynthesizedSchool;

  beforeAll(() => {
    // Prepare: the example trust's first school from the real catalogues, resources only
    school = exampleSchool();
  });

  it(`holds the school's stack and each nested stack under ${stackResourceGuard} resources (CloudFormation allows ${cloudFormation.resources})`, () => {
    // Assess
    expect(stackResourceGuard).toBeLessThanOrEqual(cloudFormation.resources * 0.9);
    expect(school.templates.map(({ stack }) => stack.node.path)).toEqual([school.stack.node.path, ...areaStackPaths(school)]);
    expectWithinLimits(school);
  });

  it('puts every route function in the nested stack of its area, and none in the school\'s stack', () => {
    for (const route of routes) {
      // Act
      const handler = school.stack.api.handlers.get(route.id)!;
      // Assess
      expect(handler.node.path, route.id).toBe(`${school.stack.api.areaStack(routeAreaOf(route)).node.path}/Route-${route.id}`);
    }
    const [own] = school.templates;
    expect(Object.values(own!.template.findResources('AWS::ApiGatewayV2::Route'))).toEqual([]);
  });

  it('costs each route 7 resources in its area\'s stack, plus an alarm for every five routes', () => {
    for (const [area, stack] of school.stack.api.areaStacks) {
      // Prepare
      const { template } = school.templates.find((deployed) => deployed.stack === stack)!;
      const routeCount = routes.filter((route) => routeAreaOf(route) === area).length;
      // Act
      const byType: Record<string, number> = {};
      for (const resource of Object.values(template.toJSON().Resources as Record<string, { Type: string }>)) byType[resource.Type] = (byType[resource.Type] ?? 0) + 1;
      // Assess
      expect(byType, area).toEqual({
        ...Object.fromEntries(resourcesPerRoute.map((type) => [type, routeCount])),
        'AWS::CloudWatch::Alarm': Math.ceil(routeCount / 5),
      });
    }
  });

  it(`keeps at most ${maxRoutesPerArea} routes in an area of the catalogue`, () => {
    for (const area of Object.keys(routeAreas) as RouteArea[]) {
      // Act
      const inArea = routes.filter((route) => routeAreaOf(route) === area);
      // Assess: past this, split the area in infra/route-areas.ts
      expect(inArea.length, area).toBeLessThanOrEqual(maxRoutesPerArea);
    }
  });

  it('refuses, naming the route and the file to change, a route whose path no area lists', () => {
    // Prepare
    const stray: RouteDefinition = { ...routes[3], id: 'stray.read', path: '/v1/nowhere/{id}' };
    // Act
    const attempt = () => synthesizeSchool({ routes: [stray] });
    // Assess
    expect(attempt).toThrow("Route stray.read (/v1/nowhere/{id}): no API area lists 'nowhere'. Add it to one area in infra/route-areas.ts");
  });
});

describe('a school with forty more routes (issues 13, 15, 16 and 17, fixture catalogue)', () => {
  let school: SynthesizedSchool;

  beforeAll(() => {
    // Prepare
    school = synthesizeSchool({ routes: [...routes, ...upcomingRoutes] });
  });

  it('still holds every stack under the guard, with one function and route per catalogue entry', () => {
    // Assess
    expect(upcomingRoutes).toHaveLength(40);
    expectWithinLimits(school);
    expect(Object.keys(school.template.findResources('AWS::ApiGatewayV2::Route'))).toHaveLength(routes.length + 40);
  });

  it('passes cdk-nag in every stack, the nested ones included', () => {
    // Act: nested stacks report their findings with their parent's
    const annotations = Annotations.fromStack(school.stack);
    // Assess
    expect(annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
    expect(annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
  });
});

describe(`an area of ${maxRoutesPerArea} routes`, () => {
  it('fits its nested stack under the guard', () => {
    // Prepare: the catalogue's routes of the largest area, then fixture routes in it up to the maximum
    const area = 'Account' satisfies RouteArea;
    const own = routes.filter((route) => routeAreaOf(route) === area);
    const more = Array.from({ length: maxRoutesPerArea - own.length }, (_, index): RouteDefinition => ({ ...routes[3], id: `filler.${index}`, path: `/v1/staff/filler-${index}` }));
    // Act
    const school = synthesizeSchool({ routes: [...own, ...more], eventRules: [], cognitoTriggers: [] });
    // Assess
    const stack = school.stack.api.areaStack(area);
    const deployed = school.templates.find((candidate) => candidate.stack === stack)!;
    expect(Object.keys(deployed.template.findResources('AWS::Lambda::Function'))).toHaveLength(maxRoutesPerArea);
    expect(counts(deployed).resources).toBeLessThan(stackResourceGuard);
    expectWithinLimits(school);
  });
});
