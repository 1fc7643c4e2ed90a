import { BoardProblemError } from '../errors.js';
import type { Board } from '../store/board.js';
import { sameUrl, urlKey, type Post, type PostContent } from './post.js';

/** The post already on the board under the same source URL, if any. */
export function postWithSource(board: Board, url: string | undefined): Post | undefined {
  if (!url) return undefined;
  return board.posts.find((post) => post.source?.url !== undefined && sameUrl(post.source.url, url));
}

/** The number the next new post gets: one past the highest ever given, so none is reused. */
export function nextPostNumber(board: Board): number {
  // Past 2^53 − 1 two numbers would be one: there is no next number.
  if (board.lastId >= Number.MAX_SAFE_INTEGER) throw new BoardProblemError({ kind: 'numbers-exhausted' });
  return board.lastId + 1;
}

/**
 * Adds a post to the board (newest first, like the board file and the web board) and moves
 * `lastId` with it. The caller has already refused a duplicate source if it had to.
 */
export function addPost(board: Board, content: PostContent, now: Date): Post {
  const stamp = now.toISOString();
  const { title, author, department, date, status, body, source } = content;
  // Keys in the board file's order, so a new post reads like the others.
  const post: Post = {
    id: nextPostNumber(board),
    title,
    author,
    department,
    date,
    views: 0,
    status,
    body,
    ...(source ? { source } : {}),
    createdAt: stamp,
    updatedAt: stamp,
  };
  board.posts.unshift(post);
  board.lastId = post.id;
  return post;
}

/** A change to some of a post's fields. An empty source part removes it. */
export interface PostEdit {
  title?: string;
  author?: string;
  department?: string;
  date?: string;
  status?: Post['status'];
  body?: string;
  views?: number;
  source?: { agency?: string; date?: string; url?: string };
}

/**
 * Applies `edit` to `post` and says which fields really changed. The number and `createdAt`
 * never change; `updatedAt` moves only when something did.
 */
export function editPost(post: Post, edit: PostEdit, now: Date): string[] {
  const changed: string[] = [];
  for (const key of ['title', 'author', 'department', 'date', 'status', 'body', 'views'] as const) {
    const value = edit[key];
    if (value !== undefined && post[key] !== value) {
      (post as Record<string, unknown>)[key] = value;
      changed.push(key);
    }
  }
  if (edit.source) {
    const source: Record<string, unknown> = { ...post.source };
    for (const [part, value] of Object.entries(edit.source) as [keyof NonNullable<PostEdit['source']>, string | undefined][]) {
      if (value === undefined || (source[part] ?? '') === value) continue;
      if (value === '') delete source[part];
      else source[part] = value;
      changed.push(`source.${part}`);
    }
    if (Object.keys(source).length > 0) post.source = source as Post['source'];
    else delete post.source;
  }
  if (changed.length > 0) post.updatedAt = now.toISOString();
  return changed;
}

/** Removes the posts with these numbers; `lastId` stays, so their numbers are never given again. */
export function deletePosts(board: Board, ids: readonly number[]): Post[] {
  const doomed = new Set(ids);
  const deleted = board.posts.filter((post) => doomed.has(post.id));
  board.posts = board.posts.filter((post) => !doomed.has(post.id));
  return deleted;
}

/** What tells two boards apart, post by post: what undo would take away, bring back or change back. */
export interface BoardDiff {
  /** On the board now, not before. */
  added: Post[];
  /** Before, not now. */
  removed: Post[];
  /** On both, different: [before, now]. */
  changed: [Post, Post][];
}

export function diffBoards(before: Board, now: Board): BoardDiff {
  const earlier = new Map(before.posts.map((post) => [post.id, post]));
  const later = new Map(now.posts.map((post) => [post.id, post]));
  const diff: BoardDiff = { added: [], removed: [], changed: [] };
  for (const post of now.posts) {
    const old = earlier.get(post.id);
    if (!old) diff.added.push(post);
    else if (JSON.stringify(old) !== JSON.stringify(post)) diff.changed.push([old, post]);
  }
  for (const post of before.posts) if (!later.has(post.id)) diff.removed.push(post);
  return diff;
}

/** A post read from an import file and checked. */
export interface ImportedPost {
  /** Where in the file it came from, for messages: "row 3", "line 7". */
  where: string;
  /** The post; its `id` is set on import. */
  post: Post;
  /** The number the record asked for, if any. */
  requestedId: number | undefined;
}

export interface ImportResult {
  imported: Post[];
  /** Records whose source URL is already on the board (or earlier in the file). */
  duplicates: { where: string; existing: number }[];
  /** How many records got a new number (theirs was taken, or `--renumber`). */
  renumbered: number;
}

/**
 * Adds imported posts to the board. A record keeps its number when no other post has it (on the
 * board or earlier in the file), unless `renumber`; the rest get new numbers above every number
 * given. Records whose source URL is already there are left out and reported, unless
 * `allowDuplicate`. The board stays newest first.
 */
export function importPosts(board: Board, records: readonly ImportedPost[], options: { renumber: boolean; allowDuplicate: boolean }): ImportResult {
  const result: ImportResult = { imported: [], duplicates: [], renumbered: 0 };
  const taken = new Set(board.posts.map((post) => post.id));
  // One pass over the board, one look-up per record: linear, however large both are.
  const urls = new Map<string, number>();
  if (!options.allowDuplicate) {
    for (const post of board.posts) {
      const key = post.source?.url && urlKey(post.source.url);
      if (key && !urls.has(key)) urls.set(key, post.id);
    }
  }
  const accepted: ImportedPost[] = [];
  for (const record of records) {
    const key = record.post.source?.url && !options.allowDuplicate ? urlKey(record.post.source.url) : undefined;
    const existing = key ? urls.get(key) : undefined;
    if (existing !== undefined) {
      result.duplicates.push({ where: record.where, existing });
      continue;
    }
    accepted.push(record);
    if (key) urls.set(key, record.requestedId ?? 0);
  }
  // First the numbers that are kept, so that no new number lands on one of them.
  const keeps = accepted.map((record) => {
    const id = record.requestedId;
    const keep = !options.renumber && id !== undefined && !taken.has(id);
    if (keep) taken.add(id);
    return keep;
  });
  let next = board.lastId;
  for (const id of taken) if (id > next) next = id;
  accepted.forEach((record, index) => {
    if (keeps[index]) record.post.id = record.requestedId as number;
    else {
      if (next >= Number.MAX_SAFE_INTEGER) throw new BoardProblemError({ kind: 'numbers-exhausted' });
      record.post.id = ++next;
      result.renumbered++;
    }
    result.imported.push(record.post);
  });
  board.posts = [...result.imported, ...board.posts].sort((a, b) => b.id - a.id);
  board.lastId = next;
  return result;
}
