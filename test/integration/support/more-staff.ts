import type { LocalDemoUser, LocalFacts } from '../../../local/local-facts';
import { localCursorKey } from '../../../local/cursor-key';
import { dataDirLayout } from '../../../local/data-dir';
import { credentialNames, handlerEnvironment } from '../../../local/handler-environment';
import { provisionDemoUsers } from '../../../local/provision/demo-users';
import { createProvisioningClients } from '../../../local/provision/provisioning-clients';
import { DEMO_PASSWORD, seedDemoSchool, type DemoStaffMember } from '../../../local/seed/demo-school';
import { loadConfig } from '../../../shared/config/load-config';

/**
 * Adds `count` members of staff (the staff group, no authenticator) to the running stack with
 * the provisioning the local stack does for its demo school: Cognito users through
 * provisionDemoUsers, then their staff profiles through seedDemoSchool. Fictional names, one
 * `prefix` a test, so they never meet another file's people.
 */
export async function provisionMoreStaff(facts: LocalFacts, prefix: string, count: number): Promise<LocalDemoUser[]> {
  const members: DemoStaffMember[] = Array.from({ length: count }, (_, index) => ({
    email: `${prefix}.recorder${String(index + 1).padStart(2, '0')}@oakfield.example`,
    givenName: 'Recorder',
    familyName: `${prefix[0]?.toUpperCase()}${prefix.slice(1)} ${index + 1}`,
    jobTitle: 'Lunchtime Supervisor',
    groups: ['staff'],
    password: DEMO_PASSWORD,
    enrolTotp: false,
  }));
  const clients = createProvisioningClients({ region: facts.region, endpoints: { dynamodb: facts.dynamodb.endpoint, s3: facts.s3.endpoint, cognito: facts.cognito.endpoint } });
  try {
    const provisioned = await provisionDemoUsers(clients.cognito, { userPoolId: facts.cognito.userPoolId, clientId: facts.cognito.clientId }, members, {});
    const environment = handlerEnvironment(facts, { logLevel: 'warn', cursorKey: await localCursorKey(dataDirLayout(facts.dataDir).cursorKeyFile) });
    // The seed's client reads its credentials as a handler's does, from the environment.
    for (const name of credentialNames) process.env[name] ??= environment[name];
    await seedDemoSchool(loadConfig(environment), provisioned);
    return provisioned.map((user) => ({ id: user.id, email: user.email, password: user.password, givenName: user.givenName, familyName: user.familyName, jobTitle: user.jobTitle, groups: [...user.groups] }));
  } finally {
    clients.destroy();
  }
}
