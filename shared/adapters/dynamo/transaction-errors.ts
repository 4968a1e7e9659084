import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/** True when the transaction was cancelled because item `index` failed its condition. */
export function failedConditionAt(error: unknown, index: number): boolean {
  if (!(error instanceof TransactionCanceledException) && (error as { name?: string })?.name !== 'TransactionCanceledException') return false;
  const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
  return reasons[index]?.Code === 'ConditionalCheckFailed';
}

export function isConditionalCheckFailure(error: unknown): boolean {
  return (error as { name?: string })?.name === 'ConditionalCheckFailedException';
}
