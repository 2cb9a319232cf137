/** Where a lazy object keeps its makers (a symbol: no field of T can clash with it). */
const MAKERS = Symbol('makers');

/** One prototype per set of field names: its getters make a field on first read and keep it on the object. */
const prototypes = new Map<string, object>();

function prototypeFor(keys: readonly string[]): object {
  const signature = keys.join('\u0000');
  let proto = prototypes.get(signature);
  if (proto) return proto;
  proto = {};
  for (const key of keys) {
    Object.defineProperty(proto, key, {
      configurable: true,
      enumerable: true,
      get(this: { [MAKERS]: Record<string, () => unknown> }) {
        const value = this[MAKERS][key]!();
        Object.defineProperty(this, key, { value, enumerable: true, writable: false, configurable: false });
        return value;
      },
    });
  }
  prototypes.set(signature, proto);
  return proto;
}

/**
 * An object whose fields are made on first read, each once: a request's loaders, most of which a
 * request never touches (a `components` list needs neither the what-if nor the curation loaders), so
 * each costs nothing until a resolver asks for it. The getters live on a prototype shared by every
 * object with the same field names, so making one per request is a single `Object.create`.
 */
export function lazyFields<T extends object>(makers: { readonly [K in keyof T]: () => T[K] }): T {
  const out = Object.create(prototypeFor(Object.keys(makers))) as T & { [MAKERS]: unknown };
  Object.defineProperty(out, MAKERS, { value: makers, enumerable: false });
  return out;
}
