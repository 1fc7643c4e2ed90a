import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Memory } from 'lowdb';
import type { Post } from '../../src/board/post.js';
import { main } from '../../src/cli.js';
import type { Board } from '../../src/store/json/board-file.js';
import { MemoryBoardStore } from '../../src/store/memory/memory-store.js';
import { runCli, tempDir, writeBoard, type RunOptions, type RunResult } from '../support/cli.js';
import { memoryIO } from '../support/io.js';
import { makeBoard } from '../support/posts.js';

/**
 * The kinds of board, each made fresh for a test: a JSON file, a SQLite file, and a schema of its
 * own in the test run's PostgreSQL database (see support/global-setup.ts), each run through the
 * real `bin/postboard.js`; and a board in memory (store/memory/), run in-process — the same
 * program, its commands parsed and run by `main` in the test's own process, with nothing spawned.
 * The contract suite runs every test against each.
 */
export const KINDS = ['json', 'sqlite', 'postgres', 'memory'] as const;
export type Kind = (typeof KINDS)[number];

/** The boards in memory of this test file, by their location (`memory:<random>`). */
const MEMORY_BOARDS = new Map<string, Memory<Board>>();
const isMemory = (location: string): boolean => MEMORY_BOARDS.has(location);

/**
 * Runs postboard in-process on a board in memory, as runCli runs it on the others: the same
 * arguments, a bare environment with the variables given, stdin given or closed at once, the
 * real clock; its exit code and what it printed. Every command opens the board afresh (a store
 * of its own over the board's adapter), as every process opens its file.
 */
async function runInMemory(args: readonly string[], options: RunOptions): Promise<RunResult> {
  const env: Record<string, string> = {};
  if (process.env.TZ !== undefined) env.TZ = process.env.TZ;
  for (const [key, value] of Object.entries(options.env ?? {})) if (value !== undefined) env[key] = value;
  // Local times are this process's: a command run in it cannot have a time zone of its own.
  if (env.TZ !== process.env.TZ) throw new Error(`a command run in-process keeps this process's time zone (${process.env.TZ}), not TZ=${env.TZ}`);
  if (options.cwd !== undefined || options.bin !== undefined || options.node !== undefined) throw new Error('a command run in-process has this process\'s folder, launcher and Node');
  const io = memoryIO({ env });
  io.now = () => new Date();
  io.boards = (location) => {
    const adapter = MEMORY_BOARDS.get(location);
    return adapter ? new MemoryBoardStore(adapter, location) : undefined;
  };
  io.stdin.end(options.input ?? '');
  const code = await main(args, io);
  return { code, signal: null, ...io.output };
}

/** A new, empty board of this kind: its location, made (a database's tables by `init`). */
export async function emptyBoardOf(kind: Kind): Promise<string> {
  switch (kind) {
    case 'json':
      return join(tempDir(), 'board.json');
    case 'sqlite':
      return join(tempDir(), 'board.sqlite');
    case 'memory': {
      const location = `memory:${randomBytes(6).toString('hex')}`;
      MEMORY_BOARDS.set(location, new Memory<Board>());
      return location;
    }
    case 'postgres': {
      const url = process.env.POSTBOARD_TEST_DATABASE_URL;
      if (!url) throw new Error('no PostgreSQL server for the tests (see test/support/global-setup.ts)');
      const location = `${url}?schema=t_${randomBytes(6).toString('hex')}`;
      const made = await runCli(['init', '--db', location]);
      if (made.code !== 0) throw new Error(`init failed: ${made.stderr}`);
      return location;
    }
  }
}

/** A board of this kind holding these posts (numbers, statuses, timestamps as given), copied in from a JSON file. */
export async function boardOf(kind: Kind, posts: Post[], lastId?: number): Promise<string> {
  const json = writeBoard(makeBoard(posts, lastId));
  if (kind === 'json') return json;
  const location = await emptyBoardOf(kind);
  const copied = await on(json, ['copy', '--to', location]);
  if (copied.code !== 0) throw new Error(`copy failed: ${copied.stderr}`);
  return location;
}

/**
 * Runs postboard on a board: through the real command line, or in-process when a board in memory
 * is in it (the board, or `copy --to` one).
 */
export const on = (board: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> =>
  [board, ...args].some(isMemory) ? runInMemory([...args, '--db', board], options) : runCli([...args, '--db', board], options);

/** The board's posts, as `export --format json` gives them (every post, highest number first). */
export async function postsOf(board: string): Promise<Post[]> {
  const result = await on(board, ['export', '--format', 'json']);
  if (result.code !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as Post[];
}

/** The numbers `list` shows for these arguments, in its order (every matching post). */
export async function listed(board: string, args: readonly string[] = []): Promise<number[]> {
  const result = await on(board, ['list', '--all', '--format', 'jsonl', '--fields', 'id', ...args]);
  if (result.code !== 0) throw new Error(result.stderr);
  return result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { id: number }).id);
}
