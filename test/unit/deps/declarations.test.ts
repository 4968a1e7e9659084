import { describe, expect, it } from 'vitest';
import { routes } from '../../../shared/api/routes';
import { eventRules } from '../../../shared/events/rules';
import { cognitoTriggers } from '../../../shared/triggers/cognito-triggers';
import { streamConsumers } from '../../../shared/streams/stream-consumers';
import { buildDeps } from '../../../shared/deps/build-deps';
import { categoryStore, dynamoPorts, notificationLedger, staffDirectory } from '../../../shared/deps/dynamo-ports';
import { mailerPorts } from '../../../shared/deps/mailer';
import { loadConfigFor } from '../../../shared/config/load-config';
import { awsServicesOf, serviceUses } from '../../../shared/deps/uses';
import { allFunctions } from '../../../shared/deps/function-catalogue';
import { testEnvironment } from '../support/test-config';

describe('the catalogues declare what each function uses', () => {
  it('has every signed-in route declare the caller lookup and the audit of refusals', () => {
    // Act
    const missing = routes.filter((route) => !route.public).filter((route) => !['records', 'audit', 'school'].every((use) => (route.uses as readonly string[]).includes(use)));
    // Assess
    expect(missing.map((route) => route.id)).toEqual([]);
  });

  it('lets only the outbox relay put events on the bus or read the outbox: every other function writes its events to the outbox', () => {
    // Prepare
    const every = [...routes, ...eventRules, ...cognitoTriggers, ...streamConsumers];
    // Act
    const publishing = every.filter((fn) => (fn.uses as readonly string[]).some((use) => use === 'events' || use === 'outbox'));
    // Assess
    expect(publishing.map((fn) => fn.id)).toEqual(['outbox-relay']);
  });

  it('gives the public routes no store and no AWS service at all', () => {
    // Act
    const reaching = routes.filter((route) => route.public && awsServicesOf(route.uses).length > 0);
    // Assess
    expect(reaching.map((route) => route.id)).toEqual([]);
  });

  it('declares identity exactly where elevation or Cognito matters', () => {
    // Prepare: routes whose rule asks for elevation, show it, or call Cognito
    const needIdentity = ['me.read', 'incidents.read', 'actions.create', 'me.mfa.setup', 'me.mfa.verify', 'staff.create', 'staff.update', 'audit.read', 'reports.recordingQuality', 'alertGroups.create', 'alertGroups.update', 'alertGroups.delete', 'categories.create', 'categories.update',
      // DSL casework (issue 11): every route needs elevation.
      'triage.list', 'incidents.review', 'incidents.list', 'incidents.update', 'incidents.history', 'referrals.create', 'incidentReferrals.list', 'referrals.update', 'referrals.list', 'files.read',
      'students.find', 'students.read', 'students.update', 'students.flags.update', 'students.chronology', 'reports.summary',
      // Chronology exports (issue 13): elevated DSLs only.
      'students.exports.create',
      // Operation Encompass (issue 16): matching a police notification is an elevated DSL's; the police route has no staff caller.
      'encompass.list', 'encompass.match'];
    // Act
    const declaring = routes.filter((route) => (route.uses as readonly string[]).includes('identity')).map((route) => route.id);
    // Assess
    expect(declaring.sort()).toEqual([...needIdentity].sort());
  });

  it('never lets a sign-in trigger use the pool that refers to it', () => {
    // Assess
    for (const trigger of cognitoTriggers) expect(trigger.uses, trigger.id).toEqual(['audit']);
  });

  it('uses only names of the vocabulary', () => {
    // Act
    const unknown = allFunctions.flatMap((entry) => entry.uses.filter((use) => !(use in serviceUses)));
    // Assess
    expect(unknown).toEqual([]);
  });
});

describe('buildDeps', () => {
  it('builds only the ports a declaration names, and of its stores only those its entry names', () => {
    // Prepare
    const uses = eventRules.find((rule) => rule.id === 'notifier')!.uses;
    const config = loadConfigFor(uses, testEnvironment());

    // Act
    const deps = buildDeps(uses, config, { dynamodb: dynamoPorts({ staff: staffDirectory, notifications: notificationLedger }), ses: mailerPorts });

    // Assess
    expect(Object.keys(deps).sort()).toEqual(
      ['clock', 'ids', 'logger', 'mailer', 'notifications', 'school', 'staff'].sort(),
    );
  });

  it('refuses at cold start an entry that hands over no factory for a declared service', () => {
    // Prepare
    const uses = ['records', 'mailer'] as const;
    const config = loadConfigFor(uses, testEnvironment());

    // Act
    const build = () => buildDeps(uses, config, { dynamodb: dynamoPorts({ staff: staffDirectory }) } as never);

    // Assess
    expect(build).toThrow(/ses/);
  });

  it('gives a records port without the audit table a write that refuses, naming the missing use', async () => {
    // Prepare
    const uses = ['records'] as const;
    const deps = buildDeps(uses, loadConfigFor(uses, testEnvironment()), { dynamodb: dynamoPorts({ categories: categoryStore }) });
    const category = { id: 'x', name: 'X', guidance: '', applyGroups: [], viewGroups: [], subCategories: [], fields: [], active: true };

    // Act
    const save = deps.categories.save(category as never, { id: 'a' } as never);

    // Assess
    await expect(save).rejects.toThrow(/does not declare 'audit'/);
  });
});
