import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { ServiceName } from './gateway/http-gateway';
import type { ProvisioningClients } from './provision/provisioning-clients';

const PROBE_TIMEOUT_MS = 2_000;

/** A real call to each stand-in: up means it answered that call successfully. */
export async function probeServices(
  clients: ProvisioningClients,
  targets: { bucket: string; userPoolId: string; sesEndpoint: string; eventBridgeEndpoint: string; schedulerEndpoint: string },
): Promise<Record<ServiceName, boolean>> {
  const [dynamodb, s3, cognito, ses, eventbridge, scheduler] = await Promise.all([
    succeeds((signal) => clients.dynamodb.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: signal })),
    succeeds((signal) => clients.s3.send(new HeadBucketCommand({ Bucket: targets.bucket }), { abortSignal: signal })),
    succeeds((signal) => clients.cognito.send(new DescribeUserPoolCommand({ UserPoolId: targets.userPoolId }), { abortSignal: signal })),
    succeeds((signal) => answersOk(`${targets.sesEndpoint}/health-check`, signal)),
    succeeds((signal) => answersOk(`${targets.eventBridgeEndpoint}/health`, signal)),
    succeeds((signal) => answersOk(`${targets.schedulerEndpoint}/health`, signal)),
  ]);
  return { dynamodb, s3, cognito, ses, eventbridge, scheduler };
}

async function succeeds(probe: (signal: AbortSignal) => Promise<unknown>): Promise<boolean> {
  try {
    await probe(AbortSignal.timeout(PROBE_TIMEOUT_MS));
    return true;
  } catch {
    return false;
  }
}

async function answersOk(url: string, signal: AbortSignal): Promise<void> {
  const response = await fetch(url, { signal });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
}
