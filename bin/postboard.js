#!/usr/bin/env node
'use strict';
// The launcher: loads the bundle the way Node's CommonJS loader would, plus the V8 code cache the
// build made for it, so start-up runs compiled code instead of compiling 250 KB of JavaScript
// (about 10 ms of every `postboard list`). A cache from another Node version is refused by V8
// and the bundle is simply compiled. CommonJS on purpose (see bin/package.json): an ES module
// entry costs Node 20 several milliseconds more to start.
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const BUNDLE = join(__dirname, '..', 'dist', 'cli.cjs');
const CACHE = `${BUNDLE}.cache`;

function load(cachedData) {
  const source = readFileSync(BUNDLE, 'utf8');
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: BUNDLE, cachedData });
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, createRequire(BUNDLE), bundle, BUNDLE, dirname(BUNDLE));
  return { cli: bundle.exports, script };
}

function readCache() {
  try {
    return readFileSync(CACHE);
  } catch {
    return undefined;
  }
}

if (require.main === module) load(readCache()).cli.run();
else module.exports = { load, CACHE };
