import path from 'node:path';
import { App, CfnElement, NestedStack, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { addTrust, type SchoolStackOverrides } from '../../infra/lantern-app';
import type { SchoolStack } from '../../infra/school-stack';
import { loadTrustConfig, type TrustConfig } from '../../infra/trust-config';
import { repositoryRoot } from '../../infra/school-stack';

export const exampleTrustFile = path.join(repositoryRoot, 'infra/trusts/example-trust.json');

/** A stand-in for web/dist, so infra tests need no front-end build. */
export const webDistFixture = path.join(repositoryRoot, 'test/infra/fixtures/web-dist');

export function exampleTrust(): TrustConfig {
  return loadTrustConfig(exampleTrustFile);
}

export interface SynthesizeOptions extends Partial<SchoolStackOverrides> {
  /** Run esbuild for real (seconds); by default only the resources are synthesized. */
  readonly bundle?: boolean;
  readonly trust?: TrustConfig;
}

export interface DeployedTemplate {
  /** The school's stack, or one of its nested stacks. */
  readonly stack: Stack;
  /** The template CloudFormation deploys for that stack, as synthesized. */
  readonly template: Template;
}

export interface SynthesizedSchool {
  readonly app: App;
  readonly stack: SchoolStack;
  /**
   * The whole school as one template: the school's stack with the resources of its nested
   * stacks (the API's route areas) merged in, each nested parameter replaced by the value
   * the school's stack passes it. So a test reads every resource wherever it is deployed,
   * with references as CloudFormation resolves them (see wholeSchoolTemplate).
   */
  readonly template: Template;
  /** Each template CloudFormation deploys on its own: the school's stack first, then each nested stack. */
  readonly templates: readonly DeployedTemplate[];
}

/**
 * The first school of a trust (the example by default) as its own app, with the same
 * stacks and cdk-nag checks `cdk synth` uses. A new App each call: CDK refuses changes to a
 * tree after it has been synthesized.
 */
export function synthesizeSchool(options: SynthesizeOptions = {}): SynthesizedSchool {
  const { bundle = false, trust = exampleTrust(), ...overrides } = options;
  const app = new App({ context: bundle ? {} : { 'aws:cdk:bundling-stacks': [] } });
  const [stack] = addTrust(app, { ...trust, schools: trust.schools.slice(0, 1) }, { webDist: webDistFixture, ...overrides });
  if (!stack) throw new Error('The trust has no school');
  const templates = stackTemplates(stack);
  return { app, stack, template: wholeSchoolTemplate(templates), templates };
}

/** The school's stack and every stack nested in it, each with its own synthesized template. */
export function stackTemplates(stack: Stack): DeployedTemplate[] {
  const nested = stack.node.findAll().filter((construct): construct is NestedStack => construct instanceof NestedStack);
  return [stack, ...nested].map((each) => ({ stack: each, template: Template.fromStack(each) }));
}

type TemplateJson = { Resources: Record<string, unknown>; Parameters?: Record<string, unknown>; Outputs?: Record<string, unknown>; [section: string]: unknown };

/**
 * One template of a school's stack and its nested stacks: each nested stack's resources
 * join the school's, with every `Ref` to one of its parameters replaced by what the school's
 * `AWS::CloudFormation::Stack` resource passes in (a GetAtt or Ref of the school's own
 * resource, as CloudFormation resolves it). The nested stack resources stay, so a reference
 * cycle across stacks is still a cycle. Throws on a parameter the school does not pass, a
 * nested output (nothing in the school's stack reads one today) or a logical id used twice.
 */
export function wholeSchoolTemplate(templates: readonly DeployedTemplate[]): Template {
  const [root, ...nested] = templates;
  if (!root) throw new Error('No template');
  const whole = structuredClone(root.template.toJSON()) as TemplateJson;
  for (const { stack, template } of nested) {
    const json = template.toJSON() as TemplateJson;
    const stackResource = (stack as NestedStack).nestedStackResource;
    if (!stackResource) throw new Error(`${stack.node.path} has no stack resource`);
    const passed = (whole.Resources[Stack.of(stackResource).resolve(stackResource.logicalId)] as { Properties?: { Parameters?: Record<string, unknown> } }).Properties?.Parameters ?? {};
    for (const parameter of Object.keys(json.Parameters ?? {})) {
      if (!(parameter in passed)) throw new Error(`${stack.node.path}: parameter ${parameter} is not passed by its parent`);
    }
    if (Object.keys(json.Outputs ?? {}).length > 0) throw new Error(`${stack.node.path} has outputs: merge them before reading references to them`);
    const resolved = substituteParameters(json.Resources, passed) as Record<string, unknown>;
    for (const [logicalId, resource] of Object.entries(resolved)) {
      if (logicalId in whole.Resources) throw new Error(`Logical id ${logicalId} is in ${stack.node.path} and another stack of the school`);
      whole.Resources[logicalId] = resource;
    }
  }
  return Template.fromJSON(whole);
}

function substituteParameters(value: unknown, passed: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((item) => substituteParameters(item, passed));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0]![0] === 'Ref' && typeof entries[0]![1] === 'string' && entries[0]![1] in passed) return structuredClone(passed[entries[0]![1]]);
  const sub = (value as Record<string, unknown>)['Fn::Sub'];
  if (sub !== undefined && Object.keys(passed).some((parameter) => JSON.stringify(sub).includes(`\${${parameter}}`))) throw new Error('A nested stack names a parameter in Fn::Sub: substitute it here too');
  return Object.fromEntries(entries.map(([key, inner]) => [key, substituteParameters(inner, passed)]));
}

