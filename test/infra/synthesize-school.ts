import path from 'node:path';
import { App, CfnElement, type Stack } from 'aws-cdk-lib';
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

export interface SynthesizedSchool {
  readonly app: App;
  readonly stack: SchoolStack;
  readonly template: Template;
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
  return { app, stack, template: Template.fromStack(stack) };
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

/** The logical id of the CloudFormation resource at a construct path, e.g. `Data/RecordsTable/Resource`. */
export function logicalIdAt(stack: Stack, constructPath: string): string {
  const found = stack.node.findAll().find((construct) => construct.node.path === `${stack.node.path}/${constructPath}`);
  if (!(found instanceof CfnElement)) throw new Error(`No CloudFormation resource at ${constructPath}`);
  return stack.getLogicalId(found);
}

/** Every statement of the IAM policies (AWS::IAM::Policy) attached to a role, by the role's logical id. */
export function statementsOfRole<Statement = Record<string, any>>(template: Template, roleId: string): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties.Roles ?? []).includes(`"${roleId}"`))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}
