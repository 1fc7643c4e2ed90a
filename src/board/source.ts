import { canonical, type SourceChange } from './log.js';
import { isRecord, type Status } from './post.js';

/**
 * A source: a feed or the press-release API that `pull` brings releases in from, kept with the
 * board (the JSON file's `sources`, a database's board table) like its posts, and copied with it.
 * What a person chose (the subscription: name, kind, address, department, status) is changed by
 * `source add` and `source remove`, each in the change log, so undo takes it back. What `pull`
 * learns of the server (its ETag and Last-Modified, when it last answered) is fetch state: kept
 * with the source so that an unchanged feed costs one 304, never a change in the log.
 */

/** An RSS 2.0 or Atom feed, or the 정책브리핑 보도자료 API (apis.data.go.kr/1371000/pressReleaseService). */
export const SOURCE_KINDS = ['rss', 'briefing'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** What a person chose: the subscription, as the change log records it. */
export interface Subscription {
  /** How `pull NAME` and `source remove NAME` name it: letters, digits, `.`, `_`, `-`. */
  name: string;
  kind: SourceKind;
  /** The feed's address, or the API's endpoint. */
  url: string;
  /** The department a pulled post gets when the feed gives none. */
  department?: string;
  /** Who a pulled post is by (보도자료봇, the ministry); default: POSTBOARD_AUTHOR, else the account's name. */
  author?: string;
  /** What a pulled post is: published (the default) or hidden, for a team that reviews before publishing. */
  status?: Status;
  /** ISO 8601: when it was added. */
  addedAt: string;
}

/** What the server said last: to ask it again with a conditional GET. */
export interface FetchState {
  etag?: string;
  lastModified?: string;
  /** ISO 8601: the last pull that read the source (or learnt it had not changed). */
  pulledAt?: string;
}

export type Source = Subscription & FetchState;

const SUBSCRIPTION_KEYS = ['name', 'kind', 'url', 'department', 'author', 'status', 'addedAt'] as const;
/** The fetch state's keys. */
export const STATE_KEYS = ['etag', 'lastModified', 'pulledAt'] as const;

/** The subscription part of a source (what the log records and undo compares). */
export function subscriptionOf(source: Source): Subscription {
  const out: Record<string, unknown> = {};
  for (const key of SUBSCRIPTION_KEYS) if (source[key] !== undefined) out[key] = source[key];
  return out as unknown as Subscription;
}

/** The fetch state part of a source. */
export function stateOf(source: Source): FetchState {
  const out: Record<string, unknown> = {};
  for (const key of STATE_KEYS) if (source[key] !== undefined) out[key] = source[key];
  return out as FetchState;
}

/** The longest source name. */
export const SOURCE_NAME_LIMIT = 40;

/** A name a source may have: a word to type after `pull` (never taken for an address or a flag). */
export const isSourceName = (name: string): boolean => name.length <= SOURCE_NAME_LIMIT && /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(name) && name === name.normalize('NFC');

const isText = (value: unknown): value is string => typeof value === 'string';
const isIso = (value: unknown): value is string => isText(value) && !Number.isNaN(Date.parse(value));

/** A source as a board file or a database holds it, checked: undefined when a hand edit broke it. */
export function storedSource(raw: unknown): Source | undefined {
  if (!isRecord(raw)) return undefined;
  const { name, kind, url, department, author, status, addedAt, etag, lastModified, pulledAt } = raw;
  if (!isText(name) || !isSourceName(name)) return undefined;
  if (!isText(kind) || !(SOURCE_KINDS as readonly string[]).includes(kind)) return undefined;
  if (!isText(url) || !/^https?:\/\//i.test(url) || !URL.canParse(url)) return undefined;
  if (department !== undefined && !isText(department)) return undefined;
  if (author !== undefined && (!isText(author) || author.trim() === '')) return undefined;
  if (status !== undefined && status !== 'published' && status !== 'hidden') return undefined;
  if (!isIso(addedAt)) return undefined;
  if ((etag !== undefined && !isText(etag)) || (lastModified !== undefined && !isText(lastModified)) || (pulledAt !== undefined && !isIso(pulledAt))) return undefined;
  return raw as unknown as Source;
}

/** The first source a hand edit broke (as stored, cut short for a message), or undefined when all are sound. */
export function brokenSource(raw: unknown): string | undefined {
  if (raw === undefined || storedSources(raw) !== undefined) return undefined;
  if (!Array.isArray(raw)) return JSON.stringify(raw)?.slice(0, 80) ?? String(raw);
  const names = new Set<string>();
  for (const item of raw) {
    const source = storedSource(item);
    if (!source || names.has(source.name)) {
      const text = JSON.stringify(item) ?? String(item);
      return text.length > 80 ? `${text.slice(0, 79)}…` : text;
    }
    names.add(source.name);
  }
  return undefined;
}

/** A board's sources as stored (a list), checked; undefined when any is broken. */
export function storedSources(raw: unknown): Source[] | undefined {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return undefined;
  const sources: Source[] = [];
  const names = new Set<string>();
  for (const item of raw) {
    const source = storedSource(item);
    if (!source || names.has(source.name)) return undefined;
    names.add(source.name);
    sources.push(source);
  }
  return sources;
}

/**
 * A board's sources with one set to `to` (added, its subscription changed with its fetch state
 * kept, or removed: null), in name order, and the change for the log; undefined when nothing changes.
 */
export function withSource(sources: readonly Source[], name: string, to: Subscription | null): { sources: Source[]; change: SourceChange } | undefined {
  const index = sources.findIndex((source) => source.name === name);
  const before = index === -1 ? null : subscriptionOf(sources[index]!);
  const after = to === null ? null : subscriptionOf(to);
  if (canonical(before) === canonical(after)) return undefined;
  const next = sources.filter((source) => source.name !== name);
  if (after !== null) next.push({ ...after, ...(index === -1 ? {} : stateOf(sources[index]!)) });
  return { sources: next.sort(byName), change: { kind: 'source', name, before, after } };
}

/** The sources in the order `source list` shows them: by name. */
export const byName = (a: Source, b: Source): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
