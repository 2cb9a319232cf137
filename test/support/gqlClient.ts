/** One GraphQL answer over HTTP: status, body, and the first error's code. */
export interface GqlAnswer<T = any> {
  readonly status: number;
  readonly data: T | null;
  readonly errors: { message: string; extensions?: Record<string, any> }[] | undefined;
  readonly code: string | undefined;
  readonly headers: Headers;
}

/** Posts an operation to `url` with an optional bearer token (and any other headers). */
export async function gql<T = any>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string | null, headers: Record<string, string> = {}): Promise<GqlAnswer<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cache-control': 'no-cache', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: GqlAnswer['errors'] };
  return { status: res.status, data: body.data ?? null, errors: body.errors, code: body.errors?.[0]?.extensions?.code as string | undefined, headers: res.headers };
}
