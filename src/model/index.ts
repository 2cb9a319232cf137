/**
 * The graph model, declared once: node labels, relationship types with the labels they connect and
 * the fields they carry, and the value lists of the model. The seed loader validates against it, the
 * API's relation table and traversals read it.
 */
export * from './labels';
export * from './relationships';
export * from './values';
export * from './sources';
export * from './rules';
export * from './licences';
export * from './profiles';
export * from './lifecycle';
export * from './assessment';
export * from './roles';
