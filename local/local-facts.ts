import { readFile } from 'node:fs/promises';
import { dataDirLayout } from './data-dir';

export interface LocalDemoUser {
  /** Cognito `sub` and staff id. */
  readonly id: string;
  readonly email: string;
  readonly password: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly jobTitle: string;
  readonly groups: readonly string[];
  /** Base32 secret of the enrolled authenticator, for `SOFTWARE_TOKEN_MFA` sign-in. */
  readonly totpSecret?: string;
}

/**
 * What a script or test needs to use the running local twin; also written to
 * `<data dir>/local.json`.
 */
export interface LocalFacts {
  readonly apiUrl: string;
  readonly region: string;
  readonly dataDir: string;
  readonly school: { readonly id: string; readonly name: string };
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly cognito: {
    readonly endpoint: string;
    readonly userPoolId: string;
    readonly clientId: string;
    readonly issuer: string;
    readonly jwksUrl: string;
    /** The pool's Cognito-domain token endpoint: client credentials for partner systems. */
    readonly tokenUrl: string;
  };
  /** Partner systems' app clients (issue 16), with their secrets: for the local twin only. */
  readonly partners: readonly { readonly id: string; readonly name: string; readonly clientId: string; readonly clientSecret: string; readonly scopes: readonly string[] }[];
  /** aws-ses-v2-local: a web page of sent mail at `url`, JSON at `storeUrl`; memory only. */
  readonly emails: { readonly endpoint: string; readonly url: string; readonly storeUrl: string };
  /** The local PutEvents endpoint; `eventsUrl` lists what was put, `idleUrl` waits for deliveries. */
  readonly events: { readonly endpoint: string; readonly busName: string; readonly eventsUrl: string; readonly deadLettersUrl: string; readonly idleUrl: string };
  readonly dynamodb: { readonly endpoint: string; readonly recordsTable: string; readonly auditTable: string };
  readonly s3: { readonly endpoint: string; readonly bucket: string };
  /** The local EventBridge Scheduler: planner reminders fire from here onto the local bus. */
  readonly scheduler: { readonly endpoint: string; readonly scheduleGroup: string };
  readonly users: readonly LocalDemoUser[];
}

export async function readLocalFacts(dataDir: string): Promise<LocalFacts> {
  return JSON.parse(await readFile(dataDirLayout(dataDir).factsFile, 'utf8')) as LocalFacts;
}
