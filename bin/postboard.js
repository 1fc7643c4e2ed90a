#!/usr/bin/env node
'use strict';
// The launcher: loads the bundle the way Node's CommonJS loader would, from V8's compiled code
// for it, so start-up runs compiled code instead of compiling 250 KB of JavaScript (about 10 ms
// of every `postboard list`). V8 takes compiled code only from the Node version that made it:
// the build makes it for its own Node (dist/cache/<version>-<arch>/); any other Node makes its
// own on its first run — after the command, so what the command ran is in it — in the user's
// cache folder ($XDG_CACHE_HOME/postboard, ~/.cache/postboard, %LOCALAPPDATA%\postboard), and
// starts from it after. A folder that cannot be written only means compiling each time.
// CommonJS on purpose (see bin/package.json): an ES module entry costs Node 20 several
// milliseconds more to start.
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, isAbsolute, join } = require('node:path');
const { Script } = require('node:vm');

const DIST = join(__dirname, '..', 'dist');
const BUNDLE = join(DIST, 'cli.cjs');
/** V8's code cache fits one Node version on one architecture. */
const NODE = `${process.version}-${process.arch}`;
/** The code caches the build made, for the Node that ran it. */
const BUILD_CACHE = join(DIST, 'cache', NODE);

/** This user's folder for code caches, or undefined when there is none to name. */
function userCacheFolder(env) {
  if (process.platform === 'win32') return env.LOCALAPPDATA && isAbsolute(env.LOCALAPPDATA) ? join(env.LOCALAPPDATA, 'postboard') : undefined;
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, 'postboard');
  return env.HOME && isAbsolute(env.HOME) ? join(env.HOME, '.cache', 'postboard') : undefined;
}

function read(file) {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * The code caches of one build (its id is the bundle's first line) on this Node: the user's own,
 * else the build's. A file compiled without one, or with one V8 refused, has its cache written to
 * the user's folder as the process ends (each file whole, under its final name by a rename).
 */
function userCodeCache(build, env) {
  const folder = userCacheFolder(env);
  const mine = folder && build && join(folder, NODE, build);
  const pending = [];
  const save = () => {
    try {
      mkdirSync(mine, { recursive: true, mode: 0o700 });
      // Caches of earlier builds on this Node are no longer of use.
      for (const other of readdirSync(dirname(mine))) if (other !== build) rmSync(join(dirname(mine), other), { recursive: true, force: true });
    } catch {
      return;
    }
    for (const [name, script] of pending) {
      const file = join(mine, name);
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, file);
      } catch {
        rmSync(temporary, { force: true });
      }
    }
  };
  return {
    cachedData: (name) => (mine && read(join(mine, name))) || read(join(BUILD_CACHE, name)),
    compiled(name, script, hadData) {
      if (!mine || (hadData && !script.cachedDataRejected)) return;
      if (pending.length === 0) process.once('exit', save);
      pending.push([name, script]);
    },
  };
}

/**
 * Runs the bundle (its text, `source`); `cache` gives each file's compiled code (`cachedData(name)`)
 * and hears of each file compiled (`compiled(name, script, hadData)`). The lazy chunks reach it
 * as `module.codeCache`.
 */
function load(source, cache) {
  const name = 'cli.cjs.cache';
  const cachedData = cache.cachedData(name);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: BUNDLE, cachedData });
  const bundle = { exports: {}, codeCache: cache };
  script.runInThisContext()(bundle.exports, createRequire(BUNDLE), bundle, BUNDLE, dirname(BUNDLE));
  cache.compiled(name, script, cachedData !== undefined);
  return { cli: bundle.exports, script };
}

/** The build's id: the bundle's first line is `/*postboard:<hash>*\/` (see scripts/build.mjs). */
const buildId = (source) => /^\/\*postboard:([0-9a-f]+)\*\//.exec(source)?.[1];

if (require.main === module) {
  const source = readFileSync(BUNDLE, 'utf8');
  load(source, userCodeCache(buildId(source), process.env)).cli.run();
} else {
  module.exports = { load, BUNDLE, BUILD_CACHE };
}
