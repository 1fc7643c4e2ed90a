/**
 * store/memory/ — a board held in memory. memory-board.ts answers the store's questions about a
 * board held whole (what the JSON board asks once its file is read); memory-store.ts is a whole
 * store kept in lowdb's Memory adapter, the board the contract suite runs in-process.
 */
import { changedFields, postHash, type Change, type ChangeLogEntry } from '../../board/log.js';
import { brokenSource, STATE_KEYS, withSource, type FetchState, type Source, type Subscription } from '../../board/source.js';
import { BoardProblemError } from '../../errors.js';
import { contentKey, urlKey, type Post } from '../../board/post.js';
import { departmentsByUse, postMatcher, selectPosts, type PostFilter } from '../../board/query.js';
import type { Board } from '../json/board-file.js';
import type { BoardInfo, BoardTransaction, Grouping, PostPage, PostQuery, Tally } from '../store.js';

/**
 * A board held in memory, answering the store's questions: the JSON board reads its file into
 * one and asks it (a JSON board is read whole anyway); the databases answer the same questions
 * in SQL, and the contract suite holds all of them to the same answers.
 */
/** Posts handed on at a time by `stream`. */
const STREAM_BATCH = 1000;

export class MemoryBoard {
  private byId: Map<number, Post> | undefined;

  constructor(
    readonly board: Board,
    private readonly exists: boolean,
  ) {}

  info(): BoardInfo {
    return { exists: this.exists, posts: this.board.posts.length, lastId: this.board.lastId };
  }

  page(query: PostQuery): PostPage {
    // Only the count (an export's progress bar): no order needed.
    if (query.limit === 0) {
      const matches = postMatcher(query.filter);
      let total = 0;
      for (const post of this.board.posts) if (matches(post)) total++;
      return { posts: [], total };
    }
    const matching = selectPosts(this.board.posts, query.filter, query.order);
    const end = query.limit === undefined ? undefined : query.offset + query.limit;
    return { posts: matching.slice(query.offset, end), total: matching.length };
  }

  get(ids: readonly number[]): Map<number, Post> {
    this.byId ??= new Map(this.board.posts.map((post) => [post.id, post]));
    const found = new Map<number, Post>();
    for (const id of ids) {
      const post = this.byId.get(id);
      if (post) found.set(id, post);
    }
    return found;
  }

  *stream(query: Omit<PostQuery, 'offset'>): Iterable<readonly Post[]> {
    const matching = selectPosts(this.board.posts, query.filter, query.order);
    const end = query.limit === undefined ? matching.length : Math.min(query.limit, matching.length);
    for (let start = 0; start < end; start += STREAM_BATCH) yield matching.slice(start, Math.min(start + STREAM_BATCH, end));
  }

  departments(): string[] {
    return departmentsByUse(this.board.posts);
  }

  tally(filter: PostFilter, by: Grouping): Tally[] {
    const matches = postMatcher(filter);
    const groups = new Map<string, Tally>();
    for (const post of this.board.posts) {
      if (!matches(post)) continue;
      const key = groupKey(post, by);
      const group = groups.get(key) ?? { key, posts: 0, views: 0 };
      group.posts++;
      group.views += post.views;
      groups.set(key, group);
    }
    return [...groups.values()];
  }

  /** The post holding a source URL: the first given it (the lowest number), as every board answers. */
  withSource(url: string): Post | undefined {
    const key = urlKey(url);
    let found: Post | undefined;
    for (const post of this.board.posts) if (post.source?.url !== undefined && urlKey(post.source.url) === key && (!found || post.id < found.id)) found = post;
    return found;
  }

  log(limit: number): ChangeLogEntry[] {
    return [...(this.board.changes ?? [])].reverse().slice(0, limit);
  }
}

/** The key a post is counted under in `stats`. */
export function groupKey(post: Post, by: Grouping): string {
  switch (by) {
    case 'department':
      return post.department;
    case 'month':
      return post.date.slice(0, 7);
    case 'author':
      return post.author;
  }
}

/**
 * A change to a board in memory (the JSON board's, read afresh inside its lock): each operation
 * is applied at once and recorded for the change log.
 */
export class MemoryTransaction implements BoardTransaction {
  readonly changes: Change[] = [];
  /** Set when something not logged was written (a source's fetch state): the board is written even without a log entry. */
  touched = false;
  private byId: Map<number, Post> | undefined;
  private urls: Map<string, number> | undefined;
  private contents: Map<string, number> | undefined;
  private unsorted = false;

  constructor(readonly board: Board) {}

  private index(): Map<number, Post> {
    this.byId ??= new Map(this.board.posts.map((post) => [post.id, post]));
    return this.byId;
  }

  async get(ids: readonly number[]): Promise<Map<number, Post>> {
    const byId = this.index();
    const found = new Map<number, Post>();
    for (const id of ids) {
      const post = byId.get(id);
      if (post) found.set(id, post);
    }
    return found;
  }

