// Makes dist/cli.cjs.cache: V8's compiled code for the bundle, after running the everyday
// commands once (read-only, on the sample board, output thrown away) so their functions are in it;
// and dist/lazy/<chunk>.cjs.cache for each library chunk, after running its module code.
const { readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { Script } = require('node:vm');
const { load, CACHE } = require('../bin/postboard.js');

const { cli, script } = load(undefined);
const sink = { isTTY: false, write: () => true, once: (_event, listener) => listener() };
const io = { stdout: sink, stderr: sink, stdin: process.stdin, env: {}, now: () => new Date() };
const board = join(__dirname, '..', 'data', 'posts.json');
const runs = [['list'], ['show', '2912']];

(async () => {
  for (const argv of runs) await cli.main([...argv, '--db', board], io);
  writeFileSync(CACHE, script.createCachedData());
  const lazy = join(__dirname, '..', 'dist', 'lazy');
  for (const name of readdirSync(lazy).filter((file) => file.endsWith('.cjs'))) {
    const file = join(lazy, name);
    const chunk = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`, { filename: file });
    const module = { exports: {} };
    try {
      chunk.runInThisContext()(module.exports, createRequire(file), module, file, lazy);
    } catch {
      // An optional dependency that is not installed (better-sqlite3): its chunk still gets the
      // cache of its own code; what it requires is loaded when a SQLite board is used.
    }
    writeFileSync(`${file}.cache`, chunk.createCachedData());
  }
})();
