import { UsageError } from './errors.js';
import type { Lang, Messages } from './i18n.js';
import { colorLevel, type IO } from './io.js';
import { loadStyle, type Style } from './render/style.js';
import { openBoard, type BoardStore } from './store/index.js';

export const DEFAULT_BOARD = './data/posts.json';
const DEFAULT_LOCK_TIMEOUT_S = 10;

/** The options every command takes (`--db`, `--lang`, `--no-color`). */
export interface GlobalOptions {
  db?: string;
  lang?: string;
  color: boolean;
}

/**
 * What a command runs with: the IO, the language, and the board named on the command line.
 * Built before the command line is parsed (help text needs the language); the global options
 * are filled in just before a command's action runs.
 */
export class Context {
  global: GlobalOptions = { color: true };
  private store: BoardStore | undefined;

  constructor(
    readonly io: IO,
    readonly lang: Lang,
    readonly t: Messages,
  ) {}

  /** `--db`, else `POSTBOARD_DB`, else `./data/posts.json`. */
  get boardLocation(): string {
    return this.global.db || this.io.env.POSTBOARD_DB || DEFAULT_BOARD;
  }

  board(): BoardStore {
    this.store ??= openBoard({
      location: this.boardLocation,
      lockTimeoutMs: this.lockTimeoutMs(),
      describe: (file, problem) => `${file}: ${this.t.problem(problem)}`,
    });
    return this.store;
  }

  private lockTimeoutMs(): number {
    const text = this.io.env.POSTBOARD_LOCK_TIMEOUT;
    if (text === undefined || text === '') return DEFAULT_LOCK_TIMEOUT_S * 1000;
    const seconds = Number(text);
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new UsageError(`POSTBOARD_LOCK_TIMEOUT must be a number of seconds, not ${JSON.stringify(text)}`);
    }
    return seconds * 1000;
  }

  style(): Promise<Style> {
    return loadStyle(colorLevel(this.io, this.global.color));
  }

  /** Writes lines of data to stdout. */
  out(lines: string | readonly string[]): void {
    const text = typeof lines === 'string' ? lines : lines.join('\n');
    this.io.stdout.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);
  }

  /** Writes a notice (not data) to stderr. */
  note(text: string): void {
    this.io.stderr.write(`${text}\n`);
  }
}
