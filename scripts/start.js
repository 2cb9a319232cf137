#!/usr/bin/env node
// `npm start`: compiles the TypeScript (incrementally, fast when nothing changed) and runs the API
// in this same process, so that signals reach it directly. The API itself builds and starts the
// embedded Neo4j when NEO4J_URI is unset.
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const tsc = require.resolve('typescript/bin/tsc');
const build = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
if (build.status !== 0) {
  console.error('TypeScript build failed (see above); nothing was started.');
  process.exit(build.status ?? 1);
}
// The browser pages (playground, explorer): rebuilt only when their sources changed.
const web = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-web.js')], { stdio: 'inherit', cwd: root });
if (web.status !== 0) console.error('Building the web pages failed (see above); the API starts without /explore and the playground.');
require(path.join(root, 'dist', 'index.js')).main();
