#!/usr/bin/env node
// `npm run neo4j:build`: resolves Neo4j 5.26 from Maven Central and builds the Java launcher
// (neo4j-launcher/target). `npm start` does this by itself when needed; CI calls it up front.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const dir = path.resolve(__dirname, '..', 'neo4j-launcher');
const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
if (mvn.error || mvn.status !== 0) {
  console.error('Maven (mvn) was not found. Install it with `sudo apt-get install maven` (and a JDK 17: openjdk-17-jdk-headless).');
  process.exit(1);
}
const t0 = Date.now();
const res = spawnSync('mvn', ['-B', '--no-transfer-progress', '-q', '-f', path.join(dir, 'pom.xml'), 'package'], { stdio: 'inherit' });
if (res.status !== 0) {
  console.error('Building the Neo4j launcher failed; see the Maven output above.');
  process.exit(res.status ?? 1);
}
fs.writeFileSync(path.join(dir, 'target', 'lib', '.complete'), new Date().toISOString());
console.log(`Neo4j launcher built in ${((Date.now() - t0) / 1000).toFixed(1)} s (${path.join(dir, 'target')})`);
