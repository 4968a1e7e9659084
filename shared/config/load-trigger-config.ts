import { z } from 'zod';
import { ConfigError } from './load-config';

/**
 * The user pool's triggers see only what they need: the audit table. They cannot be given
 * the pool's own ids (the pool refers to them, so that would be a circular reference).
 */
const triggerEnvironment = z.object({
  AWS_REGION: z.string().min(1),
  AUDIT_TABLE: z.string().min(1),
  DYNAMODB_ENDPOINT: z.url().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export interface TriggerConfig {
  readonly region: string;
  readonly auditTable: string;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  readonly endpoints: { readonly dynamodb?: string };
}

export function loadTriggerConfig(environment: NodeJS.ProcessEnv): TriggerConfig {
  const parsed = triggerEnvironment.safeParse(environment);
  if (!parsed.success) {
    const names = parsed.error.issues.map((issue) => `Missing or invalid ${issue.path.join('.')}`);
    throw new ConfigError(`Lantern trigger configuration is incomplete. ${names.join('; ')}`);
  }
  const env = parsed.data;
  return { region: env.AWS_REGION, auditTable: env.AUDIT_TABLE, logLevel: env.LOG_LEVEL, endpoints: { dynamodb: env.DYNAMODB_ENDPOINT } };
}
