import { App } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { addTrust } from '../../infra/lantern-app';
import { routes } from '../../shared/api/routes';
import { exampleSchool, exampleTrust, synthesizeSchool, webDistFixture } from './synthesize-school';

const awsSolutions = Match.stringLikeRegexp('AwsSolutions-.*');

/** Findings as `path: message` lines, so a failure reads as cdk-nag's report. */
const findings = (messages: { id: string; entry: { data?: unknown } }[]) =>
  messages.map((message) => `${message.id}: ${String(message.entry.data).split('. ')[0]}`);

describe('cdk-nag AwsSolutions', () => {
  it('finds no unsuppressed error or warning in any school stack of the example trust', () => {
    // Prepare
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stacks = addTrust(app, exampleTrust(), { webDist: webDistFixture });
    for (const stack of stacks) {
      // Act
      const annotations = Annotations.fromStack(stack);
      // Assess
      expect(findings(annotations.findError('*', awsSolutions)), stack.stackName).toEqual([]);
      expect(findings(annotations.findWarning('*', awsSolutions)), stack.stackName).toEqual([]);
    }
  });

  it('finds none either once the bus has a rule and a consumer', () => {
    // Prepare
    const { stack } = synthesizeSchool({
      eventRules: [{ id: 'nag.consumer', entry: routes[0].entry, pattern: { source: ['lantern'], 'detail-type': ['ReminderDue'] }, description: 'A consumer', uses: ['records', 'audit', 'mailer', 'school'] }],
    });
    // Act
    const annotations = Annotations.fromStack(stack);
    // Assess
    expect(findings(annotations.findError('*', awsSolutions))).toEqual([]);
    expect(findings(annotations.findWarning('*', awsSolutions))).toEqual([]);
  });

  it("reports a finding in a route area's nested stack with the school's stack, so the checks above cover nested stacks", () => {
    // Prepare: an unencrypted queue, not TLS-only, in a nested stack
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const [stack] = addTrust(app, { ...exampleTrust(), schools: exampleTrust().schools.slice(0, 1) }, { webDist: webDistFixture });
    const nested = [...stack!.api.areaStacks.values()][0]!;
    new Queue(nested, 'Unchecked');
    // Act
    const annotations = Annotations.fromStack(stack!);
    // Assess
    const found = findings(annotations.findError(`/${nested.node.path}/Unchecked/Resource`, awsSolutions));
    expect(found.some((line) => line.includes('AwsSolutions-SQS4')), found.join('\n')).toBe(true);
  });

  it('gives every suppression a reason, in every stack', () => {
    // Prepare: the school's stack with its nested stacks' resources
    const { template, templates } = exampleSchool();
    expect(templates.length).toBeGreaterThan(1);
    // Act
    const suppressions = Object.values(template.toJSON().Resources as Record<string, { Metadata?: Record<string, any> }>).flatMap(
      (resource) => (resource.Metadata?.cdk_nag?.rules_to_suppress ?? []) as { id: string; reason: string }[],
    );
    // Assess
    expect(suppressions.length).toBeGreaterThan(0);
    for (const suppression of suppressions) {
      expect(suppression.id).toMatch(/^AwsSolutions-/);
      expect(suppression.reason.length, suppression.id).toBeGreaterThan(40);
    }
  });
});
