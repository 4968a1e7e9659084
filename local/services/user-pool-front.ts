// biome-ignore-all lint/suspicious/noExplicitAny: cognito-local's routes take and return untyped JSON bodies; this front only reads a few fields of them.
import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { AuthEventLog, RecordedSignIn } from './auth-event-log';
import type { LocalSigningKey } from './local-signing-key';

type Context = Parameters<import('cognito-local/lib/server/Router').Route>[0];
type Route = (ctx: Context, req: Record<string, any>) => Promise<any>;
type Router = (target: string) => Route;
type CognitoService = import('cognito-local/lib/services/cognitoService').CognitoService;
type Errors = typeof import('cognito-local/lib/errors');

export interface UserPoolFrontOptions {
  readonly cognito: CognitoService;
  readonly errors: Errors;
  readonly key: LocalSigningKey;
  readonly log: AuthEventLog;
}

const passwordFlows = new Set(['USER_PASSWORD_AUTH', 'ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH']);
const refreshFlows = new Set(['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN']);
const wrongPassword = new Set(['NotAuthorizedException', 'InvalidPasswordException']);

/**
 * What stands between a client and cognito-local's targets, so the local user pool behaves
 * as Cognito does where Lantern relies on it:
 * - it signs tokens with the data directory's own key (not the one cognito-local publishes)
 *   and refuses any access token that key did not sign;
 * - it records every sign-in and the challenges it passed, stamps the event's id into the
 *   tokens as `event_id`, and answers AdminListUserAuthEvents (the Plus tier's user
 *   activity log), which cognito-local lacks;
 * - a refresh keeps the sign-in's `event_id` and `auth_time`, as Cognito does, and works
 *   after a sign-in that answered a challenge too;
 * - a challenge answer needs the Session the sign-in handed out.
 */
