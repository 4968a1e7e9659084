import type { Context, PostAuthenticationTriggerEvent, PreAuthenticationTriggerEvent } from 'aws-lambda';
import { ulid } from 'ulid';
import { entryById } from '../api/entry-by-id';
import { declaredContext } from '../deps/declared-context';
import { auditTrail, dynamoPorts } from '../deps/dynamo-ports';
import { recordSignIn, type SignInStage } from '../domain/audit/record-sign-in';
import type { Deps } from '../domain/deps';
import type { AuditTrail } from '../domain/ports';
import { createLogger, type Logger } from '../logging/logger';
import { pipeline, type PipelineStep } from '../lambda/pipeline';
import { cognitoTriggers } from './cognito-triggers';

type SignInEvent = PreAuthenticationTriggerEvent | PostAuthenticationTriggerEvent;

export interface SignInTriggerOptions {
  /** The audit trail; by default built from the triggers' declaration. Tests pass their own. */
  readonly audit?: () => AuditTrail;
}

/**
 * A Cognito trigger that writes the sign-in to the audit trail and hands the event back
 * unchanged. If the audit write fails the sign-in fails too: an unaudited sign-in is not
 * allowed to happen. It uses the audit trail only (shared/triggers/cognito-triggers.ts).
 */
export function signInTrigger(stage: SignInStage, options: SignInTriggerOptions = {}) {
  const deps = options.audit ? withAuditTrail(options.audit()) : declaredTriggerContext(stage);
  const logger = deps.logger.child({ trigger: `sign-in-${stage}` });
  const steps: PipelineStep<SignInEvent, SignInEvent, SignInState>[] = [signInOutcome(logger, stage)];
  const handler = pipeline(steps, async ({ event, context, internal }) => {
    internal.staffId = event.request.userAttributes.sub ?? event.userName;
    const sourceIp = (event.request as { userContextData?: { sourceIp?: string } }).userContextData?.sourceIp;
    await recordSignIn(deps, { stage, staffId: internal.staffId, requestId: context.awsRequestId, sourceIp, clientId: event.callerContext.clientId });
    return event;
  });
  return <TEvent extends SignInEvent>(event: TEvent, context: Pick<Context, 'awsRequestId'>) => handler(event, context as Context) as Promise<TEvent>;
}

interface SignInState extends Record<string, unknown> {
  staffId?: string;
}

/** One line per recorded sign-in (the staff id and stage only). */
function signInOutcome(logger: Logger, stage: SignInStage): PipelineStep<SignInEvent, SignInEvent, SignInState> {
  return {
    name: 'sign-in-outcome',
    after: ({ internal }) => logger.info('sign-in recorded', { stage, staffId: internal.staffId }),
  };
}

function withAuditTrail(audit: AuditTrail): Pick<Deps, 'audit' | 'clock' | 'ids' | 'logger'> {
  return { audit, clock: { now: () => new Date() }, ids: { next: () => ulid() }, logger: createLogger() };
}

function declaredTriggerContext(stage: SignInStage) {
  return declaredContext(entryById(cognitoTriggers, `sign-in-${stage}`, 'Cognito trigger'), { dynamodb: dynamoPorts({ audit: auditTrail }) }).deps;
}
