import type { ColorLevel } from './render/style.js';

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
}

export function processIO(): IO {
  // A closed pipe (`postboard list | head -1`) is the reader saying "enough", not a failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    now: () => new Date(),
  };
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
