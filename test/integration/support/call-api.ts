import { localFacts } from './local-facts';

export interface ApiResponse<TBody = unknown> {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON when the response is JSON, else the text. */
  readonly body: TBody;
}

export interface CallOptions {
  readonly method?: string;
  /** Access token, sent as `Authorization: Bearer …`. */
  readonly token?: string;
  /** Serialised as JSON unless already a string. */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Another stack's API (default: the one global-setup started). */
  readonly apiUrl?: string;
}

/** Calls the local API through the gateway, as the front end does. */
export async function callApi<TBody = unknown>(path: string, options: CallOptions = {}): Promise<ApiResponse<TBody>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${options.apiUrl ?? localFacts().apiUrl}${path}`, { method: options.method ?? 'GET', headers, body });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('json') ?? false;
  return { status: response.status, headers: response.headers, body: (isJson && text ? JSON.parse(text) : text) as TBody };
}
