/**
 * The graph model, declared once: node labels with their fields (labels.ts), relationship types with
 * the labels they connect, their properties and the fields that read them (relationships.ts), and the
 * value lists (values.ts, enums.ts). The schema's node, link and list types, the relation table, the
 * loader's checks, the cost model's bounds and the label lists are derived from it (see CONTRIBUTING.md).
 */
export * from './Model';
export * from './labels';
export * from './relationships';
export * from './graphModel';
export * from './enums';
export * from './common';
export * from './values';
export * from './sources';
export * from './rules';
export * from './licences';
export * from './profiles';
export * from './lifecycle';
export * from './assessment';
export * from './roles';
export * from './conflicts';