let example: SynthesizedSchool | undefined;

/**
 * The example trust's first school with no overrides, synthesized once and shared (a synth
 * takes seconds): for the many tests that only read it. A test that needs other routes,
 * rules or a different trust calls synthesizeSchool with them.
 */
export function exampleSchool(): SynthesizedSchool {
  example ??= synthesizeSchool();
  return example;
}

type Resources = Record<string, Record<string, any>>;

/**
 * The Lambda functions that run Lantern's handlers: every function except the one
 * BucketDeployment adds to copy the staff app into its bucket during a deploy.
 */
export function handlerFunctions(template: Template): Resources {
  return Object.fromEntries(
    Object.entries(template.findResources('AWS::Lambda::Function')).filter(([logicalId]) => !isStaffAppDeploymentProvider(logicalId)),
  );
}

/** BucketDeployment's singleton provider, at the stack root (`Custom::CDKBucketDeployment…`). */
export const isStaffAppDeploymentProvider = (logicalId: string) => logicalId.startsWith('CustomCDKBucketDeployment');

/**
 * The logical id of the CloudFormation resource at a construct path, e.g.
 * `Data/RecordsTable/Resource`, in whichever of the school's templates it is (nested
 * stacks' resources too: see routePath).
 */
export function logicalIdAt(stack: Stack, constructPath: string): string {
  const found = stack.node.findAll().find((construct) => construct.node.path === `${stack.node.path}/${constructPath}`);
  if (!(found instanceof CfnElement)) throw new Error(`No CloudFormation resource at ${constructPath}`);
  return Stack.of(found).resolve(found.logicalId) as string;
}

/** Where a route's function is, relative to the school's stack: `Api/Routes<area>/Route-<id>` (infra/route-areas.ts). */
export function routePath(stack: SchoolStack, routeId: string): string {
  const handler = stack.api.handlers.get(routeId);
  if (!handler) throw new Error(`No route ${routeId} in ${stack.stackName}`);
  return handler.node.path.slice(`${stack.node.path}/`.length);
}

/** Every statement of the IAM policies (AWS::IAM::Policy) attached to a role, by the role's logical id. */
export function statementsOfRole<Statement = Record<string, any>>(template: Template, roleId: string): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties.Roles ?? []).includes(`"${roleId}"`))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}
