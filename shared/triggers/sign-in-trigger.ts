import type { Context, PostAuthenticationTriggerEvent, PreAuthenticationTriggerEvent } from 'aws-lambda';
import { ulid } from 'ulid';
import { loadTriggerConfig, type TriggerConfig } from '../config/load-trigger-config';
import { createDocumentClient } from '../adapters/dynamo/document-client';
import { DynamoAuditTrail } from '../adapters/dynamo/audit-trail';
import { recordSignIn, type SignInStage } from '../domain/audit/record-sign-in';
import type { AuditTrail } from '../domain/ports';
import { createLogger, type Logger } from '../logging/logger';
import { pipeline, type PipelineStep } from '../lambda/pipeline';

type SignInEvent = PreAuthenticationTriggerEvent | PostAuthenticationTriggerEvent;

export interface SignInTriggerOptions {
  readonly audit?: () => AuditTrail;
}

/**
 * A Cognito trigger that writes the sign-in to the audit trail and hands the event back
 * unchanged. If the audit write fails the sign-in fails too: an unaudited sign-in is not
 * allowed to happen.
 */
export function signInTrigger(stage: SignInStage, options: SignInTriggerOptions = {}) {
  let config: TriggerConfig | undefined;
  const audit = options.audit?.() ?? auditTrailFrom((config = loadTriggerConfig(process.env)));
  const logger = createLogger({ level: config?.logLevel ?? 'info', fields: { trigger: `sign-in-${stage}` } });
  const steps: PipelineStep<SignInEvent, SignInEvent, SignInState>[] = [signInOutcome(logger, stage)];
  const handler = pipeline(steps, async ({ event, context, internal }) => {
    internal.staffId = event.request.userAttributes.sub ?? event.userName;
    const sourceIp = (event.request as { userContextData?: { sourceIp?: string } }).userContextData?.sourceIp;
    await recordSignIn(
      { audit, clock: { now: () => new Date() }, ids: { next: () => ulid() } },
      { stage, staffId: internal.staffId, requestId: context.awsRequestId, sourceIp, clientId: event.callerContext.clientId },
    );
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

function auditTrailFrom(config: TriggerConfig): AuditTrail {
  return new DynamoAuditTrail(createDocumentClient({ region: config.region, endpoints: config.endpoints }), config.auditTable);
}
