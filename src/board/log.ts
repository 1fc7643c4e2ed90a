import { userInfo } from 'node:os';
import type { Post } from './post.js';
import type { Subscription } from './source.js';

/**
 * The change log: every change made through postboard, with who made it, when, by which command,
 * and what it did to each post. `undo` reverts the newest change not yet undone, `redo` re-applies
 * the newest undone one, and `postboard log` lists them. One shape for every backend: the JSON
 * board keeps its recent entries in the file, the databases in a table.
 */

/** What a change did to one post. */
export type PostChange =
  /** A post added; `hash` is of the post as added, so undo can tell whether it changed since. */
  | { kind: 'add'; id: number; title: string; hash: string }
  /** Fields changed: each one's value before and after (`null`: the field was not there). */
  | { kind: 'edit'; id: number; title: string; before: Record<string, unknown>; after: Record<string, unknown> }
  /** A post removed, whole, so that undo can bring it back. */
  | { kind: 'delete'; id: number; title: string; post: Post };

/** What a change did to a source `pull` reads (board/source.ts): added (`before` null), removed (`after` null) or changed. */
export interface SourceChange {
  kind: 'source';
  name: string;
  before: Subscription | null;
  after: Subscription | null;
}

/** What a change did: to a post, or to a source. */
export type Change = PostChange | SourceChange;

/** The changes made to posts. */
export const postChanges = (changes: readonly Change[]): PostChange[] => changes.filter((change): change is PostChange => change.kind !== 'source');

export interface ChangeLogEntry {
  /** 1, 2, 3 …: never given twice on a board. */
  seq: number;
  /** ISO 8601. */
  at: string;
  /** POSTBOARD_AUTHOR, else the account's user name. */
  who: string;
  command: string;
  /** An undo names the entry it reverted; a redo, the entry it re-applied. */
  undoes?: number;
  redoes?: number;
  /** On a change that was undone: the undo's entry (gone again once it is redone). */
  undoneBy?: number;
  changes: Change[];
}

