import { Annotations, Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, hstsMaxAge } from '../../infra/constructs/staff-web';
import { signInConfiguration } from '../../shared/domain/identity/sign-in-configuration';
import { exampleSchool, exampleTrust, logicalIdAt, synthesizeSchool, type SynthesizedSchool } from './synthesize-school';
import { dependenciesOf, findCycle, type Resources } from './template-graph';

type Resource = { Type: string; Properties: Record<string, any> };

const only = (template: Template, type: string): [string, Resource] => {
  const found = Object.entries(template.findResources(type)) as [string, Resource][];
  expect(found, type).toHaveLength(1);
  return found[0]!;
};
/** `default-src 'self'; img-src 'self' data:` → { 'default-src': ["'self'"], 'img-src': ["'self'", 'data:'] } */
const parseCsp = (policy: string) =>
  Object.fromEntries(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0] !== '')
      .map(([name, ...sources]) => [name!, sources]),
  );

const certificateArn = 'arn:aws:acm:us-east-1:111111111111:certificate/0b7c6f4e-2d1a-4c3b-9e8f-1a2b3c4d5e6f';

describe('the staff app of a school stack (no custom domain)', () => {
  let school: SynthesizedSchool;
  let template: Template;
  let distributionId: string;
  const oakfield = exampleTrust().schools[0]!;
  const distributionOrigin = () => ({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] });

  beforeAll(() => {
    // Prepare: the first school of the example trust, resources only
    school = exampleSchool();
    template = school.template;
    distributionId = logicalIdAt(school.stack, 'Web/Distribution/Resource');
  });

  it('serves index.html over HTTPS only, with the SPA fallback for 403 and 404', () => {
    // Act
    const [, distribution] = only(template, 'AWS::CloudFront::Distribution');
    const config = distribution.Properties.DistributionConfig;
    // Assess
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('https-only');
    expect(config.DefaultCacheBehavior.AllowedMethods).toEqual(['GET', 'HEAD']);
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: logicalIdAt(school.stack, 'Web/SecurityHeaders/Resource') });
    expect(config.CustomErrorResponses.map((response: Record<string, unknown>) => [response.ErrorCode, response.ResponseCode, response.ResponsePagePath])).toEqual([
      [403, 200, '/index.html'],
      [404, 200, '/index.html'],
    ]);
    expect(config.Logging.Bucket).toEqual({ 'Fn::GetAtt': [logicalIdAt(school.stack, 'Web/AccessLogs/Resource'), 'RegionalDomainName'] });
    expect(config.Aliases).toBeUndefined();
  });

  it('reaches its one origin, the app bucket, through origin access control', () => {
    // Act
    const [, distribution] = only(template, 'AWS::CloudFront::Distribution');
    const [oacId, oac] = only(template, 'AWS::CloudFront::OriginAccessControl');
    const origins = distribution.Properties.DistributionConfig.Origins as Record<string, any>[];
    // Assess
    expect(origins).toHaveLength(1);
    expect(origins[0]!.DomainName).toEqual({ 'Fn::GetAtt': [logicalIdAt(school.stack, 'Web/AppBucket/Resource'), 'RegionalDomainName'] });
    expect(origins[0]!.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [oacId, 'Id'] });
    expect(origins[0]!.S3OriginConfig.OriginAccessIdentity).toBe('');
    expect(oac.Properties.OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' });
  });

  it('keeps the app bucket private, TLS-only, encrypted, versioned and logged', () => {
    // Act
    const bucket = (template.toJSON().Resources as Record<string, Resource>)[logicalIdAt(school.stack, 'Web/AppBucket/Resource')]!;
    // Assess
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.Properties.LoggingConfiguration.DestinationBucketName).toEqual({ Ref: logicalIdAt(school.stack, 'Web/AccessLogs/Resource') });
  });

  it('lets only this distribution read the app bucket, and refuses plain HTTP', () => {
    // Act
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy')) as Resource[];
    const policy = policies.find((candidate) => candidate.Properties.Bucket.Ref === logicalIdAt(school.stack, 'Web/AppBucket/Resource'))!;
    const statements = policy.Properties.PolicyDocument.Statement as Record<string, any>[];
    const allows = statements.filter((statement) => statement.Effect === 'Allow');
    // Assess
    expect(allows).toEqual([
      {
        Action: 's3:GetObject',
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalIdAt(school.stack, 'Web/AppBucket/Resource'), 'Arn'] }, '/*']] },
        Condition: {
          StringEquals: {
            'AWS:SourceArn': {
              'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudfront::', { Ref: 'AWS::AccountId' }, ':distribution/', { Ref: distributionId }]],
            },
          },
        },
      },
    ]);
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it('sends a CSP with no inline script that lets the browser reach only the app, the API hosts and Cognito', () => {
    // Act
    const [, policy] = only(template, 'AWS::CloudFront::ResponseHeadersPolicy');
    const headers = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp = parseCsp(headers.ContentSecurityPolicy.ContentSecurityPolicy);
    // Assess
    expect(headers.ContentSecurityPolicy.Override).toBe(true);
    expect(csp).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'connect-src': ["'self'", 'https://*.execute-api.eu-west-2.amazonaws.com', 'https://cognito-idp.eu-west-2.amazonaws.com', 'https://*.s3.eu-west-2.amazonaws.com'],
      'frame-ancestors': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'self'"],
      'object-src': ["'none'"],
    });
    expect(Object.values(csp).flat().join(' ')).not.toMatch(/unsafe-inline|unsafe-eval|\*\s|^\*$/);
  });

  it('sends HSTS fit for preload, frame options DENY, nosniff and no referrer', () => {
    // Act
    const [, policy] = only(template, 'AWS::CloudFront::ResponseHeadersPolicy');
    const headers = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    // Assess
    expect(headers.StrictTransportSecurity).toEqual({ AccessControlMaxAgeSec: hstsMaxAge.toSeconds(), IncludeSubdomains: true, Preload: true, Override: true });
    // The preload list asks for at least a year.
    expect(headers.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31_536_000);
    expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
    expect(headers.ReferrerPolicy).toEqual({ ReferrerPolicy: 'no-referrer', Override: true });
  });

  it("lets the API's CORS allow the distribution's origin and nothing else, with the headers the app sends", () => {
    // Act
    const [, api] = only(template, 'AWS::ApiGatewayV2::Api');
    const cors = api.Properties.CorsConfiguration;
    // Assess
    expect(cors.AllowOrigins).toEqual([distributionOrigin()]);
    expect(cors.AllowHeaders).toEqual(['authorization', 'content-type', 'idempotency-key']);
    expect(cors.AllowMethods).not.toContain('*');
    expect(cors.AllowCredentials).toBeUndefined();
  });

  it("points the alert-email links and the files bucket's CORS at the distribution too", () => {
    // Act
    const functions = Object.values(template.findResources('AWS::Lambda::Function')) as Resource[];
    const withBaseUrl = functions.filter((fn) => fn.Properties.Environment?.Variables?.APP_BASE_URL !== undefined);
    const files = (template.toJSON().Resources as Record<string, Resource>)[logicalIdAt(school.stack, 'Data/FilesBucket/Resource')]!;
    // Assess
    expect(withBaseUrl.length).toBeGreaterThan(0);
    for (const fn of withBaseUrl) expect(fn.Properties.Environment.Variables.APP_BASE_URL).toEqual(distributionOrigin());
    expect(files.Properties.CorsConfiguration.CorsRules.map((rule: { AllowedOrigins: unknown }) => rule.AllowedOrigins)).toEqual([[distributionOrigin()]]);
  });

  it('deploys the app and a config.json with the body of GET /v1/config plus the API URL', () => {
    // Act
    const [, deployment] = only(template, 'Custom::CDKBucketDeployment');
    const markers = deployment.Properties.SourceMarkers as Record<string, unknown>[];
    // Assess: two sources, the build and config.json whose tokens are filled in at deploy time
    expect(deployment.Properties.SourceObjectKeys).toHaveLength(2);
    expect(deployment.Properties.DestinationBucketName).toEqual({ Ref: logicalIdAt(school.stack, 'Web/AppBucket/Resource') });
    expect(deployment.Properties.DistributionId).toEqual({ Ref: distributionId });
    expect(Object.values(markers[1]!)).toEqual([
      { 'Fn::GetAtt': [logicalIdAt(school.stack, 'Api/HttpApi/Resource'), 'ApiEndpoint'] },
      { Ref: logicalIdAt(school.stack, 'Identity/UserPool/Resource') },
      { Ref: logicalIdAt(school.stack, 'Identity/UserPool/StaffClient/Resource') },
    ]);
    expect(deployment.Properties.SystemMetadata).toEqual({ 'cache-control': 'no-cache' });
  });

  it('leaves CloudFormation no dependency cycle (CORS names the distribution, the CSP does not name the API)', () => {
    // Act
    const cycle = findCycle(dependenciesOf(template.toJSON().Resources as Resources));
    // Assess
    expect(cycle).toBeUndefined();
  });

  it('writes config.json in the shape GET /v1/config answers, plus apiUrl', () => {
    // Prepare: what GET /v1/config answers in AWS (no local Cognito endpoint)
    const fromApi = signInConfiguration({
      region: 'eu-west-2',
      userPool: { id: 'eu-west-2_pool', clientId: 'client' },
      school: { id: oakfield.id, name: oakfield.name, timezone: oakfield.timezone },
    });
    // Act
    const written = school.stack.resolve(school.stack.web.config) as Record<string, unknown>;
    // Assess
    expect(Object.keys(written).sort()).toEqual(['apiUrl', ...Object.keys(fromApi)].sort());
    expect(written).toEqual({
      apiUrl: { 'Fn::GetAtt': [logicalIdAt(school.stack, 'Api/HttpApi/Resource'), 'ApiEndpoint'] },
      region: 'eu-west-2',
      userPoolId: { Ref: logicalIdAt(school.stack, 'Identity/UserPool/Resource') },
      clientId: { Ref: logicalIdAt(school.stack, 'Identity/UserPool/StaffClient/Resource') },
      school: fromApi.school,
    });
  });
});

