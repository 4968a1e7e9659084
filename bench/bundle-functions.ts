import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import type { FunctionEntry } from '../shared/deps/function-catalogue';
import { awsServicesOf, type AwsService, type Uses } from '../shared/deps/uses';
import { handlerBundling } from '../infra/bundling-options';

export interface Bundle {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly metafile: Metafile;
}

/** The esbuild options infra/constructs/lantern-function.ts gives NodejsFunction. */
export const lambdaBundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: handlerBundling.target,
  minify: handlerBundling.minify,
  mainFields: [...handlerBundling.mainFields],
  banner: { js: handlerBundling.esmRequireShim },
  logLevel: 'error',
  metafile: true,
} as const satisfies BuildOptions;

export async function bundle(entryPoint: string, outfile: string, options: Pick<BuildOptions, 'stdin' | 'absWorkingDir'> = {}): Promise<Bundle> {
  await mkdir(path.dirname(outfile), { recursive: true });
  const result = await build({ ...lambdaBundleOptions, ...(options.stdin ? {} : { entryPoints: [entryPoint] }), ...options, outfile });
  const code = await readFile(outfile);
  return { file: outfile, bytes: code.length, gzipBytes: gzipSync(code).length, metafile: result.metafile };
}

/** Bundles one function's entry the way the stack does. */
export function bundleFunction(root: string, outDir: string, fn: FunctionEntry): Promise<Bundle> {
  return bundle(path.join(root, fn.entry), path.join(outDir, `${fn.id.replace(/[^a-z0-9.-]/gi, '_')}.mjs`));
}

/**
 * For each AWS service, the SDK client and the commands Lantern's adapter sends, built at
 * import as a function builds its client at cold start. Nothing of Lantern.
 */
const sdkReference: Record<AwsService, string> = {
  dynamodb: [
    "import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';",
    "import { DynamoDBDocumentClient, BatchGetCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';",
    'export const dynamodb = [DynamoDBDocumentClient.from(new DynamoDBClient({ region: process.env.AWS_REGION })), TransactionCanceledException, BatchGetCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand];',
  ].join('\n'),
  cognito: [
    "import * as cognito from '@aws-sdk/client-cognito-identity-provider';",
    'export const cognitoClient = [new cognito.CognitoIdentityProviderClient({ region: process.env.AWS_REGION }), cognito.AdminCreateUserCommand, cognito.AdminListGroupsForUserCommand, cognito.AdminAddUserToGroupCommand, cognito.AdminRemoveUserFromGroupCommand, cognito.AdminEnableUserCommand, cognito.AdminDisableUserCommand, cognito.AdminGetUserCommand, cognito.AssociateSoftwareTokenCommand, cognito.VerifySoftwareTokenCommand, cognito.SetUserMFAPreferenceCommand];',
  ].join('\n'),
  ses: ["import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';", 'export const ses = [new SESv2Client({ region: process.env.AWS_REGION }), SendEmailCommand];'].join('\n'),
  scheduler: ["import { SchedulerClient, CreateScheduleCommand } from '@aws-sdk/client-scheduler';", 'export const scheduler = [new SchedulerClient({ region: process.env.AWS_REGION }), CreateScheduleCommand];'].join('\n'),
  s3: [
    "import { S3Client, GetObjectCommand, PutObjectCommand, NoSuchKey } from '@aws-sdk/client-s3';",
    "import { getSignedUrl } from '@aws-sdk/s3-request-presigner';",
    'export const s3 = [new S3Client({ region: process.env.AWS_REGION }), GetObjectCommand, PutObjectCommand, NoSuchKey, getSignedUrl];',
  ].join('\n'),
  eventbridge: ["import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';", 'export const events = [new EventBridgeClient({ region: process.env.AWS_REGION }), PutEventsCommand];'].join('\n'),
};

/** The reference for a declaration: its AWS services' SDK clients only. Undefined when it uses none. */
export function referenceKey(uses: Uses): string | undefined {
  const services = awsServicesOf(uses).sort();
  return services.length > 0 ? services.join('+') : undefined;
}

export async function bundleReference(root: string, outDir: string, key: string): Promise<Bundle> {
  const source = key.split('+').map((service) => sdkReference[service as AwsService]).join('\n');
  const sourceFile = path.join(outDir, 'references', `${key}.source.mjs`);
  await mkdir(path.dirname(sourceFile), { recursive: true });
  await writeFile(sourceFile, source);
  return bundle('', path.join(outDir, 'references', `${key}.mjs`), { stdin: { contents: source, resolveDir: root, loader: 'js' }, absWorkingDir: root });
}
