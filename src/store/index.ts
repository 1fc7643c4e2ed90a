import { resolve } from 'node:path';
import { JsonBoardStore } from './json/json-board.js';
import type { BoardKind, BoardReads, BoardStore } from './store.js';
import type { WriteFaults } from '../files/write.js';
import type { DriverName } from './sqlite/driver.js';

export type { Board, BoardProblem } from './json/board-file.js';
export type { BoardStore, Finding, Repaired } from './store.js';
export type { Repair } from './json/repair.js';

export interface OpenBoardOptions {
  /** `--db`, `POSTBOARD_DB` or the default: where the board is. */
  location: string;
  /** How messages name it. */
  shownAs: string;
  lockTimeoutMs: number;
  /** PostgreSQL: how long one statement may run (and a silent server is waited for). */
  statementTimeoutMs?: number;
  lockStaleMs: number;
  /** Test knobs: a lower size limit, injected write faults, a lower count of search matches. */
  maxBytes?: number;
  countUpTo?: number;
  faults?: WriteFaults;
  /** POSTBOARD_SQLITE_DRIVER, for a SQLite board (else the driver this Node.js has). */
  sqliteDriver?: DriverName;
}

/**
 * Which kind of board a location names: a PostgreSQL URL (`postgres://…`), a SQLite file
 * (`sqlite:PATH`, or a name ending in .sqlite, .sqlite3 or .db), else a JSON file.
 */
