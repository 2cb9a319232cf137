import type { GraphView, Props, ViewNode } from './changeSet';

/**
 * A view of the graph with a change set's operations laid over it, so that later operations see
 * what earlier ones added, changed or removed (a removed node takes its links with it).
 */
export class LayeredView implements GraphView {
  private readonly nodes = new Map<string, ViewNode | null>();
  private readonly links = new Map<string, Props | null>();

  constructor(private readonly base: GraphView) {}

  node(id: string): ViewNode | null {
    return this.nodes.has(id) ? (this.nodes.get(id) ?? null) : this.base.node(id);
  }

  link(type: string, from: string, to: string): Props | null {
    if (this.nodes.get(from) === null || this.nodes.get(to) === null) return null;
    const key = `${type}|${from}|${to}`;
    return this.links.has(key) ? (this.links.get(key) ?? null) : this.base.link(type, from, to);
  }

  setNode(id: string, node: ViewNode | null): void {
    this.nodes.set(id, node);
  }

  setLink(type: string, from: string, to: string, props: Props | null): void {
    this.links.set(`${type}|${from}|${to}`, props);
  }
}
