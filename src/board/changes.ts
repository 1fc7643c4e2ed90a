import { BoardProblemError } from '../errors.js';
import type { TextPlace } from '../files/decode.js';
import type { BoardTransaction } from '../store/store.js';
import type { ImportRecord } from './import.js';
import { contentKey, urlKey, type Post, type PostContent, type Status } from './post.js';

/**
 * The changes commands make, as operations on a change in the making (a transaction of the
 * store): the same rules whatever the board is kept in.
 */

/** A new post's number, checked: past 2^53 − 1 two numbers would be one, so there is none. */
export async function newPostNumber(tx: BoardTransaction): Promise<number> {
  const next = await tx.nextId();
  if (!Number.isSafeInteger(next)) throw new BoardProblemError({ kind: 'numbers-exhausted' });
  return next;
}

/** A post made from checked content, numbered, stamped now; keys in the board file's order. */
export function newPost(id: number, content: PostContent, now: Date): Post {
  const stamp = now.toISOString();
  const { title, author, department, date, status, body, source } = content;
  return {
    id,
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
}

/** The post already on the board under the same source URL, if any (its number). */
export async function postWithSource(tx: Pick<BoardTransaction, 'withSources'>, url: string | undefined): Promise<number | undefined> {
  if (!url) return undefined;
  return (await tx.withSources([urlKey(url)])).get(urlKey(url));
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
 * `post` with `edit` applied (a copy; the post is not touched) and which fields really changed.
 * The number and `createdAt` never change; `updatedAt` moves only when something did.
 */
export function editPost(post: Post, edit: PostEdit, now: Date): { post: Post; changed: string[] } {
  const next = structuredClone(post);
  const changed: string[] = [];
  for (const key of ['title', 'author', 'department', 'date', 'status', 'body', 'views'] as const) {
    const value = edit[key];
    if (value !== undefined && next[key] !== value) {
      (next as Record<string, unknown>)[key] = value;
      changed.push(key);
    }
  }
  if (edit.source) {
    const source: Record<string, unknown> = { ...next.source };
    for (const [part, value] of Object.entries(edit.source) as [keyof NonNullable<PostEdit['source']>, string | undefined][]) {
      if (value === undefined || (source[part] ?? '') === value) continue;
      if (value === '') delete source[part];
      else source[part] = value;
      changed.push(`source.${part}`);
    }
    if (Object.keys(source).length > 0) next.source = source as Post['source'];
    else delete next.source;
  }
  if (changed.length > 0) next.updatedAt = now.toISOString();
  return { post: next, changed };
}

/** A post with a new status (hide, publish): a copy, stamped; undefined when it has it already. */
export function withStatus(post: Post, status: Status, now: Date): Post | undefined {
  if (post.status === status) return undefined;
  return { ...post, status, updatedAt: now.toISOString() };
}

/** A record of an import file, checked, and where it came from. */
export interface PlacedRecord {
  place: TextPlace;
  record: ImportRecord;
}

/** Why a record was left out. */
export type ImportSkip =
  /** Its source URL is on the board already (or earlier in the file). */
  | { kind: 'duplicate-source'; existing: number | 'file' }
  /** No number, but the same post (title, author, date, body) is on the board already: imported before. */
  | { kind: 'same-post'; existing: number | 'file' }
  /** Its number is a post on the board, with other content, and this is no --update. */
  | { kind: 'on-board'; id: number; before: Post; after: Post };

/** Why a record cannot be imported at all: with one of these, nothing is (unless --skip-invalid). */
export type ImportRefusal =
  | { kind: 'missing'; fields: ('title' | 'author')[] }
  | { kind: 'not-on-board'; id: number }
  /** The source URL is another post's, or (`file`) a new post's earlier in the file. */
  | { kind: 'source-taken'; existing: number | 'file' }
  /** A second row for one post, saying something else than the first: which one is meant is not known. */
  | { kind: 'named-twice'; id: number; first: TextPlace }
  /** The post was changed after the file was made (its updatedAt is newer): applying the row would undo that. */
  | { kind: 'changed-since'; id: number; fileTime: string | undefined; boardTime: string };

export interface ImportOutcome {
  added: { place: TextPlace; post: Post }[];
  updated: { place: TextPlace; before: Post; after: Post }[];
  unchanged: { place: TextPlace; id: number }[];
  skipped: { place: TextPlace; skip: ImportSkip }[];
  refused: { place: TextPlace; refusal: ImportRefusal }[];
  /** How many new posts got a new number (theirs was taken, or --renumber). */
  renumbered: number;
}

export interface ImportOptions {
  renumber: boolean;
  allowDuplicate: boolean;
  /**
   * Rows whose number is on the board: with true, every one updates its post (and a number not on
   * the board is refused); with a set, only those posts (what a person agreed to at the terminal).
   */
  update: boolean | ReadonlySet<number>;
  now: Date;
  today: string;
  /** Apply rows even to posts changed after the file was made (--force). */
  force?: boolean;
}

/**
 * The post's last change is later than the file knew (compared by the minute: a spreadsheet drops
 * the seconds of the times it shows). A file with no time for a post that has one now was made
 * before that post was ever changed.
 */
function changedSince(fileTime: string | undefined, boardTime: string): boolean {
  if (fileTime === undefined) return true;
  return Math.floor(Date.parse(boardTime) / 60_000) > Math.floor(Date.parse(fileTime) / 60_000);
}

/** The fields of a post a record sets (timestamps are the board's own: never set from a file on update). */
function applyRecord(post: Post, record: ImportRecord): void {
  const { text } = record;
  for (const key of ['title', 'author', 'department', 'date', 'body'] as const) {
    const value = text[key];
    if (value !== undefined) post[key] = value;
  }
  if (text.status !== undefined) post.status = text.status as Status;
  if (record.views !== undefined) post.views = record.views;
  const source: Record<string, unknown> = { ...post.source };
  for (const part of ['agency', 'date', 'url'] as const) {
    const value = text[`source.${part}`];
    if (value === undefined) continue;
    if (value === '') delete source[part];
    else source[part] = value;
  }
  if (Object.keys(source).length > 0) post.source = source as Post['source'];
  else delete post.source;
}

/** A new post's content from a checked record: the defaults of `add` for what it does not give. */
function contentOf(record: ImportRecord, today: string): PostContent {
  const { text } = record;
  const source: Record<string, string> = {};
  if (text['source.agency']) source.agency = text['source.agency'];
  if (text['source.date']) source.date = text['source.date'];
  if (text['source.url']) source.url = text['source.url'];
  return {
    title: text.title ?? '',
    author: text.author ?? '',
    department: text.department ?? '',
    date: text.date ?? today,
    status: (text.status ?? 'published') as Status,
    body: text.body ?? '',
    ...(Object.keys(source).length > 0 ? { source: source as Post['source'] } : {}),
  };
}

/**
 * Brings records onto the board, in place, and says what became of each:
 *
 * - a record whose number is a post on the board updates that post with the fields it gives —
 *   with --update (or for the posts a person agreed to); without it, a record that says what the
 *   post already says is "unchanged", and one that differs is skipped and reported (a plain
 *   import of a board's own export adds nothing, and says why);
 * - any other record is a new post: it keeps its number when no post has it (unless
 *   --renumber), else gets one above every number ever given; its source URL must not be on the
 *   board (unless --allow-duplicate); it needs a title and an author.
 *
 * Duplicate source URLs are found through one map of addresses: linear, however large both are.
 */
export async function importPosts(tx: BoardTransaction, records: readonly PlacedRecord[], options: ImportOptions): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { added: [], updated: [], unchanged: [], skipped: [], refused: [], renumbered: 0 };
  // What the records could meet on the board, asked of it in three questions, however large it is.
  const requested = [...new Set(records.map(({ record }) => record.requestedId).filter((id): id is number => id !== undefined))];
  const byId = await tx.get(requested);
  const taken = new Set(byId.keys());
  const urls = new Map<string, number | 'file'>();
  if (!options.allowDuplicate) {
    const keys = records.flatMap(({ record }) => (record.text['source.url'] ? [urlKey(record.text['source.url'])] : []));
    for (const [key, id] of await tx.withSources([...new Set(keys)])) urls.set(key, id);
    // The posts named, with the URLs they have now: a row may change one, or free it.
    for (const post of byId.values()) {
      const key = post.source?.url ? urlKey(post.source.url) : undefined;
      if (key && !urls.has(key)) urls.set(key, post.id);
    }
  }
  const contents = new Map<string, number | 'file'>();
  if (!options.allowDuplicate) {
    const keys = records.flatMap(({ record }) => (record.requestedId === undefined && record.text.title !== undefined && record.text.author !== undefined ? [contentKey(contentOf(record, options.today))] : []));
    for (const [key, id] of await tx.withContents([...new Set(keys)])) contents.set(key, id);
  }
  const stamp = options.now.toISOString();
  const updates = (id: number) => options.update === true || (options.update instanceof Set && options.update.has(id));
  const accepted: { place: TextPlace; record: ImportRecord; content: PostContent }[] = [];
  // The rows naming posts on the board so far: a post is changed by one row at most.
  const named = new Map<number, { place: TextPlace; record: string }>();

  for (const { place, record } of records) {
    const id = record.requestedId;
    const existing = id !== undefined && !options.renumber ? byId.get(id) : undefined;
    if (existing) {
      const first = named.get(existing.id);
      if (first) {
        // The same row twice (a file pasted onto itself) says nothing new; another one is refused.
        if (first.record !== JSON.stringify(record)) outcome.refused.push({ place, refusal: { kind: 'named-twice', id: existing.id, first: first.place } });
        else outcome.unchanged.push({ place, id: existing.id });
        continue;
      }
      named.set(existing.id, { place, record: JSON.stringify(record) });
      const after = structuredClone(existing);
      applyRecord(after, record);
      if (JSON.stringify(after) === JSON.stringify(existing)) {
        outcome.unchanged.push({ place, id: existing.id });
        continue;
      }
      if (!updates(existing.id)) {
        outcome.skipped.push({ place, skip: { kind: 'on-board', id: existing.id, before: existing, after } });
        continue;
      }
      // The file was made before the post's last change: applying it would quietly undo that change.
      if (!options.force && record.hasTimestamps && existing.updatedAt && changedSince(record.updatedAt, existing.updatedAt)) {
        outcome.refused.push({ place, refusal: { kind: 'changed-since', id: existing.id, fileTime: record.updatedAt, boardTime: existing.updatedAt } });
        continue;
      }
      const newKey = after.source?.url && !options.allowDuplicate ? urlKey(after.source.url) : undefined;
      const holder = newKey ? urls.get(newKey) : undefined;
      if (newKey && after.source?.url !== existing.source?.url && holder !== undefined && holder !== existing.id) {
        outcome.refused.push({ place, refusal: { kind: 'source-taken', existing: holder } });
        continue;
      }
      after.updatedAt = stamp;
      await tx.update(existing, after);
      byId.set(existing.id, after);
      // The URL it had is free again for a later row; the one it has now is its.
      const oldKey = existing.source?.url && !options.allowDuplicate ? urlKey(existing.source.url) : undefined;
      if (oldKey && oldKey !== newKey && urls.get(oldKey) === existing.id) urls.delete(oldKey);
      if (newKey) urls.set(newKey, existing.id);
      outcome.updated.push({ place, before: existing, after });
      continue;
    }
    if (options.update === true && id !== undefined && !options.renumber) {
      outcome.refused.push({ place, refusal: { kind: 'not-on-board', id } });
      continue;
    }
    const missing = (['title', 'author'] as const).filter((field) => record.text[field] === undefined);
    if (missing.length > 0) {
      outcome.refused.push({ place, refusal: { kind: 'missing', fields: missing } });
      continue;
    }
    // Every field was checked (and normalized) when the record was read: here it is only put together.
    const content = contentOf(record, options.today);
    const key = content.source?.url && !options.allowDuplicate ? urlKey(content.source.url) : undefined;
    const duplicate = key ? urls.get(key) : undefined;
    if (duplicate !== undefined) {
      outcome.skipped.push({ place, skip: { kind: 'duplicate-source', existing: duplicate } });
      continue;
    }
    // A row without a number that is a post already there (a new row of a sheet imported before).
    const same = id === undefined && !options.allowDuplicate ? contents.get(contentKey(content)) : undefined;
    if (same !== undefined) {
      outcome.skipped.push({ place, skip: { kind: 'same-post', existing: same } });
      continue;
    }
    if (key) urls.set(key, 'file');
    contents.set(contentKey(content), 'file');
    accepted.push({ place, record, content });
  }

  // First the numbers that are kept, so that no new number lands on one of them.
  const keeps = accepted.map(({ record }) => {
    const id = record.requestedId;
    const keep = !options.renumber && id !== undefined && !taken.has(id);
    if (keep) taken.add(id);
    return keep;
  });
  let next = await tx.lastId();
  for (const id of taken) if (id > next) next = id;
  accepted.forEach(({ place, record, content }, index) => {
    let id: number;
    if (keeps[index]) id = record.requestedId as number;
    else {
      if (next >= Number.MAX_SAFE_INTEGER) throw new BoardProblemError({ kind: 'numbers-exhausted' });
      id = ++next;
      // Only a record that asked for a number and did not get it is "under a new number".
      if (record.requestedId !== undefined) outcome.renumbered++;
    }
    const { title, author, department, date, status, body, source } = content;
    // Keys in the board file's order; keys postboard does not know ride along.
    const post: Post = {
      id,
      title,
      author,
      department,
      date,
      views: record.views ?? 0,
      status,
      body,
      ...(source ? { source } : {}),
      // As the file has them (an export keeps "none" as none), or, from a file without any, now.
      ...(record.createdAt ? { createdAt: record.createdAt } : record.hasTimestamps ? {} : { createdAt: stamp }),
      ...(record.updatedAt ? { updatedAt: record.updatedAt } : record.hasTimestamps ? {} : { updatedAt: stamp }),
      ...record.extras,
    };
    outcome.added.push({ place, post });
  });
  if (outcome.added.length > 0) await tx.insert(outcome.added.map(({ post }) => post));
  return outcome;
}
