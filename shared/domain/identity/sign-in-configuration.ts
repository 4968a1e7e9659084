import type { Config } from '../../config/load-config';

/** What a client needs to sign in; nothing secret (the app client has no secret). */
export function signInConfiguration(config: Pick<Config, 'region' | 'userPool' | 'school'>) {
  return {
    region: config.region,
    userPoolId: config.userPool.id,
    clientId: config.userPool.clientId,
    ...(config.userPool.publicEndpoint ? { cognitoEndpoint: config.userPool.publicEndpoint } : {}),
    school: { id: config.school.id, name: config.school.name, timezone: config.school.timezone },
  };
}
