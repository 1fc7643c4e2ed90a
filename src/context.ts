import { UsageError } from './errors.js';
import type { Lang, Messages } from './i18n/index.js';
import { colorLevel, osOf, type IO } from './io.js';
import { shellOf } from './platform.js';
import { refuseWindowsName } from './cmdutil/output-name.js';
import { visibleBlock, visibleLines } from './render/sanitize.js';
import { ASCII_GLYPHS, loadStyle, UNICODE_GLYPHS, type Glyphs, type Style } from './render/style.js';
import { defaultBoard, shownPath } from './files/places.js';
import type { WriteFaults } from './files/write.js';
import { parseFault } from './files/fault.js';
import { shellWord } from './i18n/shared.js';
import { foreignUrl, lastingLocation, openBoard, shownLocation, type BoardStore } from './store/index.js';
import type { DriverName } from './store/sqlite/driver.js';

const DEFAULT_LOCK_TIMEOUT_S = 10;
/** How long one PostgreSQL statement may run (see POSTBOARD_STATEMENT_TIMEOUT). */
const DEFAULT_STATEMENT_TIMEOUT_S = 30;
/**
 * A lock held from another host (where postboard cannot ask whether its owner still runs) counts
 * as abandoned when not refreshed for this long; the owner refreshes it every few seconds.
 */
const LOCK_STALE_MS = 10_000;

/** A number from a `POSTBOARD_TEST_*` variable, which tests set to make faults and limits small. */
const testNumber = (text: string | undefined): number | undefined => (text && /^\d+$/.test(text) ? Number(text) : undefined);

/** The options every command takes (`--db`, `--lang`, `--no-color`). */
export interface GlobalOptions {
  db?: string;
  lang?: string;
  color: boolean;
  pager: boolean;
}

/**
 * What a command runs with: the IO, the language, and the board named on the command line.
 * Built before the command line is parsed (help text needs the language); the global options
 * are filled in just before a command's action runs.
 */
export class Context {
  global: GlobalOptions = { color: true, pager: true };
  private store: BoardStore | undefined;

  constructor(
    readonly io: IO,
    readonly lang: Lang,
    readonly t: Messages,
  ) {}

  /** `--db`, else `POSTBOARD_DB`, else `./data/posts.json`. */
  get boardLocation(): string {
    return this.global.db || this.io.env.POSTBOARD_DB || defaultBoard(this.io.env, undefined, osOf(this.io));
  }

  /** The board in use, as messages show it: as named, or the default one with the home folder as `~`. */
  get boardShown(): string {
    const named = this.global.db || this.io.env.POSTBOARD_DB;
    // A database URL is shown without its password, wherever it is shown.
    return named ? shownLocation(named) : shownPath(this.boardLocation, this.io.env, osOf(this.io));
  }

  /**
   * A postboard command as a hint prints it, to paste as it is: started the way this one was
   * (`npx postboard` when npx ran it), and with `--db` when this board was named by it (a database
   * URL without its password, which the hint must never show).
   */
  command(args: string, options: { board?: boolean } = {}): string {
    const program = this.io.env.npm_command === 'exec' ? 'npx postboard' : 'postboard';
    const db = options.board !== false && this.global.db ? ` --db ${this.quote(lastingLocation(this.global.db))}` : '';
    return `${program} ${args}${db}`;
  }

  /** A word of a hint's command (a path), quoted for the shell that will run it (see platform.ts shellOf). */
  quote(word: string): string {
    return shellWord(word, shellOf(osOf(this.io), this.io.env));
  }

  /** Set once a change has been written: an error after it must not read as if nothing happened. */
  changeSaved = false;

  board(): BoardStore {
    const env = this.io.env;
    if (this.store) return this.store;
    this.store = this.io.boards?.(this.boardLocation);
    if (this.store) return this.watched(this.store);
    // A URL of another kind (mysql://, a typo of postgres://) is never taken for a file name.
    if (foreignUrl(this.boardLocation)) throw new UsageError(this.t.usage.boardKind(this.boardShown));
    // On Windows a board is never at a device name (NUL) or in a hidden stream (board.json:x).
    refuseWindowsName(this, '--db', this.boardLocation, { board: true });
    this.store = openBoard({
      location: this.boardLocation,
      shownAs: this.boardShown,
      lockTimeoutMs: this.lockTimeoutMs(),
      statementTimeoutMs: this.statementTimeoutMs(),
      lockStaleMs: testNumber(env.POSTBOARD_TEST_LOCK_STALE_MS) ?? LOCK_STALE_MS,
      maxBytes: testNumber(env.POSTBOARD_TEST_MAX_BOARD_BYTES),
      countUpTo: testNumber(env.POSTBOARD_TEST_COUNT_UP_TO),
      sqliteDriver: this.sqliteDriver(),
      faults: this.writeFaults(),
    });
    return this.watched(this.store);
  }

  /** The board, with every change it saves noted (see changeSaved). */
  private watched(store: BoardStore): BoardStore {
    const change = store.change.bind(store);
    store.change = async (info, work) => {
      const done = await change(info, work);
      if (done.changed) this.changeSaved = true;
      return done;
    };
    return store;
  }

  /** Closes the board's connection, if it has one (a database board); errors on the way out are not news. */
  async closeBoard(): Promise<void> {
    await this.store?.close().catch(() => {});
  }