describe('the staff app of a school with a certificate for its domain', () => {
  let school: SynthesizedSchool;
  const trust = exampleTrust();
  const oakfield = trust.schools[0]!;

  beforeAll(() => {
    // Prepare
    school = synthesizeSchool({ trust: { ...trust, schools: [{ ...oakfield, certificateArn }] } });
  });

  it("is served at the school's domain with its certificate and TLS 1.2 at least", () => {
    // Act
    const [, distribution] = only(school.template, 'AWS::CloudFront::Distribution');
    const config = distribution.Properties.DistributionConfig;
    // Assess
    expect(config.Aliases).toEqual([oakfield.domain]);
    expect(config.ViewerCertificate).toEqual({ AcmCertificateArn: certificateArn, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' });
  });

  it('lets CORS and the email links name the domain, and the CSP name the API exactly', () => {
    // Act
    const [, api] = only(school.template, 'AWS::ApiGatewayV2::Api');
    const [, policy] = only(school.template, 'AWS::CloudFront::ResponseHeadersPolicy');
    const csp = school.stack.resolve(policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    const functions = Object.values(school.template.findResources('AWS::Lambda::Function')) as Resource[];
    // Assess
    expect(api.Properties.CorsConfiguration.AllowOrigins).toEqual([`https://${oakfield.domain}`]);
    for (const fn of functions.filter((candidate) => candidate.Properties.Environment?.Variables?.APP_BASE_URL !== undefined)) {
      expect(fn.Properties.Environment.Variables.APP_BASE_URL).toBe(`https://${oakfield.domain}`);
    }
    const [before, apiOrigin, after] = csp['Fn::Join'][1] as [string, unknown, string];
    expect(apiOrigin).toEqual({ 'Fn::GetAtt': [logicalIdAt(school.stack, 'Api/HttpApi/Resource'), 'ApiEndpoint'] });
    expect(parseCsp(`${before}https://the-api${after}`)['connect-src']).toEqual(["'self'", 'https://the-api', 'https://cognito-idp.eu-west-2.amazonaws.com', 'https://*.s3.eu-west-2.amazonaws.com']);
  });

  it('leaves CloudFormation no dependency cycle although the CSP names the API', () => {
    // Act
    const cycle = findCycle(dependenciesOf(school.template.toJSON().Resources as Resources));
    // Assess
    expect(cycle).toBeUndefined();
  });

  it('has no unsuppressed cdk-nag finding, and needs no CFR4 suppression', () => {
    // Act
    const annotations = Annotations.fromStack(school.stack);
    const [, distribution] = only(school.template, 'AWS::CloudFront::Distribution');
    const suppressed = (distribution as Resource & { Metadata?: any }).Metadata?.cdk_nag?.rules_to_suppress.map((rule: { id: string }) => rule.id);
    // Assess
    expect(annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
    expect(annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
    expect(suppressed).toEqual(['AwsSolutions-CFR1', 'AwsSolutions-CFR2']);
  });
});

describe('contentSecurityPolicy', () => {
  it('names the API, the region’s Cognito endpoint and its S3 hosts (presigned uploads) in connect-src only', () => {
    // Act
    const csp = parseCsp(contentSecurityPolicy({ apiOrigin: 'https://abc123.execute-api.eu-west-1.amazonaws.com', region: 'eu-west-1' }));
    // Assess
    expect(csp['connect-src']).toEqual(["'self'", 'https://abc123.execute-api.eu-west-1.amazonaws.com', 'https://cognito-idp.eu-west-1.amazonaws.com', 'https://*.s3.eu-west-1.amazonaws.com']);
    expect(Object.entries(csp).filter(([, sources]) => sources.some((source) => source.startsWith('https://'))).map(([name]) => name)).toEqual(['connect-src']);
  });
});
