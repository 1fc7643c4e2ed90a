import type { ImportRefusal } from '../board/changes.js';
import { EXCEL_CELL_CHARS, type SheetChange, type SheetChangeKind } from '../board/sheet-changes.js';
import { localTimeAt, localTimestamp } from '../board/dates.js';
import { POST_KEYS, type FieldKey, type InputField } from '../board/fields.js';
import { LIMITS, type FieldIssue, type Rule } from '../board/post.js';
import type { DecodeProblem, TextEncoding, TextPlace } from '../files/decode.js';
import type { Damage } from '../files/damage.js';
import type { WindowsNameProblem } from '../files/windows-names.js';
import type { Shell } from '../platform.js';
import type { BoardProblem, DatabaseStep, FileKind, JsonKind } from '../store/json/board-file.js';
import { byteSize, grouped, megabytes, quoted, shellWord, shownValue } from './shared.js';
import type { HelpText } from '../cli.js';
import type { AddText } from '../commands/add.js';
import type { CopyText } from '../commands/copy.js';
import type { DeleteText } from '../commands/delete.js';
import type { CheckText } from '../commands/check.js';
import type { ImportText } from '../commands/import.js';
import type { StatsText } from '../commands/stats.js';
import type { CompletionText } from '../commands/completion.js';
import type { EditText } from '../commands/edit.js';
import type { LogText } from '../commands/log.js';
import type { SourceText } from '../commands/source.js';
import type { PullText } from '../commands/pull.js';
import type { ExportText } from '../commands/export.js';
import type { InitText } from '../commands/init.js';
import type { SiteText } from '../formats/site/words.js';
import type { Words, UndoText } from '../commands/undo.js';
import type { VisibilityText } from '../commands/visibility.js';
import type { Failure } from '../prompts/editor.js';
import type { PullProblemTexts } from '../pull/problem.js';
import { ADD_FORMATS, CHECK_FORMATS, ENCODINGS, EXPORT_FORMATS, FEED_SIZE, GROUPINGS, LIST_FORMATS, PAGE_SIZE, SHELLS, SHOW_FORMATS, TOP } from '../cmdutil/choices.js';
import { IMPORT_FORMATS } from '../formats/records.js';
import { PERIODS } from '../board/dates.js';
import { SORT_KEYS } from '../board/query.js';
import { STATUSES } from '../board/post.js';
import { LANGS } from './shared.js';

