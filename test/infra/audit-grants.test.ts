import type { CfnElement } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../shared/api/routes';
import { cognitoTriggers } from '../../shared/triggers/cognito-triggers';
import { handlerFunctions, synthesizeSchool, type SynthesizedSchool } from './synthesize-school';

interface Statement {
  readonly Effect: string;
  readonly Action?: string | string[];
  readonly NotAction?: unknown;
  readonly Resource?: unknown;
  readonly NotResource?: unknown;
}

type Template = SynthesizedSchool['template'];

/**
 * Every IAM statement in a school stack, wherever it is written: role default policies,
 * managed policies and inline role policies, with the policy (or role) it belongs to.
 */
function statementsOf(template: Template) {
  const documents = [
    ...Object.entries(template.findResources('AWS::IAM::Policy')).map(([id, resource]) => ({ id, roles: resource.Properties.Roles, document: resource.Properties.PolicyDocument })),
    ...Object.entries(template.findResources('AWS::IAM::ManagedPolicy')).map(([id, resource]) => ({ id, roles: resource.Properties.Roles, document: resource.Properties.PolicyDocument })),
    ...Object.entries(template.findResources('AWS::IAM::Role')).flatMap(([id, resource]) =>
      ((resource.Properties.Policies ?? []) as { PolicyDocument: unknown }[]).map((policy) => ({ id, roles: [{ Ref: id }], document: policy.PolicyDocument })),
    ),
  ];
  return documents.flatMap(({ id, roles, document }) =>
    ((document as { Statement: Statement[] }).Statement).map((statement) => ({
      policy: id,
      roles: JSON.stringify(roles),
      statement,
      actions: [statement.Action ?? []].flat(),
      resources: [statement.Resource ?? []].flat(),
    })),
  );
}

/** Does an IAM action pattern (with `*` and `?`) match the action? */
const matches = (pattern: string, action: string) =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i').test(action);

/** Every DynamoDB action that writes, changes or deletes an item, or the table itself. */
const mutating = [
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:PartiQLUpdate',
  'dynamodb:PartiQLDelete',
  'dynamodb:PartiQLInsert',
  'dynamodb:DeleteTable',
  'dynamodb:UpdateTable',
  'dynamodb:UpdateTimeToLive',
  'dynamodb:RestoreTableToPointInTime',
  'dynamodb:ImportTable',
];