/**
 * A post's fields in one order, whatever order they were stored in: for hashes and comparisons.
 * JSON with every object's keys sorted (by UTF-16 code units), written directly rather than by
 * rebuilding each object for JSON.stringify (an import of thousands of posts hashes each one).
 */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item: unknown) => (item === undefined || typeof item === 'function' || typeof item === 'symbol' ? 'null' : canonical(item))).join(',')}]`;
  const record = value as Record<string, unknown>;
  let out = '';
  for (const key of sortedKeys(record)) {
    const item = record[key];
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    out += `${out ? ',' : ''}${JSON.stringify(key)}:${canonical(item)}`;
  }
  return `{${out}}`;
}

/**
 * Keys as an object rebuilt from sorted entries lists them (as the hashes always had them): names
 * that are array indices first, in numeric order (JavaScript puts them there), then the rest sorted.
 */
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  // Object.keys lists the index-like names first, ascending, already.
  let indices = 0;
  while (indices < keys.length && /^(?:0|[1-9]\d{0,9})$/.test(keys[indices]!) && Number(keys[indices]) < 4_294_967_295) indices++;
  return indices === 0 ? keys.sort() : [...keys.slice(0, indices), ...keys.slice(indices).sort()];
}

/** A short fingerprint of a post as it is: two posts with the same fingerprint are the same. */
export function postHash(post: Post): string {
  // One call into the hash (crypto.hash, Node 20.12+): an import hashes thousands of posts.
  const crypto = process.getBuiltinModule('node:crypto') as typeof import('node:crypto');
  return crypto.hash('sha1', canonical(post), 'hex').slice(0, 16);
}

/**
 * SHA-1 of a text. node:crypto is loaded here, on first use (by a change), not with the program:
 * it costs every start ~7 ms, and `list` never needs it.
 */
export function sha1(text: string): Buffer {
  const { createHash } = process.getBuiltinModule('node:crypto') as typeof import('node:crypto');
  return createHash('sha1').update(text).digest();
}

/** The fields (top-level keys) whose values differ between two states of a post, with both values. */
export function changedFields(before: Post, after: Post): { before: Record<string, unknown>; after: Record<string, unknown> } | undefined {
  const old: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (key === 'id') continue;
    if (canonical(a[key]) === canonical(b[key])) continue;
    old[key] = a[key] === undefined ? null : a[key];
    now[key] = b[key] === undefined ? null : b[key];
  }
  return Object.keys(old).length > 0 ? { before: old, after: now } : undefined;
}

/** `post` with `fields` set (a `null` removes the field); keys keep the post's order, new ones at the end. */
export function withFields(post: Post, fields: Record<string, unknown>): Post {
  const next: Record<string, unknown> = { ...(post as unknown as Record<string, unknown>) };
  for (const [key, value] of Object.entries(fields)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next as unknown as Post;
}

/** The account that makes changes: POSTBOARD_AUTHOR, else the operating system's user. */
export async function changeAuthor(env: NodeJS.ProcessEnv): Promise<string> {
  if (env.POSTBOARD_AUTHOR?.trim()) return env.POSTBOARD_AUTHOR.trim();
  try {
    return userInfo().username;
  } catch {
    return env.USER || env.LOGNAME || env.USERNAME || 'unknown';
  }
}

/** Why a change cannot be reverted: a later change touched one of its posts (or sources). */
export type RevertConflict =
  | {
      id: number;
      title: string;
      /** What is in the way: the post was changed since, removed since, or is back already. */
      reason: 'changed' | 'gone' | 'present';
    }
  | { source: string; reason: 'changed' | 'gone' | 'present' };

/** What reverting takes: posts to add back, change back and remove, and sources set back (`to` null: removed). */
export interface RevertOps {
  insert: Post[];
  update: [Post, Post][];
  remove: Post[];
  sources: { name: string; to: Subscription | null }[];
}

/**
 * What reverting `changes` takes, checked against the board as it is now: each post (and source)
 * must be as the change left it. The operations come back in the order to apply them (the
 * change's own, reversed), or what is in the way.
 */
export function planRevert(changes: readonly Change[], current: ReadonlyMap<number, Post>, sources: ReadonlyMap<string, Subscription> = new Map()): { ops: RevertOps } | { conflicts: RevertConflict[] } {
  const conflicts: RevertConflict[] = [];
  const ops: RevertOps = { insert: [], update: [], remove: [], sources: [] };
  for (const change of [...changes].reverse()) {
    if (change.kind === 'source') {
      const now = sources.get(change.name);
      if (change.after === null ? now !== undefined : now === undefined) conflicts.push({ source: change.name, reason: now === undefined ? 'gone' : 'present' });
      else if (change.after !== null && canonical(now) !== canonical(change.after)) conflicts.push({ source: change.name, reason: 'changed' });
      else ops.sources.push({ name: change.name, to: change.before });
      continue;
    }
    const now = current.get(change.id);
    switch (change.kind) {
      case 'add':
        if (!now) conflicts.push({ id: change.id, title: change.title, reason: 'gone' });
        else if (postHash(now) !== change.hash) conflicts.push({ id: change.id, title: now.title, reason: 'changed' });
        else ops.remove.push(now);
        break;
      case 'delete':
        if (now) conflicts.push({ id: change.id, title: now.title, reason: 'present' });
        else ops.insert.push(change.post);
        break;
      case 'edit': {
        if (!now) {
          conflicts.push({ id: change.id, title: change.title, reason: 'gone' });
          break;
        }
        const fields = now as unknown as Record<string, unknown>;
        const asLeft = Object.entries(change.after).every(([key, value]) => canonical(fields[key] ?? null) === canonical(value));
        if (!asLeft) conflicts.push({ id: change.id, title: now.title, reason: 'changed' });
        else ops.update.push([now, withFields(now, change.before)]);
        break;
      }
    }
  }
  return conflicts.length > 0 ? { conflicts } : { ops };
}

/**
 * The entry `undo` reverts: the newest change that is not undone. Undos and redos are not
 * themselves undone: a redo made a change done again, and undoing goes back to that change.
 */
export function undoTarget(entries: readonly ChangeLogEntry[]): ChangeLogEntry | undefined {
  return entries.find((entry) => entry.undoes === undefined && entry.redoes === undefined && entry.undoneBy === undefined);
}

/**
 * The entry `redo` re-applies: the most recently undone change — as long as no new change was
 * made after that undo (a new change ends what can be redone, as in every editor).
 */
export function redoTarget(entries: readonly ChangeLogEntry[]): { target: ChangeLogEntry; undo: ChangeLogEntry } | 'further back' | undefined {
  // Newest first: undos and redos may come first; the first plain change ends the search. An undo
  // whose change is older than the entries given: the answer is further back (never an older undo).
  const bySeq = new Map(entries.map((entry) => [entry.seq, entry]));
  for (const entry of entries) {
    if (entry.undoes !== undefined) {
      const target = bySeq.get(entry.undoes);
      if (!target) return 'further back';
      if (target.undoneBy === entry.seq) return { target, undo: entry };
      continue;
    }
    if (entry.redoes !== undefined) continue;
    return undefined;
  }
  return undefined;
}
