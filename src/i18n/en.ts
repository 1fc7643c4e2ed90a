import type { ImportRefusal } from '../board/changes.js';
import { EXCEL_CELL_CHARS, type SheetChange, type SheetChangeKind } from '../board/sheet-changes.js';
import { localTimeAt, localTimestamp } from '../board/dates.js';
import type { FieldKey, InputField } from '../board/fields.js';
import { LIMITS, type FieldIssue, type Rule } from '../board/post.js';
import type { DecodeProblem, TextEncoding, TextPlace } from '../files/decode.js';
import type { BoardProblem, DatabaseStep, FileKind, JsonKind } from '../store/board.js';
import { byteSize, grouped, megabytes, quoted, shellWord, shownValue } from './shared.js';

/** What a problem's words may draw on from their catalogue. */
interface ProblemWords {
  jsonKind: Record<JsonKind, string>;
  fileKind: Record<FileKind, string>;
  errno: Record<string, string>;
  advice: Record<string, string>;
  postAt(id: number | undefined, index: number, line: number | undefined): string;
  fieldIssue(issue: FieldIssue, label?: string): string;
  fieldName(field: string): string;
}

/** What became of a command whose database stopped answering, or whose connection ended, at this step. */
const stepOutcome = (during: DatabaseStep): string =>
  during === 'change' ? '; the board is unchanged' : during === 'commit' ? '; the change may or may not have been saved: see postboard log' : '';

/** The words for each problem with a board; `t` is the catalogue they belong to. */
export type ProblemTexts = { [K in BoardProblem['kind']]: (problem: Extract<BoardProblem, { kind: K }>, t: ProblemWords) => string };

