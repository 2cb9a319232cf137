import { defaultFieldResolver, type GraphQLFieldResolver } from 'graphql';

type ResolverMap = Record<string, Record<string, unknown>>;

const cut = (value: unknown, max: number): unknown => (Array.isArray(value) && value.length > max ? value.slice(0, max) : value);

/**
 * Wraps the resolvers of `bounds`' fields (`Type.field` → most items) so that none returns more
 * items than its bound, whatever the data holds: the list is cut in the order it comes. Fields
 * without a resolver of their own read the parent's property, as graphql-js's default does.
 */
export function boundLists<T extends object>(resolvers: T, bounds: Readonly<Record<string, number>>): T {
  const map = resolvers as unknown as ResolverMap;
  for (const [key, max] of Object.entries(bounds)) {
    const [type, field] = key.split('.') as [string, string];
    const fields = (map[type] ??= {});
    const own = fields[field];
    const resolve = (typeof own === 'function' ? own : defaultFieldResolver) as GraphQLFieldResolver<unknown, unknown>;
    fields[field] = (parent: unknown, args: Record<string, unknown>, ctx: unknown, info: Parameters<GraphQLFieldResolver<unknown, unknown>>[3]) => {
      const value = resolve(parent, args, ctx, info);
      return value instanceof Promise ? value.then((v) => cut(v, max)) : cut(value, max);
    };
  }
  return resolvers;
}
