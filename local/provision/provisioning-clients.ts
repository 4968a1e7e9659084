import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';

/** The one set of credentials every stand-in accepts (s3rver insists on these). */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface ProvisioningClients {
  readonly dynamodb: DynamoDBClient;
  readonly s3: S3Client;
  readonly cognito: CognitoIdentityProviderClient;
  destroy(): void;
}

/** Admin clients for the stand-ins, used to provision and to probe readiness. */
export function createProvisioningClients(options: {
  region: string;
  endpoints: { dynamodb: string; s3: string; cognito: string };
}): ProvisioningClients {
  // A copy each: the SDK marks the credentials object it is given (`$source`).
  const common = () => ({ region: options.region, credentials: { ...LOCAL_CREDENTIALS }, maxAttempts: 1 });
  const dynamodb = new DynamoDBClient({ ...common(), endpoint: options.endpoints.dynamodb });
  const s3 = new S3Client({
    ...common(),
    endpoint: options.endpoints.s3,
    forcePathStyle: true,
    // s3rver stores aws-chunked framing verbatim when the SDK adds checksums it did not ask for.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const cognito = new CognitoIdentityProviderClient({ ...common(), endpoint: options.endpoints.cognito });
  return {
    dynamodb,
    s3,
    cognito,
    destroy() {
      dynamodb.destroy();
      s3.destroy();
      cognito.destroy();
    },
  };
}
