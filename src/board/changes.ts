import { BoardProblemError } from '../errors.js';
import type { TextPlace } from '../files/decode.js';
import type { BoardTransaction } from '../store/store.js';
import type { ImportRecord } from './import.js';
import { canonical, postChanges, withFields, type ChangeLogEntry, type PostChange } from './log.js';
import { sheetChanges, withoutChanges, type SheetChange } from './sheet-changes.js';
import { FIELDS, INPUT_FIELDS, setValueAt, storedText, valueAt, type FieldSpec, type InputField } from './fields.js';
import { contentKey, postInOrder, urlKey, type Post, type PostContent, type Status } from './post.js';

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

/** What a new post must be given (no fallback fills them): its title and author. */
export const REQUIRED_INPUT: readonly InputField[] = INPUT_FIELDS.filter((field) => field.required && field.fallback === undefined).map((field) => field.path);

/** A post made from checked content, numbered, stamped now; keys in the board file's order. */
export function newPost(id: number, content: PostContent, now: Date): Post {
  const stamp = now.toISOString();
  return postInOrder({ ...content, id, views: 0, createdAt: stamp, updatedAt: stamp } as Post);
}

/** The post already on the board under the same source URL, if any (its number). */
export async function postWithSource(tx: Pick<BoardTransaction, 'withSources'>, url: string | undefined): Promise<number | undefined> {
  if (!url) return undefined;
  return (await tx.withSources([urlKey(url)])).get(urlKey(url));
}

/**
 * A change to some of a post's fields, by their path (`title`, `source.url`), each checked as a
 * person's text: empty text takes away a field a post may be without (a subtitle, a source part).
 */
export type PostEdit = Partial<Record<InputField, string>> & { views?: number };

/** A field's value as given in an edit or an import, as the post keeps it (`undefined`: taken away). */
function editedValue(field: FieldSpec, edit: PostEdit): { value: unknown } | undefined {
  if (field.key === 'views') return edit.views === undefined ? undefined : { value: edit.views };
  const text = field.input ? edit[field.path as InputField] : undefined;
  return text === undefined ? undefined : { value: storedText(field.path as InputField, text) };
}

/**
 * `post` with `edit` applied (a copy; the post is not touched) and which fields really changed,
 * by path. The number and `createdAt` never change; `updatedAt` moves only when something did.
 */