export function boardKind(location: string): { kind: BoardKind; path: string } {
  if (/^postgres(ql)?:\/\//i.test(location)) return { kind: 'postgres', path: location };
  const sqlite = /^sqlite:(.*)$/i.exec(location);
  if (sqlite) return { kind: 'sqlite', path: sqlite[1] ?? '' };
  if (/\.(sqlite3?|db)$/i.test(location)) return { kind: 'sqlite', path: location };
  return { kind: 'json', path: location };
}

/** A location written as a URL (`scheme://…`): a database, whichever postboard can open or not. */
export const isUrlLike = (location: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(location) || location.includes('://') || /^postgres(ql)?:/i.test(location);

/** A URL of a kind no board is kept at (`mysql://`, a typo of `postgres://`): refused, never taken for a file name. */
export const foreignUrl = (location: string): boolean => isUrlLike(location) && boardKind(location).kind === 'json';

/** The parts of a URL as written: scheme, what comes before the query, the query (with its `?`). */
function urlParts(location: string): { scheme: string; head: string; query: string } {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(location)?.[0] ?? '';
  const rest = location.slice(scheme.length);
  const q = rest.indexOf('?');
  return { scheme, head: q < 0 ? rest : rest.slice(0, q), query: q < 0 ? '' : rest.slice(q) };
}

/**
 * A URL that parsers read two ways: a password holding an unencoded `/`, `#` or `?` (which a
 * URL parser takes for the end of the host, so part of the password would be used, and shown,
 * as a host name). postboard refuses it; written `%2F`, `%23`, `%3F`, it is one URL.
 */
export function ambiguousUrl(location: string): boolean {
  const { head, query } = urlParts(location);
  const at = head.lastIndexOf('@');
  if (at >= 0 && /[/#]/.test(head.slice(0, at))) return true;
  // `user:pa?ss@host`: an @ in the query before the first parameter's `=`.
  const first = query.slice(1).split('&')[0] ?? '';
  return first.includes('@') && (!first.includes('=') || first.indexOf('@') < first.indexOf('='));
}

const PASSWORD_KEYS = new Set(['password', 'sslpassword']);
const decoded = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/**
 * A URL with its password put as `mask` (or left out where `mask` is empty): the one after the
 * user name, and any `password=` or `sslpassword=` in the query (however its name is
 * percent-encoded: the driver decodes it). Read from the text as given, never through a parser
 * that could take part of a password for the host; a URL read two ways (see ambiguousUrl) is
 * masked up to its last `@`.
 */
function maskPassword(location: string, mask: string): string {
  const { scheme, head, query } = urlParts(location);
  if (ambiguousUrl(location)) {
    const rest = location.slice(scheme.length);
    const at = rest.lastIndexOf('@');
    const colon = rest.indexOf(':');
    return colon >= 0 && colon < at ? `${scheme}${rest.slice(0, colon)}${mask ? `:${mask}` : ''}${rest.slice(at)}` : location;
  }
  let shownHead = head;
  const at = head.lastIndexOf('@');
  if (at >= 0) {
    const colon = head.slice(0, at).indexOf(':');
    if (colon >= 0) shownHead = `${head.slice(0, colon)}${mask ? `:${mask}` : ''}${head.slice(at)}`;
  }
  if (!query) return scheme + shownHead;
  const params = query
    .slice(1)
    .split('&')
    .flatMap((param) => {
      const eq = param.indexOf('=');
      const key = eq < 0 ? param : param.slice(0, eq);
      if (!PASSWORD_KEYS.has(decoded(key).toLowerCase())) return [param];
      return mask ? [`${key}=${mask}`] : [];
    });
  return `${scheme}${shownHead}${params.length > 0 ? `?${params.join('&')}` : ''}`;
}

/**
 * A location that still names the same board from another folder or another day (a draft keeps
 * it): a file as its full path, a database URL as given but without its password, which the
 * driver finds again in PGPASSWORD or ~/.pgpass.
 */
export function lastingLocation(location: string): string {
  if (isUrlLike(location)) return maskPassword(location, '');
  const { path } = boardKind(location);
  const full = resolve(path);
  return location.toLowerCase().startsWith('sqlite:') ? `sqlite:${full}` : full;
}

/**
 * Whether two locations name the same PostgreSQL board (server, port, user, database, schema),
 * whatever their passwords: a draft keeps its board without one, and finds it again in
 * POSTBOARD_DB when that names the same board.
 */
export function sameDatabase(a: string, b: string): boolean {
  const key = (location: string): string | undefined => {
    if (boardKind(location).kind !== 'postgres' || ambiguousUrl(location) || !URL.canParse(location)) return undefined;
    const url = new URL(location);
    const query = url.searchParams;
    return [
      (query.get('host') ?? url.hostname ?? '').toLowerCase() || 'localhost',
      query.get('port') ?? (url.port || '5432'),
      decoded(query.get('user') ?? url.username),
      decoded(url.pathname.slice(1)),
      query.get('schema') ?? 'postboard',
    ].join('\u0000');
  };
  const first = key(a);
  return first !== undefined && first === key(b);
}

/** A location as messages show it: a database URL with its password as `***`. */
export function shownLocation(location: string): string {
  return isUrlLike(location) ? maskPassword(location, '***') : location;
}

/** Opens the board at `location`; commands never know which kind it is. */
export function openBoard(options: OpenBoardOptions): BoardStore {
  const { location, ...rest } = options;
  const { kind, path } = boardKind(location);
  if (kind === 'postgres') {
    const shownAs = shownLocation(options.shownAs);
    return deferred(kind, shownAs, async () => new (await import('./postgres/postgres-board.js')).PostgresBoardStore({ url: path, shownAs, lockTimeoutMs: options.lockTimeoutMs, statementTimeoutMs: options.statementTimeoutMs, countUpTo: options.countUpTo }));
  }
  if (kind === 'sqlite') return deferred(kind, options.shownAs, async () => new (await import('./sqlite/sqlite-board.js')).SqliteBoardStore({ path, shownAs: options.shownAs, lockTimeoutMs: options.lockTimeoutMs, countUpTo: options.countUpTo, driver: options.sqliteDriver }));
  return new JsonBoardStore({ path: location, ...rest });
}

/**
 * A database board, loaded on first use: a JSON board's start-up never evaluates the database
 * code (nor its driver, which loads later still).
 */
function deferred(kind: BoardKind, name: string, load: () => Promise<BoardStore>): BoardStore {
  let store: Promise<BoardStore> | undefined;
  let loaded: BoardStore | undefined;
  const real = () => (store ??= load().then((made) => (loaded = made)));
  const reads = <K extends keyof BoardReads>(key: K) =>
    (async (...args: unknown[]) => ((await real())[key] as (...a: unknown[]) => unknown)(...args)) as unknown as BoardReads[K];
  return {
    kind,
    name,
    info: reads('info'),
    page: reads('page'),
    get: reads('get'),
    departments: reads('departments'),
    tally: reads('tally'),
    withSource: reads('withSource'),
    log: reads('log'),
    sources: reads('sources'),
    async *stream(query) {
      yield* (await real()).stream(query);
    },
    change: async (info, work) => (await real()).change(info, work),
    assertWritable: async () => (await real()).assertWritable(),
    ownFile: async (path) => (await real()).ownFile(path),
    snapshot: async () => (await real()).snapshot(),
    restore: async (snapshot, posts) => (await real()).restore(snapshot, posts),
    init: async () => (await real()).init(),
    check: async () => (await real()).check?.(),
    close: async () => loaded?.close(),
  };
}
