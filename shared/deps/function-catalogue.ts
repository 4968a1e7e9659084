import { routes } from '../api/routes';
import { eventRules } from '../events/rules';
import { streamConsumers } from '../streams/stream-consumers';
import { cognitoTriggers } from '../triggers/cognito-triggers';
import type { Uses } from './uses';

/** One Lambda function the stack deploys: its handler module and its declaration. */
export interface FunctionEntry {
  /** Route ids as they are; the other catalogues' prefixed with their kind (event:, cognito:, stream:). */
  readonly id: string;
  readonly entry: string;
  readonly uses: Uses;
}

/**
 * Every function of the four catalogues (routes, event rules, sign-in triggers, stream
 * consumers) in one list, for whatever has to cover them all: the local twin's
 * environments, the bundle budget, the declaration tests. Not imported by any handler.
 */
export const allFunctions: readonly FunctionEntry[] = [
  ...routes.map((route) => ({ id: route.id, entry: route.entry, uses: route.uses })),
  ...eventRules.map((rule) => ({ id: `event:${rule.id}`, entry: rule.entry, uses: rule.uses })),
  ...cognitoTriggers.map((trigger) => ({ id: `cognito:${trigger.id}`, entry: trigger.entry, uses: trigger.uses })),
  ...streamConsumers.map((consumer) => ({ id: `stream:${consumer.id}`, entry: consumer.entry, uses: consumer.uses })),
];
