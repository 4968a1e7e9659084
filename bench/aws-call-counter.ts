import { AsyncLocalStorage } from 'node:async_hooks';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Counts AWS calls at the client, for the bench and tests only (production never loads
 * this): the first time any SDK client sends, an SDK middleware (step `initialize`) is
 * added to its middleware stack, so the count is of commands the SDK was actually asked
 * to send, named `Service.Operation`. Each function builds its own clients at its cold
 * start, so the hook sits on the clients' shared base `send`; only calls made inside
 * `measure` (its async context) are counted, never another request's or the local
 * stand-ins' own (e.g. the local bus dispatching to consumers).
 */
interface MiddlewareStackLike {
  add(middleware: (next: (args: unknown) => Promise<unknown>, context: { clientName?: string; commandName?: string }) => (args: unknown) => Promise<unknown>, options: { step: 'initialize'; name: string }): void;
}

interface SendingClient {
  readonly middlewareStack: MiddlewareStackLike;
  send(...args: unknown[]): unknown;
}

export interface AwsCallCounter {
  /** Runs `work` and gives back its result with the AWS calls it made, as `Service.Operation` → count. */
  measure<T>(work: () => Promise<T>): Promise<{ result: T; calls: Record<string, number>; total: number; transactionItems: number[] }>;
}

interface Tally {
  readonly counts: Map<string, number>;
  /** The item count of each TransactWriteItems, so a raw reference can write as many. */
  readonly transactionItems: number[];
}

const scope = new AsyncLocalStorage<Tally>();
const countedStacks = new WeakSet<object>();
let hooked = false;

function hookClients(): void {
  if (hooked) return;
  hooked = true;
  // Every client class extends the SDK's one base client; a document client shares its
  // DynamoDB client's middleware stack, so one call is counted once either way.
  const clients = [DynamoDBClient, DynamoDBDocumentClient, EventBridgeClient, SchedulerClient, SESv2Client, CognitoIdentityProviderClient, S3Client];
  const bases = new Set(clients.map((client) => Object.getPrototypeOf(client.prototype) as SendingClient));
  for (const base of bases) {
    const send = base.send;
    base.send = function countedSend(this: SendingClient, ...args: unknown[]) {
      if (!countedStacks.has(this.middlewareStack)) {
        countedStacks.add(this.middlewareStack);
        this.middlewareStack.add(
          (next, context) => async (input) => {
            const tally = scope.getStore();
            if (tally) {
              const name = `${(context.clientName ?? 'Client').replace(/Client$/, '')}.${(context.commandName ?? 'Command').replace(/Command$/, '')}`;
              tally.counts.set(name, (tally.counts.get(name) ?? 0) + 1);
              const items = (input as { input?: { TransactItems?: unknown[] } }).input?.TransactItems;
              if (name === 'DynamoDB.TransactWriteItems' && items) tally.transactionItems.push(items.length);
            }
            return next(input);
          },
          { step: 'initialize', name: 'lanternBenchCallCounter' },
        );
      }
      return send.apply(this, args);
    };
  }
}

export function countAwsCalls(): AwsCallCounter {
  hookClients();
  return {
    async measure(work) {
      const tally: Tally = { counts: new Map(), transactionItems: [] };
      const result = await scope.run(tally, work);
      const calls = Object.fromEntries([...tally.counts].sort(([left], [right]) => left.localeCompare(right)));
      return { result, calls, total: [...tally.counts.values()].reduce((sum, count) => sum + count, 0), transactionItems: tally.transactionItems };
    },
  };
}
