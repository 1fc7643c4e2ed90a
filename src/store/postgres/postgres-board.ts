/**
 * store/postgres/ — a team's board in a PostgreSQL schema: postgres-board.ts, the store, and
 * connection.ts, how a postgres:// address becomes a connection (libpq's settings, time-outs).
 */
import type { Client, QueryResult } from 'pg';
import type { ChangeLogEntry } from '../../board/log.js';
import type { Source } from '../../board/source.js';
import type { Post } from '../../board/post.js';
import { urlKey } from '../../board/post.js';
import type { PostFilter } from '../../board/query.js';
import { BoardFileError } from '../../errors.js';
import type { BoardProblem, DatabaseStep, LockHolder } from '../json/board-file.js';
import { ambiguousUrl, lastingLocation } from '../index.js';
import { connectionPlan, NoPassword, PlanProblem, pgpassPassword, type ConnectionPlan } from './connection.js';
import { FIELDS, type FieldSpec } from '../../board/fields.js';
import { auditRows, COUNT_UP_TO, filterClauses, fromLogRow, fromRow, keysOf, lastIdOf, orderClause, POST_COLUMNS, refusedRows, ROW_COLUMNS, searchText, sourcesOf, toRow, type LogRow, type PostRow, waitedSeconds } from '../sql/rows.js';
import { byUse, pageOf, postsById, runChange, runRestore, type Matching, type PageReader, type SqlDialect } from '../sql/transaction.js';
import { columnOf, DATABASE_SCHEMA, KEY_COLUMNS, LAST_ID_RULE, postsIndexesSql, postsTableSql, rekeySourcesSql, UNKEYED } from '../sql/schema.js';
import type { BoardInfo, BoardSnapshot, BoardStore, BoardTransaction, ChangeInfo, Finding, Grouping, OwnFile, PostPage, PostQuery, Tally } from '../store.js';

/**
 * A board in a PostgreSQL database, shared by a team: `--db postgres://user@host:5432/db`. The
 * URL, the PG* environment variables and ~/.pgpass work as for psql (see pg-connection.ts);
 * `?schema=NAME` keeps a board in its own schema, so one database holds several (default:
 * `postboard`). `postboard init --db URL` makes the tables; no other command makes them.
 *
 * A command's reads share one read-only transaction (one snapshot); a change is one transaction.
 * Every transaction carries its own time-outs, and every answer is waited for within a bound
 * (see the class). Writers take their turn on the board's row (`FOR UPDATE`),
 * so numbers come from the database, are never given twice, and no change is lost between
 * machines. Search looks in the text as the JSON board compares it (NFC, lower case), through a
 * trigram index (pg_trgm) where the server has it; exports stream out with COPY.
 */

export interface PostgresBoardOptions {
  url: string;
  shownAs: string;
  lockTimeoutMs: number;
  /** How long one statement may run beyond its wait for a lock (POSTBOARD_STATEMENT_TIMEOUT). */
  statementTimeoutMs?: number;
  /** Search matches counted up to this many (see COUNT_UP_TO; tests lower it). */
  countUpTo?: number;
}

type PgModule = typeof import('../../lazy/pg.js');

/** POSTBOARD_STATEMENT_TIMEOUT's default (see context.ts). */
const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;

/** Posts inserted by one statement (its parameters stay under PostgreSQL's 65,535). */
const INSERT_ROWS = 500;
/** Posts read at a time while streaming, when not through COPY. */
const BATCH = 1000;

/** The text a post is searched in: title and body as the JSON board compares them, apart. */
const searched = (post: Pick<Post, 'title' | 'body'>): string => `${searchText(post.title)}\n${searchText(post.body ?? '')}`;

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, '\\$&');

/** Time a client gives a server beyond the server's own bound, before it takes the server for gone. */
const ANSWER_MARGIN_MS = 2_000;
/** A command's read transaction ends once it has asked nothing for this long (a pager, a prompt): no snapshot or lock is held while a person reads. */
const READ_PAUSE_MS = 1_000;
/** TCP keepalive starts probing an idle connection after this long. */
const KEEPALIVE_MS = 10_000;

/** What a connection is inside: no transaction, a command's read-only one, or a change. */
type TxState = 'none' | 'read' | 'write';