  async withSources(keys: readonly string[]): Promise<Map<string, number>> {
    if (!this.urls) {
      this.urls = new Map();
      // The oldest post with a URL holds it, as the first one given it did.
      for (const post of [...this.board.posts].reverse()) {
        const key = post.source?.url ? urlKey(post.source.url) : undefined;
        if (key && !this.urls.has(key)) this.urls.set(key, post.id);
      }
    }
    return pick(this.urls, keys);
  }

  async withContents(keys: readonly string[]): Promise<Map<string, number>> {
    if (!this.contents) {
      this.contents = new Map();
      for (const post of this.board.posts) this.contents.set(contentKey(post), post.id);
    }
    return pick(this.contents, keys);
  }

  async lastId(): Promise<number> {
    return this.board.lastId;
  }

  async nextId(): Promise<number> {
    return this.board.lastId + 1;
  }

  async insert(posts: readonly Post[]): Promise<void> {
    const byId = this.index();
    for (const post of posts) {
      this.board.posts.push(post);
      byId.set(post.id, post);
      if (post.id > this.board.lastId) this.board.lastId = post.id;
      const key = post.source?.url ? urlKey(post.source.url) : undefined;
      if (key && this.urls && !this.urls.has(key)) this.urls.set(key, post.id);
      this.contents?.set(contentKey(post), post.id);
      this.changes.push({ kind: 'add', id: post.id, title: post.title, hash: postHash(post) });
    }
    this.unsorted = true;
  }

  async update(before: Post, after: Post): Promise<void> {
    const fields = changedFields(before, after);
    if (!fields) return;
    const index = this.board.posts.findIndex((post) => post.id === before.id);
    if (index === -1) throw new Error(`post ${before.id} is not on the board`);
    this.board.posts[index] = after;
    this.index().set(after.id, after);
    // URLs and contents are looked up again when asked next.
    this.urls = undefined;
    this.contents = undefined;
    this.changes.push({ kind: 'edit', id: after.id, title: after.title, ...fields });
  }

  async remove(posts: readonly Post[]): Promise<void> {
    const doomed = new Set(posts.map((post) => post.id));
    this.board.posts = this.board.posts.filter((post) => !doomed.has(post.id));
    for (const post of posts) {
      this.index().delete(post.id);
      this.changes.push({ kind: 'delete', id: post.id, title: post.title, post });
    }
    this.urls = undefined;
    this.contents = undefined;
  }

  async entry(seq: number): Promise<ChangeLogEntry | undefined> {
    return this.board.changes?.find((entry) => entry.seq === seq);
  }

  async recent(limit: number): Promise<ChangeLogEntry[]> {
    return [...(this.board.changes ?? [])].reverse().slice(0, limit);
  }

  async markUndone(seq: number, by: number | undefined): Promise<void> {
    const entry = this.board.changes?.find((candidate) => candidate.seq === seq);
    if (!entry) return;
    if (by === undefined) delete entry.undoneBy;
    else entry.undoneBy = by;
    this.marked = true;
  }

  async nextSeq(): Promise<number> {
    return (this.board.changes?.at(-1)?.seq ?? 0) + 1;
  }

  async sources(): Promise<Source[]> {
    return checkedSources(this.board.sources).map((source) => ({ ...source }));
  }

  async setSource(name: string, to: Subscription | null): Promise<void> {
    const set = withSource(await this.sources(), name, to);
    if (!set) return;
    if (set.sources.length > 0) this.board.sources = set.sources;
    else delete this.board.sources;
    this.changes.push(set.change);
  }

  async keepState(name: string, state: FetchState, addedAt: string): Promise<void> {
    const source = (await this.sources()).length > 0 ? this.board.sources?.find((candidate) => candidate.name === name && candidate.addedAt === addedAt) : undefined;
    if (!source) return;
    for (const key of STATE_KEYS) {
      if (state[key] === undefined) delete source[key];
      else source[key] = state[key];
    }
    this.touched = true;
  }

  /** Set when an entry's undone mark changed (part of an undo or redo, never alone). */
  marked = false;

  /** The posts in the board file's order (newest number first), once the change is done. */
  finish(): void {
    if (this.unsorted) this.board.posts.sort((a, b) => b.id - a.id);
  }
}

/** A board's sources, or the problem of the one a hand edit broke (named), for what reads them. */
export function checkedSources(raw: unknown): Source[] {
  const broken = brokenSource(raw);
  if (broken !== undefined) throw new BoardProblemError({ kind: 'bad-header', field: 'sources', value: broken });
  return (raw as Source[] | undefined) ?? [];
}

function pick<K, V>(map: ReadonlyMap<K, V>, keys: readonly K[]): Map<K, V> {
  const found = new Map<K, V>();
  for (const key of keys) {
    const value = map.get(key);
    if (value !== undefined) found.set(key, value);
  }
  return found;
}
