import { Duration, NestedStack, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { type CfnStage, CorsHttpMethod, HttpApi, HttpMethod, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import type { RouteDefinition } from '../../shared/api/routes';
import { routeAreaOf, type RouteArea } from '../route-areas';
import type { Identity } from './identity';
import { LanternFunction, logRetention, type HandlerSettings } from './lantern-function';
import { partnerThrottle } from '../../shared/domain/identity/partner-scopes';

export interface SchoolApiProps {
  readonly schoolId: string;
  /** `https://<school domain>`: the only browser origin allowed. */
  readonly appBaseUrl: string;
  readonly routes: readonly RouteDefinition[];
  readonly identity: Identity;
  /** Each route's environment and grants come from its declaration (`uses`). */
  readonly settings: HandlerSettings;
  readonly logKey: IKey;
}

/** Per-stage limits: generous for one school's staff, a brake on a runaway client. */
export const apiThrottle = { rateLimit: 50, burstLimit: 100 } as const;

/**
 * One access-log line per request. Deliberately no body, no path and no query string:
 * a search for a pupil's name must not end up in a log; the route key says which route.
 */
export const accessLogFields = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  method: '$context.httpMethod',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  caller: '$context.authorizer.claims.sub',
  clientId: '$context.authorizer.claims.client_id',
} as const;

/**
 * The school's HTTP API: one function per catalogue route, a Cognito JWT authorizer on
 * every route that is not public, throttling and JSON access logs on the `$default` stage.
 * The API, its stage, access logs and authorizer are in the school's stack; each route's
 * function (with its role, log group and invoke permission), integration and route are in
 * the nested stack of its area (infra/route-areas.ts), which deploys with the school's stack.
 */
export class SchoolApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly authorizer: HttpJwtAuthorizer;
  readonly handlers = new Map<string, LanternFunction>();
  /** The nested stack of each area that has a route, in the order first used. */
  readonly areaStacks = new Map<RouteArea, NestedStack>();
  private readonly schoolId: string;

  constructor(scope: Construct, id: string, props: SchoolApiProps) {
    super(scope, id);
    const { identity } = props;
    this.schoolId = props.schoolId;

    this.api = new HttpApi(this, 'HttpApi', {
      apiName: `lantern-${props.schoolId}`,
      description: `Lantern ${props.schoolId} API`,
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [props.appBaseUrl],
        allowMethods: corsMethods(props.routes),
        allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
        exposeHeaders: ['x-request-id'],
        maxAge: Duration.hours(1),
      },
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: logRetention, encryptionKey: props.logKey });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: apiThrottle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(accessLogFields)),
      },
    });

    // Cognito access tokens carry `client_id`, not `aud`; API Gateway checks either against
    // the audience list, so the staff client and every partner's client are accepted.
    this.authorizer = new HttpJwtAuthorizer(
      'CognitoAccessToken',
      `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${identity.userPool.userPoolId}`,
      { jwtAudience: [identity.staffClient.userPoolClientId, ...[...identity.partnerClients.values()].map((client) => client.userPoolClientId)] },
    );

    for (const route of props.routes) this.addRoute(route, props.settings);

    // Partner routes have their own, lower throttle: a runaway partner system cannot starve
    // staff. HTTP APIs throttle per route, not per client; each partner route is one limit.
    const partnerRoutes = props.routes.filter((route) => (route.scopes ?? []).length > 0);
    if (partnerRoutes.length > 0) {
      // routeSettings is plain JSON to CloudFormation: its keys are written as the template spells them.
      (this.stage.node.defaultChild as CfnStage).routeSettings = Object.fromEntries(
        partnerRoutes.map((route) => [`${route.method} ${route.path}`, { ThrottlingRateLimit: partnerThrottle.rateLimit, ThrottlingBurstLimit: partnerThrottle.burstLimit }]),
      );
    }
  }

  /** The nested stack a route of this area goes in, made on first use. */
  areaStack(area: RouteArea): NestedStack {
    let stack = this.areaStacks.get(area);
    if (!stack) {
      stack = new NestedStack(this, `Routes${area}`, { description: `Lantern ${this.schoolId} API routes: ${area}` });
      this.areaStacks.set(area, stack);
    }
    return stack;
  }

  private addRoute(route: RouteDefinition, settings: HandlerSettings): void {
    if (this.handlers.has(route.id)) throw new Error(`Route ${route.id} is declared twice`);
    const handler = new LanternFunction(this.areaStack(routeAreaOf(route)), `Route-${route.id}`, {
      entry: route.entry,
      purpose: `route ${route.id}`,
      description: `${route.method} ${route.path}: ${route.summary}`,
      settings,
      uses: route.uses,
    });
    // Beside its function: the integration and the invoke permission are made in the route's scope.
    const created = new HttpRoute(handler, 'HttpRoute', {
      httpApi: this.api,
      routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
      integration: new HttpLambdaIntegration(`Integration-${route.id}`, handler.function),
      authorizer: route.public ? undefined : this.authorizer,
      // A partner route's token must carry one of its scopes (`lantern/<scope>`); staff tokens carry none.
      ...(route.scopes && route.scopes.length > 0 ? { authorizationScopes: [...route.scopes] } : {}),
    });
    if (route.public) {
      NagSuppressions.addResourceSuppressions(created, [
        {
          id: 'AwsSolutions-APIG4',
          reason: `${route.method} ${route.path} is public by design (${route.summary}): it is read before sign-in and returns nothing about pupils or staff.`,
        },
      ], true);
    }
    this.handlers.set(route.id, handler);
  }
}

function corsMethods(routes: readonly RouteDefinition[]): CorsHttpMethod[] {
  const methods = new Set(routes.map((route) => CorsHttpMethod[route.method]));
  return [...methods, CorsHttpMethod.OPTIONS];
}
