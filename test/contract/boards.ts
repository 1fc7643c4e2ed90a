import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Post } from '../../src/board/post.js';
import { runCli, tempDir, writeBoard, type RunOptions, type RunResult } from '../support/cli.js';
import { makeBoard } from '../support/posts.js';

/**
 * The three kinds of board, each made fresh for a test: a JSON file, a SQLite file, and a schema
 * of its own in the test run's PostgreSQL database (see support/global-setup.ts). The contract
 * suite runs every test against each, through the real `bin/postboard.js`.
 */
export const KINDS = ['json', 'sqlite', 'postgres'] as const;
export type Kind = (typeof KINDS)[number];

/** A new, empty board of this kind: its location, made (a database's tables by `init`). */
export async function emptyBoardOf(kind: Kind): Promise<string> {
  switch (kind) {
    case 'json':
      return join(tempDir(), 'board.json');
    case 'sqlite':
      return join(tempDir(), 'board.sqlite');
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
  const copied = await runCli(['copy', '--db', json, '--to', location]);
  if (copied.code !== 0) throw new Error(`copy failed: ${copied.stderr}`);
  return location;
}

/** Runs postboard on a board. */
export const on = (board: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> => runCli([...args, '--db', board], options);

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
