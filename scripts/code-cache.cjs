// Makes the build's code caches for the Node that runs it, in dist/cache/<version>-<arch>/ (see
// bin/postboard.js): cli.cjs.cache, V8's compiled code for the bundle after running the everyday
// commands once (read-only, on the sample board, output thrown away) so their functions are in
// it; and lazy/<chunk>.cjs.cache for each library chunk, after running its module code (and
// what those commands ran of it). Another Node makes its own on its first run.
const { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');
const { load, BUNDLE, BUILD_CACHE } = require('../bin/postboard.js');

const compiled = new Map();
const collect = { cachedData: () => undefined, compiled: (name, script) => compiled.set(name, script) };
const { cli } = load(readFileSync(BUNDLE, 'utf8'), collect);
const sink = { isTTY: false, write: () => true, once: (_event, listener) => listener() };
const io = { stdout: sink, stderr: sink, stdin: process.stdin, env: {}, now: () => new Date() };
const board = join(__dirname, '..', 'data', 'posts.json');
const runs = [['list'], ['show', '2912']];

(async () => {
  for (const argv of runs) await cli.main([...argv, '--db', board], io);
  rmSync(join(BUILD_CACHE, '..'), { recursive: true, force: true });
  mkdirSync(join(BUILD_CACHE, 'lazy'), { recursive: true });
  const lazy = join(dirname(BUNDLE), 'lazy');
  for (const name of readdirSync(lazy).filter((file) => file.endsWith('.cjs'))) {
    if (compiled.has(`lazy/${name}.cache`)) continue;
    const file = join(lazy, name);
    const chunk = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`, { filename: file });
    const module = { exports: {} };
    try {
      chunk.runInThisContext()(module.exports, createRequire(file), module, file, lazy);
    } catch {
      // An optional dependency that is not installed (better-sqlite3): its chunk still gets the
      // cache of its own code; what it requires is loaded when a SQLite board is used.
    }
    compiled.set(`lazy/${name}.cache`, chunk);
  }
  for (const [name, script] of compiled) writeFileSync(join(BUILD_CACHE, name), script.createCachedData());
})();
