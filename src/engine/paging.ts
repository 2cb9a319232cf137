import { InputError } from '../errors';

/**
 * Paging by offset, the one way every paged list of the API works: `first`/`after` become a
 * `Page` (checked against the field's bounds), the cursor of an item is its offset, and a page of
 * a list becomes edges and page info. Lists that page by key (provenance facts) have their own cursor.
 */

/** The arguments of a paged field. */
export interface PageArgs {
  readonly first?: number | null;
  readonly after?: string | null;
}

/** The bounds of a field's `first` and its default. */
export interface PageBounds {
  readonly min: number;
  readonly max: number;
  readonly fallback: number;
}

/** The part of an ordered list a page asks for: `limit` items from offset `skip`. */
export interface Page {
  readonly skip: number;
  readonly limit: number;
}

/** A part of an ordered list that was fetched: the items from position `offset` on. */
export interface Slice<T> {
  readonly offset: number;
  readonly items: readonly T[];
}

/** A page of a connection: each node with its cursor, and whether more follow. */
export interface Connection<T> {
  readonly edges: { cursor: string; node: T }[];
  readonly pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Encodes a list offset as an opaque cursor. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`, 'utf8').toString('base64');
}

/** Decodes a cursor from `encodeCursor`; BAD_USER_INPUT for anything else. */
export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const m = /^offset:(\d{1,9})$/.exec(text);
  if (!m) throw new InputError(`after must be a cursor from a previous page, got "${cursor.slice(0, 100)}"`, { argument: 'after' });
  return Number(m[1]);
}

/** The page `first`/`after` ask for: BAD_USER_INPUT when `first` lies outside the bounds or `after` is no cursor. */
export function pageOf(args: PageArgs, bounds: PageBounds): Page {
  const limit = args.first ?? bounds.fallback;
  if (!Number.isInteger(limit) || limit < bounds.min || limit > bounds.max) throw new InputError(`first must be from ${bounds.min} to ${bounds.max}, got ${limit}`, { argument: 'first' });
  return { skip: args.after ? decodeCursor(args.after) + 1 : 0, limit };
}

/** The smallest page that holds all the given pages (aliases of one list fetched at once); null for none. */
export function coveringPage(pages: readonly Page[]): Page | null {
  if (pages.length === 0) return null;
  const skip = Math.min(...pages.map((r) => r.skip));
  const end = Math.max(...pages.map((r) => r.skip + r.limit));
  return { skip, limit: end - skip };
}

/** The items of `page` out of a slice fetched for it (or for a page covering it); a page not fetched is a bug. */
export function itemsOf<T>(slice: Slice<T>, page: Page): T[] {
  const from = page.skip - slice.offset;
  if (from < 0) throw new Error(`page from ${page.skip} was not fetched (fetched from ${slice.offset})`);
  return slice.items.slice(from, from + page.limit);
}

/**
 * The edges and page info of `nodes`, the page that starts at offset `skip`. `hasNextPage` as the
 * caller knows it: from a total (`skip + nodes.length < total`) or from one row fetched beyond the page.
 */
export function connection<T>(nodes: readonly T[], skip: number, hasNextPage: boolean): Connection<T> {
  return {
    edges: nodes.map((node, i) => ({ cursor: encodeCursor(skip + i), node })),
    pageInfo: { hasNextPage, endCursor: nodes.length > 0 ? encodeCursor(skip + nodes.length - 1) : null },
  };
}

/** Keeps at most `limit` items of a list already in the order the SDL states (the bound of a list without `first`). */
export function cut<T>(items: readonly T[], limit: number): T[] {
  return items.length > limit ? items.slice(0, limit) : [...items];
}