/** What a problem's words may draw on from their catalogue. */
interface ProblemWords {
  os: NodeJS.Platform;
  shell: Shell;
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
const core = {
  /**
   * The operating system the words are for (advice differs: `chmod` or `attrib`): the one this
   * process runs on, or the one a run behaves for (see i18n/index.ts messagesFor).
   */
  os: process.platform as NodeJS.Platform,
  /** The shell a command in a message is quoted for (see platform.ts shellOf). */
  shell: (process.platform === 'win32' ? 'cmd' : 'posix') as Shell,
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
  /** The names commander's help gives values and sections (`<path>`), where a language has its own. */
  terms: {} as Record<string, string>,
  examplesHeading: 'Examples:',
  notATerminal: (command: string) => `stdin is not a terminal, so postboard cannot ask: add --yes to ${command} without asking`,

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
    damaged: (source: string, damage: Damage, instead: string) =>
      `${source}: ${damage.kind === 'replacement' ? `line ${damage.line} holds U+FFFD (�), a character lost` : `line ${damage.line} has ?? where letters should be: the Hangul was lost`} before postboard got it (PowerShell re-encodes text piped into a program); nothing was stored. Give the file's path instead: ${instead}`,
    damagedFlag: (flag: string) => `${flag} holds U+FFFD (�), a character lost before postboard got it (text that was not UTF-8, such as a CP949 file read into the command line); nothing was stored. Give the text as a file, whose encoding postboard finds itself: --body-file, or import`,
    fromConsole: 'Reading from the console: type, then press Ctrl+Z and Enter on an empty line to end.',
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
    windowsName: (option: string, path: string, problem: WindowsNameProblem) =>
      `${option} ${quoted(path)}: ${
        problem.kind === 'device'
          ? `${quoted(problem.name)} is a device on Windows (CON, PRN, AUX, NUL, COM1–9 and LPT1–9, with any extension), not a file`
          : problem.kind === 'stream'
            ? `a ":" after the drive letter makes ${quoted(problem.name)} a hidden stream inside another file on Windows, not a file of its own`
            : problem.kind === 'trailing'
              ? `Windows drops the dot or space at the end of ${quoted(problem.name)}, so the file would have another name`
              : 'a Windows device path, not a file'
      }; choose another name`,
    hint: (command: string) => `see 'postboard ${command ? `${command} ` : ''}--help'`,
    wholeNumber: (option: string, value: string) => `${option} must be a whole number of 1 or more, not ${quoted(value)}`,
    atMost: (option: string, most: number) => `${option} is at most ${grouped(most)}`,
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
    /** commander's messages by their code, where this language words them (English: as commander does; the rest as it says them). */
    commander: {
      'commander.unknownOption': (flag: string) => `unknown option '${flag}'`,
      'commander.unknownCommand': (name: string) => `unknown command '${name}'`,
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
      problem.field === 'sources'
        ? `a source in "sources" is not one postboard reads (a name once, kind rss or briefing, an http(s) url, addedAt): ${typeof problem.value === 'string' ? problem.value : quoted(problem.value)}`
        : `"${problem.field}" must be a whole number, not ${quoted(problem.value)}`,
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
    'read-only': (problem, t) =>
      t.os === 'win32'
        ? 'is read-only (its read-only attribute is set); nothing was changed (allow changes with: attrib -r followed by the file\'s name)'
        : `is read-only (mode ${problem.mode.toString(8).padStart(4, '0')}); nothing was changed (allow changes with chmod u+w)`,
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
      problem.pending
        ? `the board's lock file is still being deleted: Windows keeps a deleted file's name while another program (an antivirus, a backup or sync tool) has it open; waited ${problem.seconds} s. Try again in a moment`
        : problem.unrefreshed
          ? `the board's lock names process ${problem.pid ?? '?'}, which has not refreshed it for ${problem.unrefreshed.seconds} s: it has most likely ended; waited ${problem.seconds} s. The lock counts as abandoned once ${problem.unrefreshed.staleSeconds} s old: try again then (or remove ${problem.unrefreshed.path} if no postboard is running)`
          : `${
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
    'held': (problem) =>
      `is open in another program that does not let it be replaced (${problem.code}: an antivirus scanning it, OneDrive or another sync tool, an editor); waited ${problem.seconds} s, and the board is unchanged. Close it there, or wait a moment, and try again`,
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
    'driver-missing': (problem, t) => {
      const unset = 'or unset POSTBOARD_SQLITE_DRIVER';
      if (problem.driver === 'node:sqlite') {
        const why = problem.builtin ? `whose SQLite (${problem.builtin}) has no FTS5 full-text search` : 'which has no node:sqlite';
        return `POSTBOARD_SQLITE_DRIVER asks for node:sqlite, and this is Node.js ${process.version}, ${why}; use Node.js 22.16 or newer, ${unset}`;
      }
      // On Windows a build from source needs Visual Studio's C++ tools, which a separated network rarely has: a newer Node.js needs nothing.
      const build =
        t.os === 'win32'
          ? 'it is optional, and its prebuilt binary is downloaded when it is installed; without that download it must be compiled with Visual Studio\'s C++ build tools — Node.js 22.16 or newer (the MSI from nodejs.org) needs neither'
          : 'it is optional, and builds from source where no prebuilt binary fits: g++, make and python3 are needed';
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
    'bad-url': () => 'not a valid PostgreSQL URL (postgres://user@host:5432/database; a password with @, /, ? or # in it is written %40, %2F, %3F, %23)',
    'broken-change': (problem) =>
      `change ${problem.seq} of the change log is broken (its changes are not postboard's JSON; edited by hand?); fix that row of the changes table or delete it (postboard check lists every one)`,
    'bad-last-id': (problem) =>
      `the highest number given (last_id in the board table) is ${JSON.stringify(problem.value)}, not a whole number; set it to the highest post number ever given (at least SELECT max(id) FROM posts)`,
    'rows-refused': (problem) =>
      `${problem.during === 'copy' ? 'cannot be copied' : 'cannot be brought up to this postboard\'s schema'}: ${problem.count === 1 ? 'post' : `${problem.count} posts`} postboard cannot show (${problem.ids.join(', ')}${problem.count > problem.ids.length ? ', …' : ''}); postboard check says what is wrong with each: fix them with the database's own tool (sqlite3, psql)`,
    'bad-schema': (problem) =>
      problem.schema.length > 63
        ? `schema ${JSON.stringify(problem.schema.slice(0, 20))}… is longer than PostgreSQL's 63 characters for a name`
        : `schema ${JSON.stringify(problem.schema)} must be letters, digits and _ (a PostgreSQL name)`,
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
    'no-tables': (problem, t) => `has no postboard board yet; make one with: postboard init --db ${shellWord(problem.location, t.shell)}`,
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
  pull: {
    /** Why a feed could not be read (the command says which source: these words say why). */
    problems: {
      timeout: (problem) => `no answer within ${problem.seconds} s (the time-out of one try)`,
      'too-big': (problem) => `the answer is larger than ${byteSize(problem.limit)}, the most postboard reads of one feed`,
      redirects: (problem) => `redirected more than ${grouped(problem.count)} times (a redirect loop?)`,
      scheme: (problem) => `not an http or https address (${problem.scheme}:); postboard fetches nothing else, nor follows a redirect to it`,
      'bad-url': () => 'not a valid http or https address (an address with a user name or password in it is not taken either)',
      http: (problem) =>
        `the server answered HTTP ${problem.status}${HTTP_STATUS[problem.status] ? ` ${HTTP_STATUS[problem.status]}` : ''}${problem.retryAfter !== undefined ? `, and asks to wait ${grouped(problem.retryAfter)} s before asking again` : ''}`,
      network: (problem) => `could not talk to the server: ${NETWORK_CODES[problem.code] ?? 'the connection failed'} (${problem.code})`,
      tls: (problem) => `the server's certificate was not accepted (${problem.code})`,
      cancelled: () => 'cancelled',
      doctype: () => 'the feed declares a DOCTYPE (entities or an external DTD), which postboard refuses: a feed is read as data, and nothing in it is expanded or fetched',
      malformed: (problem) => `not well-formed XML${problem.line !== undefined ? ` (line ${grouped(problem.line)})` : ''}: ${problem.detail}`,
      'not-xml': () => 'the answer is not XML (it is empty, or text such as JSON or an error message)',
      'not-a-feed': (problem) => `not a feed: XML whose root element is <${problem.root}> (RSS, Atom or the briefing API's answer expected)`,
      charset: (problem) => `the feed is in a character set postboard does not know: ${problem.name}`,
      undecodable: (problem) => `the feed holds bytes that are not valid ${problem.name}`,
      api: (problem) =>
        `the briefing API answered with an error: ${problem.message || 'no message'}${problem.code ? ` (code ${problem.code})` : ''}${API_ADVICE[problem.message] ? `; ${API_ADVICE[problem.message]}` : ''}`,
    } satisfies PullProblemTexts,
  },
  /** The web board (export --format site): its pages' words, in the site's language, and the command's about its folder. */
  site: {
    defaultTitle: 'News board',
    skip: 'Skip to the content',
    searchLabel: 'Search the board',
    searchButton: 'Search',
    pageTitle: (page, pages) => `(page ${page} of ${pages})`,
    total: (count, posts) => `${count} ${posts === 1 ? 'post' : 'posts'}`,
    pageOf: (page, pages) => `page ${page} of ${pages}`,
    listCaption: (page, pages) => `Posts (page ${page} of ${pages})`,
    empty: 'No posts yet.',
    pagesLabel: 'Pages',
    first: 'First',
    previous: 'Previous',
    next: 'Next',
    last: 'Last',
    pageNumber: (page) => `Page ${page}`,
    otherPosts: 'Previous and next posts',
    previousPost: 'Previous',
    nextPost: 'Next',
    noPost: 'none',
    backToList: 'Back to the list',
    source: 'Source',
    original: (host) => `the original on ${host}`,
    feed: 'RSS feed',
    sitemap: 'Sitemap',
    madeWith: 'Made with postboard',
    searchHeading: 'Search',
    searchNeedsScript: 'Searching needs JavaScript, which is off in this browser. Every post can still be read from the list.',
    searching: 'Searching…',
    searchEmpty: 'Type a word to search the titles and bodies of the posts.',
    searchTitle: (query, site) => `Search: ${query} - ${site}`,
    none: (query) => `No post has ${query} in its title or body.`,
    found: (query, count, posts) => `${count} ${posts === 1 ? 'post has' : 'posts have'} ${query} in the title or body.`,
    searchFailed: 'The search index could not be loaded.',
    resultsPage: (page, pages) => `page ${page} of ${pages}`,
    marker: 'postboard wrote this folder (export --format site): the next export into it replaces it whole.',
    outputNeeded: '--format site needs --output FOLDER: the folder to write the site to',
    siteOnly: (option) => `${option} is for --format site`,
    published: 'a web board shows published posts only; --status cannot change that',
    notAFolder: (path) => `${path} is not a folder; a site is written to a folder: choose another --output`,
    notOurs: (path, marker) => `${path} is a folder postboard did not make (it holds files, and no ${marker}); choose a new or empty folder, or add --force to replace everything in it`,
    holdsBoard: (path, file) => `${path} holds the board's own file ${file}; a site never replaces it: choose another folder`,
    holdsHostFiles: (path, file) => `${path} holds ${file} (what a static host such as GitHub Pages keeps there), which an export never replaces, even with --force: export to another folder and copy it in (rsync -a --delete --exclude ${file} site/ ${path}/)`,
    youAreIn: (path) => `${path} is the folder postboard runs in, or holds it; a site cannot replace it: choose another folder`,
  } satisfies SiteText,
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

/** The reason phrases of the HTTP statuses a feed server is likely to answer. */
const HTTP_STATUS: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable',
  408: 'Request Timeout', 410: 'Gone', 429: 'Too Many Requests', 500: 'Internal Server Error', 501: 'Not Implemented',
  502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** What the commonest connection errors mean. */
const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the name server did not answer',
  ECONNRESET: 'the connection was reset',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
  UND_ERR_SOCKET: 'the connection broke off',
};

/** What to do about the briefing API's (data.go.kr's) commonest errors. */
const API_ADVICE: Record<string, string> = {
  SERVICE_KEY_IS_NOT_REGISTERED_ERROR: 'check POSTBOARD_BRIEFING_KEY: the service key data.go.kr gave for this API',
  SERVICE_ACCESS_DENIED_ERROR: 'the key is not approved for this API: apply for it on data.go.kr',
  LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR: "the key's calls for today are used up: try again tomorrow, or ask data.go.kr for more",
  DEADLINE_HAS_EXPIRED_ERROR: 'the key has expired: renew it on data.go.kr',
  THREE_DAYS_OVER_ERROR: 'one call may cover three days at most',
};

/** What the words of the commands may draw on: the rest of the catalogue. */
export type CoreWords = typeof core;

/** The English catalogue: the core words, and the words of each command, of the help and of the prompts. */
export const en = {
  ...core,
  filters: {
    status: `only posts with this status: ${STATUSES.join(', ')} (or 노출, 비노출), all (default: all)`,
    author: 'only posts whose author contains this text (any case)',
    department: 'only posts whose department contains this text (any case)',
    search: 'only posts whose title or body holds every word ("quoted phrase" for one)',
    since: 'only posts dated on or after this day (YYYY-MM-DD)',
    until: 'only posts dated on or before this day (YYYY-MM-DD)',
    period: `only posts of the last ${PERIODS.join(', ')}, up to today`,
    sort: `order by ${SORT_KEYS.join(', ')} (default: id, newest first)`,
    asc: 'ascending order (lowest, oldest or 가 first)',
    desc: 'descending order (highest, newest or 하 first)',
  } satisfies Record<string, string>,
  help: {
    description: 'A news board in your terminal: post, list, read and export press releases.',
    examples: [
      ['postboard list', 'the 20 newest posts'],
      ['postboard show 2912', 'read one post'],
      ['postboard list --db ~/boards/esg.json --search 수소', 'search another board'],
    ] as [string, string][],
    db: (board) =>
      `the board: a JSON file, a SQLite file (.sqlite, .db) or postgres://… (default: POSTBOARD_DB, else ./data/posts.json where it exists, else your own board${board === undefined ? '' : `; now: ${board}`})`,
    lang: `interface language: ${LANGS.join(', ')} (default: POSTBOARD_LANG, else from LANG)`,
    color: 'no colour, even on a terminal (also NO_COLOR=1)',
    help: 'show help for a command',
    version: 'show the version',
    pager: 'never page long output through $PAGER (less)',
    titles: { 'Usage:': 'Usage:', 'Options:': 'Options:', 'Global Options:': 'Global Options:', 'Commands:': 'Commands:', 'Arguments:': 'Arguments:' },
    environment: `Environment:
  POSTBOARD_DB            the board when --db is not given (a file or postgres://…)
  POSTBOARD_LANG          ko or en
  POSTBOARD_AUTHOR        the default author for new posts
  POSTBOARD_BRIEFING_KEY  the press-release API's service key, for pull
  POSTBOARD_LOCK_TIMEOUT  seconds to wait for another writer (default 10)
  POSTBOARD_SQLITE_DRIVER
                          node:sqlite or better-sqlite3 for SQLite boards
                          (default: Node's own, 22.16+)
  POSTBOARD_STATEMENT_TIMEOUT
                          PostgreSQL: seconds one statement may run, and a silent
                          server is waited for, on top of the lock wait (default 30)
  POSTBOARD_DEBUG=1       show stack traces of unexpected errors
  POSTBOARD_PAGER, PAGER  the pager for long output on a terminal (default: less -FRX;
                          none on Windows)
  POSTBOARD_GLYPHS        ascii or unicode: how tables draw rules and cut text (default:
                          ascii in the old Windows console, where … ─ · are two cells wide)
  NO_COLOR, FORCE_COLOR   turn colour off, or on for a pipe
  COLUMNS                 the width tables and posts fit

Exit codes: 0 ok, 1 failed (not found, bad board file, I/O), 2 usage error, 130 interrupted.`,
  } satisfies HelpText,
  prompts: {
    body: {
    hint: (editing, end = 'Ctrl+D') => `(Enter for a new line, ${end} to finish${editing ? ` — ${end} now keeps it as it is; Ctrl+K clears it all` : ''}; Ctrl+U clears a line)`,
    lines: (count) => `${count} ${count === 1 ? 'line' : 'lines'}`,
    none: '(no body)',
  } satisfies { hint: (editing: boolean, end?: string) => string; lines: (count: number) => string; none: string },
    confirm: { hint: (byDefault): string => (byDefault ? '(Y/n)' : '(y/N)'), yes: 'Yes', no: 'No', again: 'Answer y or n' } satisfies { hint: (byDefault: boolean) => string; yes: string; no: string; again: string },
    editor: {
    cancelled: 'cancelled in the editor (Ctrl+C); the post was not made',
    leftBehind: (folder) => `the editor's copy of the body could not be removed (a program such as an antivirus still holds it); the body was read all the same. Delete the copy when you like: ${folder}`,
    notFound: (command, variable) => `cannot start the editor ${JSON.stringify(command)} (from $${variable}): not found; set $${variable} to an installed editor, or unset it to type the body here`,
    failed: (command, failure) =>
      `the editor ${JSON.stringify(command)} ${failure.kind === 'start' ? `could not start (${failure.code})` : failure.kind === 'signal' ? `was stopped by ${failure.signal}` : `exited with status ${failure.status}`}; the post was not made`,
  } satisfies { notFound: (command: string, variable: string) => string; failed: (command: string, failure: Failure) => string; cancelled: string; leftBehind: (folder: string) => string },
  },
  commands: {
    add: {
    description: 'Post a press release: asks for what is missing on a terminal, or takes it all as flags',
    options: {
      yes: 'post without asking for confirmation',
      dryRun: 'check and show the post, but do not add it',
      quiet: 'print only the new post\'s number',
      allowDuplicate: 'post even if the source URL is already on the board',
      format: `output: ${ADD_FORMATS.join(', ')} (json: the post as stored)`,
    },
    examples: [
      ['postboard add', 'on a terminal: asks for each field, shows a preview, asks to post'],
      [
        'postboard add --title "청정수소 협력 확대" --author 한국생산성본부 --department 산업통상자원부 --body-file release.txt --source-url https://www.korea.kr/… --yes',
        'from a script: everything as flags',
      ],
      ['curl -s https://…/release.txt | postboard add --title "…" --author "…" --body-file -', 'the body from stdin'],
      ['postboard add --title "…" --author "…" --dry-run --format json', 'check a post without adding it'],
    ],
    added: (id, title) => `Added post ${id}: ${title}`,
    addedTo: (id, title, board) => `Added post ${id} to ${board}: ${title}`,
    dryRun: 'Dry run: the post was checked, nothing added (its number is given when it is posted).',
    draftNeedsYes: 'stdin is not a terminal, so the draft cannot be shown and confirmed: add --yes to post it as it is, or finish it at a terminal',
    draftUnfinished: (flags, bodyCut) =>
      `the draft is not finished (${bodyCut ? 'its body was cut short; ' : ''}not answered yet: ${flags.join(', ')}): finish it at a terminal, or give those as flags ('' for none)`,
    missing: (flags) => `missing ${flags.join(' and ')}: stdin is not a terminal, so postboard cannot ask for ${flags.length > 1 ? 'them' : 'it'}`,
    duplicate: (id) => `this source URL is already on the board as post ${id}; add --allow-duplicate to post it anyway`,
    confirm: 'Post it?',
    defaults: {
      title: '(required)',
      author: '(required; default POSTBOARD_AUTHOR)',
      date: '(default today)',
      status: '(default published)',
    },
    fromDraft: 'post a draft kept when an earlier add could not be saved, to the board it was for (flags and --db given win)',
    draftKept: (path, command) => `Your post is kept as a draft: ${path}\nPost it later (to the same board) with: ${command}`,
    draftLost: (json) => `The draft could not be saved anywhere; here it is, to keep:\n${json}`,
    draftUsed: (path) => `Removed the draft ${path}`,
    resuming: (board, title) => `Finishing your draft for ${board}${title ? `: ${title}` : ''}`,
    badDraft: (path, why) => `--from-draft: cannot read ${path} (${why})`,
  } satisfies AddText,
    copy: {
    description: 'Copy the whole board (numbers, statuses, timestamps, change log, sources) to a new or empty board: JSON, SQLite or PostgreSQL',
    to: 'where to: a JSON file, a SQLite file (.sqlite, or sqlite:PATH), a postgres:// URL (made with postboard init)',
    examples: [
      ['postboard copy --to archive.sqlite', 'a JSON board that grew, into a SQLite file'],
      ['postboard init --db postgres://board@db/news && postboard copy --to postgres://board@db/news', 'to a team board'],
      ['postboard copy --db postgres://board@db/news --to backup.json', 'a team board, as one file'],
    ],
    same: '--to names the board being copied',
    broken: (id, field) =>
      `post ${id}'s ${field} holds half of a UTF-16 surrogate pair (a board edited by hand), which a SQLite or PostgreSQL board cannot keep; fix it first. Nothing was copied`,
    done: (posts, from, to, changes) => `Copied ${posts} and ${changes} ${changes === 1 ? 'change' : 'changes'} of the log from ${from} to ${to}.`,
  } satisfies CopyText,
    delete: {
    description: 'Delete posts: shows them and asks first (their numbers are never given again)',
    ids: 'post numbers',
    yes: 'delete without asking (needed when stdin is not a terminal)',
    examples: [
      ['postboard delete 2913', 'shows the post, asks, deletes'],
      ['postboard delete 2913 2914 --yes', 'from a script'],
      ['postboard undo', 'changed your mind: bring them back'],
    ],
    question: (count) => `Delete ${count === 1 ? 'this post' : `these ${count} posts`}?`,
    deleted: (count, ids) => `Deleted ${count} ${count === 1 ? 'post' : 'posts'}: ${ids.join(', ')}`,
  } satisfies DeleteText,
    check: {
    description: 'Check the board (a JSON file or a database) and report every problem in it; --fix repairs what needs no guessing in a JSON file',
    options: {
      fix: 'JSON file: repair lastId and decomposed Hangul (after keeping a backup), then check again',
      format: `output: ${CHECK_FORMATS.join(', ')}`,
    },
    examples: [
      ['postboard check', 'is the board sound?'],
      ['postboard check --fix', 'repair what can be repaired, keeping the old file as .bak'],
      ['postboard check --db archive.json --format json', 'the problems, for a script'],
      ['postboard check --db postgres://board@db/news', 'rows and change-log entries a hand edit broke'],
    ],
    healthy: (board, posts, lastId) => `${board}: ${posts} ${posts === 1 ? 'post' : 'posts'}, lastId ${lastId}, no problems.`,
    notJson: (board) => `${board} cannot be checked: it is a board held in this process only`,
    problems: (board, count, fixable) =>
      `${board} has ${count} ${count === 1 ? 'problem' : 'problems'}${fixable > 0 ? ` (${fixable} can be fixed with --fix)` : ''}`,
    backup: (path) => `Kept the board as it was in ${path}`,
    repair: (repair) => {
      switch (repair.kind) {
        case 'bom':
          return 'Fixed: removed the byte-order mark';
        case 'schema-version':
          return `Fixed: set schemaVersion to ${repair.to}`;
        case 'last-id':
          return `Fixed: lastId ${JSON.stringify(repair.from) ?? 'missing'} → ${repair.to}`;
        case 'nfc':
          return `Fixed: ${repair.id === undefined ? `posts[${repair.index}]` : `post ${repair.id}`} ${repair.field} composed to NFC`;
      }
    },
    nothingToFix: 'Nothing to fix; the file was not written.',
    fixesFilesOnly: '--fix repairs JSON board files; a database\'s rows are fixed with its own tools (sqlite3, psql), nothing was changed.',
  } satisfies CheckText,
    import: {
    description: 'Import posts from CSV (as export writes it, or Korean Excel saves it), TSV, JSON or JSONL; --update applies edits made in a spreadsheet',
    file: 'the file to import, or - for stdin',
    options: {
      format: `${IMPORT_FORMATS.join(', ')} (default: from the file name, else from the content)`,
      renumber: 'give every imported post a new number (posts from another board)',
      allowDuplicate: 'import posts whose source URL is already on the board',
      skipInvalid: 'import the valid records and report the rest, each with its reasons (default: all or nothing)',
      dryRun: 'check everything and show what would change, post by post; write nothing',
      update: 'rows whose number (번호/id) is on the board update that post (only the fields that differ); rows without one are added',
      yes: 'on a terminal, do not ask whether to apply the rows that change posts on the board',
      force: 'with --update: apply rows even to posts changed after the file was exported',
      formulaGuard: "keep the apostrophe before cells starting with = + - @ (export puts it there so a spreadsheet shows text, and import takes it off by default)",
    },
    examples: [
      ['postboard import board.csv', 'a CSV export (UTF-8, with or without BOM, UTF-16, or CP949 from Excel)'],
      ['postboard import 게시판.csv --update --dry-run', 'what an edited export would change, field by field'],
      ['postboard import 게시판.csv --update', 'apply the edits made in Excel'],
      ['postboard import archive.json --renumber', 'another board, under new numbers'],
      ['postboard export --format jsonl | postboard import - --db copy.json', 'copy a board'],
    ],
    cannotRead: (file, code) => `cannot read ${file} (${code})`,
    brokenQuotes: (file, row) =>
      `${file} row ${grouped(row)}: a quote (") opens there and never closes as CSV closes it, so no row after it can be told apart; nothing imported. Fix the quotes (a quote inside a cell is written "")`,
    unreadable: (reason) => {
      switch (reason.kind) {
        case 'json':
          return `not valid JSON (${reason.detail})`;
        case 'not-object':
          return 'not an object with the fields of a post';
        case 'not-posts':
          return 'neither an array of posts nor a board';
        case 'csv':
          return `not valid CSV (${reason.detail})`;
        case 'cells':
          return `${reason.cells} cells, but ${reason.columns} columns`;
        case 'inexact':
          return `${reason.key} ${reason.literal} cannot be held exactly (numbers go up to ${grouped(Number.MAX_SAFE_INTEGER)}, whole)`;
      }
    },
    summary: (done, c) => {
      const parts = [`${grouped(c.added)} added${c.renumbered ? ` (${grouped(c.renumbered)} under a new number)` : ''}`, `${grouped(c.updated)} updated`, `${grouped(c.unchanged)} unchanged`];
      if (c.skipped) parts.push(`${grouped(c.skipped)} skipped`);
      if (c.invalid) parts.push(`${grouped(c.invalid)} invalid`);
      return `${done ? 'Imported' : 'Would import'}: ${parts.join(', ')}`;
    },
    skip: (skip) => {
      switch (skip.kind) {
        case 'duplicate-source':
          return `skipped: its source URL is ${skip.existing === 'file' ? 'earlier in the file' : `already on the board as post ${skip.existing}`}`;
        case 'same-post':
          return `skipped: the same post is ${skip.existing === 'file' ? 'earlier in the file' : `already on the board as post ${skip.existing} (imported before)`}`;
        case 'on-board':
          return `skipped: post ${skip.id} is on the board with other content (--update applies the changes; --renumber adds it as a new post)`;
        case 'older-copy':
          return `skipped: post ${skip.id} was changed on the board after this file was made, and this row changes nothing of it: the board's version stays`;
        case 'deleted':
          return `skipped: post ${skip.id} was deleted from the board (by ${skip.who}, ${localTimestamp(skip.at)}); an older file does not bring it back (undo that delete, or --renumber to add it as a new post)`;
      }
    },
    refusal: (refusal, t) => {
      switch (refusal.kind) {
        case 'missing':
          return refusal.fields.length ? `a new post needs ${refusal.fields.map((field) => t.fieldName(field)).join(' and ')}` : 'not a valid post';
        case 'not-on-board':
          return `post ${refusal.id} is not on the board (--update changes posts that are; leave the number out to add it)`;
        case 'source-taken':
          return refusal.existing === 'file' ? 'its source URL is a new post\'s earlier in the file' : `its source URL is already on the board as post ${refusal.existing}`;
        case 'named-twice':
          return `post ${refusal.id} is changed by ${t.place(refusal.first)} already, differently; keep one of the two rows`;
        case 'changed-since':
          return t.stale.changed(refusal);
        case 'cannot-tell':
          return t.stale.cannotTell(refusal);
        case 'no-times':
          return `this file has no updatedAt (수정 시각) column, so whether post ${refusal.id} changed on the board since the file was made cannot be told; export with it (every default export has it) and edit that, or --force to apply the row as it is`;
      }
    },
    skipped: 'skipped',
    moreSkipped: (count) => `… and ${grouped(count)} more ${count === 1 ? 'row' : 'rows'} skipped as already on the board (counted below)`,
    ignored: (columns) => `ignored columns no field answers to: ${columns.join(', ')}`,
    noneValid: 'nothing imported: no record is valid',
    onBoard: (count) => `${grouped(count)} ${count === 1 ? 'row names a post' : 'rows name posts'} already on the board, with other content:`,
    ask: (count) => `Apply these changes to ${count === 1 ? 'that post' : `those ${grouped(count)} posts`}?`,
    plan: { update: (id, title) => `~ post ${id}: ${title}`, add: (id, title) => `+ post ${id}: ${title}` },
  } satisfies ImportText,
    stats: {
    description: 'Counts and total views by department, by month and by author, for any filter of list',
    options: {
      by: `which tables: ${GROUPINGS.join(', ')} (comma-separated; default all three)`,
      top: `rows per table, busiest first (default ${TOP})`,
      all: 'every row',
      format: 'output: table, json',
      width: 'fit the tables to this many columns',
    },
    examples: [
      ['postboard stats', 'the busiest departments, months and authors'],
      ['postboard stats --by month --period year', 'posts per month over the last year'],
      ['postboard stats --by department --status published --format json', 'for a script'],
    ],
    heading: { department: 'Department', month: 'Month', author: 'Author' },
    posts: 'Posts',
    views: 'Views',
    average: 'Avg views',
    share: 'Share of posts',
    none: '(none)',
    total: (posts, views) => `${posts} posts · ${views} views`,
    more: (count) => `… ${count} more (--all to see them)`,
    noSort: (option) => `${option} is for list and export; stats orders its tables itself (the busiest first, months newest first)`,
  } satisfies StatsText,
    completion: {
    description: "Print a shell completion script (commands, options, known values, the board's departments and posts)",
    shell: `${SHELLS.join(', ')}`,
    departments: 'print the departments on the board, one per line',
    examples: [
      ['echo \'source <(postboard completion bash)\' >> ~/.bashrc', 'bash'],
      ['mkdir -p ~/.zfunc && postboard completion zsh > ~/.zfunc/_postboard', 'zsh (with fpath=(~/.zfunc $fpath) before compinit in ~/.zshrc)'],
      ['postboard completion fish > ~/.config/fish/completions/postboard.fish', 'fish'],
      ['postboard completion powershell | Out-String | Invoke-Expression', 'PowerShell (put the line in your $PROFILE)'],
    ],
  } satisfies CompletionText,
    edit: {
    description: 'Change a post: only the fields given change; on a terminal with no flags, edit every field in place',
    id: 'the post number',
    options: {
      views: 'set the view count',
      allowDuplicate: 'allow a source URL another post already has',
      yes: 'save without asking (on a terminal)',
      format: 'output: text, json (the post as stored)',
    },
    examples: [
      ['postboard edit 2912', 'on a terminal: each field pre-filled, the body in $EDITOR'],
      ['postboard edit 2912 --title "세계 최고 디지털플랫폼정부, 10개국에 전파"', 'fix a title'],
      ['postboard edit 2912 --views 300 --department 행정안전부', 'several fields at once'],
      ['postboard edit 2912 --source-url ""', 'remove the source URL'],
    ],
    edited: (id, title, fields) => `Edited post ${id}: ${title} (${fields.join(', ')})`,
    unchanged: (id) => `Post ${id} already says that; nothing changed.`,
    changes: (id) => `Changes to post ${id}:`,
    changedMeanwhile: (id, fields) => `post ${id} was changed by someone else while you were editing it (${fields.join(', ')}); nothing was saved: run edit again to see it as it is now`,
    nothingGiven: 'nothing to change: give the fields to change as flags, e.g. --title (stdin is not a terminal, so postboard cannot ask)',
    duplicate: (id) => `this source URL is already on the board as post ${id}; add --allow-duplicate to keep it anyway`,
    confirm: 'Save the changes?',
  } satisfies EditText,
    log: {
    description: 'Show the recent changes to the board: who made them, when, with which command, and what they did',
    options: {
      limit: 'how many changes, newest first (default: 20)',
      format: 'table, json or jsonl (each change with every field old → new)',
      width: 'fit the table to this many columns (default: the terminal)',
    },
    examples: [
      ['postboard log', 'the last 20 changes'],
      ['postboard log --limit 5 --format json', 'with each post change, for a script'],
    ],
    headers: { seq: '#', at: 'When', who: 'Who', command: 'Command', what: 'What' },
    empty: 'No changes recorded yet.',
    add: (count) => `${count} added`,
    edit: (count) => `${count} changed`,
    delete: (count) => `${count} deleted`,
    sources: (count) => `${count} ${count === 1 ? 'source' : 'sources'} changed`,
    undone: (seq) => `(undone by #${seq})`,
    undoes: (seq) => `takes back #${seq}:`,
    redoes: (seq) => `makes #${seq} again:`,
  } satisfies LogText,
    source: {
      description: 'The feeds and the press-release API that pull reads, kept with the board: add, list, remove',
      add: {
        description: 'Follow a feed (RSS 2.0 or Atom) or the 정책브리핑 press-release API',
        name: 'what to call it (letters, digits, . _ -), for pull NAME',
        url: 'the feed’s address, or the press-release API’s endpoint (as in the examples)',
        kind: 'rss (RSS 2.0 or Atom) or briefing (the press-release API; default for its endpoint)',
        department: 'the department a pulled post gets when the feed names none',
        author: 'who pulled posts are by (default: POSTBOARD_AUTHOR, else your account’s name)',
        status: 'what pulled posts are: published (default) or hidden, to review before publishing',
      },
      list: {
        description: 'List the sources: kind, department, status, last pull, address',
        format: 'table, json or jsonl',
        width: 'fit the table to this many columns (default: the terminal)',
        empty: 'No sources yet: postboard source add NAME URL follows a feed.',
        headers: { name: 'Name', kind: 'Kind', url: 'Address', department: 'Department', status: 'Status', pulled: 'Last pull' },
      },
      remove: { description: 'Stop following a source (its posts stay; undo brings it back)', name: 'the source’s name' },
      examples: [
        ['postboard source add mois "https://www.mois.go.kr/gpms/view/jsp/rss/rss.jsp?ctxCd=1012"', 'follow 행정안전부’s press releases'],
        ['postboard source add briefing https://apis.data.go.kr/1371000/pressReleaseService/pressReleaseList --status hidden', 'every ministry’s releases, hidden until reviewed (key: POSTBOARD_BRIEFING_KEY)'],
        ['postboard source list', 'what the board follows'],
        ['postboard source remove mois', 'stop following it'],
      ],
      badName: (name, limit) => `not a source name: ${JSON.stringify(name)} (letters, digits, . _ -, up to ${limit}, starting with a letter or digit)`,
      badUrl: (url) => `not an http or https address: ${JSON.stringify(url)}`,
      secretInUrl: 'an address with a user name, a password or a serviceKey in it would be kept with the board and shown: give the address alone (the press-release API’s key goes in POSTBOARD_BRIEFING_KEY)',
      exists: (name) => `there is a source named ${name} already: remove it first (postboard source remove ${name}), or choose another name`,
      noSuch: (name, names) => (names.length === 0 ? `no source named ${JSON.stringify(name)}: the board has none (postboard source add NAME URL)` : `no source named ${JSON.stringify(name)}; the board has: ${names.join(', ')}`),
      added: (name, kind, url) => `Added source ${name} (${kind === 'briefing' ? 'press-release API' : 'feed'}): ${url}. Bring its releases in with: postboard pull ${name}`,
      removed: (name) => `Removed source ${name}. Its posts stay on the board; postboard undo brings it back.`,
      logLine: (name, how) => `${how === 'add' ? '+' : how === 'remove' ? '-' : '~'}source ${name}`,
      never: 'never',
    } satisfies SourceText,
    pull: {
      description: 'Bring in the new releases of the board’s sources (or of a feed by its address), each once',
      targets: 'source names, or feed addresses (default: every source of the board)',
      options: {
        dryRun: 'fetch and show what would be added, but add nothing',
        quiet: 'print nothing but failures (for cron, which mails what a job prints)',
        format: 'table (default) or json',
        since: 'the press-release API: from this day (YYYY-MM-DD; default: the last 3 days), fetched 3 days per request',
        until: 'the press-release API: up to this day (YYYY-MM-DD; default: today)',
        timeout: 'give up on a request after this many seconds (default: 20)',
        maxSize: 'refuse a response larger than this many megabytes (default: 20)',
        refresh: 'fetch every feed whole, not only when it changed (after undoing a pull)',
        kind: 'for a feed named by its address: rss or briefing',
        department: 'for a feed named by its address: the department of its posts when it names none',
        status: 'for a feed named by its address: published (default) or hidden',
        width: 'fit the table to this many columns (default: the terminal)',
      },
      examples: [
        ['postboard pull', 'every source of the board'],
        ['postboard pull mois --dry-run', 'what one source would add'],
        ['POSTBOARD_BRIEFING_KEY=… postboard pull briefing --since 2026-11-01', 'a month of the press-release API, 3 days per request'],
        ['postboard pull https://www.mois.go.kr/gpms/view/jsp/rss/rss.jsp?ctxCd=1012 --status hidden', 'a feed once, without following it'],
        ['*/30 * * * * cd ~/board && npx postboard pull --quiet', 'cron: every 30 minutes, mail only when a source fails'],
      ],
      noSources: 'the board follows no sources: add one with postboard source add NAME URL, or name a feed by its address (postboard pull URL)',
      backwards: (since, until) => `--since ${since} is after --until ${until}`,
      tooLong: (days) => `the press-release API is asked for at most ${days} days at a time (3 days per request, within a day's quota): pull a longer period a year at a time`,
      keyHost: (host) => `the press-release API's key (POSTBOARD_BRIEFING_KEY) is sent only to https://apis.data.go.kr (or this machine), and this source names ${host}: check its address (postboard source list)`,
      noKey: 'the press-release API needs its service key in the environment variable POSTBOARD_BRIEFING_KEY (from data.go.kr)',
      summary: (source, { added, already, deleted, embargoed, refused }, dryRun) =>
        `${source}: ${added} ${dryRun ? 'would be new' : 'new'} · ${already} already there${deleted > 0 ? ` · ${deleted} deleted here before, left out` : ''}${embargoed > 0 ? ` · ${embargoed} under embargo, left for a later pull` : ''} · ${refused} refused`,
      unchanged: (source) => `${source}: unchanged since the last pull (--refresh fetches it whole)`,
      refused: (title, id, why) => `refused: ${title ? (title.length > 60 ? `${title.slice(0, 59)}…` : title) : `(no title${id ? `, item ${id}` : ''})`}: ${why}`,
      failed: (source, why) => `${source}: ${why}`,
      fetching: (source, received) => `${source}: ${received} …`,
      wouldAdd: 'Would add (--dry-run: nothing was added):',
    } satisfies PullText,
    export: {
    description: 'Export the board: CSV that opens right in Excel, TSV, JSON, JSONL, Markdown, an RSS feed or a web site',
    options: {
      format: `${EXPORT_FORMATS.join(', ')} (default csv)`,
      output: 'write to FILE (whole or not at all) instead of stdout (- is stdout); site: to a FOLDER, replaced whole',
      force: 'replace FILE if it exists',
      fields: 'columns, comma-separated (default: all; md: id,title,author,date,views, of the published posts unless --status says otherwise)',
      header: `csv/tsv/md for people, in a language (${LANGS.join(', ')}): its header names, statuses (노출/비노출) and local times`,
      excel: 'for Excel (the default for csv and tsv: a UTF-8 byte-order mark first, so Excel reads Korean right)',
      noBom: 'no byte-order mark, for tools that do not want one',
      encoding: `${ENCODINGS.join(', ')}: cp949 for Korean Excel that expects it (no BOM)`,
      noFormulaGuard: "don't prefix cells starting with = + - @ with '",
      feedTitle: 'the RSS feed\'s title (default: "postboard")',
      feedLink: "the RSS feed's link, required for rss: the board's own address (posts without a source link to <it>#post-<number>)",
      feedLanguage: 'the RSS feed\'s language (default: ko when the titles are Korean, else en)',
      limit: `at most N posts (rss: default ${FEED_SIZE})`,
      perPage: `site: posts on each list page (default ${PAGE_SIZE})`,
      title: 'site: its name, on every page and the feed (default: "News board", or "게시판" in Korean)',
      baseUrl: 'site: its web address (https://…/): full links in feed.xml, and a sitemap.xml',
    },
    examples: [
      ['postboard export -o board.csv', 'for Excel, Korean intact (UTF-8 with a byte-order mark)'],
      ['postboard export --encoding cp949 --header ko -o 게시판.csv', 'for an older Korean Excel, Korean headers'],
      ['postboard export --format json > archive.json', 'an archive, posts exactly as stored'],
      ['postboard export --format md --period month', 'this month as a Markdown table'],
      ['postboard export --format rss --feed-title "ESG 정책뉴스" --feed-link https://example.go.kr/esg -o feed.xml', 'a feed of the 20 newest'],
      ['postboard export --format site --title "ESG 정책뉴스" --base-url https://example.go.kr/esg/ -o site', 'the board as a web site, for any static host (--lang ko|en: its language)'],
    ],
    exported: (count, posts, path) => `Exported ${count} ${posts === 1 ? 'post' : 'posts'} to ${path}`,
    exists: (path) => `${path} already exists; add --force to replace it`,
    cp949: (post, field, char) =>
      `post ${post}: ${field} holds ${char}, which CP949 cannot encode; export as UTF-8 (the default) instead, or change the post`,
    spreadsheetOnly: (option) => `${option} is for --format csv or tsv`,
    headerFor: (format) => `--header is for csv, tsv and md; ${format} keeps the posts as stored`,
    rssOnly: (option) => `${option} is for --format rss`,
    rssPublished: 'an RSS feed holds published posts only; --status cannot change that',
    unwritable: (path, code) => `cannot write ${path} (${code}); nothing was written there`,
    held: (path, seconds) => `cannot write ${path}: another program has it open (Excel, an antivirus scanning it, OneDrive); waited ${seconds} s, and nothing was written there. Close it there and try again, or write to another file`,
    isBoard: (path, file) => `${path} is ${{ board: 'the board itself', backup: "the board's backup (for undo)", lock: "the board's lock" }[file]}; an export never replaces it: choose another file`,
  } satisfies ExportText,
    init: {
    description: 'Make a board where --db names one: the tables of a PostgreSQL board (no other command makes them), a SQLite file, a JSON file',
    examples: [
      ['postboard init --db postgres://board@db.example.go.kr/news', "a team's board, in its own database"],
      ["postboard init --db 'postgres://board@db.example.go.kr/news?schema=esg'", 'a second board in the same database'],
      ['postboard init --db archive.sqlite', 'an archive of millions of posts, in one file'],
    ],
    made: (board, kind) => `Made ${kind} at ${board}.`,
    there: (board, posts) => `${board} is a board already (${posts}); nothing changed.`,
    kinds: { json: 'a JSON board', sqlite: 'a SQLite board', postgres: 'a PostgreSQL board', memory: 'a board in memory' },
  } satisfies InitText,
    list: {
    description: 'List the board\'s posts, newest first, 20 per page',
    options: {
      limit: `posts per page (default ${PAGE_SIZE})`,
      page: 'which page to show (default 1)',
      all: 'every matching post on one page',
      fields: `columns to show, comma-separated: ${POST_KEYS.join(',')}`,
      format: `output format: ${LIST_FORMATS.join(', ')} (json: the posts as stored)`,
      width: 'fit the table to this many columns (default: COLUMNS, else the terminal)',
    },
    examples: [
      ['postboard list', 'the 20 newest posts'],
      ['postboard list --page 2', 'the next 20'],
      ['postboard list --search "탄소 중립" --period month', 'this month\'s posts mentioning both words'],
      ['postboard list --department 환경부 --sort views', 'a department\'s most read posts'],
      ['postboard list --status hidden --format json', 'hidden posts, as JSON'],
      ['postboard list --fields id,title,department --width 80', 'chosen columns, 80 wide'],
    ],
  } satisfies { description: string; options: Record<string, string>; examples: [string, string][] },
    show: {
    description: 'Show one post in full: title, details, body and source',
    id: 'the post number (번호)',
    options: {
      format: `output format: ${SHOW_FORMATS.join(', ')} (json: the post as stored)`,
      width: 'wrap to this many columns (default: COLUMNS, else the terminal)',
    },
    examples: [
      ['postboard show 2912', 'read a press release'],
      ['postboard show 2912 --format json | jq .source.url', 'its source URL'],
      ['postboard show 2912 --width 60 | less', 'wrapped for a narrow pager'],
    ],
  } satisfies { description: string; id: string; options: Record<string, string>; examples: [string, string][] },
    revert: {
    remove: (id, title) => `- remove post ${id}: ${title}`,
    restore: (id, title) => `+ bring back post ${id}: ${title}`,
    change: (id, title) => `~ post ${id}: ${title}`,
    source: (name, how) => (how === 'add' ? `+ bring back source ${name}` : how === 'remove' ? `- remove source ${name}` : `~ source ${name}: settings as before`),
    reason: (conflict) =>
      'source' in conflict
        ? conflict.reason === 'changed'
          ? `source ${conflict.source} was changed after it`
          : conflict.reason === 'gone'
            ? `source ${conflict.source} was removed after it`
            : `a source named ${conflict.source} is there again`
        : conflict.reason === 'changed'
          ? `post ${conflict.id} was changed after it`
          : conflict.reason === 'gone'
            ? `post ${conflict.id} was deleted after it`
            : `post ${conflict.id} is on the board again`,
    entry: (entry, t) => `#${entry.seq} ${entry.command}, by ${entry.who}, ${t.localTime(entry.at)}`,
  } satisfies Words,
    undo: {
      description: 'Undo the last change made through postboard (again for the one before; the change log says which)',
      yes: 'undo without asking (needed when stdin is not a terminal)',
      examples: [
        ['postboard undo', 'shows what it will revert, old → new, asks, reverts'],
        ['postboard undo --yes && postboard undo --yes', 'the last two changes, newest first'],
        ['postboard log', 'the changes undo would take back'],
      ],
      nothing: 'nothing to undo: the change log has no change left to take back',
      noSuch: (seq) => `there is no change #${seq} to undo in the log (it is not there, is an undo or redo, or is undone already); postboard log lists them`,
      seq: 'the number of a change in postboard log (default: the last change)',
      heading: (entry) => `Undo the last change: ${entry}`,
      headingOf: (entry) => `Undo change ${entry}`,
      question: 'Undo these changes?',
      moved: 'the board changed since it was shown; run postboard undo again to see the new last change',
      conflict: (entry, conflicts) => `cannot undo ${entry}: ${conflicts.join('; ')}. Undo the later change first, or edit by hand`,
      done: (entry, count, sources = 0) => `Undone: ${entry} (${[count > 0 || sources === 0 ? (count === 1 ? '1 post' : `${count} posts`) : '', sources > 0 ? (sources === 1 ? '1 source' : `${sources} sources`) : ''].filter(Boolean).join(', ')}).`,
    } satisfies UndoText,
    redo: {
      description: 'Redo the change undone last (until a new change is made)',
      yes: 'redo without asking (needed when stdin is not a terminal)',
      examples: [
        ['postboard undo --yes && postboard redo --yes', 'takes the last change back, then makes it again'],
        ['postboard log', 'which changes are undone'],
      ],
      nothing: 'nothing to redo: no change was undone since the last change',
      heading: (entry) => `Redo the change undone last: ${entry}`,
      headingOf: (entry) => `Redo ${entry}`,
      question: 'Redo these changes?',
      moved: 'the board changed since it was shown; run postboard redo again to see what can be redone',
      conflict: (entry, conflicts) => `cannot redo ${entry}: ${conflicts.join('; ')}`,
      done: (entry, count, sources = 0) => `Redone: ${entry} (${[count > 0 || sources === 0 ? (count === 1 ? '1 post' : `${count} posts`) : '', sources > 0 ? (sources === 1 ? '1 source' : `${sources} sources`) : ''].filter(Boolean).join(', ')}).`,
    } satisfies UndoText,
    hide: {
      description: 'Hide posts (비노출): kept on the board, marked hidden',
      ids: 'post numbers',
      examples: [['postboard hide 2913 2914', 'hide two posts']],
      done: (count, ids) => `Hid ${count} ${count === 1 ? 'post' : 'posts'}: ${ids.join(', ')}`,
      already: (ids) => `Already hidden: ${ids.join(', ')}; nothing changed.`,
    } satisfies VisibilityText,
    publish: {
      description: 'Publish posts (노출)',
      ids: 'post numbers',
      examples: [['postboard publish 2913', 'show a hidden post again']],
      done: (count, ids) => `Published ${count} ${count === 1 ? 'post' : 'posts'}: ${ids.join(', ')}`,
      already: (ids) => `Already published: ${ids.join(', ')}; nothing changed.`,
    } satisfies VisibilityText,
  },
};

export type Catalogue = typeof en;
