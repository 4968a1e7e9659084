/** A problem the person starting the local twin can fix; printed without a stack trace. */
export class LocalStackError extends Error {
  override readonly name = 'LocalStackError';
}
