/** An error the API answered with: its message, `extensions.code` (BAD_USER_INPUT, NOT_FOUND, ...), the rest of `extensions` and the HTTP status. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** The error's `extensions` besides `code` (e.g. `problems`, `retryAfterSeconds`); empty when there were none. */
    readonly extensions: Readonly<Record<string, unknown>> = {},
    /** The HTTP status of the answer (0 when the API could not be reached). */
    readonly status: number = 0,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * Posts one operation to the same-origin endpoint; the data, or an ApiError with the first error's
 * code. With `token` the request carries `Authorization: Bearer <token>` (the write side's sign-in).
 */
export async function graphql<T>(endpoint: string, query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal, token?: string | null): Promise<T> {
  let res: Response;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    res = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal: signal ?? null });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError('The API cannot be reached. Is the server running?', 'NETWORK_ERROR');
  }
  let body: { data?: T | null; errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[] };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new ApiError(`The API answered ${res.status} without a GraphQL body.`, `HTTP_${res.status}`, {}, res.status);
  }
  const first = body.errors?.[0];
  if (first) {
    const { code, ...rest } = first.extensions ?? {};
    throw new ApiError(first.message, code ?? (res.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR'), rest, res.status);
  }
  if (body.data == null) throw new ApiError(`The API answered ${res.status} without data.`, `HTTP_${res.status}`, {}, res.status);
  return body.data;
}
