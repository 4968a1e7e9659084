/**
 * Lantern's typed errors. Each says what went wrong with a stable machine-readable code;
 * which HTTP status that is, is decided once, in `shared/http/error-response.ts`. Messages
 * are shown to the user, so they say what was wrong and never echo pupil data. The
 * original error (an SDK exception, say) travels as `cause`, for the log and debugger only.
 */
export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `categories.0.categoryId`. */
  readonly field: string;
  readonly message: string;
}

/**
 * Every code a Lantern error can carry. A new error adds its code here and one line to the
 * HTTP error map (the map's type makes a missing line a compile error).
 */
export type LanternErrorCode =
  | 'validation_failed'
  | 'malformed_request'
  | 'unprocessable'
  | 'unsupported_media_type'
  | 'unauthorized'
  | 'forbidden'
  | 'elevation_required'
  | 'account_disabled'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'busy'
  | 'out_of_order'
  | 'version_conflict';

export abstract class LanternError extends Error {
  abstract readonly code: LanternErrorCode;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }

  /** Extra, safe-to-show detail for the response body. */
  details(): { readonly issues?: readonly FieldIssue[]; readonly currentVersion?: number } | undefined {
    return undefined;
  }

  /** Headers whose value this error knows (e.g. how long to wait before a retry). */
  headers(): Record<string, string> {
    return {};
  }
}

/** The request body or parameters do not have the required shape. */
export class ValidationError extends LanternError {
  readonly code = 'validation_failed';

  constructor(
    readonly issues: readonly FieldIssue[],
    options?: ErrorOptions,
  ) {
    super(ValidationError.summarise(issues), options);
  }

  static forField(field: string, message: string, options?: ErrorOptions): ValidationError {
    return new ValidationError([{ field, message }], options);
  }

  override details() {
    return { issues: this.issues };
  }

  private static summarise(issues: readonly FieldIssue[]): string {
    const first = issues[0];
    if (!first) return 'The request is not valid.';
    const rest = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    return `${first.field ? `${first.field}: ` : ''}${first.message}${rest}`;
  }
}

/** The body is not JSON at all. */
export class MalformedRequestError extends LanternError {
  readonly code = 'malformed_request';
}

/** Well-formed, but it breaks a rule of the school's records (e.g. an unknown category). */
export class UnprocessableError extends LanternError {
  readonly code = 'unprocessable';

  constructor(
    readonly reason: string,
    readonly field?: string,
    options?: ErrorOptions,
  ) {
    // Like ValidationError, the message names the field first.
    super(field ? `${field}: ${reason}` : reason, options);
  }

  override details() {
    return this.field ? { issues: [{ field: this.field, message: this.reason }] } : undefined;
  }
}

export class UnsupportedMediaTypeError extends LanternError {
  readonly code = 'unsupported_media_type';
}

export class UnauthorizedError extends LanternError {
  readonly code = 'unauthorized';
}

export class ForbiddenError extends LanternError {
  readonly code = 'forbidden';
}

/** The route needs a recent authenticator sign-in: the front end should step up. */
export class ElevationRequiredError extends LanternError {
  readonly code = 'elevation_required';
}

export class AccountDisabledError extends LanternError {
  readonly code = 'account_disabled';
}

/** Also used when the caller may not know the record exists. */
export class NotFoundError extends LanternError {
  readonly code = 'not_found';
}

export class ConflictError extends LanternError {
  readonly code = 'conflict';
}

/** The request is well-formed but too large to keep as one record. */
export class PayloadTooLargeError extends LanternError {
  readonly code = 'too_large';
}

/** Contention or throttling outlasted the retries: nothing was saved; try again shortly. */
export class ServiceBusyError extends LanternError {
  readonly code = 'busy';

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }

  override headers() {
    return { 'retry-after': String(this.retryAfterSeconds) };
  }
}

/** The request comes out of order: an earlier step it depends on has not happened. */
export class OutOfOrderError extends LanternError {
  readonly code = 'out_of_order';
}

export function isLanternError(error: unknown): error is LanternError {
  return error instanceof LanternError;
}

/**
 * Errors that refuse the caller access to a record or route (rather than faulting their
 * input): these are the refusals the audit trail keeps.
 */
const accessRefusals = new Set<LanternErrorCode>(['unauthorized', 'forbidden', 'elevation_required', 'account_disabled', 'not_found']);

export function isAccessRefusal(error: unknown): error is LanternError {
  return isLanternError(error) && accessRefusals.has(error.code);
}

/** A change made against an old version of a record: the body names the current version. */
export class VersionConflictError extends LanternError {
  readonly code = 'version_conflict';

  constructor(readonly currentVersion: number) {
    super(`This was changed by someone else since you opened it: it is now version ${currentVersion}. Reload it and make your change again.`);
  }

  override details() {
    return { currentVersion: this.currentVersion };
  }
}