/** Ends a connection at once, whatever it was doing: no socket is left open. */
function destroy(client: Client): void {
  (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
}

/** Server errors that end the session (or say it was ended): the connection is gone. */
const SESSION_ENDED = new Set(['57P01', '57P02', '57P03', '57P05', '25P03', '08006', '08003', '08000']);
/** Node's TLS verification errors: a certificate not signed by a trusted CA. */
const UNTRUSTED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_UNTRUSTED', 'CERT_SIGNATURE_FAILURE', 'CERT_REJECTED']);

/** The first line of an error's message, with any password in a URL masked. */
const detailOf = (error: unknown): string =>
  ((error as Error).message ?? String(error)).split('\n')[0]!.replace(/:\/\/([^:/@]*):[^@]*@/g, '://$1:***@');

export class PostgresBoardStore implements BoardStore {
  readonly name: string;
  readonly kind = 'postgres' as const;
  private readonly schema: string;
  private readonly connection: string;
  private tablesThere: boolean | undefined;
  private readonly countUpTo: number;
  /** The board's location as given (password and all: never shown). */
  private readonly url: string;

  /*
   * One connection per command, and on it one round trip at a time, in the order asked (callers
   * may ask at once: stats asks for three tallies together). Every query runs in a transaction
   * that carries its own time-outs (SET LOCAL, in the same round trip as BEGIN): nothing is set
   * on the session, so a pooler in transaction mode (PgBouncer) may hand each transaction to
   * another server connection, and nothing is sent with the login that a pooler would refuse.
   * Reads share one read-only transaction (one snapshot) until the command pauses or changes the
   * board; a change is its own transaction. Every round trip is waited for no longer than the
   * server's own bound and a margin: a server that stops answering ends the command.
   */
  private client: Client | undefined;
  private plan: ConnectionPlan | undefined;
  private state: TxState = 'none';
  /** Why the connection is gone (the server ended it, the socket failed), once it is. */
  private lost: Error | undefined;
  /** The round trips asked for, each after the one before. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Round trips queued or running. */
  private busy = 0;
  private pauseTimer: NodeJS.Timeout | undefined;
  /** The read transaction's statement time-out is off (for a COPY export) and must be put back before another statement. */
  private statementTimeoutOff = false;
  private readonly lockMs: number;
  private readonly statementMs: number;

  constructor(options: PostgresBoardOptions) {
    this.name = options.shownAs;
    this.countUpTo = options.countUpTo ?? COUNT_UP_TO;
    this.url = options.url;
    let url: URL;
    try {
      if (ambiguousUrl(options.url)) throw new Error('read two ways');
      url = new URL(options.url);
    } catch {
      // (Said with the URL as shown: never its password.)
      throw new BoardFileError(options.shownAs, { kind: 'bad-url' });
    }
    this.schema = url.searchParams.get('schema') ?? 'postboard';
    url.searchParams.delete('schema');
    this.connection = url.toString();
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(this.schema)) this.fail({ kind: 'bad-schema', schema: this.schema });
    // A lock timeout of 0 would mean "wait for ever" to PostgreSQL: 1 ms is "do not wait".
    this.lockMs = Math.max(1, Math.round(options.lockTimeoutMs));
    this.statementMs = Math.max(1, Math.round(options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS));
  }

  private fail(problem: BoardProblem): never {
    throw new BoardFileError(this.name, problem);
  }

  /** A table of this board, qualified by its schema. */
  private t(table: string): string {
    return `"${this.schema}".${table}`;
  }

  private async pg(): Promise<PgModule> {
    return import('../../lazy/pg.js');
  }

  /** A statement's bound on the server: its work, after a wait for a lock. */
  private get serverBoundMs(): number {
    return Math.min(2_147_483_647, this.statementMs + this.lockMs);
  }

  /** How long postboard waits for any answer before it takes the server for gone. */
  private get answerMs(): number {
    return Math.min(2_147_483_647, this.serverBoundMs + ANSWER_MARGIN_MS);
  }

  /** Where the server is, for messages. */
  private get host(): string {
    return this.plan?.host ?? 'localhost:5432';
  }

  /** The time-outs of one transaction, set in it alone. */
  private timeouts(statementMs = this.serverBoundMs): string[] {
    return [`SET LOCAL lock_timeout = ${this.lockMs}`, `SET LOCAL statement_timeout = ${statementMs}`, `SET LOCAL idle_in_transaction_session_timeout = ${this.statementMs}`];
  }

  /** How to reach the server, read once (a certificate file that cannot be read is said before anything is sent). */
  private connectionPlan(): ConnectionPlan {
    if (this.plan) return this.plan;
    try {
      this.plan = connectionPlan(this.connection);
    } catch (error) {
      if (error instanceof PlanProblem) return this.fail(error.problem);
      throw error;
    }
    return this.plan;
  }

  /** Logs in: with TLS or without as sslmode says (prefer: with, else without), the whole login within the connect time-out. */
  private async login(): Promise<Client> {
    const { pg } = await this.pg();
    const plan = this.connectionPlan();
    const deadline = Date.now() + plan.connectTimeoutMs;
    let failure: unknown;
    let withTls = false;
    for (let attempt = 0; attempt < plan.attempts.length; attempt++) {
      withTls = plan.attempts[attempt]!;
      const remaining = deadline - Date.now();
      if (remaining <= 0) break;
      const client: Client = new pg.Client({
        ...plan.base,
        // The password as libpq finds it (asked for only when the server asks for one).
        password:
          plan.base.password ||
          process.env.PGPASSWORD ||
          ((async (login: { host: string; port: number; database: string; user: string }) => {
            const found = pgpassPassword(login);
            if (found.password === undefined) throw new NoPassword(found.ignored);
            return found.password;
          }) as unknown as () => Promise<string>),
        ssl: withTls ? { ...plan.tls } : false,
        connectionTimeoutMillis: remaining,
        keepAlive: true,
        keepAliveInitialDelayMillis: KEEPALIVE_MS,
      });
      // A connection that fails while idle is said at its next use, never thrown from nowhere.
      client.on('error', (error: Error) => {
        if (this.client === client) this.lost ??= error;
      });
      client.on('end', () => {
        if (this.client === client) this.lost ??= new Error('Connection terminated');
      });
      // The login's own bound, kept even if something in it never calls back.
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          client.connect(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error('timeout expired')), remaining + ANSWER_MARGIN_MS);
          }),
        ]);
        return client;
      } catch (error) {
        // Whatever failed, the socket is closed now: the process exits as soon as it has said so.
        destroy(client);
        failure = error;
        // prefer: TLS refused or failed in any way but the login itself, so without it (as libpq does);
        // allow: refused without TLS (pg_hba.conf's hostssl), so with it.
        const code = (error as { code?: string }).code ?? '';
        const again = withTls ? !(error instanceof NoPassword) && (error as Error).message !== 'timeout expired' && !['28P01', '3D000'].includes(code) : code === '28000';
        if (!again) break;
      } finally {
        clearTimeout(timer);
      }
    }
    return this.fail(this.loginProblem(failure ?? new Error('timeout expired'), plan, withTls));
  }

  /** Why a login failed, said as a board problem: never with the password. */
  private loginProblem(error: unknown, plan: ConnectionPlan, withTls: boolean): BoardProblem {
    const code = (error as { code?: string }).code ?? '';
    const message = (error as Error).message ?? '';
    const user = plan.base.user ?? process.env.PGUSER ?? process.env.USER ?? 'this user';
    if (error instanceof NoPassword) return { kind: 'login-failed', user, noPassword: true, ...(error.pgpassIgnored ? { pgpassIgnored: error.pgpassIgnored } : {}) };
    if (message === 'timeout expired') return { kind: 'unreachable', host: plan.host, code: 'ETIMEDOUT', seconds: Math.round(plan.connectTimeoutMs / 1000) };
    if (/does not support SSL/i.test(message)) return { kind: 'tls', host: plan.host, sslmode: plan.sslmode, reason: 'unsupported' };
    // (OpenSSL's words for why: newer Node adds advice about its own flags after a semicolon, which is not for postboard's users.)
    if (withTls && UNTRUSTED.has(code)) return { kind: 'tls', host: plan.host, sslmode: plan.sslmode, reason: 'untrusted', detail: message.split(';')[0]!.trim() };
    if (withTls && code === 'ERR_TLS_CERT_ALTNAME_INVALID') return { kind: 'tls', host: plan.host.replace(/:\d+$/, ''), sslmode: plan.sslmode, reason: 'wrong-host' };
    if (withTls && (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID')) return { kind: 'tls', host: plan.host, sslmode: plan.sslmode, reason: 'expired' };
    if (withTls && (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || code === 'EPROTO')) return { kind: 'tls', host: plan.host, sslmode: plan.sslmode, reason: 'other', detail: detailOf(error) };
    if (['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN', 'ENOENT'].includes(code)) return { kind: 'unreachable', host: plan.host, code };
    if (/Connection terminated/i.test(message)) return { kind: 'unreachable', host: plan.host, code: 'ECONNRESET' };
    if (code === '28P01' || code === '28000') return { kind: 'login-failed', user };
    if (code === '3D000') return { kind: 'no-database', database: plan.base.database ?? process.env.PGDATABASE ?? user };
    return { kind: 'database', detail: detailOf(error) };
  }

  /** The connection, logged in on first use; one that was lost between transactions is made anew. */
  private async connected(): Promise<Client> {
    if (this.client && this.lost) {
      // Lost inside a change: that change is gone, and the command with it.
      if (this.state === 'write') return this.fail(this.lostProblem('change'));
      destroy(this.client);
      this.client = undefined;
      this.state = 'none';
    }
    if (!this.client) {
      this.lost = undefined;
      this.statementTimeoutOff = false;
      this.client = await this.login();
    }
    return this.client;
  }

  private lostProblem(during: DatabaseStep): BoardProblem {
    const code = (this.lost as { code?: string } | undefined)?.code;
    return code && !SESSION_ENDED.has(code) && !/^\d/.test(code) && code !== 'ECONNRESET' && code !== 'EPIPE'
      ? { kind: 'unreachable', host: this.host, code }
      : { kind: 'connection-lost', host: this.host, during, detail: detailOf(this.lost ?? new Error('Connection terminated')) };
  }

  /**
   * A turn on the connection: `work` runs when every round trip asked before it is done, and the
   * next waits for it. The returned release must be called when the turn is over.
   */
  private async turn(): Promise<() => void> {
    this.busy++;
    clearTimeout(this.pauseTimer);
    let release!: () => void;
    const over = new Promise<void>((resolve) => (release = resolve));
    const start = this.queue;
    this.queue = start.then(() => over).then(() => {
      this.busy--;
      this.paused();
    });
    await start;
    return release;
  }

  /** Runs `work` in a turn of its own. */
  private async exclusive<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.turn();
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** Nothing asked for a while: a read transaction ends, so nothing is held while a person reads or types. */
  private paused(): void {
    if (this.busy > 0 || this.state !== 'read') return;
    clearTimeout(this.pauseTimer);
    this.pauseTimer = setTimeout(() => {
      if (this.busy > 0 || this.state !== 'read') return;
      void this.exclusive(async () => {
        if (this.state === 'read' && this.client && !this.lost) await this.send(this.client, 'COMMIT', undefined, 'read');
        this.state = 'none';
      }).catch(() => {});
    }, READ_PAUSE_MS);
    this.pauseTimer.unref();
  }

  /**
   * One round trip, waited for no longer than the server's bound and a margin: past that the
   * server is taken for gone (stopped, overloaded, the network down), the connection is ended,
   * and the command says so in one line.
   */
  private async send<R extends object>(client: Client, sql: string, params: unknown[] | undefined, during: DatabaseStep, bound = this.answerMs): Promise<QueryResult<R> | QueryResult<R>[]> {
    if (this.lost) return this.fail(this.lostProblem(during));
    const started = Date.now();
    try {
      return await this.answered(client, client.query<R>(sql, params) as Promise<QueryResult<R> | QueryResult<R>[]>, during, bound);
    } catch (error) {
      if (error instanceof BoardFileError) throw error;
      return this.fail(this.queryProblem(error, during, Date.now() - started));
    }
  }

  /**
   * `work` (a round trip on `client`), waited for no longer than `bound`: then the server is taken
   * for gone, the connection ended, and that said. (What arrived meanwhile is read first: after
   * this process itself was stopped, the server's answer, or its word that it ended the
   * session, is what counts.)
   */
  private async answered<T>(client: Client, work: Promise<T>, during: DatabaseStep, bound = this.answerMs): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        work,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            setImmediate(() => {
              this.lost ??= new Error('the server stopped answering');
              destroy(client);
              reject(new BoardFileError(this.name, { kind: 'server-silent', host: this.host, seconds: waitedSeconds(bound), during }));
            });
          }, bound);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** A failed statement, said as a board problem: never with the password. */
  private queryProblem(error: unknown, during: DatabaseStep, tookMs: number): BoardProblem {
    const code = (error as { code?: string }).code ?? '';
    const message = (error as Error).message ?? '';
    if (SESSION_ENDED.has(code) || (!code && /Connection terminated|not queryable|ECONNRESET|EPIPE/i.test(message)) || code === 'ECONNRESET' || code === 'EPIPE') {
      this.lost ??= error as Error;
      return { kind: 'connection-lost', host: this.host, during, detail: detailOf(error) };
    }
    // (Named without its password, so that the hint pastes as it is: the password comes as it came now.)
    if (code === '42P01' || code === '3F000') return { kind: 'no-tables', location: lastingLocation(this.url) };
    if (code === '55P03') return { kind: 'locked', seconds: waitedSeconds(this.lockMs), store: 'postgres', holder: 'unknown' };
    // Cancelled by the statement time-out (or by an administrator, well before it).
    if (code === '57014' && tookMs >= this.serverBoundMs - 50) return { kind: 'statement-timeout', seconds: waitedSeconds(this.serverBoundMs) };
    if (code === '53100') return { kind: 'unwritable', code: 'ENOSPC' };
    if (code === '25006') return { kind: 'unwritable', code: 'EROFS' };
    if (!code && !(error instanceof Error)) throw error;
    return { kind: 'database', detail: detailOf(error) };
  }

  /**
   * The BEGIN of a transaction with its time-outs, in one round trip with what must come first (the
   * end of a read transaction before a change, the check that the board's tables are there, a
   * change's turn on the board's row).
   */
  private async begin(client: Client, mode: 'read' | 'write', options: { tail?: string[]; check?: boolean; statementMs?: number } = {}): Promise<QueryResult<object>[]> {
    const check = options.check !== false && !this.tablesThere ? `SELECT value, EXISTS (SELECT 1 FROM ${this.t('posts')} WHERE ${PG_UNKEYED}) AS unkeyed FROM ${this.t('board')} WHERE key = 'schema'` : undefined;
    const statements = [
      ...(this.state === 'read' ? ['COMMIT'] : []),
      mode === 'read' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY' : 'BEGIN',
      ...this.timeouts(options.statementMs),
      ...(check ? [check] : []),
      ...(options.tail ?? []),
    ];
    // Whatever fails from here, the transaction (if it began) is rolled back.
    this.state = mode;
    this.statementTimeoutOff = options.statementMs === 0;
    const results = [(await this.send(client, statements.join('; '), undefined, mode === 'write' ? 'change' : 'read')) as QueryResult<object> | QueryResult<object>[]].flat();
    if (check) this.checkSchema(results[statements.indexOf(check)]?.rows as { value: string; unkeyed: boolean }[] | undefined);
    return results;
  }

  /** The board's schema row, as the first read of a command finds it: a board of this postboard's, or said why not. */
  private checkSchema(rows: { value: string; unkeyed: boolean }[] | undefined): void {
    const schema = Number(rows?.[0]?.value);
    if (!Number.isInteger(schema) || schema < 1) return this.fail({ kind: 'not-a-board-database' });
    if (schema > DATABASE_SCHEMA) return this.fail({ kind: 'newer-version', version: schema, reads: DATABASE_SCHEMA });
    this.tablesThere = true;
    this.behind = schema < DATABASE_SCHEMA || rows?.[0]?.unkeyed === true;
    this.older = schema < DATABASE_SCHEMA;
  }

  /** The board was made by an earlier postboard (found by the first read). */
  private older = false;

  /** The board needs bringing up to this schema, or rows written by another program need their keys (found by the first read). */
  private behind = false;
  /** Set once the board is up to date (or while `check` reads it as it is). */
  private ready = false;

  /**
   * A board made by an earlier postboard is brought up to this schema, and rows another program
   * wrote without postboard's keys (the 가나다 title key, folded names, fingerprints, search text:
   * JavaScript's NFC and case folding) get them, before the command's first read: one change,
   * once. A board with posts the new rules refuse is left as it was, and said so, naming them.
   */
  private async upToDate(): Promise<void> {
    if (this.ready) return;
    this.ready = true;
    await this.ensureBoard();
    if (!this.behind) return;
    const older = this.older;
    const done = this.changing(async () => {
      const [row] = await this.write<{ value: string }>(`SELECT value FROM ${this.t('board')} WHERE key = 'schema'`);
      if (Number(row?.value) === 3) {
        // The same tables: the korea.kr source keys made again (below, with any other row's keys).
        await this.write(`${rekeySourcesSql((name) => this.t(name))} UPDATE ${this.t('board')} SET value = '${DATABASE_SCHEMA}' WHERE key = 'schema'`);
      } else if (Number(row?.value) < DATABASE_SCHEMA) {
        const refused = refusedRows(await this.auditIn((sql) => this.write(sql)), 'upgrade');
        if (refused) this.fail(refused);
        await this.write(upgradeSql(this.schema));
        const [trgm] = await this.write<{ found: boolean }>("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') AS found");
        if (trgm?.found) {
          await this.write('SAVEPOINT search_index');
          try {
            await this.write(`CREATE INDEX posts_search ON ${this.t('posts')} USING gin (search gin_trgm_ops)`);
          } catch {
            await this.write('ROLLBACK TO SAVEPOINT search_index');
          }
        }
      }
      // A thousand rows at a time, in order of number: memory stays flat whatever was inserted.
      const columns = [...KEY_COLUMNS, 'search'] as const;
      for (let after = 0; ; ) {
        const rows = await this.write<PostRow>(`SELECT ${POST_SELECT} FROM ${this.t('posts')} WHERE (${PG_UNKEYED}) AND id > $1 ORDER BY id LIMIT 1000`, [after]);
        // (A number above 2^53 reads back rounded: stop where the numbers stop going up.)
        if (rows.length === 0 || Number(rows[rows.length - 1]?.id) <= after) break;
        for (const found of rows) {
          const post = fromRow(found);
          const keys = { ...keysOf(post), search: searched(post) };
          await this.write(`UPDATE ${this.t('posts')} SET ${columns.map((column, i) => `${column} = $${i + 1}`).join(', ')} WHERE id = $${columns.length + 1}`, [...columns.map((column) => keys[column]), found.id]);
          after = Number(found.id);
        }
      }
      await this.finish('COMMIT');
    });
    try {
      await done;
    } catch (error) {
      // Only keys to make, and a role that may not write them (or a board busy past the lock
      // time-out): the board is read as it is; rows without keys sort first by title meanwhile.
      const kind = error instanceof BoardFileError ? error.problem.kind : '';
      if (older || !['database', 'unwritable', 'locked', 'statement-timeout'].includes(kind)) throw error;
    }
    this.behind = false;
  }

  /** The board's rows as they are, checked as `check` does (whatever the schema), through `query`. */
  private async auditIn(query: <R extends object>(sql: string) => Promise<R[]>): Promise<BoardProblem[]> {
    const rows = await query<{ row: Record<string, unknown> }>(`SELECT to_jsonb(p) AS row FROM ${this.t('posts')} p ORDER BY id`);
    const log = await query<LogRow>(`SELECT * FROM ${this.t('changes')} ORDER BY seq`);
    const [last] = await query<{ value: string }>(`SELECT value FROM ${this.t('board')} WHERE key = 'last_id'`);
    return auditRows(
      rows.map((found) => found.row),
      last?.value,
      log,
    );
  }

  /** For `check`: what is wrong with the board's rows, read as they are (an older schema is not brought up first). */
  async check(): Promise<Finding[] | undefined> {
    this.ready = true;
    // What a database holds is fixed with its own tools: nothing here is --fix's.
    return (await this.auditIn((sql) => this.reads(sql))).map((problem) => ({ problem, fixable: false }));
  }

  /** Ends the transaction in progress without keeping anything (after a failure); a lost connection has ended it already. */
  private async abandon(): Promise<void> {
    if (this.state === 'none') return;
    const client = this.client;
    this.state = 'none';
    this.statementTimeoutOff = false;
    if (client && !this.lost) await this.send(client, 'ROLLBACK', undefined, 'read').catch(() => {});
  }

  /** A read: in the command's read transaction (begun if need be), or in the change in progress. */
  private async read<R extends object>(sql: string, params: unknown[] = []): Promise<R[]> {
    await this.upToDate();
    return this.exclusive(async () => {
      const client = await this.connected();
      try {
        if (this.state === 'none') await this.begin(client, 'read');
        if (this.statementTimeoutOff) {
          await this.send(client, `SET LOCAL statement_timeout = ${this.serverBoundMs}`, undefined, 'read');
          this.statementTimeoutOff = false;
        }
        return ((await this.send<R>(client, sql, params, this.state === 'write' ? 'change' : 'read')) as QueryResult<R>).rows;
      } catch (error) {
        await this.abandon();
        throw error;
      }
    });
  }

  /** A statement of the change in progress (never outside it). */
  async write<R extends object>(sql: string, params: unknown[] = []): Promise<R[]> {
    return this.exclusive(async () => {
      const client = await this.connected();
      if (this.state !== 'write') return this.fail(this.lostProblem('change'));
      try {
        return ((await this.send<R>(client, sql, params, 'change')) as QueryResult<R>).rows;
      } catch (error) {
        await this.abandon();
        throw error;
      }
    });
  }

  /** Ends the change in progress: COMMIT (a silence now may have saved it) or ROLLBACK. */
  private async finish(end: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    await this.exclusive(async () => {
      const client = await this.connected();
      if (this.state !== 'write') return this.fail(this.lostProblem('change'));
      try {
        await this.send(client, end, undefined, end === 'COMMIT' ? 'commit' : 'change');
      } finally {
        this.state = 'none';
      }
    });
  }

  /** Begins a change: its time-outs and its turn on the board's row, in one round trip. */
  private async beginChange(tail: string[], check = true): Promise<void> {
    await this.exclusive(async () => {
      const client = await this.connected();
      if (this.state === 'write') throw new Error('a change inside a change');
      try {
        await this.begin(client, 'write', { tail, check });
      } catch (error) {
        await this.abandon();
        throw error;
      }
    });
  }

  /**
   * Who holds what this command waited for, as far as the database says: a session holding a
   * strong lock on one of the board's tables, else the session whose transaction holds the
   * board's row. Asked after the wait failed, in a transaction of its own; unknown if the
   * database does not say (another role's sessions, or nothing found).
   */
  private async lockHolder(): Promise<{ holder: LockHolder; application?: string }> {
    const byTable = `SELECT a.application_name AS application FROM pg_stat_activity a WHERE a.pid <> pg_backend_pid() AND a.pid IN (SELECT l.pid FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace WHERE l.granted AND n.nspname = '${this.schema}' AND l.mode IN ('ShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock')) LIMIT 1`;
    const byRow = `SELECT a.application_name AS application FROM pg_stat_activity a, ${this.t('board')} b WHERE b.key = 'last_id' AND a.pid <> pg_backend_pid() AND a.backend_xid = b.xmax LIMIT 1`;
    try {
      return await this.exclusive(async () => {
        const client = await this.connected();
        if (this.state !== 'none') await this.abandon();
        const quick = 'SET LOCAL lock_timeout = 500; SET LOCAL statement_timeout = 2000';
        try {
          // (Bounded as its own statements are: a few seconds, not a statement time-out's.)
          const bound = 2_000 + ANSWER_MARGIN_MS;
          const first = (await this.send(client, `BEGIN READ ONLY; ${quick}; ${byTable}`, undefined, 'read', bound)) as QueryResult<{ application: string }>[];
          this.state = 'read';
          let found = first[first.length - 1]?.rows[0];
          if (!found) found = ((await this.send<{ application: string }>(client, byRow, undefined, 'read', bound)) as QueryResult<{ application: string }>).rows[0];
          await this.send(client, 'COMMIT', undefined, 'read', bound);
          this.state = 'none';
          if (!found) return { holder: 'unknown' as const };
          const application = (found.application ?? '').slice(0, 64);
          return application === 'postboard' ? { holder: 'postboard' as const } : { holder: 'other-session' as const, application };
        } catch {
          this.state = 'read';
          await this.abandon();
          return { holder: 'unknown' as const };
        }
      });
    } catch {
      return { holder: 'unknown' };
    }
  }

  /** A locked board, said with who holds it. */
  private async withHolder(error: unknown): Promise<never> {
    if (error instanceof BoardFileError && error.problem.kind === 'locked' && error.problem.store === 'postgres') {
      throw new BoardFileError(this.name, { ...error.problem, ...(await this.lockHolder()) });
    }
    throw error;
  }

  /** Makes sure the board's tables are there (a board not made yet is said so: init makes it). */
  private async ensureBoard(): Promise<void> {
    if (this.tablesThere) return;
    await this.exclusive(async () => {
      const client = await this.connected();
      try {
        if (this.state === 'none') await this.begin(client, 'read');
      } catch (error) {
        await this.abandon();
        throw error;
      }
    }).catch((error) => this.withHolder(error));
  }

  async info(): Promise<BoardInfo> {
    // One round trip for both.
    const [row] = await this.reads<{ n: string; last: string | null; top: string | null }>(
      `SELECT (SELECT coalesce(sum(posts), 0) FROM ${this.t('counts')}) AS n, (SELECT value FROM ${this.t('board')} WHERE key = 'last_id') AS last, (SELECT max(id) FROM ${this.t('posts')}) AS top`,
    );
    // The highest number given: last_id, or a higher number a row inserted by hand has.
    return { exists: true, posts: Number(row?.n ?? 0), lastId: Math.max(Number(row?.last ?? 0), Number(row?.top ?? 0)) };
  }

  /** A read, with the holder of a lock it waited for said. */
  private async reads<R extends object>(sql: string, params: unknown[] = []): Promise<R[]> {
    try {
      return await this.read<R>(sql, params);
    } catch (error) {
      return this.withHolder(error);
    }
  }

  /** The posts matching a filter: WHERE with `?` parameters (search: in the folded text, as the JSON board compares it). */
  private matching(filter: PostFilter): Matching {
    const { clauses, params } = filterClauses(filter, (column) => `strpos(${column}, ?) > 0`);
    for (const term of filter.search ?? []) {
      clauses.push(`search LIKE ?`);
      params.push(`%${likeLiteral(searchText(term))}%`);
    }
    return { from: `${this.t('posts')} p`, where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params, search: (filter.search?.length ?? 0) > 0 };
  }

  async page(query: PostQuery): Promise<PostPage> {
    const reader: PageReader = { all: (sql, params = []) => this.reads(numbered(sql), [...params]), counts: this.t('counts'), postSelect: POST_SELECT, everyRow: null, prefix: '' };
    return pageOf(reader, query, this.matching(query.filter), this.countUpTo);
  }

  async get(ids: readonly number[]): Promise<Map<number, Post>> {
    if (ids.length === 0) return new Map();
    return postsById(await this.reads<PostRow>(`SELECT ${POST_SELECT} FROM ${this.t('posts')} WHERE id = ANY($1::bigint[])`, [ids]));
  }

  /**
   * Every matching post, in order, through COPY: one pass, memory flat, whatever the board's size.
   * The COPY holds the connection while it runs; it has no statement time-out (a slow reader of
   * the export, `| gzip` to a slow disk, is no slow server), but a server that sends nothing for
   * as long as any answer is waited for is taken for gone.
   */
  async *stream(query: Omit<PostQuery, 'offset'>): AsyncIterable<readonly Post[]> {
    const { where: unnumbered, params } = this.matching(query.filter);
    const where = numbered(unnumbered);
    await this.upToDate();
    const { copyTo } = await this.pg();
    const release = await this.turn();
    let done = false;
    let client: Client | undefined;
    try {
      client = await this.connected();
      try {
        if (this.state === 'none') await this.begin(client, 'read', { statementMs: 0 });
        else if (!this.statementTimeoutOff) {
          await this.send(client, 'SET LOCAL statement_timeout = 0', undefined, this.state === 'write' ? 'change' : 'read');
          this.statementTimeoutOff = true;
        }
      } catch (error) {
        await this.abandon();
        throw error;
      }
      // COPY takes no parameters: the values go in as literals, quoted by the driver.
      let n = 0;
      const literal = where.replace(/\$\d+/g, () => client!.escapeLiteral(String(params[n++])));
      const limit = query.limit === undefined ? '' : ` LIMIT ${Math.floor(query.limit)}`;
      const sql = `COPY (SELECT ${POST_SELECT} FROM ${this.t('posts')} ${literal} ORDER BY ${orderClause(query.order)}${limit}) TO STDOUT`;
      const stream = client.query(copyTo(sql));
      const chunks = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
      let rest = '';
      // The server's bytes arrive in pieces that may end inside a character: decode them as a stream.
      const decoder = new TextDecoder('utf-8');
      const during: DatabaseStep = this.state === 'write' ? 'change' : 'read';
      for (;;) {
        let next: IteratorResult<Buffer>;
        try {
          // Only the wait for the server counts: not the time the reader of the export takes.
          next = await this.answered(client, chunks.next(), during);
        } catch (error) {
          if (error instanceof BoardFileError) throw error;
          return this.fail(this.queryProblem(error, during, 0));
        }
        if (next.done) break;
        const text = rest + decoder.decode(next.value, { stream: true });
        const lines = text.split('\n');
        rest = lines.pop() ?? '';
        const batch: Post[] = [];
        for (const line of lines) {
          batch.push(fromRow(copyRow(line)));
        }
        if (batch.length > 0) yield batch;
      }
      done = true;
    } finally {
      // Stopped halfway (the reader gave up, or the server): the COPY still holds the connection, which is ended.
      if (!done && client && this.client === client) {
        this.lost ??= new Error('Connection terminated');
        destroy(client);
        if (this.state !== 'write') this.state = 'none';
      }
      release();
    }
  }

  async departments(): Promise<string[]> {
    return byUse(await this.reads<{ name: string; n: string }>(`SELECT department AS name, count(*) AS n FROM ${this.t('posts')} WHERE department <> '' GROUP BY department`));
  }

  async tally(filter: PostFilter, by: Grouping): Promise<Tally[]> {
    const { where: unnumbered, params } = this.matching(filter);
    const where = numbered(unnumbered);
    const key = by === 'month' ? "to_char(date, 'YYYY-MM')" : by;
    const rows = await this.reads<{ key: string; posts: string; views: string }>(`SELECT ${key} AS key, count(*) AS posts, coalesce(sum(views), 0) AS views FROM ${this.t('posts')} ${where} GROUP BY ${key}`, params);
    return rows.map((row) => ({ key: row.key, posts: Number(row.posts), views: Number(row.views) }));
  }

  async withSource(url: string): Promise<Post | undefined> {
    const [row] = await this.reads<PostRow>(`SELECT ${POST_SELECT} FROM ${this.t('posts')} WHERE source_key = $1 ORDER BY id LIMIT 1`, [urlKey(url)]);
    return row && fromRow(row);
  }

  async sources(): Promise<Source[]> {
    const [row] = await this.reads<{ value: string }>(`SELECT value FROM ${this.t('board')} WHERE key = 'sources'`);
    return sourcesOf(this.name, row?.value);
  }

  async log(limit: number): Promise<ChangeLogEntry[]> {
    const rows = await this.reads<LogRow>(`SELECT * FROM ${this.t('changes')} ORDER BY seq DESC LIMIT $1`, [Math.min(limit, Number.MAX_SAFE_INTEGER)]);
    return rows.map((row) => fromLogRow(this.name, row));
  }

  /**
   * Runs `work` as one transaction that holds the board's row: writers take their turn there,
   * waiting no longer than the lock time-out. Whatever fails, nothing of it is kept.
   */
  private async changing<T>(work: () => Promise<T>): Promise<T> {
    try {
      // Writers take their turn here, on the board's own row, in the round trip that begins the change.
      await this.beginChange([`SELECT value FROM ${this.t('board')} WHERE key = 'last_id' FOR UPDATE`]);
      return await work();
    } catch (error) {
      await this.exclusive(() => this.abandon());
      return this.withHolder(error);
    }
  }

  async change<T>(info: ChangeInfo, work: (tx: BoardTransaction) => Promise<T>): Promise<{ result: T; changed: boolean; seq?: number }> {
    await this.upToDate();
    return this.changing(() => runChange(this.dialect(), info, work, (how) => this.finish(how)));
  }

  /** The database's ways, for the one transaction flow (sql/transaction.ts): statements of the change in progress. */
  private dialect(): SqlDialect {
    const columns = INSERT_COLUMNS.filter((column) => column !== 'id');
    return {
      board: this.name,
      table: (name) => this.t(name),
      postSelect: POST_SELECT,
      all: <R extends object>(sql: string, params: readonly unknown[] = []) => this.write<R>(numbered(sql), [...params]),
      run: async (sql, params = []) => void (await this.write(numbered(sql), [...params])),
      inList: (column, type) => `${column} = ANY(?::${type}[])`,
      listParam: (values) => values,
      insertPosts: async (posts) => {
        const rows: Record<string, unknown>[] = posts.map((post) => ({ ...toRow(post), search: searched(post) }));
        // Many rows to a statement, each statement whole before the server runs it: between them the
        // session is idle in its transaction, where the server's time-out ends it if this process
        // stops (a COPY would keep the session busy waiting for the rest, holding the board for good).
        for (let start = 0; start < rows.length; start += INSERT_ROWS) {
          const chunk = rows.slice(start, start + INSERT_ROWS);
          const values = chunk.map((_, row) => `(${INSERT_COLUMNS.map((__, column) => `$${row * INSERT_COLUMNS.length + column + 1}`).join(', ')})`).join(', ');
          await this.write(`INSERT INTO ${this.t('posts')} (${INSERT_COLUMNS.join(', ')}) VALUES ${values}`, chunk.flatMap((row) => INSERT_COLUMNS.map((column) => row[column])));
        }
      },
      updatePost: async (after) => {
        const row: Record<string, unknown> = { ...toRow(after), search: searched(after) };
        await this.write(`UPDATE ${this.t('posts')} SET ${columns.map((column, i) => `${column} = $${i + 1}`).join(', ')} WHERE id = $${columns.length + 1}`, [...columns.map((column) => row[column]), after.id]);
      },
    };
  }

  async assertWritable(): Promise<void> {
    await this.ensureBoard();
  }

  async ownFile(): Promise<OwnFile | undefined> {
    return undefined;
  }

  async snapshot(): Promise<BoardSnapshot> {
    // A board postboard cannot show whole is not copied into one it could not open.
    const refused = refusedRows(await this.auditIn((sql) => this.reads(sql)), 'copy');
    if (refused) this.fail(refused);
    const [extras] = await this.reads<{ value: string }>(`SELECT value FROM ${this.t('board')} WHERE key = 'extras'`);
    const [sources] = await this.reads<{ value: string }>(`SELECT value FROM ${this.t('board')} WHERE key = 'sources'`);
    const log = await this.reads<LogRow>(`SELECT * FROM ${this.t('changes')} ORDER BY seq`);
    const [last] = await this.reads<{ value: string; top: string | null }>(`SELECT (SELECT value FROM ${this.t('board')} WHERE key = 'last_id') AS value, (SELECT max(id) FROM ${this.t('posts')}) AS top`);
    // The highest number given: last_id, or a higher number a row inserted by hand has.
    return { lastId: Math.max(lastIdOf(this.name, last?.value), Number(last?.top ?? 0)), extras: JSON.parse(extras?.value ?? '{}') as Record<string, unknown>, log: log.map((row) => fromLogRow(this.name, row)), sources: sourcesOf(this.name, sources?.value) };
  }

  async restore(snapshot: BoardSnapshot, posts: AsyncIterable<readonly Post[]>): Promise<number> {
    await this.upToDate();
    return this.changing(() => runRestore(this.dialect(), snapshot, posts, BATCH * 10, () => this.finish('COMMIT')));
  }

  /** Makes the board's schema and tables (and the trigram index, where pg_trgm can be had). */
  async init(): Promise<{ made: boolean; info: BoardInfo }> {
    try {
      // Several inits at once: one makes the board, the others wait for it and find it made.
      await this.beginChange([`SELECT pg_advisory_xact_lock(hashtext(${escapeText(`postboard init ${this.schema}`)}))`], false);
      const [exists] = await this.write<{ found: string | null }>(`SELECT to_regclass($1) AS found`, [`"${this.schema}".board`]);
      if (exists?.found) {
        await this.finish('ROLLBACK');
        return { made: false, info: await this.info() };
      }
      await this.write(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
      await this.write(schemaSql(this.schema));
      await this.write(`INSERT INTO ${this.t('board')} (key, value) VALUES ('schema', $1), ('last_id', '0')`, [String(DATABASE_SCHEMA)]);
      await this.finish('COMMIT');
    } catch (error) {
      await this.exclusive(() => this.abandon());
      return this.withHolder(error);
    }
    // Search through a trigram index where the server allows the extension (it is trusted since
    // PostgreSQL 13); without it search still works, reading every post.
    // (Another init making the extension at the same moment may fail this one's CREATE EXTENSION; the index still comes.)
    for (const statement of ['CREATE EXTENSION IF NOT EXISTS pg_trgm', `CREATE INDEX IF NOT EXISTS posts_search ON ${this.t('posts')} USING gin (search gin_trgm_ops)`]) {
      try {
        await this.beginChange([statement], false);
        await this.finish('COMMIT');
      } catch (error) {
        await this.exclusive(() => this.abandon());
        // no pg_trgm here; but a server gone is said
        if (error instanceof BoardFileError && ['server-silent', 'connection-lost', 'unreachable'].includes(error.problem.kind)) throw error;
      }
    }
    this.tablesThere = true;
    return { made: true, info: await this.info() };
  }

  /**
   * Ends the command's connection: its read transaction committed (a pooler gets its server
   * connection back clean), then the session. Never waits longer than an answer is waited for;
   * a connection still busy (an export given up halfway) is ended at once.
   */
  async close(): Promise<void> {
    clearTimeout(this.pauseTimer);
    const client = this.client;
    if (!client) return;
    if (this.busy === 0 && !this.lost) {
      await this.exclusive(async () => {
        if (this.state === 'read') await this.send(client, 'COMMIT', undefined, 'read');
        else if (this.state === 'write') await this.send(client, 'ROLLBACK', undefined, 'change');
      }).catch(() => {});
    }
    this.state = 'none';
    this.client = undefined;
    if (this.lost || this.busy > 0) {
      destroy(client);
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([client.end().catch(() => {}), new Promise<void>((resolve) => (timer = setTimeout(resolve, this.answerMs)))]);
    clearTimeout(timer);
    destroy(client);
  }

  table(name: string): string {
    return this.t(name);
  }
}

/** A statement's `?` parameters as PostgreSQL's `$1`, `$2`, … */
const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** A text as an SQL literal (standard_conforming_strings, as every supported server has it). */
const escapeText = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** Rows without postboard's keys (UNKEYED), or without their search text. */
const PG_UNKEYED = `${UNKEYED} OR search IS NULL`;

/** The tables of schema 3. */
function tablesSql(schema: string): string {
  const t = (name: string) => `"${schema}".${name}`;
  return `
CREATE TABLE ${t('board')} (key text PRIMARY KEY, value text NOT NULL, ${LAST_ID_RULE.postgres});
${postsTableSql(t('posts'), 'postgres')};
CREATE TABLE ${t('changes')} (seq bigint PRIMARY KEY, at text NOT NULL, who text NOT NULL, command text NOT NULL, undoes bigint, redoes bigint, undone_by bigint, changes text NOT NULL CHECK (json_typeof(changes::json) = 'array'));
CREATE TABLE ${t('counts')} (status text PRIMARY KEY, posts bigint NOT NULL);
`;
}

/**
 * What the database keeps up to date itself, whoever writes a row: the counts by status; and keys
 * (and search text) that a hand edit left stale are taken away, so that postboard makes them again
 * on its next open (see UNKEYED).
 */
function derivedSql(schema: string): string {
  const t = (name: string) => `"${schema}".${name}`;
  return `${postsIndexesSql(t).replace(/posts_unkeyed ON (\S+) \(id\) WHERE .*;/, `posts_unkeyed ON $1 (id) WHERE ${PG_UNKEYED};`)}
CREATE OR REPLACE FUNCTION ${t('count_posts')}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN UPDATE ${t('counts')} SET posts = posts - 1 WHERE status = OLD.status; END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN UPDATE ${t('counts')} SET posts = posts + 1 WHERE status = NEW.status; END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER posts_counted AFTER INSERT OR DELETE OR UPDATE OF status ON ${t('posts')} FOR EACH ROW EXECUTE FUNCTION ${t('count_posts')}();
CREATE OR REPLACE FUNCTION ${t('stale_keys')}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.title IS DISTINCT FROM OLD.title AND NEW.title_key IS NOT DISTINCT FROM OLD.title_key)
    OR (NEW.author IS DISTINCT FROM OLD.author AND NEW.author_key IS NOT DISTINCT FROM OLD.author_key)
    OR (NEW.department IS DISTINCT FROM OLD.department AND NEW.department_key IS NOT DISTINCT FROM OLD.department_key)
    OR (NEW.source_url IS DISTINCT FROM OLD.source_url AND NEW.source_key IS NOT DISTINCT FROM OLD.source_key)
    OR ((NEW.title, NEW.author, NEW.date, NEW.body) IS DISTINCT FROM (OLD.title, OLD.author, OLD.date, OLD.body) AND NEW.content_key IS NOT DISTINCT FROM OLD.content_key)
    OR ((NEW.title, NEW.body) IS DISTINCT FROM (OLD.title, OLD.body) AND NEW.search IS NOT DISTINCT FROM OLD.search) THEN
    NEW.title_key := NULL; NEW.source_key := NULL; NEW.content_key := NULL; NEW.author_key := NULL; NEW.department_key := NULL; NEW.search := NULL;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER posts_keys_stale BEFORE UPDATE ON ${t('posts')} FOR EACH ROW EXECUTE FUNCTION ${t('stale_keys')}();
`;
}

/** A new board's tables. */
function schemaSql(schema: string): string {
  const t = (name: string) => `"${schema}".${name}`;
  return `${tablesSql(schema)}${derivedSql(schema)}INSERT INTO ${t('counts')} VALUES ('published', 0), ('hidden', 0);`;
}

/** What a column of schema 1 (text for dates and times) becomes in schema 3. */
const upgraded = (field: FieldSpec): string => {
  const c = columnOf(field);
  return field.kind === 'date' ? `${c}::date` : field.kind === 'timestamp' ? `${c}::timestamptz` : c;
};

/**
 * From schema 1 (text dates and times, no rules, no subtitle): the tables made anew beside the old
 * ones and filled from them, the old ones dropped. The posts were checked first (a post the new
 * rules refuse stops it).
 */
function upgradeSql(schema: string): string {
  const t = (name: string) => `"${schema}".${name}`;
  const fields = (FIELDS as readonly FieldSpec[]).filter((field) => field.key !== 'subtitle');
  const columns = [...fields.map(columnOf), 'source_rest', 'extra', ...KEY_COLUMNS, 'search'];
  const values = [...fields.map(upgraded), 'source_rest', 'extra', ...KEY_COLUMNS, 'search'];
  return `
DROP INDEX IF EXISTS ${t('posts_search')};
${['board', 'posts', 'changes', 'counts'].map((name) => `ALTER TABLE ${t(name)} RENAME TO ${name}_old; ALTER INDEX ${t(`${name}_pkey`)} RENAME TO ${name}_old_pkey;`).join('\n')}
${tablesSql(schema)}
INSERT INTO ${t('board')} SELECT key, value FROM ${t('board_old')};
INSERT INTO ${t('posts')} (${columns.join(', ')}) SELECT ${values.join(', ')} FROM ${t('posts_old')};
INSERT INTO ${t('changes')} SELECT * FROM ${t('changes_old')};
DROP TABLE ${t('board_old')}, ${t('posts_old')}, ${t('changes_old')}, ${t('counts_old')};
${derivedSql(schema)}
INSERT INTO ${t('counts')} VALUES ('published', (SELECT count(*) FROM ${t('posts')} WHERE status = 'published')), ('hidden', (SELECT count(*) FROM ${t('posts')} WHERE status = 'hidden'));
${rekeySourcesSql(t)}
UPDATE ${t('board')} SET value = '${DATABASE_SCHEMA}' WHERE key = 'schema';
`;
}

/** A post's columns as read: dates and times as the board file writes them (never the driver's Date objects). */
const POST_SELECT = POST_COLUMNS.map((column) => {
  const field = (FIELDS as readonly FieldSpec[]).find((spec) => columnOf(spec) === column);
  if (field?.kind === 'date') return `to_char(${column}, 'YYYY-MM-DD') AS ${column}`;
  if (field?.kind === 'timestamp') return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${column}`;
  return column;
}).join(', ');

/** One line of COPY's text format back as a row (tab-separated, backslash escapes, \N for null). */
function copyRow(line: string): PostRow {
  const cells = line.split('\t').map((cell) =>
    cell === '\\N' ? null : cell.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '\\': '\\' })[c] ?? c),
  );
  return Object.fromEntries(POST_COLUMNS.map((column, index) => [column, cells[index] ?? null])) as unknown as PostRow;
}


const INSERT_COLUMNS: readonly string[] = [...ROW_COLUMNS, 'search'];
