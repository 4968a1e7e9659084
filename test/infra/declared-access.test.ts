import { beforeAll, describe, expect, it } from 'vitest';
import { outboxStreamActions, recordsTableActions, useGrants } from '../../infra/handler-access';
import { routes } from '../../shared/api/routes';
import { variablesFor } from '../../shared/config/load-config';
import type { Uses } from '../../shared/deps/uses';
import { eventRules } from '../../shared/events/rules';
import { cognitoTriggers } from '../../shared/triggers/cognito-triggers';
import { streamConsumers } from '../../shared/streams/stream-consumers';
import type { SchoolStack } from '../../infra/school-stack';
import { exampleSchool, logicalIdAt, routePath, statementsOfRole, type SynthesizedSchool } from './synthesize-school';

type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

/** What a resource in a statement is, by the logical ids and ARNs it names. */
type ResourceKind = 'dead-letter queue' | 'relay dead-letter queue' | 'records stream' | 'records table' | 'audit table' | 'key' | 'files bucket' | 'event bus' | 'user pool' | 'schedules' | 'scheduler role' | 'ses identity';

/** Each use's (action, resource) pairs, written out by hand from the design, not from infra/. */
const expectedPairs: Record<string, readonly (readonly [string, ResourceKind])[]> = {
  records: [...recordsTableActions.map((action) => [action, 'records table'] as const)],
  audit: [['dynamodb:PutItem', 'audit table']],
  auditQuery: [['dynamodb:Query', 'audit table']],
  identity: useGrants.identity.actions.map((action) => [action, 'user pool'] as const),
  mailer: [['ses:SendEmail', 'ses identity']],
  reminders: [['scheduler:CreateSchedule', 'schedules'], ['iam:PassRole', 'scheduler role']],
  files: useGrants.files.actions.map((action) => [action, 'files bucket'] as const),
  outbox: [['dynamodb:UpdateItem', 'records table'], ...outboxStreamActions.map((action) => [action, 'records stream'] as const)],
  quarantine: useGrants.quarantine.actions.map((action) => [action, 'files bucket'] as const),
  events: [['events:PutEvents', 'event bus']],
  school: [],
  signIn: [],
};

/** `path` is where the function is, relative to the school's stack; a route's is in its area's nested stack (routePath). */
const functions: { id: string; path: string | ((stack: SchoolStack) => string); uses: Uses; plumbing?: readonly string[] }[] = [
  ...routes.map((route) => ({ id: route.id, path: (stack: SchoolStack) => routePath(stack, route.id), uses: route.uses as Uses })),
  // A consumer's failed invocations go to the bus's dead-letter queue: the function's own plumbing, not a use.
  ...eventRules.map((rule) => ({ id: `event:${rule.id}`, path: `Events/Consumer-${rule.id}`, uses: rule.uses as Uses, plumbing: ['sqs:SendMessage on dead-letter queue'] })),
  ...cognitoTriggers.map((trigger) => ({ id: `cognito:${trigger.id}`, path: `Identity/Trigger-${trigger.id}`, uses: trigger.uses as Uses })),
  // A batch the relay gives up on goes to its own KMS-encrypted queue: the event source's plumbing, not a use.
  ...streamConsumers.map((consumer) => ({
    id: `stream:${consumer.id}`,
    path: 'Outbox/Relay',
    uses: consumer.uses as Uses,
    plumbing: ['sqs:SendMessage on relay dead-letter queue', 'sqs:GetQueueAttributes on relay dead-letter queue', 'sqs:GetQueueUrl on relay dead-letter queue', 'kms:ReEncrypt* on key', 'kms:GenerateDataKey* on key'],
  })),
];

