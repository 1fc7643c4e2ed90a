import { PassThrough } from 'node:stream';
import { main } from '../../src/cli.js';
import type { IO, OutStream } from '../../src/io.js';

export interface MemoryIO extends IO {
  readonly output: { stdout: string; stderr: string };
}

export interface MemoryIOOptions {
  /** Both stdout and stdin are terminals. */
  tty?: boolean;
  columns?: number;
  env?: NodeJS.ProcessEnv;
  now?: Date;
}

/** An IO over strings, for running commands in-process. */
export function memoryIO(options: MemoryIOOptions = {}): MemoryIO {
  const output = { stdout: '', stderr: '' };
  const stream = (key: 'stdout' | 'stderr'): OutStream => ({
    isTTY: options.tty ?? false,
    columns: options.columns,
    write(chunk: string) {
      output[key] += chunk;
      return true;
    },
  });
  const stdin = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
  return {
    output,
    stdout: stream('stdout'),
    stderr: stream('stderr'),
    stdin,
    env: options.env ?? {},
    now: () => options.now ?? new Date('2024-09-06T10:00:00+09:00'),
  };
}

/** Runs postboard in-process: the exit code and everything it printed. */
export async function runInProcess(argv: string[], options: MemoryIOOptions = {}) {
  const io = memoryIO(options);
  const code = await main(argv, io);
  return { code, ...io.output };
}
