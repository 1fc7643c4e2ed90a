import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Low, Memory } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { BoardFileError } from '../../src/errors.js';
import { emptyBoard, type Board } from '../../src/store/json/board-file.js';
import { JsonBoardStore } from '../../src/store/json/json-board.js';
import { MemoryBoardStore } from '../../src/store/memory/memory-store.js';
import { withBoardLock } from '../../src/store/safe-file/lock.js';
import { tempDir } from '../support/cli.js';
import { makeBoard, makePost } from '../support/posts.js';

/**
 * lowdb carries both boards held whole: a JSON board's file is a lowdb adapter (its strict read
 * and its safe write), a board in memory is lowdb's Memory adapter. What lowdb lacks (a lock
 * across read–change–write, a change that fails half-way) the stores keep around it.
 */

const jsonStore = (path: string) => new JsonBoardStore({ path, lockTimeoutMs: 1000, lockStaleMs: 10_000 });
const fail = (problem: unknown): never => {
  throw new Error(JSON.stringify(problem));
};

describe('the JSON board file as a lowdb adapter', () => {
  it('Low reads the checked board and writes it whole under the lock, keeping the old board as its backup', async () => {
    const path = join(tempDir(), 'board.json');
    const before = `${JSON.stringify(makeBoard([makePost({ id: 1, title: '처음' })]), null, 2)}\n`;
    writeFileSync(path, before);
    const store = jsonStore(path);
    await withBoardLock(path, { timeoutMs: 1000, staleMs: 10_000 }, fail, async (lock) => {
      const db = new Low<Board>(store.adapter(lock), emptyBoard());
      await db.read();
      expect(db.data.posts.map((post) => post.title)).toEqual(['처음']);
      db.data.posts[0]!.title = '고침';
      await db.write();
    });
    expect(await jsonStore(path).get([1])).toEqual(new Map([[1, expect.objectContaining({ title: '고침' })]]));
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe(before);
  });

  it('without the lock, Low cannot write the board: lowdb has no lock of its own', async () => {
    const path = join(tempDir(), 'board.json');
    const before = `${JSON.stringify(makeBoard([makePost({ id: 1 })]), null, 2)}\n`;
    writeFileSync(path, before);
    const db = new Low<Board>(jsonStore(path).adapter(), emptyBoard());
    await db.read();
    db.data.posts = [];
    await expect(db.write()).rejects.toThrow();
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(existsSync(`${path}.bak`)).toBe(false);
  });

  it('a broken file is refused by the read with its typed problem, and a missing one reads as no board', async () => {
    const path = join(tempDir(), 'board.json');
    writeFileSync(path, '{"posts": [');
    const error = await new Low<Board>(jsonStore(path).adapter(), emptyBoard()).read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BoardFileError);
    expect((error as BoardFileError).problem.kind).toBe('syntax');
    expect(await jsonStore(join(tempDir(), 'none.json')).adapter().read()).toBeNull();
  });
});

describe('the board in memory, over lowdb’s Memory adapter', () => {
  const posts = [makePost({ id: 2, title: '둘' }), makePost({ id: 1, title: '하나' })];
  const made = async () => {
    const adapter = new Memory<Board>();
    await adapter.write(makeBoard(structuredClone(posts)));
    return adapter;
  };
  const at = new Date('2024-09-06T10:00:00+09:00');

  it('a change that fails half-way leaves the board exactly as it was', async () => {
    const adapter = await made();
    const store = new MemoryBoardStore(adapter);
    const failed = store.change({ command: 'add', at, who: 'a' }, async (tx) => {
      await tx.insert([makePost({ id: 3 })]);
      await tx.remove([posts[0]!]);
      throw new Error('work failed');
    });
    await expect(failed).rejects.toThrow('work failed');
    expect(await adapter.read()).toEqual(makeBoard(posts));
    expect(await new MemoryBoardStore(adapter).info()).toEqual({ exists: true, posts: 2, lastId: 2 });
  });

  it('what a command does to a post it was given never reaches the board', async () => {
    const adapter = await made();
    const post = (await new MemoryBoardStore(adapter).get([1])).get(1)!;
    post.title = '몰래 고침';
    expect((await new MemoryBoardStore(adapter).get([1])).get(1)?.title).toBe('하나');
  });

  it('changes from many stores on one board take turns: none is lost', async () => {
    const adapter = new Memory<Board>();
    const adds = Array.from({ length: 10 }, (_, i) =>
      new MemoryBoardStore(adapter).change({ command: 'add', at, who: 'a' }, async (tx) => {
        const id = await tx.nextId();
        await new Promise((resolve) => setTimeout(resolve, 10 - i));
        await tx.insert([makePost({ id, title: `글 ${i}` })]);
        return id;
      }),
    );
    expect((await Promise.all(adds)).map((done) => done.result).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await new MemoryBoardStore(adapter).info()).toEqual({ exists: true, posts: 10, lastId: 10 });
    expect((await new MemoryBoardStore(adapter).log(20)).map((entry) => entry.seq)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });
});
