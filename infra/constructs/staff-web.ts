import { Duration, Lazy, Stack } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY } from 'aws-cdk-lib/cx-api';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { HSTS_MAX_AGE_DAYS, staffAppContentSecurityPolicy } from '../web-security-headers';
import { logRetention } from './lantern-function';

/** A host name the school owns, with an ACM certificate for it in us-east-1 (CloudFront's region). */
export interface StaffWebDomain {
  readonly domainName: string;
  readonly certificateArn: string;
}

export interface StaffWebProps {
  readonly schoolId: string;
  /** The built app (`npm run build:web` → web/dist); tests pass a small fixture. */
  readonly webDist: string;
  /** Without one the app is served at the distribution's own `*.cloudfront.net` name. */
  readonly customDomain?: StaffWebDomain;
}

/** What the app reads from `/config.json`: the body of `GET /v1/config` plus where the API is. */
export interface StaffWebConfig {
  readonly apiUrl: string;
  readonly [field: string]: unknown;
}

export interface PublishOptions {
  /** The API's origin, `https://<id>.execute-api.<region>.amazonaws.com` (no path). */
  readonly apiOrigin: string;
  readonly config: StaffWebConfig;
  /** Encrypts the deployment function's log group, like every other log group of the stack. */
  readonly logKey: IKey;
}

export const hstsMaxAge = Duration.days(HSTS_MAX_AGE_DAYS);

/** The staff app's Content-Security-Policy (infra/web-security-headers.ts): the app may reach the API, the region's Cognito endpoint and its S3 hosts. */
export function contentSecurityPolicy(sources: { apiOrigin: string; region: string }): string {
  // The browser PUTs files to the files bucket through presigned URLs (virtual-hosted style).
  // Naming the bucket here would make bucket (CORS names the app) → distribution → policy →
  // bucket a cycle, so the region's S3 hosts: the presigned signature decides which bucket.
  return staffAppContentSecurityPolicy([sources.apiOrigin, `https://cognito-idp.${sources.region}.amazonaws.com`, `https://*.s3.${sources.region}.amazonaws.com`]);
}

/**
 * The staff front end of one school: a private bucket served only through CloudFront (origin
 * access control), with security headers on every response and SPA routing (any unknown
 * path answers index.html). `publish` adds the built app and its deploy-time `config.json`
 * once the API and the user pool exist.
 */
export class StaffWeb extends Construct {
  readonly bucket: Bucket;
  readonly logBucket: Bucket;
  readonly distribution: Distribution;
  readonly headersPolicy: ResponseHeadersPolicy;
  /** `https://<host>`: the only browser origin the API and the files bucket accept. */
  readonly origin: string;
  /** What `publish` writes to `/config.json` (CDK tokens until deploy). */
  config?: StaffWebConfig;
  private deployment?: BucketDeployment;
  private apiConnectSource?: string;

