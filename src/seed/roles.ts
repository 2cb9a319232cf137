import { ROLE_RULE_ID } from '../model';
import { splitOrigin, type Graph } from './assemble';
import type { GraphEdge, PropValue, SeedIssue } from './graph';

/**
 * Roles and redundancy on uses. A use (a service's USES, a component's DEPENDS_ON) may name its
 * `role` and how many providers of that role the consumer needs (`need`, default 1: any one).
 * Where nothing is stated, uses of items that a source names as alternatives of each other
 * (ALTERNATIVE_TO, taken as groups) serve one role: a consumer that uses two or more members of a
 * group (a service's uses, or a component's optional dependencies) gets that role on those uses,
 * inferred, with the rule named (`roleRule`), needing any one.
 * A stated `need` larger than the consumer's providers of that role is refused.
 */
export function applyRoles(graph: Graph): { graph: Graph; issues: SeedIssue[] } {
  const issues: SeedIssue[] = [];
  const names = new Map(graph.nodes.map((n) => [n.id, String(n.props.name ?? n.id)]));
  // Alternative groups (union-find over ALTERNATIVE_TO).
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r) as string;
    parent.set(x, r);
    return r;
  };
  for (const e of graph.edges) {
    if (e.type !== 'ALTERNATIVE_TO') continue;
    for (const x of [e.from, e.to]) if (!parent.has(x)) parent.set(x, x);
    const a = find(e.from);
    const b = find(e.to);
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  const members = new Map<string, string[]>();
  for (const x of parent.keys()) members.set(find(x), [...(members.get(find(x)) ?? []), x]);
  const isUse = (e: GraphEdge): boolean => e.type === 'USES' || e.type === 'DEPENDS_ON';
  // Uses that may stand in for each other: a service's uses, and a component's optional dependencies
  // (the landscape marks interchangeable dependencies, such as the databases a product runs on, as
  // optional each). Two required dependencies are both needed, never alternatives.
  const eligible = (e: GraphEdge): boolean => e.type === 'USES' || (e.type === 'DEPENDS_ON' && e.props.scope === 'optional');
  // Per consumer and group: how many of its uses go into the group.
  const inGroup = new Map<string, number>();
  for (const e of graph.edges) if (eligible(e) && parent.has(e.to)) inGroup.set(`${e.from}|${find(e.to)}`, (inGroup.get(`${e.from}|${find(e.to)}`) ?? 0) + 1);
  const edges = graph.edges.map((e): GraphEdge => {
    if (!eligible(e) || e.props.role !== undefined || !parent.has(e.to)) return e;
    const group = find(e.to);
    if ((inGroup.get(`${e.from}|${group}`) ?? 0) < 2) return e;
    const all = (members.get(group) ?? []).sort();
    const props: Record<string, PropValue> = {
      ...e.props,
      role: `alternatives:${group}`,
      roleName: all.map((m) => names.get(m) ?? m).join(' / '),
      roleEvidence: 'inferred',
      roleRule: ROLE_RULE_ID,
      // One of the alternatives is needed (also when each is optional on its own).
      need: e.props.need ?? 1,
    };
    return { ...e, props };
  });
  // Stated needs: a whole number from 1 to the providers of that role.
  const providers = new Map<string, number>();
  for (const e of edges) if (isUse(e) && typeof e.props.role === 'string') providers.set(`${e.from}|${e.props.role}`, (providers.get(`${e.from}|${e.props.role}`) ?? 0) + 1);
  for (const e of edges) {
    if (!isUse(e) || e.props.need === undefined) continue;
    const [file, entry] = splitOrigin(e.origin);
    const problem = (message: string): void => {
      issues.push({ file, entry, field: 'need', message });
    };
    const need = e.props.need;
    if (typeof e.props.role !== 'string') problem('needs a role: how many providers of which role');
    else if (typeof need !== 'number' || !Number.isInteger(need) || need < 1) problem(`must be a whole number of at least 1, got ${JSON.stringify(need)}`);
    else if (need > (providers.get(`${e.from}|${e.props.role}`) ?? 0)) problem(`is ${need}, but ${e.from} has only ${providers.get(`${e.from}|${e.props.role}`)} provider(s) of role "${e.props.role}"`);
  }
  return { graph: { nodes: graph.nodes, edges }, issues };
}
