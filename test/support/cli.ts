import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The launcher under test; POSTBOARD_TEST_BIN runs the same tests against another build (an older one, to see a test fail). */
export const BIN = process.env.POSTBOARD_TEST_BIN ?? join(ROOT, 'bin/postboard.js');
export const SAMPLE_BOARD = join(ROOT, 'data/posts.json');

/**
 * The code-cache folder of the runs of this test file (XDG_CACHE_HOME): a Node other than the one
 * that built dist/ keeps its compiled code there (see bin/postboard.js), not in a test's HOME.
 */
export const TEST_CACHE = mkdtempSync(join(tmpdir(), 'postboard-test-cache-'));

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /**
   * Variables on top of a bare environment (PATH, HOME and the test run's TZ, so that "today" is the
   * same day on both sides): no inherited LANG, colour or width.
   */
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Text for stdin; without it stdin is closed at once (never a terminal). */
  input?: string;
  timeoutMs?: number;
  /** Another launcher than this checkout's (postboard installed elsewhere). */
  bin?: string;
  /** Another Node.js than the one running the tests (another version, another SQLite driver). */
  node?: string;
}

/** Runs the real `bin/postboard.js` as a user would, and collects what it printed. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: options.cwd ?? tmpdir(), XDG_CACHE_HOME: TEST_CACHE };
  if (process.env.TZ !== undefined) env.TZ = process.env.TZ;
  for (const [key, value] of Object.entries(options.env ?? {})) if (value !== undefined) env[key] = value;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(options.node ?? process.execPath, [options.bin ?? BIN, ...args], { cwd: options.cwd ?? ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Folders the tests of this file made: removed when they end (see test/support/setup.ts). */
export const madeFolders: string[] = [TEST_CACHE];

/** A fresh folder for one test's boards. */
export function tempDir(prefix = 'postboard-test-'): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  madeFolders.push(folder);
  return folder;
}

/** Writes `content` (a board object, or raw text) as a board file in a temp folder; returns its path. */
export function writeBoard(content: unknown, name = 'board.json'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  return path;
}

/** A copy of the sample board in a temp folder, for a test that changes it. */
export function sampleCopy(): string {
  const path = join(tempDir(), 'board.json');
  copyFileSync(SAMPLE_BOARD, path);
  return path;
}

/** A board file as a test reads it back. */
export interface SavedBoard {
  schemaVersion: number;
  lastId: number;
  posts: import('../../src/board/post.js').Post[];
}

export const loadBoard = (path: string): SavedBoard => JSON.parse(readFileSync(path, 'utf8')) as SavedBoard;
