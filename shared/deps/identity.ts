import { CognitoIdentityProvider, createCognitoClient } from '../adapters/cognito/cognito-identity-provider';
import { declared, type AdapterFactory } from './adapter-factory';

/** The user pool: staff accounts and the caller's own authenticator. */
export const identityPorts: AdapterFactory<'cognito'> = {
  service: 'cognito',
  build: (config) => ({
    identity: new CognitoIdentityProvider(
      createCognitoClient({ region: declared(config.region, 'AWS_REGION'), endpoints: config.endpoints }),
      declared(config.userPool?.id, 'USER_POOL_ID'),
    ),
  }),
};
