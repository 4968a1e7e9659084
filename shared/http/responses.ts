/** What a route's domain call answers; `apiRoute` serialises it. */
export interface RouteResult<TBody = unknown> {
  readonly status: number;
  readonly body?: TBody;
  readonly headers?: Record<string, string>;
}

export const ok = <TBody>(body: TBody, headers?: Record<string, string>): RouteResult<TBody> => ({ status: 200, body, headers });
export const created = <TBody>(body: TBody, headers?: Record<string, string>): RouteResult<TBody> => ({ status: 201, body, headers });
export const accepted = <TBody>(body: TBody): RouteResult<TBody> => ({ status: 202, body });
export const noContent = (): RouteResult<never> => ({ status: 204 });
