#!/usr/bin/env node
// `npm run codegen:check`: generates the resolver types in memory and fails when the committed
// src/generated files differ (run `npm run codegen` and commit the result).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { generate, loadCodegenConfig } = require('@graphql-codegen/cli');

async function main() {
  const root = path.resolve(__dirname, '..');
  const { config } = await loadCodegenConfig({ configFilePath: path.join(root, 'codegen.ts') });
  const outputs = await generate({ ...config, cwd: root, silent: true, verbose: false }, false);
  const stale = [];
  for (const { filename, content } of outputs) {
    const file = path.resolve(root, filename);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    if (current !== content) stale.push(path.relative(root, file));
  }
  if (stale.length > 0) {
    console.error(`Generated code is stale: ${stale.join(', ')}. Run \`npm run codegen\` and commit the result.`);
    process.exit(1);
  }
  console.log(`codegen: ${outputs.length} generated file(s) are current`);
}

main().catch((e) => {
  console.error(`codegen check failed: ${e && e.message ? e.message : e}`);
  process.exit(1);
});
