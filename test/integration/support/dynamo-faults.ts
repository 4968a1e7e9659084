import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** What the armed fault makes DynamoDB answer to a TransactWriteItems. */
export type TransactionFault = 'conflict' | 'throttled';

interface Armed {
  readonly fault: TransactionFault;
  /** How many attempts still fail; Infinity for all of them. */
  remaining: number;
}

/**
 * Faults AWS shows and DynamoDB Local never does (it runs transactions one at a time and is
 * never throttled), injected in the handlers' own DynamoDB client: a middleware in the
 * deserialize step, inside the SDK's retry loop, so the SDK's retries and Lantern's own are
 * both exercised. Nothing reaches DynamoDB Local while the fault answers.
 */
export class DynamoFaults {
  private armed: Armed | undefined;
  /** TransactWriteItems calls that reached this middleware (SDK retries included) since arming. */
  attempts = 0;

  arm(fault: TransactionFault, attempts = Number.POSITIVE_INFINITY): void {
    this.armed = { fault, remaining: attempts };
    this.attempts = 0;
  }

  disarm(): void {
    this.armed = undefined;
  }

  attach(documents: DynamoDBDocumentClient): DynamoDBDocumentClient {
    documents.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== 'TransactWriteItemsCommand' || !this.armed) return next(args);
        this.attempts += 1;
        if (this.armed.remaining <= 0) return next(args);
        this.armed.remaining -= 1;
        throw faultError(this.armed.fault);
      },
      { step: 'deserialize', name: 'lanternFaultInjection', priority: 'high' },
    );
    return documents;
  }
}

function faultError(fault: TransactionFault): Error {
  if (fault === 'conflict') {
    return Object.assign(new Error('Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict, None]'), {
      name: 'TransactionCanceledException',
      CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }],
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    });
  }
  // What DynamoDB answers a request over the table's throughput: the SDK retries it as throttling.
  return Object.assign(new Error('Throughput exceeds the current capacity of your table or index.'), {
    name: 'ProvisionedThroughputExceededException',
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
  });
}

/** The one injector the mocked document client attaches to every client it makes. */
export const dynamoFaults = new DynamoFaults();
