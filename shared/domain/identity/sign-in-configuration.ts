import type { FunctionConfig } from '../../config/load-config';
import { declared } from '../../deps/adapter-factory';

/**
 * What a client needs to sign in; nothing secret (the app client has no secret). Reads the
 * `school` and `signIn` sections, which loadConfigFor requires of config.read at cold start.
 */
export function signInConfiguration(config: Pick<FunctionConfig, 'region' | 'userPool' | 'school'>) {
  const school = declared(config.school, 'SCHOOL_ID');
  const userPool = declared(config.userPool, 'USER_POOL_ID');
  return {
    region: declared(config.region, 'AWS_REGION'),
    userPoolId: declared(userPool.id, 'USER_POOL_ID'),
    clientId: declared(userPool.clientId, 'USER_POOL_CLIENT_ID'),
    ...(userPool.publicEndpoint ? { cognitoEndpoint: userPool.publicEndpoint } : {}),
    school: { id: school.id, name: school.name, timezone: school.timezone },
  };
}
