import { TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ServiceBusyError } from '../../errors/lantern-error';

/**
 * The one place Lantern sends a transaction. DynamoDB cancels a transaction that races
 * another on the same item (`TransactionConflict`) or is throttled; nothing of it was
 * written, so it is sent again after an exponential backoff with full jitter, a bounded
 * number of times, then answered 503 with Retry-After. A request throttled as a whole is
 * retried by the SDK itself; when its retries run out it is answered 503 too. A failed
 * condition is an answer, never retried. DynamoDB Local runs transactions one at a time and
 * never shows this.
 */
export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
}

export const transactionRetry: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 25,
  maxDelayMs: 400,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** What the client is told to wait before trying again. */
export const RETRY_AFTER_SECONDS = 1;

const RETRYABLE_REASONS = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded', 'RequestLimitExceeded']);

export async function sendTransaction(client: DynamoDBDocumentClient, input: TransactWriteCommandInput, policy: RetryPolicy = transactionRetry): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await client.send(new TransactWriteCommand(input));
      return;
    } catch (error) {
      // The SDK has already retried a throttled request with its own backoff: answer busy now.
      if (isThrottled(error)) throw new ServiceBusyError('Lantern is busier than DynamoDB allows just now. Nothing was saved: try again in a moment.', RETRY_AFTER_SECONDS, { cause: error });
      if (!isRetryableCancellation(error)) throw error;
      if (attempt >= policy.attempts) {
        throw new ServiceBusyError('Lantern is busy saving other changes to the same records. Nothing was saved: try again in a moment.', RETRY_AFTER_SECONDS, { cause: error });
      }
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      await policy.sleep(Math.floor(policy.random() * ceiling));
    }
  }
}

const THROTTLING_ERRORS = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']);

/** The whole request was throttled (not one item of it): DynamoDB wrote nothing. */
export function isThrottled(error: unknown): boolean {
  return THROTTLING_ERRORS.has((error as { name?: string })?.name ?? '');
}

/** Cancelled only by conflicts or throttling: no item failed its condition. */
export function isRetryableCancellation(error: unknown): boolean {
  const name = (error as { name?: string })?.name;
  if (name === 'TransactionConflictException') return true;
  if (name !== 'TransactionCanceledException') return false;
  const codes = ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
  return codes.some((code) => RETRYABLE_REASONS.has(code)) && codes.every((code) => code === 'None' || RETRYABLE_REASONS.has(code));
}
