/**
 * An object whose fields are made on first read, each once: a request's loaders, most of which a
 * request never touches (a `components` list needs neither the what-if nor the curation loaders), so
 * each costs nothing until a resolver asks for it.
 */
export function lazyFields<T extends object>(makers: { readonly [K in keyof T]: () => T[K] }): T {
  const out = {} as T;
  for (const key of Object.keys(makers) as (keyof T & string)[]) {
    Object.defineProperty(out, key, {
      configurable: true,
      enumerable: true,
      get() {
        const value = makers[key]();
        Object.defineProperty(out, key, { value, enumerable: true, writable: false, configurable: false });
        return value;
      },
    });
  }
  return out;
}
