#!/usr/bin/env node
// Builds the browser pages (the GraphiQL playground at /graphql, the graph explorer at /explore and
// the page to take part at /contribute)
// with esbuild into dist-web/: hashed bundles, Monaco's web workers, and manifest.json, which the
// server reads to name them in its HTML. Everything a page loads comes from this folder, so the
// pages make no request to any other host. Skips the build when the sources, the schema and the
// installed packages are unchanged since the last one (their hash is kept in the manifest).
//
//   node scripts/build-web.js          build when stale
//   node scripts/build-web.js --force  build always
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const webDir = path.join(root, 'web');
const outDir = path.join(root, 'dist-web');
const manifestFile = path.join(outDir, 'manifest.json');

/** Every file under `dir`, sorted, as paths relative to the project. */
function filesUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(root, p));
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out.sort();
}

/** Hash of everything the bundles are made from. */
function inputHash() {
  const h = crypto.createHash('sha256');
  const inputs = [...filesUnder(webDir), ...filesUnder(path.join(root, 'schema')), ...filesUnder(path.join(root, 'src', 'generated', 'schema')), ...filesUnder(path.join(root, 'src', 'model')), 'package-lock.json', 'scripts/build-web.js'];
  for (const f of inputs) {
    h.update(f);
    h.update(fs.readFileSync(path.join(root, f)));
  }
  return h.digest('hex').slice(0, 16);
}

function readManifest() {
  try {
    return JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  } catch {
    return null;
  }
}

function isCurrent(hash) {
  const m = readManifest();
  if (!m || m.inputHash !== hash) return false;
  return Object.values(m.files).every((f) => fs.existsSync(path.join(outDir, f)));
}

/**
 * The scalar fields of every node type, read from the SDL: the explorer asks for exactly these in
 * its side panel (a virtual module, so the schema stays the one place they are declared).
 */
function nodeFieldsModule() {
  const { buildSchema, getNamedType, isLeafType, isObjectType } = require('graphql');
  // The hand-written SDL and the SDL generated from the model (src/generated/schema).
  const sdl = [...filesUnder(path.join(root, 'schema')), ...filesUnder(path.join(root, 'src', 'generated', 'schema'))]
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => fs.readFileSync(path.join(root, f), 'utf8'))
    .join('\n');
  const schema = buildSchema(sdl);
  const common = new Set(['id', 'name', 'label', 'source', 'evidence']);
  const out = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !type.getInterfaces().some((i) => i.name === 'Node')) continue;
    out[type.name] = Object.values(type.getFields())
      .filter((f) => f.args.length === 0 && isLeafType(getNamedType(f.type)) && !common.has(f.name))
      .map((f) => f.name);
  }
  return `export default ${JSON.stringify(out)};`;
}

async function build(hash) {
  const esbuild = require('esbuild');
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const started = Date.now();
  const virtual = {
    name: 'virtual-modules',
    setup(b) {
      b.onResolve({ filter: /^virtual:node-fields$/ }, () => ({ path: 'node-fields', namespace: 'virtual' }));
      b.onLoad({ filter: /.*/, namespace: 'virtual' }, () => ({ contents: nodeFieldsModule(), loader: 'js' }));
    },
  };
  const common = {
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome110', 'firefox110', 'safari16'],
    outdir: outDir,
    entryNames: '[name]-[hash]',
    assetNames: 'assets/[name]-[hash]',
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'dataurl', '.png': 'file' },
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [virtual],
  };
  const pages = await esbuild.build({
    ...common,
    entryPoints: {
      playground: path.join(webDir, 'playground', 'main.tsx'),
      explorer: path.join(webDir, 'explorer', 'main.ts'),
      contribute: path.join(webDir, 'contribute', 'main.ts'),
    },
  });
  const workers = await esbuild.build({
    ...common,
    entryPoints: {
      'editor.worker': require.resolve('monaco-editor/esm/vs/editor/editor.worker.js'),
      'json.worker': require.resolve('monaco-editor/esm/vs/language/json/json.worker.js'),
      'graphql.worker': require.resolve('monaco-graphql/esm/graphql.worker.js'),
    },
  });
  // manifest: entry name and kind -> file name, e.g. playground.js -> playground-ABCD1234.js
  const files = {};
  for (const meta of [pages.metafile, workers.metafile]) {
    for (const [out, info] of Object.entries(meta.outputs)) {
      const rel = path.relative(outDir, path.resolve(root, out));
      if (!info.entryPoint && !info.cssBundle && !rel.endsWith('.css')) continue;
      const name = path.basename(rel).replace(/-[A-Z0-9]{8}(\.[a-z]+)$/, '$1');
      if (/\.(js|css)$/.test(name)) files[name] = rel;
    }
  }
  // A gzip twin of every script and style sheet; the server sends it to clients that accept gzip.
  const zlib = require('node:zlib');
  for (const f of fs.readdirSync(outDir)) {
    if (!/\.(js|css)$/.test(f)) continue;
    const p = path.join(outDir, f);
    fs.writeFileSync(`${p}.gz`, zlib.gzipSync(fs.readFileSync(p), { level: 9 }));
  }
  const sizes = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.statSync(path.join(outDir, f)).size]));
  fs.writeFileSync(manifestFile, `${JSON.stringify({ inputHash: hash, builtAt: new Date().toISOString(), files, sizes }, null, 2)}\n`);
  const kb = (n) => `${Math.round(n / 1024)} KB`;
  console.log(`web bundles built in ${((Date.now() - started) / 1000).toFixed(1)} s: ${Object.entries(sizes).map(([k, n]) => `${k} ${kb(n)}`).join(', ')}`);
}

async function main() {
  const args = process.argv.slice(2);
  const hash = inputHash();
  if (!args.includes('--force') && isCurrent(hash)) {
    console.log('web bundles are current (dist-web)');
    return;
  }
  await build(hash);
}

main().catch((err) => {
  console.error(`building the web pages failed: ${err.message}`);
  process.exitCode = 1;
});
