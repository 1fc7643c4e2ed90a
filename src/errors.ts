import type { BoardProblem } from './store/json/board-file.js';

/**
 * Every failure a user can cause or meet is one of these. `cli.ts` maps them to exit codes in
 * one place; commands and the store only throw.
 *
 * The exit code travels on the error itself (not through `instanceof`), so an error thrown
 * from a lazily loaded chunk is mapped the same way as one thrown from the main bundle.
 */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  interrupted: 130,
} as const;

export class PostboardError extends Error {
  readonly exitCode: number;
  /** Said after the error, not as one (where a draft of the post was kept). */
  note: string | undefined;
  /** Text a person wrote that the command could not take (a body cut short, an editor that failed): kept as a draft. */
  partial?: string;
  constructor(message: string, exitCode: number = ExitCode.failure) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** Bad flags, arguments or input values: exit 2 with a hint to `--help`. */
export class UsageError extends PostboardError {
  /** The command whose help explains the fix, e.g. "list". */
  command: string | undefined;
  constructor(message: string, command?: string) {
    super(message, ExitCode.usage);
    this.command = command;
  }
}

/** Several invalid input fields at once (one line each), exit 2. */
export class InvalidInputError extends PostboardError {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join('\n'), ExitCode.usage);
    this.problems = problems;
  }
}

/** A post number, file or page that does not exist: exit 1. */
export class NotFoundError extends PostboardError {}

/** The board file cannot be read, parsed, validated, locked or written: exit 1. */
export class StoreError extends PostboardError {}

/** The user pressed Ctrl+C or Esc at a prompt, or declined a confirmation: exit 130. */
export class Cancelled extends PostboardError {
  constructor(message: string) {
    super(message, ExitCode.interrupted);
  }
}

/**
 * The user answered no to "Post it?", "Delete these posts?": nothing was done, which is not
 * what the command is for, so exit 1 (a script testing `if postboard delete …` must not think
 * the posts are gone); but it is not an interruption (130) either.
 */
export class Declined extends PostboardError {}

export function exitCodeOf(error: unknown): number | undefined {
  if (error instanceof Error && 'exitCode' in error && typeof error.exitCode === 'number') {
    return error.exitCode;
  }
  return undefined;
}

/**
 * A board that cannot be used as it is: which board, and the problem — typed, so that `report()`
 * says it in the user's language (the store never speaks).
 */
/** Problems with how a board's location is written: usage errors (exit 2), as a bad flag is. */
const USAGE_PROBLEMS: ReadonlySet<string> = new Set(['bad-setting', 'bad-url', 'bad-schema']);

export class BoardFileError extends StoreError {
  readonly file: string;
  readonly problem: BoardProblem;
  constructor(file: string, problem: BoardProblem) {
    // A location written wrong is a usage error (exit 2), as a bad flag is.
    super(`${file}: ${problem.kind}`, USAGE_PROBLEMS.has(problem.kind) ? ExitCode.usage : ExitCode.failure);
    this.file = file;
    this.problem = problem;
  }
}

/**
 * A problem with the board that is not tied to its file (no more post numbers): the store throws
 * the problem, and `report()` says it in the user's language.
 */
export class BoardProblemError extends StoreError {
  readonly problem: BoardProblem;
  constructor(problem: BoardProblem) {
    super(problem.kind);
    this.problem = problem;
  }
}

/** Standard output (or error) cannot take what is written: a full disk, a closed device. Exit 1. */
export class OutputError extends PostboardError {
  readonly stream: 'stdout' | 'stderr';
  readonly code: string;
  constructor(stream: 'stdout' | 'stderr', code: string) {
    super(`${stream}: ${code}`);
    this.stream = stream;
    this.code = code;
  }
}