/** The English catalogue: every message postboard prints outside the commands' own words. */
export const en = {
  fields: {
    id: 'No.',
    title: 'Title',
    subtitle: 'Subtitle',
    author: 'Author',
    department: 'Department',
    date: 'Date',
    views: 'Views',
    status: 'Status',
    body: 'Body',
    source_agency: 'Source agency',
    source_date: 'Source date',
    source_url: 'Source URL',
    createdAt: 'Created',
    updatedAt: 'Updated',
  } satisfies Record<FieldKey, string>,
  status: { published: 'published', hidden: 'hidden' },

  /** The add and edit form (prompts/post-form.ts): a question for each field a person gives, and what it says around them. */
  form: {
    questions: {
      title: 'Title',
      subtitle: 'Subtitle',
      author: 'Author',
      department: 'Department (type to filter, or a new one)',
      date: 'Date (YYYY-MM-DD)',
      status: 'Status',
      body: 'Body',
      'source.agency': 'Source agency',
      'source.date': 'Source date (YYYY-MM-DD)',
      'source.url': 'Source URL',
    } satisfies Record<InputField, string>,
    authorHint: '(for a default: export POSTBOARD_AUTHOR="…")',
    noDepartment: '(none)',
    newDepartment: '(new)',
    cancelled: 'cancelled',
    optional: '(optional, Enter to skip)',
    inEditor: (command: string) => `(opening ${command}: save and quit to go on)`,
    editAgain: 'Edit the body again?',
    keys: { navigate: 'navigate', select: 'select' } as Record<string, string>,
  },
  /** The help of the flags that give a post's fields (add, edit). */
  flags: {
    title: 'the title (up to 200 characters)',
    subtitle: 'the subtitle, a second line under the title (up to 300 characters)',
    author: 'the author',
    department: 'the responsible department',
    date: 'the post date, YYYY-MM-DD',
    status: 'published or hidden',
    body: 'the body text',
    bodyFile: 'read the body from a file, or - for stdin',
    'source.agency': 'the source agency, e.g. 행정안전부',
    'source.date': "the source's date, YYYY-MM-DD",
    'source.url': 'the source URL (http or https)',
  } satisfies Record<InputField | 'bodyFile', string>,
  stdin: {
    fromTerminal: 'Reading from the terminal: type, then press Ctrl+D on an empty line to end.',
    cannotReadBody: (path: string, code: string) => `--body-file: cannot read ${path} (${code})`,
  },
  hiddenMark: '[hidden]',
  number: grouped,

  list: {
    /** `more`: the total is a lower bound (a search of a common word on a large board). */
    footer: (page: number, pages: number, total: number, more = false) =>
      `${pages > 1 ? `Page ${page} of ${grouped(pages)}${more ? '+' : ''} · ` : ''}${grouped(total)}${more ? '+' : ''} ${total === 1 && !more ? 'post' : 'posts'}`,
    nextPage: (page: number) => ` · next: --page ${page}`,
    count: (posts: number) => `${grouped(posts)} ${posts === 1 ? 'post' : 'posts'}`,
    board: (board: string) => ` · board ${board}`,
    noMatch: 'No posts match.',
    pastEnd: (page: number, pages: number) => `Page ${page} is past the last page (${pages}).`,
    missing: (board: string, add: string) => `No board at ${board} yet. Post the first one with: ${add}`,
    emptyBoard: (board: string, add: string) => `The board ${board} has no posts yet. Post the first one with: ${add}`,
  },
  show: {
    number: 'No.',
    author: 'Author',
    department: 'Department',
    date: 'Date',
    views: 'Views',
    status: 'Status',
    source: 'Source',
    noBody: '(no body)',
    /** Where a post not yet saved would show its number: it is given only when the post is saved. */
    numberLater: '(given when posted)',
  },

  usage: {
    hint: (command: string) => `see 'postboard ${command ? `${command} ` : ''}--help'`,
    wholeNumber: (option: string, value: string) => `${option} must be a whole number of 1 or more, not ${quoted(value)}`,
    count: (option: string, value: string) => `${option} must be a whole number of 0 or more, not ${quoted(value)}`,
    oneOf: (option: string, choices: readonly string[], value: string) =>
      `${option} must be one of ${choices.join(', ')}, not ${quoted(value)}`,
    date: (option: string, value: string) => `${option} must be a real date as YYYY-MM-DD, not ${quoted(value)}`,
    fields: (unknown: string, known: readonly string[]) => `--fields: unknown field ${quoted(unknown)} (known: ${known.join(', ')})`,
    conflict: (a: string, b: string) => `${a} cannot be used with ${b}`,
    postNumber: (value: string) => `a post number is a whole number such as 2912, not ${quoted(value)}`,
    sinceAfterUntil: (since: string, until: string) => `--since ${since} is after --until ${until}`,
    empty: (option: string) => `${option} needs a value`,
    seconds: (variable: string, value: string, aboveZero: boolean) => `${variable} must be a number of seconds${aboveZero ? ' above 0' : ''}, not ${quoted(value)}`,
    boardKind: (location: string) =>
      `${location}: postboard keeps boards in a JSON file, a SQLite file (.sqlite, .db or sqlite:PATH) or a PostgreSQL database (postgres://…), not at this kind of URL`,
  },
  notFound: {
    post: (id: number, board: string) => `no post ${id} on ${board}`,
    noBoard: (board: string) => `no board at ${board}`,
  },
  error: {
    prefix: 'error',
    unexpected: (message: string) => `unexpected error: ${message} (set POSTBOARD_DEBUG=1 for details)`,
    commander: {
      'commander.unknownOption': (flag: string) => `unknown option ${flag}`,
      'commander.unknownCommand': (name: string) => `unknown command ${name}`,
      'commander.missingArgument': (name: string) => `missing argument ${name}`,
      'commander.optionMissingArgument': (flag: string) => `option ${flag} needs a value`,
      'commander.excessArguments': () => 'too many arguments',
    } as Record<string, (subject: string) => string>,
    didYouMean: (suggestion: string) => `did you mean ${suggestion.includes(',') ? `one of ${suggestion}` : suggestion}?`,
    savedAnyway: 'the change itself was saved: only what it would have printed is lost (do not run it again)',
    output: (stream: 'stdout' | 'stderr', code: string, reason: string | undefined) =>
      `cannot write to standard ${stream === 'stdout' ? 'output' : 'error'} (${code}${reason ? `: ${reason}` : ''})`,
  },

  rule: {
    required: 'is missing',
    type: 'has the wrong type',
    integer: 'must be a whole number',
    'too-big': `must be at most ${grouped(Number.MAX_SAFE_INTEGER)}`,
    'too-deep': 'is nested too deeply to keep (more than 100 levels)',
    positive: 'must be 1 or more',
    'not-negative': 'must be 0 or more',
    date: 'is not a real calendar date (YYYY-MM-DD)',
    status: 'must be published (노출) or hidden (비노출)',
    url: 'must be an http or https URL',
    timestamp: 'must be an ISO-8601 timestamp',
    empty: 'must not be empty',
    'too-long': 'is too long',
    control: 'contains control characters',
    broken: 'contains a broken character (half of a UTF-16 surrogate pair)',
  } satisfies Record<Rule, string>,
  jsonKind: {
    array: 'an array',
    null: 'null',
    string: 'a string',
    number: 'a number',
    boolean: 'true or false',
    'object without "posts"': 'an object without "posts"',
  } satisfies Record<JsonKind, string>,
  /** Each problem with a board, in words (see `describeProblem`). */
  problems: {
    'empty': () =>
      'the file is empty (an empty board is {"schemaVersion": 1, "lastId": 0, "posts": []})',
    'syntax': (problem) =>
      `${problem.line ? `line ${problem.line}, column ${problem.column}: ` : ''}not valid JSON (${problem.detail})`,
    'not-a-board': (problem, t) =>
      `not a postboard board: expected an object with "posts", found ${t.jsonKind[problem.found]}`,
    'bad-header': (problem) =>
      `"${problem.field}" must be a whole number, not ${quoted(problem.value)}`,
    'newer-version': (problem) =>
      `schemaVersion ${problem.version} is newer than this postboard reads (${problem.reads}); upgrade postboard`,
    'invalid-post': (problem, t) =>
      `${t.postAt(problem.id, problem.index, problem.line)}: ${t.fieldIssue(problem.issue)}`,
    'duplicate-id': (problem) =>
      `post number ${problem.id} appears twice (posts[${problem.firstIndex}] and posts[${problem.index}]${problem.line ? `, line ${problem.line}` : ''})`,
    'last-id-behind': (problem) =>
      `lastId ${problem.lastId} is below the highest post number ${problem.highest}`,
    'not-nfc': (problem, t) =>
      `${t.postAt(problem.id, problem.index, undefined)}: ${problem.field} is not in NFC (decomposed Hangul)`,
    'inexact-number': (problem) =>
      ['id', 'views', 'lastId'].includes(problem.key)
        ? `${problem.line ? `line ${problem.line}: ` : ''}"${problem.key}" is ${problem.literal}, which cannot be held exactly (numbers go up to ${grouped(Number.MAX_SAFE_INTEGER)}, whole)`
        : `${problem.line ? `line ${problem.line}: ` : ''}"${problem.key}" is ${problem.literal}, which JavaScript cannot hold exactly: a change would write it as ${JSON.stringify(Number(problem.literal))}. Write it as text ("${problem.literal}") to keep it`,
    'duplicate-key': (problem) =>
      `line ${problem.line}: the key "${problem.key}" is written twice in one object; JSON keeps only the last, so the next change would lose the first: keep one`,
    'not-utf8': (problem) =>
      `line ${problem.line} is not UTF-8 (text saved in another encoding, such as CP949?); a board file is UTF-8: fix that line, or re-save the file as UTF-8`,
    'too-deep': () =>
      'holds data nested too deeply to be written back (a key postboard does not know, nested thousands deep); remove it by hand',
    'bom': () =>
      'starts with a byte-order mark (a Windows editor put it there); JSON has none',
    'folder': () =>
      'is a folder, not a board file',
    'not-a-file': (problem, t) =>
      `is ${t.fileKind[problem.found]}, not a board file`,
    'too-large': (problem) =>
      `the board is too large for a JSON file (${problem.bytes === undefined ? 'over' : megabytes(problem.bytes)}; a JSON board holds at most ${megabytes(problem.limit)}); nothing was changed. Move older posts to another board (--db), or keep an archive this size in a SQLite board`,
    'read-only': (problem) =>
      `is read-only (mode ${problem.mode.toString(8).padStart(4, '0')}); nothing was changed (allow changes with chmod u+w)`,
    'unreadable': (problem, t) =>
      `cannot be read (${problem.code}${t.errno[problem.code] ? `: ${t.errno[problem.code]}` : ''})`,
    'unwritable': (problem, t) =>
      `cannot be written (${problem.code}${t.errno[problem.code] ? `: ${t.errno[problem.code]}` : ''}); the board is unchanged${
        problem.room
          ? `. Every change, a delete too, writes the whole board anew: it needs ${byteSize(problem.room.needs)} free${problem.room.free === undefined ? '' : `, and ${byteSize(problem.room.free)} is`}. Free ${problem.room.free === undefined ? 'that much' : `at least ${byteSize(Math.max(0, problem.room.needs - problem.room.free))} more`}${problem.room.backup ? ` (the board's previous copy, ${problem.room.backup.path}, ${byteSize(problem.room.backup.bytes)}, can go: undo does not need it)` : ''} and try again`
          : t.advice[problem.code]
            ? `. ${t.advice[problem.code]}`
            : ''
      }`,
    'locked': (problem) =>
      `${
        problem.store === 'sqlite'
          ? 'another program or postboard process is writing to this SQLite file'
          : problem.store === 'postgres'
            ? problem.holder === 'postboard'
              ? 'the board is being changed by another postboard command'
              : problem.holder === 'other-session'
                ? `the board is locked by another session of the database${problem.application ? ` (${problem.application})` : ' (one without an application name)'}, not by postboard`
                : 'the board is locked by another session of the database'
            : `the board is being changed by another postboard process${problem.pid ? ` (process ${problem.pid}${problem.stopped ? ', stopped' : ''})` : ''}`
      }; waited ${problem.seconds} s. Try again, or raise POSTBOARD_LOCK_TIMEOUT`,
    'not-a-lock': (problem) =>
      `${problem.path} is in the way of the board's lock and is not one postboard made (a named pipe, a folder, a link?); nothing was changed: remove it`,
    'stale-lock': (problem, t) =>
      `${problem.path} was left by a process that is gone${problem.pid ? ` (${problem.pid})` : ''}, and cannot be removed (${problem.code}${t.errno[problem.code] ? `: ${t.errno[problem.code]}` : ''}); nothing was changed: remove it by hand`,
    'not-a-backup': (problem) =>
      `${problem.path} is in the way of the board's backup and is not one postboard made (a folder?); nothing was changed: move it away`,
    'lock-lost': () =>
      'another process took the board\'s lock during this change, so nothing was written; try again',
    'not-empty': (problem) =>
      `already holds ${problem.posts > 0 ? `${grouped(problem.posts)} ${problem.posts === 1 ? 'post' : 'posts'}` : `a change log (${grouped(problem.changes)} ${problem.changes === 1 ? 'change' : 'changes'})`}: a board is copied only to a new or empty board`,
    'driver-missing': (problem) => {
      const unset = 'or unset POSTBOARD_SQLITE_DRIVER';
      if (problem.driver === 'node:sqlite') {
        const why = problem.builtin ? `whose SQLite (${problem.builtin}) has no FTS5 full-text search` : 'which has no node:sqlite';
        return `POSTBOARD_SQLITE_DRIVER asks for node:sqlite, and this is Node.js ${process.version}, ${why}; use Node.js 22.16 or newer, ${unset}`;
      }
      const build = 'it is optional, and builds from source where no prebuilt binary fits: g++, make and python3 are needed';
      if (problem.asked) {
        return problem.rebuild
          ? `POSTBOARD_SQLITE_DRIVER asks for better-sqlite3, which was built for another version of Node.js (${process.version} runs now); rebuild it in postboard's folder with: npm rebuild better-sqlite3, ${unset}`
          : `POSTBOARD_SQLITE_DRIVER asks for better-sqlite3, which is not installed (${build}); install it in postboard's folder with: npm install better-sqlite3, ${unset}`;
      }
      const node = `Node.js 22.16 or newer, which has SQLite built in and needs nothing else (this is ${process.version}${problem.builtin ? `, whose SQLite ${problem.builtin} has no FTS5 full-text search` : ''})`;
      return problem.rebuild
        ? `a SQLite board needs ${node}, or the better-sqlite3 package built for this Node.js, and it was built for another version; use a newer Node.js, or rebuild it in postboard's folder with: npm rebuild better-sqlite3`
        : `a SQLite board needs ${node}, or the better-sqlite3 package, which is not installed (${build}); use a newer Node.js, or install it in postboard's folder with: npm install better-sqlite3`;
    },
    'hard-linked': (problem) =>
      `has ${problem.names} names (hard links): SQLite keeps a board's lock beside the name it is opened by, so writers through two names would lose posts; keep one name (a symbolic link is fine) and write through it`,
    'not-a-board-database': (problem): string =>
      problem.notSqlite
        ? 'is not a SQLite database, though its name says so (.sqlite, .sqlite3 and .db name SQLite boards); a JSON board needs another name'
        : 'is a database that is not a postboard board (it has other tables); name a new file, or an empty one',
    'database': (problem) => `the database said: ${problem.detail}`,
    'unreachable': (problem) =>
      problem.seconds !== undefined
        ? `the PostgreSQL server at ${problem.host} did not answer within ${problem.seconds} s (connect_timeout); is it running, and is the host and port right?`
        : `cannot reach the PostgreSQL server at ${problem.host} (${problem.code}); is it running, and is the host and port right?`,
    'server-silent': (problem) =>
      `the PostgreSQL server at ${problem.host} stopped answering (no reply in ${problem.seconds} s)${stepOutcome(problem.during)}`,
    'connection-lost': (problem) =>
      `the connection to the PostgreSQL server at ${problem.host} was ended (${problem.detail})${stepOutcome(problem.during)}`,
    'statement-timeout': (problem) =>
      `the PostgreSQL server stopped a statement after ${problem.seconds} s (POSTBOARD_STATEMENT_TIMEOUT beyond the lock time-out); the board is unchanged. Try again later, or raise POSTBOARD_STATEMENT_TIMEOUT`,
    'bad-setting': (problem) => `${problem.setting} must be one of ${problem.choices.join(', ')}, not ${quoted(problem.value)}`,
    'tls': (problem) =>
      problem.reason === 'unsupported'
        ? `the PostgreSQL server at ${problem.host} does not offer TLS, and sslmode=${problem.sslmode} asks for it`
        : problem.reason === 'wrong-host'
          ? `the PostgreSQL server's certificate is not for ${problem.host} (sslmode=${problem.sslmode} checks the host name; verify-ca does not)`
          : problem.reason === 'expired'
            ? `the PostgreSQL server's certificate has expired or is not valid yet (sslmode=${problem.sslmode})`
            : problem.reason === 'untrusted'
              ? `the PostgreSQL server's certificate is not signed by a certificate authority you trust${problem.detail ? ` (${problem.detail})` : ''}; ${
                  problem.sslmode.startsWith('verify')
                    ? `name its CA with sslrootcert=FILE, or encrypt without checking it with sslmode=require (sslmode=${problem.sslmode} now)`
                    : `sslmode=${problem.sslmode} checks it against the root certificate given (sslrootcert, or ~/.postgresql/root.crt): name the CA that signed it`
                }`
              : `TLS with the PostgreSQL server at ${problem.host} failed${problem.detail ? ` (${problem.detail})` : ''} (sslmode=${problem.sslmode})`,
    'tls-file': (problem, t) =>
      `${problem.parameter} names ${problem.path}, which cannot be read (${problem.code}${t.errno[problem.code] ? `: ${t.errno[problem.code]}` : ''})`,
    'login-failed': (problem): string =>
      problem.noPassword
        ? problem.pgpassIgnored
          ? `the PostgreSQL server asks for ${problem.user}'s password and none was given: ${problem.pgpassIgnored} is not read while others may read it (chmod 600 ${problem.pgpassIgnored})`
          : `the PostgreSQL server asks for ${problem.user}'s password and none was given; put it in PGPASSWORD, ~/.pgpass or the URL (--db, or POSTBOARD_DB: a draft takes it from there when it names the same database)`
        : `the PostgreSQL server refused the login of ${problem.user} (wrong password, or not allowed); check the URL, PGPASSWORD or ~/.pgpass`,
    'no-database': (problem) => `the PostgreSQL server has no database ${problem.database}; create it (createdb ${problem.database}) or name another`,
    'no-tables': (problem) => `has no postboard board yet; make one with: postboard init --db ${shellWord(problem.location)}`,
    'numbers-exhausted': () =>
      `every post number up to ${grouped(Number.MAX_SAFE_INTEGER)} has been given; no new post can be numbered`,
  } satisfies ProblemTexts,
  fileKind: { device: 'a device', fifo: 'a named pipe (FIFO)', socket: 'a socket', other: 'not a regular file' } satisfies Record<FileKind, string>,
  errno: {
    ENOSPC: 'no space left on the disk',
    EDQUOT: 'disk quota exceeded',
    EACCES: 'permission denied',
    EPERM: 'not permitted',
    EROFS: 'read-only file system',
    ENOENT: 'no such file or folder',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of the path is not a folder',
    ELOOP: 'too many symbolic links',
    EIO: 'input/output error',
    EFBIG: 'too large',
    ENOTFILE: 'a device, not a file',
  } as Record<string, string>,
  /** `ENOENT: no such file or folder`: the code, said. */
  ioCode(code: string): string {
    return this.errno[code] ? `${code}: ${this.errno[code]}` : code;
  },
  advice: {
    ENOSPC: 'Free some space and try again.',
    EDQUOT: 'Free some space and try again.',
    EACCES: "Check the folder's and the file's permissions.",
    EROFS: 'Copy the board somewhere writable, or use --db.',
  } as Record<string, string>,
  postAt: (id: number | undefined, index: number, line: number | undefined) =>
    `${id === undefined ? `posts[${index}]` : `post ${id}`}${line ? ` (line ${line})` : ''}`,
  /** `label` names the field as the user gave it (`--title`), when not by its key. */
  fieldIssue(issue: FieldIssue, label?: string): string {
    return `${label ?? (issue.field ? this.fieldName(issue.field) : 'post')}${shownValue(issue)} ${this.fieldProblem(issue)}`;
  },
  /** A field named in a message: in English by its key (as in the flags and the file). */
  fieldName(field: string): string {
    return field;
  },
  /** What is wrong with a field's value, without naming the field (a prompt already does). */
  fieldProblem(issue: FieldIssue): string {
    const limit = LIMITS[issue.field as keyof typeof LIMITS];
    if (issue.rule === 'too-long' && limit) return `is too long (${grouped([...String(issue.value).normalize("NFC").trim()].length)} characters; at most ${grouped(limit)})`;
    return this.rule[issue.rule];
  },
  duplicateSource: (id: number) => `this source URL is already on the board as post ${id}`,
  declined: 'Nothing changed.',
  /** Why an import --update row is not applied to a post changed since the file was made. */
  stale: {
    unit: (precision: number) => (precision >= 60_000 ? 'minute' : precision >= 1000 ? 'second' : `${grouped(precision)} ms`),
    changed(refusal: Extract<ImportRefusal, { kind: 'changed-since' }>): string {
      // The board's time as finely as the file's, or to the millisecond when the file has that.
      const board = localTimeAt(refusal.boardTime, Math.min(refusal.precision, 1000));
      const file = refusal.fileTime ? ` (${localTimeAt(refusal.fileTime, refusal.precision)})` : '';
      return refusal.earlier
        ? `post ${refusal.id} on the board (${board}) is an earlier version than this file's${file}, as an undo leaves it; export it again, --skip-invalid to import the other rows, or --force to apply the row anyway`
        : `post ${refusal.id} was changed on the board (${board}) after this file's version of it${file}, and this row changes it too; export it again and redo the row's edit, --skip-invalid to import the other rows, or --force to overwrite that change`;
    },
    cannotTell(refusal: Extract<ImportRefusal, { kind: 'cannot-tell' }>): string {
      const unit = this.unit(refusal.precision);
      const file = localTimeAt(refusal.fileTime, refusal.precision);
      const board = localTimeAt(refusal.boardTime, 1);
      return refusal.why === 'changed-within'
        ? `post ${refusal.id} was changed more than once within the ${unit} this file's time gives (${file}; the last change ${board}), so which version the row was made from cannot be told; export it again, or --force to apply it anyway`
        : `this file's time for post ${refusal.id} gives the ${unit} only (${file}), the post's last change falls in it (${board}), and the board's change log does not reach back far enough to tell whether it changed more than once then; export it again, or --force to apply the row anyway`;
    },
  },
  /** import --update: changes that look like a spreadsheet's own doing (board/sheet-changes.ts). */
  sheet: {
    option: `also apply changes that look like a spreadsheet's own doing: a number's form (1e5 → 100000), leading zeros lost, a date's form, line breaks alone, a text cut at ${grouped(EXCEL_CELL_CHARS)} characters (shown and left out without it)`,
    kind: {
      number: "a number's form changed",
      'leading-zeros': 'leading zeros lost',
      date: "a date's form changed",
      time: "a time's form changed",
      'line-breaks': 'only line breaks differ',
      cut: `cut at a spreadsheet cell's ${grouped(EXCEL_CELL_CHARS)} characters`,
    } satisfies Record<SheetChangeKind, string>,
    /** `"1e5" → "100000"`, or for a long or many-line text its characters. */
    values(change: SheetChange): string {
      const short = (text: string) => text.length <= 60 && !/[\r\n]/.test(text);
      return short(change.before) && short(change.after)
        ? `${quoted(change.before)} → ${quoted(change.after)}`
        : `${grouped(change.before.length)} → ${grouped(change.after.length)} characters`;
    },
    planLine(change: SheetChange, applied: boolean, t: { fields: Record<string, string> }): string {
      return `${t.fields[change.field]}: ${this.values(change)} (looks like a spreadsheet's doing: ${this.kind[change.kind]}; ${applied ? 'applied (--accept-spreadsheet-changes)' : 'not applied'})`;
    },
    note(id: number, changes: readonly SheetChange[], applied: boolean, t: { fields: Record<string, string> }): string {
      const what = changes.map((change) => `${t.fields[change.field]} ${this.values(change)} (${this.kind[change.kind]})`).join(', ');
      return applied
        ? `post ${id}: applied, with --accept-spreadsheet-changes, what looks like a spreadsheet's doing: ${what}`
        : `post ${id}: not applied, as it looks like a spreadsheet's doing rather than yours: ${what}; any other change in the row is made; --accept-spreadsheet-changes applies this too`;
    },
    held: (posts: number) => `spreadsheet changes left out of ${grouped(posts)} ${posts === 1 ? 'post' : 'posts'} (--accept-spreadsheet-changes applies them)`,
    applied: (posts: number) => `spreadsheet changes applied to ${grouped(posts)} ${posts === 1 ? 'post' : 'posts'}`,
  },
  feed: {
    linkNeeded: "--format rss needs --feed-link URL: the board's own web address (https://…), which RSS 2.0 requires as the channel's link, and where a post without a source links to (URL#post-<number>)",
  },
  change: { empty: '(empty)', lines: (count: number) => `${grouped(count)} ${count === 1 ? 'line' : 'lines'}`, blank: (count: number) => `(${grouped(count)} blank ${count === 1 ? 'line' : 'lines'})`, more: (count: number) => `… ${grouped(count)} more` },
  localTime: localTimestamp,
  place: (place: TextPlace) => `${place.unit} ${grouped(place.number)}`,
  encodingName: { utf8: 'UTF-8', utf16le: 'UTF-16', utf16be: 'UTF-16', cp949: 'CP949 (Korean Windows)' } satisfies Record<TextEncoding, string>,
  decode(file: string, problem: DecodeProblem): string {
    const at = this.place(problem.at);
    if (problem.kind === 'misread') {
      return `${file}: ${at} holds ${JSON.stringify(problem.sample)}: UTF-8 text that a program read as Windows-1252 and saved again, which turns every Korean letter into three others; nothing imported. Import the file as it was exported, or open it again choosing UTF-8 as the character set (LibreOffice: Character set "Unicode (UTF-8)")`;
    }
    if (problem.kind === 'mixed') {
      return problem.found === 'cp949'
        ? `${file}: ${at} is not UTF-8 (it looks like CP949, Korean Windows), but the rest of the file is UTF-8; save the whole file in one encoding`
        : `${file}: ${at} is UTF-8, but the rest of the file is CP949 (Korean Windows); save the whole file in one encoding`;
    }
    return problem.encoding === 'cp949'
      ? `${file}: ${at} holds bytes that are neither UTF-8 nor CP949 (Korean Windows); save the file as UTF-8`
      : `${file}: ${at} is not valid ${this.encodingName[problem.encoding]} after its byte-order mark`;
  },
};

export type Catalogue = typeof en;
