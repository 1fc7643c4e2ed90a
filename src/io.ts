import { fstatSync, writeSync } from 'node:fs';
// Made lazy by the build (see scripts/build.mjs): tty loads net and the stream classes.
import { isatty } from 'node:tty';
import type { ColorLevel } from './render/style.js';
import type { BoardStore } from './store/store.js';
import { OutputError } from './errors.js';
import { encodeUtf8 } from './utf8.js';
import { processPlatform, type OS } from './platform.js';

/** The streams a command writes to. Tests build one over strings and flip `isTTY`. */
export interface OutStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
  once?(event: 'drain', listener: () => void): unknown;
}

export interface InStream extends NodeJS.ReadableStream {
  isTTY?: boolean;
}

/**
 * Everything a command may know about the world outside: streams, terminal, environment,
 * clock. Commands never reach for `process` themselves.
 */
export interface IO {
  stdout: OutStream;
  stderr: OutStream;
  stdin: InStream;
  env: NodeJS.ProcessEnv;
  now(): Date;
  /** The operating system to behave for (see platform.ts); this process's when not given. */
  platform?: OS;
  /** The system's locale (`ko-KR`), as Intl has it: the language when no variable names one. */
  systemLocale?: () => string;
  /**
   * Boards that live in this process rather than at a location on disk or a server: a test
   * running commands in-process gives its boards in memory here (see store/memory/), each by the
   * location it uses for `--db` and `copy --to`. Undefined (the real process): every location is a file or a database.
   */
  boards?: (location: string) => BoardStore | undefined;
}

/** The platform an IO behaves for. */
export const osOf = (io: Pick<IO, 'platform'>): OS => io.platform ?? process.platform;

/**
 * The real process's IO. Each stream is made only when first used: Node builds process.stdin,
 * stdout and stderr as full stream objects, and that alone costs a `list` several milliseconds.
 */
export function processIO(): IO {
  let stdout: OutStream | undefined;
  let stderr: OutStream | undefined;
  return {
    get stdout() {
      return (stdout ??= outputStream(1, () => process.stdout));
    },
    get stderr() {
      return (stderr ??= outputStream(2, () => process.stderr));
    },
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    now: () => new Date(),
    platform: processPlatform(process.env),
    systemLocale: () => Intl.DateTimeFormat().resolvedOptions().locale,
  };
}

/**
 * A terminal gets Node's own stream (prompts and colour need it). A pipe or a file gets a writer
 * straight to the file descriptor: the same bytes, without building a stream. A closed pipe
 * (`postboard list | head -1`) is the reader saying "enough", not a failure: exit quietly.
 */
function outputStream(fd: 1 | 2, nodeStream: () => NodeJS.WriteStream): OutStream {
  if (isTerminal(fd)) return nodeStream();
  let fallback: NodeJS.WriteStream | undefined;
  return {
    isTTY: false,
    write(chunk: string | Uint8Array) {
      if (fallback) return fallback.write(chunk);
      const bytes = typeof chunk === 'string' ? encodeUtf8(chunk) : chunk;
      let offset = 0;
      try {
        while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
        return true;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') process.exit(0);
        // A non-blocking descriptor that is full: hand the rest to Node's stream, which waits.
        if (code !== 'EAGAIN') throw new OutputError(fd === 1 ? 'stdout' : 'stderr', code ?? 'EIO');
        fallback = nodeStream();
        return fallback.write(bytes.subarray(offset));
      }
    },
    once(event: 'drain', listener: () => void) {
      if (fallback) fallback.once(event, listener);
      else listener();
    },
  };
}

function isTerminal(fd: number): boolean {
  try {
    // Only a character device can be a terminal; /dev/null is one too, so ask tty then.
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return isatty(fd);
}

/** True when a person can answer a prompt: both ends are a terminal. */
export const canPrompt = (io: IO): boolean => Boolean(io.stdin.isTTY && io.stdout.isTTY);

/**
 * Colour only when stdout is a terminal, never with `NO_COLOR` (any non-empty value) or
 * `--no-color`; `FORCE_COLOR` forces it on a pipe (`FORCE_COLOR=0` turns it off).
 */
export function colorLevel(io: IO, colorFlag: boolean): ColorLevel {
  if (!colorFlag || io.env.NO_COLOR) return 0;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const level = Number(force);
    return level === 2 || level === 3 ? level : 1;
  }
  return io.stdout.isTTY ? 1 : 0;
}

/**
 * The width output must fit: `--width`, else `COLUMNS`, else the terminal's width when stdout
 * is one, else no limit.
 */
export function outputWidth(io: IO, widthFlag: number | undefined): number | undefined {
  if (widthFlag !== undefined) return widthFlag;
  const columns = Number(io.env.COLUMNS);
  if (Number.isInteger(columns) && columns > 0) return columns;
  return io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : undefined;
}
