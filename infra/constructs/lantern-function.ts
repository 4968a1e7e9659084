import { existsSync } from 'node:fs';
import path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import type { Uses } from '../../shared/deps/uses';
import { handlerBundling } from '../bundling-options';

/**
 * What every Lantern handler shares: where the source is, and how its declaration (the
 * catalogue's `uses`) becomes its environment and its grants.
 */
export interface HandlerSettings {
  /** Directory the catalogue's `entry` paths are relative to (the repository root). */
  readonly sourceRoot: string;
  /** The variables a function with this declaration reads, and only those. */
  readonly environment: (uses: Uses) => Readonly<Record<string, string>>;
  /** Encrypts the function's log group. */
  readonly logKey: IKey;
  /** Gives the handler's role what its declaration uses, and nothing more. */
  readonly grantAccess: (handler: LanternFunction, uses: Uses) => void;
}

export interface LanternFunctionProps {
  /** Handler module relative to `settings.sourceRoot`; it exports `handler`. */
  readonly entry: string;
  /** What the function is for, e.g. the route or the rule it serves. */
  readonly purpose: string;
  readonly description: string;
  readonly settings: HandlerSettings;
  /** What the function uses, from its catalogue entry (shared/deps/uses.ts). */
  readonly uses: Uses;
  /** Where failed asynchronous invocations go (event consumers). */
  readonly deadLetterQueue?: IQueue;
  /** Defaults to 10 seconds. */
  readonly timeout?: Duration;
}

/**
 * Operational logs are kept a year: a security incident in a school is often discovered
 * months later and the trust must be able to reconstruct it (the ICO asks). They hold no
 * pupil data by design (see DESIGN.md, errors), so a year is proportionate.
 */
export const logRetention = RetentionDays.ONE_YEAR;

/**
 * A Lantern handler: NodejsFunction bundled by the local esbuild as minified ESM for
 * Node.js 22 on ARM64, with its own role (no AWS managed policy), its own encrypted log
 * group with a retention, and X-Ray tracing.
 */
export class LanternFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: LanternFunctionProps) {
    super(scope, id);
    const { settings } = props;
    const entry = path.join(settings.sourceRoot, props.entry);
    if (!existsSync(entry)) {
      throw new Error(`Lantern handler for ${props.purpose} not found: ${props.entry} (looked at ${entry}). Add the module or remove it from the catalogue.`);
    }

    this.logGroup = new LogGroup(this, 'Logs', { retention: logRetention, encryptionKey: settings.logKey });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Lantern handler: ${props.purpose}`,
    });
    // Instead of AWSLambdaBasicExecutionRole (logs on every log group): this log group only.
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Handler', {
      entry,
      handler: 'handler',
      description: props.description.slice(0, 256),
      projectRoot: settings.sourceRoot,
      depsLockFilePath: path.join(settings.sourceRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      tracing: Tracing.ACTIVE,
      deadLetterQueue: props.deadLetterQueue,
      environment: { ...settings.environment(props.uses), NODE_OPTIONS: '--enable-source-maps' },
      bundling: {
        format: OutputFormat.ESM,
        minify: handlerBundling.minify,
        sourceMap: true,
        // Stack traces only need the mappings; leaving the sources out keeps the asset small.
        sourcesContent: false,
        target: handlerBundling.target,
        mainFields: [...handlerBundling.mainFields],
        banner: handlerBundling.esmRequireShim,
        // Bundle the pinned AWS SDK rather than use the runtime's copy: the local twin and
        // the tests run exactly these versions, so Lambda should too.
        bundleAwsSDK: true,
      },
    });
    // The role is only complete once the function (X-Ray, DLQ) and the caller's grants are added.
    settings.grantAccess(this, props.uses);
    NagSuppressions.addResourceSuppressions(this.role, [
      {
        id: 'AwsSolutions-IAM5',
        reason: 'X-Ray PutTraceSegments/PutTelemetryRecords do not support resource-level permissions; the tracing grant must name Resource *.',
        appliesTo: ['Resource::*'],
      },
    ], true);
    NagSuppressions.addResourceSuppressions(this.function, [
      {
        id: 'AwsSolutions-L1',
        reason: 'Node.js 22 is the chosen runtime: the same handler modules run locally on Node 20/22, and 22 is supported by Lambda until 2027; moving to 24 is a planned upgrade, not a drift.',
      },
    ]);
  }
}
