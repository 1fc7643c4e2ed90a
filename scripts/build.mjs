// Bundles the CLI into dist/: one CommonJS file for the commands every run needs, and one
// file per library in src/lazy/ that only some commands load (each with its V8 code cache). Node then starts by reading
// one file instead of walking hundreds of modules, and `list` never parses the prompt, CSV or
// lock libraries. (CommonJS, because an ES module entry costs Node 20 ~8 ms more to start.)
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const lazyModules = readdirSync('src/lazy')
  .filter((file) => file.endsWith('.ts'))
  .map((file) => `src/lazy/${file}`);

/**
 * `await import('../lazy/x.js')` in our code loads `dist/lazy/x.cjs` at run time, compiled from
 * its code cache when there is one (`loadChunk`, in the banner below) — not a native import(),
 * which would start Node's ES module loader, slower, and unavailable to the code-cached bundle.
 */
const lazyChunks = {
  name: 'lazy-chunks',
  setup(esbuild) {
    esbuild.onResolve({ filter: /(^|\/)lazy\/[\w-]+\.js$/ }, (args) => ({
      path: /lazy\/([\w-]+)\.js$/.exec(args.path)[1],
      namespace: 'lazy-chunk',
    }));
    esbuild.onLoad({ filter: /.*/, namespace: 'lazy-chunk' }, (args) => ({
      contents: `module.exports = __postboardChunk(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/**
 * Loads dist/lazy/<name>.cjs as Node's CommonJS loader would, from its V8 code cache for this
 * Node when there is one (`module.codeCache`, which bin/postboard.js gives the bundle: the
 * build's, or the one made in the user's cache folder on an earlier run).
 */
const chunkLoader = `
function __postboardChunk(name) {
  const { readFileSync } = require('node:fs');
  const { join } = require('node:path');
  const { Script } = require('node:vm');
  const file = join(__dirname, 'lazy', name + '.cjs');
  const cache = module.codeCache;
  const key = 'lazy/' + name + '.cjs.cache';
  const cachedData = cache ? cache.cachedData(key) : undefined;
  const source = readFileSync(file, 'utf8');
  const script = new Script('(function (exports, require, module, __filename, __dirname) {' + source + '\\n})', { filename: file, cachedData });
  const chunk = { exports: {} };
  script.runInThisContext()(chunk.exports, require('node:module').createRequire(file), chunk, file, join(__dirname, 'lazy'));
  if (cache) cache.compiled(key, script, cachedData !== undefined);
  return chunk.exports;
}`;

/**
 * Node built-ins that cost start-up but are rarely used get a stand-in that loads them on first
 * use: commander requires child_process (~4 ms) only for executable subcommands, which postboard
 * does not have; tty (which loads net and the stream classes) is needed only when stdout might
 * be a terminal.
 */
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(esbuild) {
    // child_process only for commander (our own code loads it where it is used, in lazily
    // loaded modules: a Proxy has no own properties for a named import to copy); tty for both.
    esbuild.onResolve({ filter: /^node:(child_process|tty)$/ }, (args) =>
      args.importer.includes('/node_modules/commander/') || (args.path === 'node:tty' && args.importer.includes('/src/'))
        ? { path: args.path.slice('node:'.length), namespace: 'lazy-builtin' }
        : undefined,
    );
    esbuild.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      // commander reads properties of the module object; our code imports isatty by name.
      contents:
        args.path === 'tty'
          ? `exports.isatty = (fd) => require('node:tty').isatty(fd);`
          : `module.exports = new Proxy({}, { get: (_, key) => require('node:${args.path}')[key] });`,
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  define: { __POSTBOARD_VERSION__: JSON.stringify(pkg.version) },
  legalComments: 'none',
  logLevel: 'warning',
};

rmSync('dist', { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.cjs', plugins: [lazyChunks, lazyBuiltins], banner: { js: chunkLoader } }),
  // Third-party code only: minified, since less to parse is less start-up for the commands that load it.
  // better-sqlite3's native part is found in node_modules at run time (its JavaScript is bundled;
  // `bindings`, its addon finder, is never called); pg's native binding and Cloudflare sockets are
  // optional parts of pg that postboard never uses.
  build({ ...common, entryPoints: lazyModules.filter((entry) => !entry.endsWith('/pg.ts')), outdir: 'dist/lazy', outExtension: { '.js': '.cjs' }, minify: true, external: ['bindings', '*.node'] }),
  // pg asks `typeof Response` on every connection to tell a Cloudflare Worker from Node; on Node
  // that global loads undici and zlib (~7 ms of a PostgreSQL board's start-up). Node has no
  // Cloudflare sockets, so the answer is fixed here.
  build({ ...common, entryPoints: lazyModules.filter((entry) => entry.endsWith('/pg.ts')), outdir: 'dist/lazy', outExtension: { '.js': '.cjs' }, minify: true, external: ['pg-native', 'cloudflare:sockets'], define: { ...common.define, Response: 'undefined' } }),
]);

// The build's id, the bundle's first line: a user's code caches are kept per build (and per Node
// version), so a cache made for one build is never given to another (V8 checks only the length).
const hash = createHash('sha256');
for (const file of ['dist/cli.cjs', ...readdirSync('dist/lazy').sort().map((name) => `dist/lazy/${name}`)]) hash.update(readFileSync(file));
writeFileSync('dist/cli.cjs', `/*postboard:${hash.digest('hex').slice(0, 16)}*/\n${readFileSync('dist/cli.cjs', 'utf8')}`);

// Start-up without compiling: V8's code cache for the bundle and its chunks, for this Node (see bin/postboard.js).
execFileSync(process.execPath, ['scripts/code-cache.cjs'], { stdio: 'inherit' });
