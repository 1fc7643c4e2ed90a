import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, SAMPLE_BOARD, tempDir } from '../support/cli.js';

/**
 * Start-up from compiled code on every Node: V8 takes a code cache only from the Node version
 * that made it, so a Node other than the build's makes its own on its first run, in the user's
 * cache folder, and starts from it after. Here postboard is installed as if built by another
 * Node (no build cache for this one), so this Node is "another Node" whichever it is.
 */

function installFromAnotherNode(): string {
  const install = tempDir();
  for (const part of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, part), join(install, part), { recursive: true });
  rmSync(join(install, 'dist', 'cache'), { recursive: true, force: true });
  return join(install, 'bin', 'postboard.js');
}

/** Every file under a folder, with its modification time. */
function files(folder: string): Map<string, number> {
  const found = new Map<string, number>();
  if (!existsSync(folder)) return found;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) found.set(join(entry.parentPath, entry.name).slice(folder.length + 1), statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return found;
}

describe('start-up on a Node other than the one that built postboard', () => {
  it("compiles once: the first run keeps V8's code in $XDG_CACHE_HOME/postboard/<node version>, later runs start from it (and keep it)", async () => {
    const bin = installFromAnotherNode();
    const cache = tempDir();
    const env = { XDG_CACHE_HOME: cache };
    const first = await runCli(['list', '--format', 'jsonl', '--db', SAMPLE_BOARD], { bin, env });
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const folder = join(cache, 'postboard', `${process.version}-${process.arch}`);
    const made = files(folder);
    expect([...made.keys()].map((file) => file.replace(/^[0-9a-f]{16}\//, 'BUILD/'))).toContain('BUILD/cli.cjs.cache');
    // A library chunk gets its own when a command first loads it.
    const exported = await runCli(['export', '--format', 'csv', '--db', SAMPLE_BOARD], { bin, env });
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    const after = files(folder);
    expect([...after.keys()].some((file) => file.endsWith('lazy/csv.cjs.cache'))).toBe(true);
    // V8 took what was made: nothing is written again, and the output is the same.
    const again = await runCli(['list', '--format', 'jsonl', '--db', SAMPLE_BOARD], { bin, env });
    expect(again).toEqual(first);
    expect(await runCli(['export', '--format', 'csv', '--db', SAMPLE_BOARD], { bin, env })).toEqual(exported);
    expect(files(folder)).toEqual(after);
  });

  it('without XDG_CACHE_HOME, in ~/.cache/postboard; a folder that cannot be made is no error, and nothing is said', async () => {
    const bin = installFromAnotherNode();
    const home = tempDir();
    const listed = await runCli(['list', '--format', 'jsonl', '--db', SAMPLE_BOARD], { bin, env: { HOME: home, XDG_CACHE_HOME: '' } });
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(join(home, '.cache', 'postboard'))).toEqual([`${process.version}-${process.arch}`]);
    // A file where the folder would be: every run works as ever, compiling each time.
    const blocked = join(tempDir(), 'cache');
    writeFileSync(blocked, 'not a folder');
    for (let i = 0; i < 2; i++) expect(await runCli(['list', '--format', 'jsonl', '--db', SAMPLE_BOARD], { bin, env: { XDG_CACHE_HOME: blocked } })).toEqual(listed);
  });

  it('the build that made postboard keeps its code cache for its own Node, and a later build on this Node replaces the old one', async () => {
    const bin = installFromAnotherNode();
    const cache = tempDir();
    await runCli(['list', '--format', 'jsonl', '--db', SAMPLE_BOARD], { bin, env: { XDG_CACHE_HOME: cache } });
    const folder = join(cache, 'postboard', `${process.version}-${process.arch}`);
    const [build] = readdirSync(folder);
    // Another build (an upgrade of postboard): its own caches, the old ones gone.
    const bundle = join(bin, '..', '..', 'dist', 'cli.cjs');
    writeFileSync(bundle, readFileSync(bundle, 'utf8').replace(/^\/\*postboard:[0-9a-f]+\*\//, '/*postboard:0123456789abcdef*/'));
    expect((await runCli(['list', '--format', 'jsonl', '--db', SAMPLE_BOARD], { bin, env: { XDG_CACHE_HOME: cache } })).code).toBe(0);
    expect(readdirSync(folder)).toEqual(['0123456789abcdef']);
    expect(build).not.toBe('0123456789abcdef');
    // The checkout's own build has its caches in dist/cache, for the Node that built it.
    expect(readdirSync(join(ROOT, 'dist', 'cache')).length).toBe(1);
  });

  it("never touches what it did not make: a link in the cache folder to another folder leaves that folder's files alone", async () => {
    const bin = installFromAnotherNode();
    const cache = tempDir();
    const victim = tempDir();
    mkdirSync(join(victim, 'docs'));
    writeFileSync(join(victim, 'important.txt'), 'precious');
    writeFileSync(join(victim, 'docs', 'a.txt'), 'x');
    mkdirSync(join(cache, 'postboard'));
    symlinkSync(victim, join(cache, 'postboard', `${process.version}-${process.arch}`));
    expect((await runCli(['list', '--format', 'jsonl', '--db', SAMPLE_BOARD], { bin, env: { XDG_CACHE_HOME: cache } })).code).toBe(0);
    expect(readdirSync(victim, { recursive: true }).sort()).toEqual(['docs', join('docs', 'a.txt'), 'important.txt']);
    // Next to caches of older builds, other things in the Node's folder stay too.
    const own = tempDir();
    const folder = join(own, 'postboard', `${process.version}-${process.arch}`);
    mkdirSync(join(folder, 'notes'), { recursive: true });
    writeFileSync(join(folder, 'notes', 'keep.txt'), 'mine');
    expect((await runCli(['list', '--format', 'jsonl', '--db', SAMPLE_BOARD], { bin, env: { XDG_CACHE_HOME: own } })).code).toBe(0);
    expect(readFileSync(join(folder, 'notes', 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('a named pipe or a device at a cache file, or a cache folder that is none (/proc/self), never stops a command', async () => {
    const bin = installFromAnotherNode();
    const cache = tempDir();
    await runCli(['list', '--format', 'jsonl', '--db', SAMPLE_BOARD], { bin, env: { XDG_CACHE_HOME: cache } });
    const folder = join(cache, 'postboard', `${process.version}-${process.arch}`);
    const [build] = readdirSync(folder);
    const file = join(folder, build!, 'cli.cjs.cache');
    rmSync(file);
    spawnSync('mkfifo', [file]);
    const started = Date.now();
    expect(await runCli(['list', '--format', 'jsonl', '--fields', 'id', '--limit', '1', '--db', SAMPLE_BOARD], { bin, env: { XDG_CACHE_HOME: cache }, timeoutMs: 10_000 })).toMatchObject({ code: 0, stdout: '{"id":2932}\n' });
    rmSync(file);
    symlinkSync('/dev/zero', file);
    expect((await runCli(['list', '--limit', '1', '--db', SAMPLE_BOARD], { bin, env: { XDG_CACHE_HOME: cache }, timeoutMs: 10_000 })).code).toBe(0);
    expect((await runCli(['list', '--limit', '1', '--db', SAMPLE_BOARD], { bin, env: { XDG_CACHE_HOME: '/proc/self' }, timeoutMs: 10_000 })).code).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
