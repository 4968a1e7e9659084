import { CfnElement } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { routes } from '../../shared/api/routes';
import { synthesizeSchool } from './synthesize-school';

interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}

/** Every IAM policy statement in a school stack, with the policy it belongs to. */
function statementsOf(template: ReturnType<typeof synthesizeSchool>['template']) {
  return Object.entries(template.findResources('AWS::IAM::Policy')).flatMap(([policy, resource]) =>
    (resource.Properties.PolicyDocument.Statement as Statement[]).map((statement) => ({
      policy,
      actions: [statement.Action].flat(),
      resources: [statement.Resource].flat(),
    })),
  );
}

const forbiddenOnAudit = ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:*', '*'];

describe('the audit table is append-only for every handler', () => {
  // An injected consumer shows event-rule functions get the same, narrow grant.
  const consumer = {
    id: 'audit.consumer',
    entry: routes[0].entry,
    pattern: { source: ['lantern'], 'detail-type': ['IncidentRecorded'] },
    description: 'A consumer, to check its grants',
  } as const;

  it('grants only PutItem and Query on the audit table and its indexes', () => {
    // Prepare
    const { stack, template } = synthesizeSchool({ eventRules: [consumer] });
    const auditTable = stack.getLogicalId(stack.dataStores.auditTable.node.defaultChild as CfnElement);
    // Act
    const onAudit = statementsOf(template).filter(({ resources }) => JSON.stringify(resources).includes(`"${auditTable}"`));
    // Assess
    expect(onAudit.length).toBeGreaterThan(0);
    for (const statement of onAudit) {
      expect(statement.actions.sort()).toEqual(['dynamodb:PutItem', 'dynamodb:Query']);
      for (const action of forbiddenOnAudit) expect(statement.actions).not.toContain(action);
    }
  });

  it('gives every function, route or consumer, that append-only grant', () => {
    // Prepare
    const { stack, template } = synthesizeSchool({ eventRules: [consumer] });
    const auditTable = stack.getLogicalId(stack.dataStores.auditTable.node.defaultChild as CfnElement);
    const policiesWithAudit = new Set(
      statementsOf(template)
        .filter(({ resources }) => JSON.stringify(resources).includes(`"${auditTable}"`))
        .map(({ policy }) => policy),
    );
    // Act
    const functionCount = Object.keys(template.findResources('AWS::Lambda::Function')).length;
    // Assess
    expect(functionCount).toBe(routes.length + 1);
    expect(policiesWithAudit.size).toBe(functionCount);
  });

  it('grants no DynamoDB action on every resource, which would include the audit table', () => {
    // Prepare
    const { template } = synthesizeSchool({ eventRules: [consumer] });
    // Act
    const onEverything = statementsOf(template).filter(({ resources }) => resources.includes('*'));
    // Assess
    for (const statement of onEverything) {
      expect(statement.actions.filter((action) => action.startsWith('dynamodb:') || action === '*')).toEqual([]);
    }
  });
});