describe('every function is granted, and told, exactly what its declaration uses', () => {
  let school: SynthesizedSchool;
  let kindOf: (resource: unknown) => ResourceKind | 'other';
  let pairsOf: (functionPath: string) => Set<string>;
  const pathOf = (fn: (typeof functions)[number]) => (typeof fn.path === 'string' ? fn.path : fn.path(school.stack));

  beforeAll(() => {
    // Prepare: the example trust's first school from the real catalogues, resources only
    school = exampleSchool();
    const { stack, template } = school;
    const ids: [string, ResourceKind][] = [
      [logicalIdAt(stack, 'Data/RecordsTable/Resource'), 'records table'],
      [logicalIdAt(stack, 'Data/AuditTable/Resource'), 'audit table'],
      [logicalIdAt(stack, 'Data/Key/Resource'), 'key'],
      [logicalIdAt(stack, 'Data/FilesBucket/Resource'), 'files bucket'],
      [logicalIdAt(stack, 'Events/Bus/Resource'), 'event bus'],
      [logicalIdAt(stack, 'Identity/UserPool/Resource'), 'user pool'],
      [logicalIdAt(stack, 'Reminders/SchedulerRole/Resource'), 'scheduler role'],
      [logicalIdAt(stack, 'Events/DeadLetterQueue/Resource'), 'dead-letter queue'],
      [logicalIdAt(stack, 'Outbox/DeadLetterQueue/Resource'), 'relay dead-letter queue'],
    ];
    kindOf = (resource) => {
      const text = JSON.stringify(resource);
      if (text.includes(':scheduler:')) return 'schedules';
      if (text.includes(':ses:')) return 'ses identity';
      if (text.includes('StreamArn')) return 'records stream';
      return ids.find(([id]) => text.includes(`"${id}"`))?.[1] ?? 'other';
    };
    pairsOf = (functionPath) => {
      const statements = statementsOfRole<Statement>(template, logicalIdAt(stack, `${functionPath}/Role/Resource`));
      const pairs = new Set<string>();
      for (const statement of statements) {
        for (const action of [statement.Action].flat()) {
          // Every function has its own log group and X-Ray, whatever it declares.
          if (action.startsWith('logs:') || action.startsWith('xray:')) continue;
          for (const resource of [statement.Resource].flat()) pairs.add(`${action} on ${kindOf(resource)}`);
        }
      }
      return pairs;
    };
  });

  it('grants each function the actions its uses imply on their resources, and nothing else', () => {
    for (const fn of functions) {
      // Prepare: the key actions come with the tables the function uses
      const expected = new Set([
        ...(fn.plumbing ?? []),
        ...fn.uses.flatMap((use) => expectedPairs[use]!.map(([action, kind]) => `${action} on ${kind}`)),
        ...fn.uses.flatMap((use) => useGrants[use].keyActions.map((action) => `${action} on key`)),
      ]);
      // Act
      const actual = pairsOf(pathOf(fn));
      // Assess
      expect([...actual].sort(), fn.id).toEqual([...expected].sort());
    }
  });

  it('grants alerts.list read/write on the records table and PutItem on the audit table, and nothing for SES, S3, Scheduler or Cognito', () => {
    // Act
    const actual = [...pairsOf(routePath(school.stack, 'alerts.list'))];
    // Assess
    expect(actual).toContain('dynamodb:Query on records table');
    expect(actual).toContain('dynamodb:PutItem on records table');
    expect(actual.filter((pair) => pair.endsWith('on audit table'))).toEqual(['dynamodb:PutItem on audit table']);
    expect(actual.filter((pair) => /^(ses|s3|scheduler|cognito-idp|events|iam):/.test(pair))).toEqual([]);
  });

  it('grants the public routes nothing beyond their logs and traces', () => {
    for (const route of routes.filter((candidate) => candidate.public)) {
      // Assess
      expect([...pairsOf(routePath(school.stack, route.id))], route.id).toEqual([]);
    }
  });

  it('gives each function exactly the variables its declaration reads, and no other', () => {
    for (const fn of functions) {
      // Prepare: Lambda sets the region; the endpoint overrides are for the local twin only
      const expected = [...variablesFor(fn.uses).filter((name) => name !== 'AWS_REGION' && !name.endsWith('_ENDPOINT')), 'NODE_OPTIONS'].sort();
      // Act
      const fnId = logicalIdAt(school.stack, `${pathOf(fn)}/Handler/Resource`);
      const variables = school.template.toJSON().Resources[fnId].Properties.Environment.Variables as Record<string, unknown>;
      // Assess
      expect(Object.keys(variables).sort(), fn.id).toEqual(expected);
    }
  });

  it('tells /health nothing but its log level', () => {
    // Act
    const fnId = logicalIdAt(school.stack, `${routePath(school.stack, 'health.read')}/Handler/Resource`);
    const variables = school.template.toJSON().Resources[fnId].Properties.Environment.Variables;
    // Assess
    expect(variables).toEqual({ LOG_LEVEL: 'info', NODE_OPTIONS: '--enable-source-maps' });
  });
});