describe('the audit table is append-only for every function', () => {
  // An injected consumer shows event-rule functions get the same, narrow grant.
  const consumer = {
    id: 'audit.consumer',
    entry: routes[0].entry,
    pattern: { source: ['lantern'], 'detail-type': ['IncidentRecorded'] },
    description: 'A consumer, to check its grants',
    uses: ['records', 'audit'],
  } as const;
  let school: SynthesizedSchool;
  let auditTable: string;
  let triggerRoles: string[];
  /** A resource that names the audit table or its indexes, or could match them with a wildcard. */
  let reachesAudit: (resource: unknown) => boolean;

  beforeAll(() => {
    // Prepare: one synthesis for the suite (resources only)
    school = synthesizeSchool({ eventRules: [consumer] });
    const { stack } = school;
    auditTable = stack.getLogicalId(stack.dataStores.auditTable.node.defaultChild as CfnElement);
    triggerRoles = [...stack.identity.triggers.values()].map((trigger) => stack.getLogicalId(trigger.role.node.defaultChild as CfnElement));
    reachesAudit = (resource) => {
      const text = JSON.stringify(resource);
      if (text.includes(`"${auditTable}"`)) return true;
      // A literal wildcard over DynamoDB tables would include the audit table too.
      return resource === '*' || (/dynamodb|:table\//.test(text) && text.includes('*') && !text.includes('/index/*'));
    };
  });

  it('lets no statement anywhere change or delete audit items, nor grant DynamoDB by wildcard action', () => {
    // Act
    const onAudit = statementsOf(school.template).filter(({ resources }) => resources.some(reachesAudit));
    // Assess
    expect(onAudit.length).toBeGreaterThan(0);
    for (const { policy, statement, actions } of onAudit) {
      expect(statement.Effect, policy).toBe('Allow');
      for (const action of actions) {
        for (const forbidden of mutating) expect(matches(action, forbidden), `${policy}: ${action} allows ${forbidden}`).toBe(false);
        if (action.startsWith('dynamodb:') || action === '*') {
          expect(action.includes('*') || action.includes('?'), `${policy}: ${action}`).toBe(false);
          expect(['dynamodb:PutItem', 'dynamodb:Query'], `${policy}: ${action}`).toContain(action);
        }
      }
    }
  });

  it('grants routes and consumers PutItem on the audit table (audit), or Query on it and its indexes (auditQuery), nothing else', () => {
    // Act
    const onAudit = statementsOf(school.template).filter(
      ({ resources, roles }) => resources.some(reachesAudit) && !triggerRoles.some((role) => roles.includes(`"${role}"`)),
    );
    // Assess
    const dynamo = onAudit.filter(({ actions }) => actions.some((action) => action.startsWith('dynamodb:')));
    const appends = dynamo.filter(({ actions }) => actions.join() === 'dynamodb:PutItem');
    const queries = dynamo.filter(({ actions }) => actions.join() === 'dynamodb:Query');
    expect(appends.length).toBeGreaterThan(0);
    expect(queries).toHaveLength(1);
    expect(dynamo).toHaveLength(appends.length + queries.length);
    for (const { policy, resources } of appends) expect(resources, policy).toEqual([{ 'Fn::GetAtt': [auditTable, 'Arn'] }]);
  });

  it('grants the Cognito triggers PutItem on the audit table alone: no Query, no index, no other table', () => {
    // Act
    const ofTriggers = statementsOf(school.template).filter(({ roles }) => triggerRoles.some((role) => roles.includes(`"${role}"`)));
    const dynamo = ofTriggers.filter(({ actions }) => actions.some((action) => action.startsWith('dynamodb:')));
    // Assess
    expect(triggerRoles).toHaveLength(cognitoTriggers.length);
    expect(dynamo).toHaveLength(cognitoTriggers.length);
    for (const { policy, actions, resources } of dynamo) {
      expect(actions, policy).toEqual(['dynamodb:PutItem']);
      expect(resources, policy).toEqual([{ 'Fn::GetAtt': [auditTable, 'Arn'] }]);
    }
  });

  it('gives every signed-in route, consumer or trigger an audit grant; public routes, which only serve anonymous callers, and the outbox relay, which only relays committed events, none', () => {
    // Prepare
    const { stack, template } = school;
    const rolesWithAudit = new Set(
      statementsOf(template)
        .filter(({ resources }) => JSON.stringify(resources).includes(`"${auditTable}"`))
        .map(({ roles }) => roles),
    );
    // Act
    const functionCount = Object.keys(handlerFunctions(template)).length;
    // Assess
    // The sample rule's consumer and the outbox relay (which never audits: it only relays committed events).
    expect(functionCount).toBe(routes.length + 1 + cognitoTriggers.length + 1);
    const publicRoutes = routes.filter((route) => route.public).length;
    expect(publicRoutes).toBe(3);
    expect(rolesWithAudit.size).toBe(functionCount - publicRoutes - 1);
    expect(stack.identity.triggers.size).toBe(cognitoTriggers.length);
  });

  it('uses no NotAction or NotResource, which could reach the audit table sideways', () => {
    // Act
    const negated = statementsOf(school.template).filter(({ statement }) => statement.NotAction !== undefined || statement.NotResource !== undefined);
    // Assess
    expect(negated).toEqual([]);
  });

  it('grants no DynamoDB action on every resource, and gives the audit table no resource policy', () => {
    // Act
    const onEverything = statementsOf(school.template).filter(({ resources }) => resources.includes('*'));
    const table = school.template.toJSON().Resources[auditTable];
    // Assess
    for (const { actions } of onEverything) {
      expect(actions.filter((action) => action.startsWith('dynamodb:') || action === '*')).toEqual([]);
    }
    expect(JSON.stringify(table.Properties)).not.toContain('ResourcePolicy');
  });
});
