import { PassThrough, Writable } from 'node:stream';
import { main } from '../../src/cli.js';
import type { IO } from '../../src/io.js';
import { tempDir } from './cli.js';

export interface MemoryIO extends IO {
  readonly output: { stdout: string; stderr: string };
  readonly stdin: PassThrough & { isTTY: boolean };
}

export interface MemoryIOOptions {
  /** Both stdout and stdin are terminals. */
  tty?: boolean;
  columns?: number;
  env?: NodeJS.ProcessEnv;
  now?: Date;
  /** The operating system postboard behaves for (see src/platform.ts): this one when not given. */
  platform?: NodeJS.Platform;
  /** The system locale Intl would report (`ko-KR`): none when not given. */
  systemLocale?: string;
}

/** An IO over strings, for running commands in-process; its streams are real streams, so prompts work on them. */
export function memoryIO(options: MemoryIOOptions = {}): MemoryIO {
  const output = { stdout: '', stderr: '' };
  const stream = (key: 'stdout' | 'stderr') =>
    Object.assign(
      new Writable({
        decodeStrings: false,
        write(chunk: Buffer | string, _encoding, callback) {
          output[key] += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
          callback();
        },
      }),
      {
        isTTY: options.tty ?? false,
        columns: options.columns,
        // Like process.stdout, which Node never ends when a stream piped into it ends.
        end() {
          return this;
        },
      },
    );
  const stdin = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
  return {
    output,
    stdout: stream('stdout'),
    stderr: stream('stderr'),
    stdin,
    // A home of its own: drafts and the default board never land in this checkout or the real home.
    env: { HOME: tempDir('postboard-home-'), ...options.env },
    now: () => options.now ?? new Date('2024-09-06T10:00:00+09:00'),
    ...(options.platform ? { platform: options.platform } : {}),
    ...(options.systemLocale ? { systemLocale: () => options.systemLocale! } : {}),
  };
}

/** Runs postboard in-process: the exit code and everything it printed. */
export async function runInProcess(argv: string[], options: MemoryIOOptions = {}) {
  const io = memoryIO(options);
  const code = await main(argv, io);
  return { code, ...io.output };
}

export const KEYS = {
  enter: '\r',
  down: '\x1b[B',
  escape: '\x1b',
  ctrlC: '\x03',
  ctrlD: '\x04',
  ctrlU: '\x15',
  backspace: '\x7f',
} as const;

/**
 * Runs postboard in-process on a pretend terminal and lets a test answer its questions:
 * wait for a question to show, then type.
 */
export function onTerminal(argv: string[], options: Omit<MemoryIOOptions, 'tty'> = {}) {
  const io = memoryIO({ ...options, tty: true, columns: options.columns ?? 100 });
  const exit = main(argv, io);
  let seen = 0;
  return {
    io,
    exit,
    /** Waits until the output shows `pattern` (after what earlier waits consumed). */
    async waitFor(pattern: RegExp | string, timeoutMs = 5000): Promise<void> {
      const started = Date.now();
      for (;;) {
        // What a person would read: the prompts' colours and cursor moves left out.
        const rest = io.output.stdout.replace(/\x1b\[[\d;?]*[A-Za-z]/g, '').slice(seen);
        const index = typeof pattern === 'string' ? rest.indexOf(pattern) : rest.search(pattern);
        if (index !== -1) {
          seen += index + 1;
          return;
        }
        if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${String(pattern)}; screen so far:\n${rest}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    type(text: string): void {
      io.stdin.write(text);
    },
  };
}
