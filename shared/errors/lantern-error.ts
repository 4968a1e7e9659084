/**
 * Lantern's typed errors. Each carries the HTTP status and a stable machine-readable
 * code; the error middleware maps them to responses in one place. Messages are shown to
 * the user, so they say what was wrong and never echo pupil data.
 */
export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `categories.0.categoryId`. */
  readonly field: string;
  readonly message: string;
}

export abstract class LanternError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;

  /** `cause` keeps the error this one stands for (an SDK exception, say) for the log. */
  constructor(message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }

  /** Extra, safe-to-show detail for the response body. */
  details(): Record<string, unknown> | undefined {
    return undefined;
  }

  /** Response headers the error asks for (e.g. Retry-After). */
  headers(): Record<string, string> {
    return {};
  }
}

/** The request body or parameters do not have the required shape. */
export class ValidationError extends LanternError {
  readonly status = 400;
  readonly code = 'validation_failed';

  constructor(readonly issues: readonly FieldIssue[]) {
    super(ValidationError.summarise(issues));
  }

  static forField(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }]);
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
  readonly status = 400;
  readonly code = 'malformed_request';
}

/** Well-formed, but it breaks a rule of the school's records (e.g. an unknown category). */
export class UnprocessableError extends LanternError {
  readonly status = 422;
  readonly code = 'unprocessable';

  constructor(
    readonly reason: string,
    readonly field?: string,
  ) {
    // Like ValidationError, the message names the field first.
    super(field ? `${field}: ${reason}` : reason);
  }

  override details() {
    return this.field ? { issues: [{ field: this.field, message: this.reason }] } : undefined;
  }
}

export class UnsupportedMediaTypeError extends LanternError {
  readonly status = 415;
  readonly code = 'unsupported_media_type';
}

export class UnauthorizedError extends LanternError {
  readonly status = 401;
  readonly code = 'unauthorized';
}

export class ForbiddenError extends LanternError {
  readonly status = 403;
  readonly code = 'forbidden';
}

/** The route needs a recent authenticator sign-in: the front end should step up. */
export class ElevationRequiredError extends LanternError {
  readonly status = 403;
  readonly code = 'elevation_required';
}

export class AccountDisabledError extends LanternError {
  readonly status = 403;
  readonly code = 'account_disabled';
}

/** Also used when the caller may not know the record exists. */
export class NotFoundError extends LanternError {
  readonly status = 404;
  readonly code = 'not_found';
}

export class ConflictError extends LanternError {
  readonly status = 409;
  readonly code = 'conflict';
}

/** The request is well-formed but too large to keep as one record. */
export class PayloadTooLargeError extends LanternError {
  readonly status = 413;
  readonly code = 'too_large';
}

/** Contention or throttling outlasted the retries: nothing was saved; try again shortly. */
export class ServiceBusyError extends LanternError {
  readonly status = 503;
  readonly code = 'busy';

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  override headers() {
    return { 'retry-after': String(this.retryAfterSeconds) };
  }
}

/** The request comes out of order: an earlier step it depends on has not happened. */
export class OutOfOrderError extends LanternError {
  readonly status = 409;
  readonly code = 'out_of_order';
}

export function isLanternError(error: unknown): error is LanternError {
  return error instanceof LanternError;
}