  constructor(scope: Construct, id: string, private readonly props: StaffWebProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    // As in DataStores: access logs are delivered under a bucket policy, not the legacy ACL.
    this.node.setContext(S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);

    this.logBucket = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // S3 server access logs and CloudFront standard logs are delivered only to SSE-S3 buckets.
      encryption: BucketEncryption.S3_MANAGED,
      // CloudFront standard logging writes with an ACL, so the log bucket must allow ACLs.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
    });
    NagSuppressions.addResourceSuppressions(this.logBucket, [
      { id: 'AwsSolutions-S1', reason: 'This bucket receives the staff app bucket and distribution access logs; logging it to itself would loop.' },
    ]);

    this.bucket = new Bucket(this, 'AppBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // SSE-S3, not the school key: the bucket holds the public app code and no pupil data,
      // and a KMS key policy naming the distribution would make key → distribution → bucket → key a cycle.
      encryption: BucketEncryption.S3_MANAGED,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'app-bucket/',
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(90) }],
    });

    // The API's id cannot appear in the policy when the API's CORS names the distribution's
    // own domain (API → distribution → policy → API is a cycle CloudFormation refuses), so
    // then connect-src allows the region's execute-api hosts; with a custom domain the
    // CORS origin is a plain name and the policy names the API exactly. Set by `publish`.
    const apiSource = Lazy.string({
      produce: () => {
        if (!this.apiConnectSource) throw new Error('StaffWeb.publish was not called: the CSP does not know the API');
        return this.apiConnectSource;
      },
    });
    this.headersPolicy = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: `Lantern ${props.schoolId} staff app security headers`,
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy({ apiOrigin: apiSource, region }), override: true },
        strictTransportSecurity: { accessControlMaxAge: hstsMaxAge, includeSubdomains: true, preload: true, override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
    });

    const custom = props.customDomain;
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Lantern ${props.schoolId} staff app`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.headersPolicy,
        compress: true,
      },
      // The app routes in the browser (/incidents/…): a path with no object answers the app.
      // S3 answers 403, not 404, for a missing key when the caller may not list the bucket.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(10),
      })),
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Staff are in UK schools: Europe and North America edges are enough.
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      ...(custom
        ? {
            domainNames: [custom.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', custom.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    this.origin = custom ? `https://${custom.domainName}` : `https://${this.distribution.distributionDomainName}`;

    NagSuppressions.addResourceSuppressions(this.distribution, [
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geo restriction: the distribution serves only the public app code (no data); staff may sign in from abroad (school trips), and every record is behind the API authorizer.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF on this distribution: it serves static, public app files from S3 and never reaches the API or any data; a web ACL (in us-east-1, per school) would add cost and protect nothing here. The API is throttled per stage.',
      },
      ...(custom
        ? []
        : [
            {
              id: 'AwsSolutions-CFR4',
              reason:
                'Without a custom domain the distribution uses the default *.cloudfront.net certificate, whose minimum TLS version CloudFront fixes; give the school a certificateArn to enforce TLS 1.2.',
            },
          ]),
    ]);
  }

  /**
   * Deploys the built app and writes `config.json` with the stack's values (tokens resolved by
   * CloudFormation). Also lets the CSP name the API.
   */
  publish(options: PublishOptions): BucketDeployment {
    if (this.deployment) throw new Error('StaffWeb.publish called twice');
    const region = Stack.of(this).region;
    this.apiConnectSource = this.props.customDomain ? options.apiOrigin : `https://*.execute-api.${region}.amazonaws.com`;

    this.config = options.config;

    const logGroup = new LogGroup(this, 'DeploymentLogs', { retention: logRetention, encryptionKey: options.logKey });
    // Its own role, so no AWS managed policy: logs to its one log group, and BucketDeployment
    // adds read on its asset and write on the app bucket.
    const role = new Role(this, 'DeploymentRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Copies the Lantern ${this.props.schoolId} staff app into its bucket at deploy time`,
    });
    role.addToPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }),
    );

    this.deployment = new BucketDeployment(this, 'Deployment', {
      destinationBucket: this.bucket,
      // Later sources win: the deploy-time config.json replaces any the build contains.
      sources: [Source.asset(this.props.webDist), Source.jsonData('config.json', options.config)],
      // Keep earlier builds' hashed files, so a tab opened before a deploy still loads its chunks.
      prune: false,
      // Browsers revalidate (cheap, ETag) so a deploy is seen at once; CloudFront is invalidated.
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      role,
      logGroup,
      memoryLimit: 256,
    });

    // The provider is a singleton function at the stack's root, named by BucketDeployment.
    const provider = Stack.of(this).node.children.filter((construct) => construct.node.id.startsWith('Custom::CDKBucketDeployment'));
    NagSuppressions.addResourceSuppressions([role, ...provider], [
      {
        id: 'AwsSolutions-IAM5',
        reason:
          "BucketDeployment's grants: read of the CDK asset objects (s3:GetObject*/List* on the staging bucket), write of any key in the staff app bucket, and CloudFront invalidation, which IAM cannot scope to one distribution's paths.",
      },
      {
        id: 'AwsSolutions-L1',
        reason: "BucketDeployment's provider runs the Python runtime aws-cdk-lib pins for it (with the AWS CLI layer); it runs only during a deploy.",
      },
    ], true);
    return this.deployment;
  }
}
