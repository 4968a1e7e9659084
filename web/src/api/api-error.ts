/** An API refusal as the app shows it: the stable code, words for staff, and per-field issues. */
export interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
    readonly requestId?: string,
  ) {
    super(message);
  }

  get elevationRequired(): boolean {
    return this.status === 403 && this.code === 'elevation_required';
  }
}

/** What a page shows for a failed call: the API's refusal, or the page's words for anything else. */
export function asApiError(caught: unknown, fallbackMessage: string): ApiError {
  return caught instanceof ApiError ? caught : new ApiError(0, 'unknown', fallbackMessage);
}

export async function apiErrorFrom(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as { error?: string; message?: string; issues?: FieldIssue[]; requestId?: string };
  if (response.status === 401) return new ApiError(401, 'unauthenticated', 'Your session has ended. Sign in again.');
  const message = body.message ?? (response.status >= 500 ? 'Something went wrong on our side. Try again in a moment.' : 'That did not work.');
  return new ApiError(response.status, body.error ?? `http_${response.status}`, message, Array.isArray(body.issues) ? body.issues : [], body.requestId);
}