export function userPoolFront(router: Router, options: UserPoolFrontOptions): Router {
  const { errors, key, log } = options;

  async function subOf(ctx: Context, where: { ClientId?: string; UserPoolId?: string }, username: unknown): Promise<string | undefined> {
    if (typeof username !== 'string') return undefined;
    const pool = where.UserPoolId ? await options.cognito.getUserPool(ctx, where.UserPoolId) : await options.cognito.getUserPoolForClientId(ctx, where.ClientId ?? '');
    const user = await pool.getUserByUsername(ctx, username);
    return user?.Attributes.find((attribute) => attribute.Name === 'sub')?.Value;
  }

  async function withLocalTokens(result: any, origin: { eventId?: string; authTime?: number }) {
    const tokens = result?.AuthenticationResult;
    if (!tokens?.AccessToken) return result;
    const resign = (token: string) =>
      key.sign({ ...decodeJwt(token), ...(origin.eventId ? { event_id: origin.eventId } : {}), ...(origin.authTime ? { auth_time: origin.authTime } : {}) });
    const accessToken = await resign(tokens.AccessToken);
    if (tokens.RefreshToken && origin.eventId) {
      log.rememberRefreshToken(tokens.RefreshToken, { eventId: origin.eventId, authTime: decodeJwt(accessToken).auth_time as number });
    }
    return { ...result, AuthenticationResult: { ...tokens, AccessToken: accessToken, ...(tokens.IdToken ? { IdToken: await resign(tokens.IdToken) } : {}) } };
  }

  const signIn = (eventId: string, response: RecordedSignIn['EventResponse'], challenges: RecordedSignIn['ChallengeResponses']): RecordedSignIn => ({
    EventId: eventId,
    EventType: 'SignIn',
    CreationDate: Date.now(),
    EventResponse: response,
    ChallengeResponses: challenges,
  });

  /** cognito-local stores a refresh token only when a sign-in needs no challenge; Cognito always does. */
  async function keepRefreshToken(ctx: Context, clientId: string, sub: string, refreshToken: unknown) {
    if (typeof refreshToken !== 'string') return;
    const pool = await options.cognito.getUserPoolForClientId(ctx, clientId);
    const user = await pool.getUserByUsername(ctx, sub);
    if (user) await pool.storeRefreshToken(ctx, refreshToken, user);
  }

  async function initiate(route: Route, ctx: Context, req: Record<string, any>) {
    if (refreshFlows.has(req.AuthFlow)) {
      const origin = log.originOf(req.AuthParameters?.REFRESH_TOKEN ?? '');
      return withLocalTokens(await route(ctx, req), origin ?? {});
    }
    if (!passwordFlows.has(req.AuthFlow)) return route(ctx, req);
    const sub = await subOf(ctx, req, req.AuthParameters?.USERNAME);
    const eventId = randomUUID();
    let result: any;
    try {
      result = await route(ctx, req);
    } catch (error) {
      if (sub && wrongPassword.has((error as { code?: string }).code ?? '')) log.record(sub, signIn(eventId, 'Fail', [{ ChallengeName: 'Password', ChallengeResponse: 'Failure' }]));
      throw error;
    }
    if (!sub) return result;
    const password = { ChallengeName: 'Password', ChallengeResponse: 'Success' } as const;
    if (result?.AuthenticationResult) {
      log.record(sub, signIn(eventId, 'Pass', [password]));
      return withLocalTokens(result, { eventId });
    }
    log.record(sub, signIn(eventId, 'InProgress', [password]), result?.Session);
    return result;
  }

  async function respond(route: Route, ctx: Context, req: Record<string, any>) {
    const pending = typeof req.Session === 'string' ? log.sessionOf(req.Session) : undefined;
    if (!pending) throw new errors.NotAuthorizedError('Invalid session for the user.');
    const mfa = req.ChallengeName === 'SOFTWARE_TOKEN_MFA';
    let result: any;
    try {
      result = await route(ctx, req);
    } catch (error) {
      if (mfa && (error as { code?: string }).code === 'CodeMismatchException') log.settle(pending.sub, pending.eventId, 'Fail', { ChallengeName: 'Mfa', ChallengeResponse: 'Failure' });
      throw error;
    }
    if (result?.AuthenticationResult) {
      log.settle(pending.sub, pending.eventId, 'Pass', mfa ? { ChallengeName: 'Mfa', ChallengeResponse: 'Success' } : undefined);
      log.forgetSession(req.Session);
      await keepRefreshToken(ctx, req.ClientId, pending.sub, result.AuthenticationResult.RefreshToken);
      return withLocalTokens(result, { eventId: pending.eventId });
    }
    // Another challenge follows (say, a code after a new password): the same sign-in goes on.
    if (typeof result?.Session === 'string') log.continueSession(req.Session, result.Session);
    return result;
  }

  async function listAuthEvents(ctx: Context, req: Record<string, any>) {
    const sub = await subOf(ctx, req, req.Username);
    if (!sub) throw new errors.UserNotFoundError('User does not exist.');
    const newestFirst = log.signInsOf(sub).sort((a, b) => b.CreationDate - a.CreationDate);
    const start = Number(req.NextToken ?? 0);
    const size = Math.min(Math.max(Number(req.MaxResults) || 60, 1), 60);
    const page = newestFirst.slice(start, start + size);
    return {
      // Epoch seconds with the fraction kept, as Cognito's JSON protocol sends times.
      AuthEvents: page.map((event) => ({ ...event, CreationDate: event.CreationDate / 1000 })),
      ...(start + size < newestFirst.length ? { NextToken: String(start + size) } : {}),
    };
  }

  return (target) => {
    const route = router(target) as Route;
    return async (ctx, req) => {
      if (typeof req?.AccessToken === 'string' && !(await key.verify(req.AccessToken))) throw new errors.NotAuthorizedError('Invalid Access Token');
      switch (target) {
        case 'AdminListUserAuthEvents':
          return listAuthEvents(ctx, req);
        case 'InitiateAuth':
        case 'AdminInitiateAuth':
          return initiate(route, ctx, req);
        case 'RespondToAuthChallenge':
        case 'AdminRespondToAuthChallenge':
          return respond(route, ctx, req);
        default:
          return route(ctx, req);
      }
    };
  };
}
