// Writes the command reference — docs/commands.md and the man page man/postboard.1 — from the
// program's own command definitions (src/docs/: commander's commands as src/cli.ts builds them,
// their words from src/i18n/en.ts). `npm run docs`; `--out DIR` writes under DIR instead of the
// repository (the test that finds stale files uses it). The sources are bundled here with esbuild,
// as the build does, so this needs no dist/.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? resolve(args[outAt + 1] ?? '.') : root;

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const entry = join(root, 'src/docs/generate.ts');
const bundled = await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  write: false,
  // Libraries are required from node_modules as they are; only postboard's own code is bundled.
  packages: 'external',
  define: { __POSTBOARD_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
const code = bundled.outputFiles[0].text;
const generator = { exports: {} };
new Script(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, { filename: entry }).runInThisContext()(
  generator.exports,
  createRequire(entry),
  generator,
  entry,
  dirname(entry),
);

for (const [path, text] of Object.entries(generator.exports.referenceFiles())) {
  const file = join(out, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  process.stderr.write(`wrote ${file}\n`);
}
