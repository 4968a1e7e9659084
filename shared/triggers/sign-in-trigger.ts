import type { Context, PostAuthenticationTriggerEvent, PreAuthenticationTriggerEvent } from 'aws-lambda';
import { ulid } from 'ulid';
import { loadTriggerConfig, type TriggerConfig } from '../config/load-trigger-config';
import { createDocumentClient } from '../adapters/dynamo/document-client';
import { DynamoAuditTrail } from '../adapters/dynamo/audit-trail';
import { recordSignIn, type SignInStage } from '../domain/audit/record-sign-in';
import type { AuditTrail } from '../domain/ports';
import { createLogger } from '../logging/logger';

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
  return async <TEvent extends SignInEvent>(event: TEvent, context: Pick<Context, 'awsRequestId'>): Promise<TEvent> => {
    const staffId = event.request.userAttributes.sub ?? event.userName;
    const sourceIp = (event.request as { userContextData?: { sourceIp?: string } }).userContextData?.sourceIp;
    await recordSignIn(
      { audit, clock: { now: () => new Date() }, ids: { next: () => ulid() } },
      { stage, staffId, requestId: context.awsRequestId, sourceIp, clientId: event.callerContext.clientId },
    );
    logger.info('sign-in recorded', { stage, staffId });
    return event;
  };
}

function auditTrailFrom(config: TriggerConfig): AuditTrail {
  return new DynamoAuditTrail(createDocumentClient({ region: config.region, endpoints: config.endpoints }), config.auditTable);
}
