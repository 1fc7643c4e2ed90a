// Bundles the CLI into dist/: one CommonJS file for the commands every run needs, and one
// file per library in src/vendor/ that only some commands load. Node then starts by reading
// one file instead of walking hundreds of modules, and `list` never parses the prompt, CSV or
// lock libraries. (CommonJS, because an ES module entry costs Node 20 ~8 ms more to start.)
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const vendorModules = readdirSync('src/vendor')
  .filter((file) => file.endsWith('.ts'))
  .map((file) => `src/vendor/${file}`);

/** `import('../vendor/x.js')` in our code becomes `require('./vendor/x.cjs')` at run time. */
const vendorChunks = {
  name: 'vendor-chunks',
  setup(esbuild) {
    esbuild.onResolve({ filter: /(^|\/)vendor\/[\w-]+\.js$/ }, (args) => {
      const name = /vendor\/([\w-]+)\.js$/.exec(args.path)[1];
      return { path: `./vendor/${name}.cjs`, external: true };
    });
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
  build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.cjs', plugins: [vendorChunks] }),
  // Third-party code only: minified, since less to parse is less start-up for the commands that load it.
  build({ ...common, entryPoints: vendorModules, outdir: 'dist/vendor', outExtension: { '.js': '.cjs' }, minify: true }),
]);
