// Makes dist/cli.cjs.cache: V8's compiled code for the bundle, after running the everyday
// commands once (read-only, on the sample board, output thrown away) so their functions are in it.
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { load, CACHE } = require('../bin/postboard.js');

const { cli, script } = load(undefined);
const sink = { isTTY: false, write: () => true, once: (_event, listener) => listener() };
const io = { stdout: sink, stderr: sink, stdin: process.stdin, env: {}, now: () => new Date() };
const board = join(__dirname, '..', 'data', 'posts.json');
const runs = [['list'], ['show', '2912']];

(async () => {
  for (const argv of runs) await cli.main([...argv, '--db', board], io);
  writeFileSync(CACHE, script.createCachedData());
})();