export function editPost(post: Post, edit: PostEdit, now: Date): { post: Post; changed: string[] } {
  const next = structuredClone(post);
  const changed: string[] = [];
  for (const field of FIELDS as readonly FieldSpec[]) {
    const edited = editedValue(field, edit);
    if (!edited || (valueAt(next, field.path) ?? '') === (edited.value ?? '')) continue;
    setValueAt(next, field.path, edited.value);
    changed.push(field.path);
  }
  if (changed.length > 0) next.updatedAt = now.toISOString();
  return { post: postInOrder(next), changed };
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
  | { kind: 'on-board'; id: number; before: Post; after: Post }
  /**
   * The post was changed on the board after the file was made, and the row is the file's copy of
   * it as it was then, with no edit of its own: nothing to apply (the board's newer version stays).
   */
  | { kind: 'older-copy'; id: number }
  /** The post was deleted from the board (the log says who, when): an older file does not bring it back. */
  | { kind: 'deleted'; id: number; who: string; at: string };

/** Why a record cannot be imported at all: with one of these, nothing is (unless --skip-invalid). */
export type ImportRefusal =
  | { kind: 'missing'; fields: InputField[] }
  | { kind: 'not-on-board'; id: number }
  /** The source URL is another post's, or (`file`) a new post's earlier in the file. */
  | { kind: 'source-taken'; existing: number | 'file' }
  /** A second row for one post, saying something else than the first: which one is meant is not known. */
  | { kind: 'named-twice'; id: number; first: TextPlace }
  /**
   * The post is not as the file had it: its last change is later than the file's time (or, with
   * `earlier`, it is back to an earlier version than the file's, as an undo leaves it). Applying
   * the row would undo that change. `precision`: how finely the file's time was written (ms).
   */
  | { kind: 'changed-since'; id: number; fileTime: string | undefined; boardTime: string; precision: number; earlier?: true }
  /**
   * The file's time is coarser than the board's (a spreadsheet saved minutes) and the post's last
   * change falls in that same minute: `changed-within`, the post had another version in it too, so
   * which one the file holds cannot be told; `log`, the change log does not reach back far enough
   * to say whether it had.
   */
  | { kind: 'cannot-tell'; id: number; fileTime: string; boardTime: string; precision: number; why: 'changed-within' | 'log' }
  /** The file has no times (no updatedAt column): whether the post changed since it was made cannot be told. */
  | { kind: 'no-times'; id: number };

export interface ImportOutcome {
  added: { place: TextPlace; post: Post }[];
  updated: { place: TextPlace; before: Post; after: Post }[];
  unchanged: { place: TextPlace; id: number }[];
  skipped: { place: TextPlace; skip: ImportSkip }[];
  refused: { place: TextPlace; refusal: ImportRefusal }[];
  /** How many new posts got a new number (theirs was taken, or --renumber). */
  renumbered: number;
  /**
   * Rows whose changes to a post include some that look like a spreadsheet's own doing (see
   * sheet-changes.ts): left out unless --accept-spreadsheet-changes (`applied`); the row's other
   * changes are made either way.
   */
  sheet: { place: TextPlace; id: number; title: string; changes: SheetChange[]; applied: boolean }[];
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
  /** Apply changes that look like a spreadsheet's own doing too (--accept-spreadsheet-changes). */
  acceptSheetChanges?: boolean;
  /**
   * How many entries the board's change log keeps before it drops the oldest (a JSON board's
   * 100); undefined where it keeps every one (the databases).
   */
  logKeeps?: number;
}

/**
 * How far before the file's newest time a change that the file may not have seen can have
 * started: a change's log time is taken before it waits for the lock (10 s by default), and a
 * team's machines may keep their clocks a little apart.
 */
const CHANGE_LEEWAY_MS = 10 * 60_000;
/** Entries read back at most for one import; beyond, the log is taken as unable to tell. */
const LOG_READ_LIMIT = 100_000;

/** The moment a file time stands for, cut to its precision (the start of its minute, second…). */
const cut = (ms: number, precision: number): number => Math.floor(ms / precision) * precision;

/**
 * What the file's time for a post says about the post as it is on the board:
 *
 * - `current`: the file holds the post as it is;
 * - `changed`: the board's last change is another than the file's (later, or an earlier version
 *   back again): the row would undo a change the file never saw;
 * - `same-unit`: the file's time is coarser than the board's (a spreadsheet saved minutes, or
 *   seconds) and the board's time falls in the same minute. So it does for every post nobody
 *   changed (it is the very same time, cut): only the change log can tell (see importPosts).
 *
 * A file with no time for a post that has one now was made before that post was ever changed.
 */
function staleness(fileTime: string | undefined, precision: number, boardTime: string): 'current' | 'changed' | 'earlier' | 'same-unit' {
  if (fileTime === undefined) return 'changed';
  const board = Date.parse(boardTime);
  const file = Date.parse(fileTime);
  if (precision <= 1) return board === file ? 'current' : board > file ? 'changed' : 'earlier';
  const [boardUnit, fileUnit] = [cut(board, precision), cut(file, precision)];
  if (boardUnit !== fileUnit) return boardUnit > fileUnit ? 'changed' : 'earlier';
  return 'same-unit';
}

/**
 * The change log from `since` (ms) on, newest first, read in growing pages; `reaches` says whether
 * it goes back that far: an entry older than `since` was seen, or the log ended without ever
 * having dropped an entry (a database keeps all; a JSON board keeps `keeps`, so a full one may have
 * dropped older ones). A log that ends early because the board is older than the log is taken as
 * whole: no change logged means none made through postboard since.
 */
async function logSince(tx: BoardTransaction, since: number, keeps: number | undefined): Promise<{ entries: ChangeLogEntry[]; reaches: boolean }> {
  for (let limit = 256; ; limit = Math.min(limit * 8, LOG_READ_LIMIT)) {
    const entries = await tx.recent(limit);
    const oldest = entries.at(-1);
    if (oldest && Date.parse(oldest.at) < since) return { entries: entries.filter((entry) => Date.parse(entry.at) >= since), reaches: true };
    if (entries.length < limit) return { entries, reaches: keeps === undefined || entries.length < keeps };
    if (limit >= LOG_READ_LIMIT) return { entries, reaches: false };
  }
}

/** Every `updatedAt` a post had, before or after, in these log entries. */
function timesOf(entries: readonly ChangeLogEntry[], id: number): string[] {
  const times: string[] = [];
  for (const entry of entries) {
    for (const change of postChanges(entry.changes)) {
      if (change.id !== id) continue;
      if (change.kind === 'edit') {
        for (const value of [change.before.updatedAt, change.after.updatedAt]) if (typeof value === 'string') times.push(value);
      } else if (change.kind === 'delete' && change.post.updatedAt) times.push(change.post.updatedAt);
    }
  }
  return times;
}

/** The fields of a post a record sets (timestamps are the board's own: never set from a file on update). */
function applyRecord(post: Post, record: ImportRecord): void {
  const edited = editPost(post, { ...record.text, ...(record.views !== undefined ? { views: record.views } : {}) }, new Date(0));
  const { updatedAt } = post;
  for (const key of Object.keys(post)) delete post[key];
  Object.assign(post, edited.post, { updatedAt });
  if (updatedAt === undefined) delete post.updatedAt;
}

/** A new post's content from a checked record: the defaults of `add` for what it does not give. */
function contentOf(record: ImportRecord, today: string): PostContent {
  const content: Record<string, unknown> = {};
  for (const field of INPUT_FIELDS) {
    const given = record.text[field.path] ?? (field.fallback === 'today' ? today : field.fallback) ?? (field.required || field.empty === 'blank' ? '' : undefined);
    if (given !== undefined) setValueAt(content, field.path, storedText(field.path, given));
  }
  return content as PostContent;
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
  const outcome: ImportOutcome = { added: [], updated: [], unchanged: [], skipped: [], refused: [], renumbered: 0, sheet: [] };
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
  // The file was made no earlier than the newest post time it shares with the board (a row's time
  // that is the board's, cut as the file cuts it: not a time typed into a new row). Any change the
  // file did not see came after that: the change log from then on tells about posts whose file
  // time is too coarse to tell by itself.
  let madeAfter = -Infinity;
  for (const { record } of records) {
    const post = record.requestedId === undefined ? undefined : byId.get(record.requestedId);
    if (!post?.updatedAt || record.updatedAt === undefined) continue;
    const verdict = staleness(record.updatedAt, record.updatedAtPrecision ?? 1, post.updatedAt);
    if (verdict === 'current' || verdict === 'same-unit') madeAfter = Math.max(madeAfter, Date.parse(record.updatedAt));
  }
  let log: Promise<{ entries: ChangeLogEntry[]; reaches: boolean }> | undefined;
  const logSinceMade = () => (log ??= logSince(tx, Math.min(madeAfter, options.now.getTime()) - CHANGE_LEEWAY_MS, options.logKeeps));
  /** Why the row for `post` must not be applied (its file time says the file is older than the post), if it must not. */
  const stale = async (post: Post, record: ImportRecord): Promise<ImportRefusal | undefined> => {
    if (options.force || !post.updatedAt) return undefined;
    // A file with no times at all (a sheet of one's own, --fields without them, a column deleted):
    // a change made on the board since cannot be told from an edit in the file.
    if (!record.hasTimestamps) return { kind: 'no-times', id: post.id };
    const precision = record.updatedAtPrecision ?? 1;
    const facts = { id: post.id, fileTime: record.updatedAt, boardTime: post.updatedAt, precision };
    const verdict = staleness(record.updatedAt, precision, post.updatedAt);
    if (verdict === 'current') return undefined;
    if (verdict === 'changed') return { kind: 'changed-since', ...facts };
    if (verdict === 'earlier') return { kind: 'changed-since', ...facts, earlier: true };
    // The same minute (or second): the post had one version in it, the board's, unless the log
    // says it had another (a change within it, or one undone back into it) since the file was made.
    const { entries, reaches } = await logSinceMade();
    const unit = cut(Date.parse(post.updatedAt), precision);
    const other = timesOf(entries, post.id).some((time) => time !== post.updatedAt && cut(Date.parse(time), precision) === unit);
    if (other || !reaches) return { kind: 'cannot-tell', ...facts, fileTime: record.updatedAt as string, why: other ? 'changed-within' : 'log' };
    return undefined;
  };
  /**
   * Whether the row holds the post exactly as the file's version of it had it: the post as it was
   * before the changes logged since the file's time, undone one by one from the newest, with the
   * row applied, is that post unchanged. Not when the log cannot tell (it does not reach back, or
   * the post was added or deleted meanwhile).
   */
  const olderCopy = async (post: Post, record: ImportRecord): Promise<boolean> => {
    if (record.updatedAt === undefined) return false;
    const precision = record.updatedAtPrecision ?? 1;
    const since = cut(Date.parse(record.updatedAt), precision);
    const { entries, reaches } = await logSince(tx, since - CHANGE_LEEWAY_MS, options.logKeeps);
    if (!reaches) return false;
    // An add or edit at the file's own millisecond made the version the file holds (an add is
    // logged at its post's first time, or just before it): it is not a change since. Where the
    // file has only minutes or seconds, one in that unit may have come after its version: it counts.
    const sinceTheFile = (time: number, kind: PostChange['kind']) => (precision === 1 && kind !== 'delete' ? time > since : time >= since);
    let then: Post = post;
    for (const entry of entries) {
      for (const change of postChanges(entry.changes).reverse()) {
        if (change.id !== post.id) continue;
        // (An edit is timed by the post's own stamp; an add or delete by its log entry.)
        const time = change.kind === 'edit' ? change.after.updatedAt : entry.at;
        if (typeof time !== 'string' || !sinceTheFile(Date.parse(time), change.kind)) continue;
        if (change.kind !== 'edit') return false;
        then = withFields(then, change.before);
      }
    }
    if (then === post) return false;
    const copy = structuredClone(then);
    applyRecord(copy, record);
    withoutChanges(copy, sheetChanges(then, copy));
    return canonical(copy) === canonical(then);
  };
  /** The post a number was deleted as, newest first, with who deleted it and when, from the change log (as far as it goes). */
  let deletions: Promise<Map<number, { post: Post; who: string; at: string }>> | undefined;
  const deletedPost = async (id: number) => {
    deletions ??= logSince(tx, -Infinity, options.logKeeps).then(({ entries }) => {
      const found = new Map<number, { post: Post; who: string; at: string }>();
      for (const entry of entries) for (const change of entry.changes) if (change.kind === 'delete' && !found.has(change.id) && entry.undoneBy === undefined) found.set(change.id, { post: change.post, who: entry.who, at: entry.at });
      return found;
    });
    return (await deletions).get(id);
  };
  let lastGiven: number | undefined;
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
        if (first.record !== canonical(record)) outcome.refused.push({ place, refusal: { kind: 'named-twice', id: existing.id, first: first.place } });
        else outcome.unchanged.push({ place, id: existing.id });
        continue;
      }
      named.set(existing.id, { place, record: canonical(record) });
      const after = structuredClone(existing);
      applyRecord(after, record);
      // A number rewritten, a line break added, a text cut: what the spreadsheet did, not the person.
      const sheet = sheetChanges(existing, after);
      const accepted = Boolean(options.acceptSheetChanges);
      if (sheet.length > 0 && !accepted) withoutChanges(after, sheet);
      const told = (applied: boolean) => sheet.length > 0 && outcome.sheet.push({ place, id: existing.id, title: existing.title, changes: sheet, applied });
      if (canonical(after) === canonical(existing)) {
        told(false);
        outcome.unchanged.push({ place, id: existing.id });
        continue;
      }
      if (!updates(existing.id)) {
        outcome.skipped.push({ place, skip: { kind: 'on-board', id: existing.id, before: existing, after } });
        continue;
      }
      // The file was made before the post's last change: applying it would quietly undo that change.
      const refusal = await stale(existing, record);
      if (refusal) {
        // Unless the row is only the file's copy of the post as it was then: a row nobody edited
        // in a sheet where others were, which has nothing to say and is no conflict.
        if (await olderCopy(existing, record)) outcome.skipped.push({ place, skip: { kind: 'older-copy', id: existing.id } });
        else outcome.refused.push({ place, refusal });
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
      told(accepted);
      continue;
    }
    if (options.update === true && id !== undefined && !options.renumber) {
      outcome.refused.push({ place, refusal: { kind: 'not-on-board', id } });
      continue;
    }
    // A number given on this board before, and not on it now: the post was deleted. The file's
    // copy of it (its creation time, or its content, the same) does not come back by an import.
    if (id !== undefined && !options.renumber && !byId.has(id) && id <= (lastGiven ??= await tx.lastId())) {
      const gone = await deletedPost(id);
      if (gone && (record.createdAt !== undefined ? record.createdAt === gone.post.createdAt : contentKey(contentOf(record, options.today)) === contentKey(gone.post))) {
        outcome.skipped.push({ place, skip: { kind: 'deleted', id, who: gone.who, at: gone.at } });
        continue;
      }
    }
    const missing = REQUIRED_INPUT.filter((field) => record.text[field] === undefined);
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
    // Keys in the board file's order (the registry's); keys postboard does not know ride along after them.
    const post = postInOrder({
      ...content,
      id,
      views: record.views ?? 0,
      // As the file has them (an export keeps "none" as none), or, from a file without any, now.
      ...(record.createdAt ? { createdAt: record.createdAt } : record.hasTimestamps ? {} : { createdAt: stamp }),
      ...(record.updatedAt ? { updatedAt: record.updatedAt } : record.hasTimestamps ? {} : { updatedAt: stamp }),
      ...record.extras,
    } as Post);
    outcome.added.push({ place, post });
  });
  if (outcome.added.length > 0) await tx.insert(outcome.added.map(({ post }) => post));
  return outcome;
}
