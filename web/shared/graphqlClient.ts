/** An error the API answered with: its message and `extensions.code` (BAD_USER_INPUT, NOT_FOUND, ...). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Posts one operation to the same-origin endpoint; the data, or an ApiError with the first error's code. */
export async function graphql<T>(endpoint: string, query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
      signal: signal ?? null,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError('The API cannot be reached. Is the server running?', 'NETWORK_ERROR');
  }
  let body: { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new ApiError(`The API answered ${res.status} without a GraphQL body.`, `HTTP_${res.status}`);
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  if (body.data == null) throw new ApiError(`The API answered ${res.status} without data.`, `HTTP_${res.status}`);
  return body.data;
}
