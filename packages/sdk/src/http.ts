import { CtiNetworkError, CtiNotAuthenticatedError, CtiProtocolError, CtiServerError } from './errors.ts';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;
export type QueryValue = string | number | boolean | undefined | null | readonly (string | number)[];

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  /** A JSON body; or a string / Blob / FormData sent as is with `contentType`. */
  body?: unknown;
  contentType?: string;
  /** Send without the session's Authorization header (login, refresh, demo). */
  anonymous?: boolean;
  /** Return the response text instead of parsing JSON (CSV exports). */
  text?: boolean;
  signal?: AbortSignal;
}

/** Where the HTTP layer gets its credentials and what it does on a 401. */
export interface HttpAuth {
  authorization(): Promise<string | undefined>;
  /** Called once on a 401; resolves true when the request should be retried (token refreshed). */
  recover(): Promise<boolean>;
}

export interface Http {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
  url(path: string, query?: Record<string, QueryValue>): string;
}

export interface HttpDeps {
  baseUrl: string;
  fetch: FetchLike;
  auth: HttpAuth;
}

/** JSON over fetch: auth header, one retry after a refreshed token, server errors as `CtiServerError`. */
export function createHttp(deps: HttpDeps): Http {
  const base = deps.baseUrl.replace(/\/+$/, '');

  const url = (path: string, query?: Record<string, QueryValue>): string => {
    const qs = query ? encodeQuery(query) : '';
    return `${base}${path}${qs ? `?${qs}` : ''}`;
  };

  const send = async (method: string, path: string, options: RequestOptions): Promise<Response> => {
    const headers: Record<string, string> = { accept: options.text ? 'text/csv, text/plain, */*' : 'application/json' };
    let body: BodyInit | undefined;
    if (options.body !== undefined) {
      if (typeof options.body === 'string' || isBinaryBody(options.body)) {
        body = options.body as BodyInit;
        if (options.contentType) headers['content-type'] = options.contentType;
      } else {
        body = JSON.stringify(options.body);
        headers['content-type'] = 'application/json';
      }
    }
    if (!options.anonymous) {
      const authorization = await deps.auth.authorization();
      if (authorization) headers.authorization = authorization;
    }
    try {
      return await deps.fetch(url(path, options.query), { method, headers, body, signal: options.signal });
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new CtiNetworkError(`${method} ${path} failed: ${errorMessage(error)}`, error);
    }
  };

  const request = async <T>(method: string, path: string, options: RequestOptions = {}): Promise<T> => {
    let response = await send(method, path, options);
    if (response.status === 401 && !options.anonymous) {
      if (await deps.auth.recover()) response = await send(method, path, options);
      if (response.status === 401) {
        const failure = await readError(response);
        throw new CtiNotAuthenticatedError(failure.message);
      }
    }
    if (!response.ok) throw await readError(response);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    if (options.text) return text as T;
    if (text === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new CtiProtocolError(`${method} ${path} answered with a body that is not JSON`, { status: response.status });
    }
  };

  return { request, url };
}

/** Turns an error response into a `CtiServerError`, keeping the server's `{ code, message, details }`. */
async function readError(response: Response): Promise<CtiServerError> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    // the body is optional
  }
  try {
    const body = JSON.parse(text) as { code?: unknown; message?: unknown; details?: unknown; error?: unknown };
    if (body && typeof body === 'object') {
      const code = typeof body.code === 'string' ? body.code : `HTTP_${response.status}`;
      const message = typeof body.message === 'string' ? body.message : typeof body.error === 'string' ? body.error : response.statusText;
      const details = body.details && typeof body.details === 'object' ? (body.details as Record<string, unknown>) : undefined;
      return new CtiServerError(code, message || `HTTP ${response.status}`, details, response.status);
    }
  } catch {
    // not JSON: fall through
  }
  return new CtiServerError(`HTTP_${response.status}`, text.trim().slice(0, 300) || response.statusText || `HTTP ${response.status}`, undefined, response.status);
}

export function encodeQuery(query: Record<string, QueryValue>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(item))}`);
  }
  return parts.join('&');
}

function isBinaryBody(body: unknown): boolean {
  return (
    (typeof Blob !== 'undefined' && body instanceof Blob) ||
    (typeof FormData !== 'undefined' && body instanceof FormData) ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body)
  );
}

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
