// Modules the bundler provides: style sheets (bundled into the page's CSS) and the node fields read
// from the SDL at build time (scripts/build-web.js).
declare module '*.css';
declare module 'virtual:node-fields' {
  /** Per node type (Component, Service, ...): its scalar fields besides id, name, label, source, evidence. */
  const fields: Record<string, string[]>;
  export default fields;
}
