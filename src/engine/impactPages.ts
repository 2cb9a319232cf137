/**
 * The page parts of the impact statement: the asked range of the hit lists `comps` and `svcs` (built
 * and sorted once by impactSearch.ts; a page is a slice of them, so no sort runs with a list in scope),
 * each hit projected with what is selected. `from`/`to` are parameter names of the range; the
 * projections are map expressions of the Projection over the variables named below.
 */

/**
 * A page of impacted components into `componentPage`: each `{distance, evidence, path, component}`,
 * `component` projected from `c`; with a `path` projection (over `n`, the chain's nodes) one shortest
 * chain from the component to the origin, the sourced one whenever the hit is sourced.
 */
export function componentPage(opts: { from: string; to: string; component: string; path: string | null; sourcedOnly: boolean }): string {
  const chain =
    opts.path !== null
      ? `OPTIONAL CALL (c, o, e) {
    // The chain shown is sourced whenever the hit is (a sourced chain among the shortest).
    MATCH q = ANY SHORTEST (c)-[r:DEPENDS_ON|IMPLEMENTS WHERE ${opts.sourcedOnly ? "r.evidence = 'sourced'" : "coalesce(e, '') <> 'sourced' OR r.evidence = 'sourced'"}]->{1,10}(o)
    RETURN q
  }
  WITH c, d, e, [n IN nodes(q) | ${opts.path}] AS path`
      : 'WITH c, d, e, null AS path';
  return `CALL (o, comps) {
  UNWIND comps[${opts.from}..${opts.to}] AS h
  WITH h.n AS c, h.d AS d, h.e AS e
  ${chain}
  RETURN collect({distance: d, evidence: e, path: path, component: ${opts.component}}) AS componentPage
}`;
}

/**
 * A page of impacted services into `servicePage`: each `{distance, evidence, via, service}`,
 * `service` projected from `s`; with a `via` projection (over `x`) the nearest used hit, one reached
 * along sourced links first (the USES and the hit's chain), then by id.
 */
export function servicePage(opts: { from: string; to: string; service: string; via: string | null; sourcedOnly: boolean }): string {
  // `via` follows the same links as the search.
  const chainRel = opts.sourcedOnly ? "r:DEPENDS_ON|IMPLEMENTS WHERE r.evidence = 'sourced'" : ':DEPENDS_ON|IMPLEMENTS';
  const via =
    opts.via !== null
      ? `OPTIONAL CALL (s, d, o) {
    // The nearest used hit, one reached along sourced links first (the USES and the hit's chain), then by id.
    MATCH (s)-[u:USES]->(x)
    WHERE ${opts.sourcedOnly ? "u.evidence = 'sourced' AND " : ''}((d = 1 AND x = o) OR (d > 1 AND x:Component AND x <> o
      AND COLLECT { MATCH q = ANY SHORTEST (x)-[${chainRel}]->{1,10}(o) RETURN length(q) }[0] = d - 1))
    WITH x, u.evidence = 'sourced' AND (x = o OR COLLECT { MATCH q = ANY SHORTEST (x)-[r:DEPENDS_ON|IMPLEMENTS WHERE r.evidence = 'sourced']->{1,10}(o) RETURN length(q) }[0] = d - 1) AS sourced
    WITH x ORDER BY sourced DESC, x.id LIMIT 1
    RETURN ${opts.via} AS via
  }`
      : 'WITH s, d, e, null AS via';
  return `CALL (o, svcs) {
  UNWIND svcs[${opts.from}..${opts.to}] AS h
  WITH h.s AS s, h.d AS d, h.e AS e
  ${via}
  RETURN collect({distance: d, evidence: e, via: via, service: ${opts.service}}) AS servicePage
}`;
}
