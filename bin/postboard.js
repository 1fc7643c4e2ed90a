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
const { closeSync, constants, fstatSync, lstatSync, statSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } = require('node:fs');
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
  if (process.platform === 'win32') return env.LOCALAPPDATA && isAbsolute(env.LOCALAPPDATA) ? { base: env.LOCALAPPDATA, folder: join(env.LOCALAPPDATA, 'postboard') } : undefined;
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return { base: env.XDG_CACHE_HOME, folder: join(env.XDG_CACHE_HOME, 'postboard') };
  return env.HOME && isAbsolute(env.HOME) ? { base: join(env.HOME, '.cache'), folder: join(env.HOME, '.cache', 'postboard') } : undefined;
}

/** A build's id, as the bundle's first line gives it (see `buildId`): the only names postboard removes. */
const BUILD_NAME = /^[0-9a-f]{8,64}$/;

/** Code caches are a few MB; anything larger at a cache's name is none of postboard's. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * A cache file's bytes, if it is a regular file: a named pipe or a device put at its name (or
 * linked there) must never stop the command, so it is opened without waiting and looked at first.
 */
function read(file) {
  let fd;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK || 0));
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > MAX_CACHE_BYTES) return undefined;
    const bytes = Buffer.allocUnsafe(info.size);
    let done = 0;
    while (done < info.size) {
      const count = readSync(fd, bytes, done, info.size - done, done);
      if (count === 0) break;
      done += count;
    }
    return done === info.size ? bytes : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A folder postboard made or may make: a real folder (never a link to elsewhere), or nothing yet. */
function ownFolder(path) {
  try {
    return lstatSync(path).isDirectory() ? 'there' : 'other';
  } catch (error) {
    return error && error.code === 'ENOENT' ? 'none' : 'other';
  }
}

/** The user's cache folder itself (~/.cache, which may well be a link to another disk): a folder, made if need be. */
function isFolder(path) {
  try {
    return statSync(path).isDirectory();
  } catch (error) {
    if (!error || error.code !== 'ENOENT') return false;
    try {
      mkdirSync(path, { mode: 0o700 });
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * Makes the folders from `base` (which must be there already) down to `path`, one at a time and
 * never through a link; false when one of them is something else (a link, a file).
 */
function makeFolders(base, path) {
  if (!isFolder(base)) return false;
  let at = base;
  for (const part of path.slice(base.length + 1).split(/[\\/]/)) {
    at = join(at, part);
    const found = ownFolder(at);
    if (found === 'other') return false;
    if (found === 'none') mkdirSync(at, { mode: 0o700 });
  }
  return true;
}

/**
 * The code caches of one build (its id is the bundle's first line) on this Node: the user's own,
 * else the build's. A file compiled without one, or with one V8 refused, has its cache written to
 * the user's folder as the process ends (each file whole, under its final name by a rename).
 */
function userCodeCache(build, env) {
  const place = userCacheFolder(env);
  const mine = place && build && join(place.folder, NODE, build);
  const pending = [];
  const save = () => {
    try {
      if (!makeFolders(place.base, mine)) return;
      // Caches of earlier builds on this Node are no longer of use: the folders postboard made
      // for them (a build's id, a real folder), and nothing else that may be there.
      for (const other of readdirSync(dirname(mine))) {
        if (other !== build && BUILD_NAME.test(other) && ownFolder(join(dirname(mine), other)) === 'there') rmSync(join(dirname(mine), other), { recursive: true, force: true });
      }
    } catch {
      return;
    }
    for (const [name, script] of pending) {
      const file = join(mine, name);
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        if (ownFolder(mine) !== 'there' || !makeFolders(mine, dirname(file))) continue;
        writeFileSync(temporary, script.createCachedData(), { flag: 'wx', mode: 0o600 });
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