  /**
   * The operating system the file layer behaves for, and the faults a test injects into every file
   * postboard writes (see files/write.ts and files/held.ts): what Windows, a USB stick or a network
   * share does, made to happen from Linux.
   */
  writeFaults(): WriteFaults {
    const env = this.io.env;
    return {
      os: osOf(this.io),
      chunkBytes: testNumber(env.POSTBOARD_TEST_WRITE_CHUNK),
      diskFreeBytes: testNumber(env.POSTBOARD_TEST_DISK_FREE),
      // EBUSY:3 (the first three fail) or EBUSY (every one).
      rename: parseFault(env.POSTBOARD_TEST_RENAME_FAULT),
      link: parseFault(env.POSTBOARD_TEST_LINK_FAULT),
      syncReadOnly: env.POSTBOARD_TEST_FSYNC_READ_ONLY || undefined,
      deletePendingMs: testNumber(env.POSTBOARD_TEST_DELETE_PENDING_MS),
      alwaysAlive: env.POSTBOARD_TEST_ALWAYS_ALIVE === '1',
      heldRetryMs: testNumber(env.POSTBOARD_TEST_HELD_RETRY_MS),
    };
  }

  /** POSTBOARD_LOCK_TIMEOUT in whole milliseconds, as every kind of board takes it (at most ~24 days). */
  lockTimeoutMs(): number {
    const text = this.io.env.POSTBOARD_LOCK_TIMEOUT;
    if (text === undefined || text === '') return DEFAULT_LOCK_TIMEOUT_S * 1000;
    const seconds = Number(text);
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new UsageError(this.t.usage.seconds('POSTBOARD_LOCK_TIMEOUT', text, false));
    }
    return Math.min(2_147_483_647, Math.ceil(seconds * 1000));
  }

  /**
   * POSTBOARD_STATEMENT_TIMEOUT in whole milliseconds: how long a PostgreSQL board's statement may
   * run (beyond its wait for a lock), and so how long postboard waits for a server that stopped
   * answering. Never unbounded: zero is refused.
   */
  statementTimeoutMs(): number {
    const text = this.io.env.POSTBOARD_STATEMENT_TIMEOUT;
    if (text === undefined || text === '') return DEFAULT_STATEMENT_TIMEOUT_S * 1000;
    const seconds = Number(text);
    if (!Number.isFinite(seconds) || seconds <= 0) {
      throw new UsageError(this.t.usage.seconds('POSTBOARD_STATEMENT_TIMEOUT', text, true));
    }
    return Math.min(2_147_483_647, Math.ceil(seconds * 1000));
  }

  /** POSTBOARD_SQLITE_DRIVER: the SQLite driver to use, when not the one this Node.js has (see store/sqlite/driver.ts). */
  sqliteDriver(): DriverName | undefined {
    const text = this.io.env.POSTBOARD_SQLITE_DRIVER;
    if (text === undefined || text === '') return undefined;
    const drivers: readonly DriverName[] = ['node:sqlite', 'better-sqlite3'];
    if ((drivers as readonly string[]).includes(text)) return text as DriverName;
    throw new UsageError(this.t.usage.oneOf('POSTBOARD_SQLITE_DRIVER', drivers, text));
  }

  style(): Promise<Style> {
    return loadStyle(colorLevel(this.io, this.global.color), this.glyphs());
  }

  /**
   * How frames and cut text are drawn: POSTBOARD_GLYPHS (ascii or unicode) when set; else plain
   * ASCII on a Windows console that is not Windows Terminal (WT_SESSION), VS Code's (TERM_PROGRAM)
   * or ConEmu's — the old console's Korean fonts draw … ─ · two cells wide — and Unicode elsewhere.
   */
  glyphs(): Glyphs {
    const env = this.io.env;
    if (env.POSTBOARD_GLYPHS === 'ascii') return ASCII_GLYPHS;
    if (env.POSTBOARD_GLYPHS === 'unicode') return UNICODE_GLYPHS;
    const modern = Boolean(env.WT_SESSION || env.TERM_PROGRAM || env.ConEmuANSI === 'ON');
    return osOf(this.io) === 'win32' && this.io.stdout.isTTY && !modern ? ASCII_GLYPHS : UNICODE_GLYPHS;
  }

  /**
   * Writes output postboard rendered itself to stdout: tables and post views, whose board text the
   * renderers have already made visible (and which may carry our own colour codes).
   */
  out(lines: string | readonly string[]): void {
    const text = typeof lines === 'string' ? lines : lines.join('\n');
    this.io.stdout.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);
  }

  /**
   * Writes long output (a list, a post, stats) through the pager on a terminal (see pager.ts);
   * elsewhere as `out` does.
   */
  async page(lines: readonly string[]): Promise<void> {
    const text = `${lines.join('\n')}\n`;
    if (this.global.pager) {
      const { page } = await import('./pager.js');
      if (await page(this.io, text)) return;
    }
    this.out(text);
  }

  /**
   * Writes a message to stdout ("Added post 2933: …"). Whatever board or input text it quotes is
   * shown, never obeyed: every line goes through the one sanitiser.
   */
  say(lines: string | readonly string[]): void {
    this.out(visibleLines(lines));
  }

  /**
   * Writes data to stdout exactly (JSON, JSONL, CSV): a script or file gets every byte as stored.
   * Only a person's terminal gets it made visible, so that no stored escape sequence acts on it.
   */
  data(text: string): void {
    this.io.stdout.write(this.io.stdout.isTTY ? visibleBlock(text) : text);
  }

  /** Writes a notice (not data) to stderr, every line through the one sanitiser. */
  note(text: string): void {
    this.io.stderr.write(`${visibleLines(text)}\n`);
  }
}
