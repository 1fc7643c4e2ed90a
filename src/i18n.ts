import { localTimestamp } from './board/dates.js';
import { LIMITS, type FieldIssue, type Rule } from './board/post.js';
import type { FieldKey } from './board/fields.js';
import type { DecodeProblem, TextEncoding, TextPlace } from './files/decode.js';
import type { BoardProblem, FileKind, JsonKind } from './store/board.js';
import { SCHEMA_VERSION } from './store/board.js';

export type Lang = 'ko' | 'en';
export const LANGS: readonly Lang[] = ['ko', 'en'];

/**
 * The interface language: `--lang`, else `POSTBOARD_LANG`, else Korean when the locale
 * (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX orders them) is Korean, else English.
 */
export function chooseLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  for (const candidate of [flag, env.POSTBOARD_LANG]) {
    if (candidate === 'ko' || candidate === 'en') return candidate;
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** 2933 → 2,933 (the same in both languages). */
export const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** 537,000,000 → "512 MB" (binary megabytes, as `ls -lh` counts). */
const megabytes = (bytes: number): string => `${grouped(Math.round(bytes / 1024 / 1024))} MB`;

/** A value quoted for an error message, kept short. */
function quoted(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** The value worth quoting beside a problem: not a missing, empty or overlong one. */
const shownValue = (issue: FieldIssue): string =>
  issue.rule === 'required' || issue.rule === 'empty' || issue.rule === 'too-long' ? '' : ` ${quoted(issue.value)}`;

const en = {
  fields: {
    id: 'No.',
    title: 'Title',
    author: 'Author',
    department: 'Department',
    date: 'Date',
    views: 'Views',
    status: 'Status',
    body: 'Body',
    source_agency: 'Source',
    source_date: 'Source date',
    source_url: 'Source URL',
    createdAt: 'Created',
    updatedAt: 'Updated',
  } satisfies Record<FieldKey, string>,
  status: { published: 'published', hidden: 'hidden' },
  hiddenMark: '[hidden]',
  number: grouped,

  list: {
    footer: (page: number, pages: number, total: number) =>
      `Page ${page} of ${pages} · ${grouped(total)} ${total === 1 ? 'post' : 'posts'}`,
    nextPage: (page: number) => ` · next: --page ${page}`,
    board: (board: string) => ` · board ${board}`,
    noMatch: 'No posts match.',
    pastEnd: (page: number, pages: number) => `Page ${page} is past the last page (${pages}).`,
    missing: (board: string) => `No board at ${board} yet. Post the first one with: postboard add`,
    emptyBoard: (board: string) => `The board ${board} has no posts yet. Post the first one with: postboard add`,
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
  },
  notFound: {
    post: (id: number, board: string) => `No post ${id} on ${board}.`,
    noBoard: (board: string) => `No board at ${board}.`,
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
    output: (stream: 'stdout' | 'stderr', code: string, reason: string | undefined) =>
      `cannot write to standard ${stream === 'stdout' ? 'output' : 'error'} (${code}${reason ? `: ${reason}` : ''})`,
  },

  rule: {
    required: 'is missing',
    type: 'has the wrong type',
    integer: 'must be a whole number',
    'too-big': `must be at most ${grouped(Number.MAX_SAFE_INTEGER)}`,
    positive: 'must be 1 or more',
    'not-negative': 'must be 0 or more',
    date: 'is not a real calendar date (YYYY-MM-DD)',
    status: 'must be published (노출) or hidden (비노출)',
    url: 'must be an http or https URL',
    timestamp: 'must be an ISO-8601 timestamp',
    empty: 'must not be empty',
    'too-long': 'is too long',
    control: 'contains control characters',
  } satisfies Record<Rule, string>,
  jsonKind: {
    array: 'an array',
    null: 'null',
    string: 'a string',
    number: 'a number',
    boolean: 'true or false',
    'object without "posts"': 'an object without "posts"',
  } satisfies Record<JsonKind, string>,
  problem(problem: BoardProblem): string {
    switch (problem.kind) {
      case 'empty':
        return 'the file is empty (an empty board is {"schemaVersion": 1, "lastId": 0, "posts": []})';
      case 'syntax':
        return `${problem.line ? `line ${problem.line}, column ${problem.column}: ` : ''}not valid JSON (${problem.detail})`;
      case 'not-a-board':
        return `not a postboard board: expected an object with "posts", found ${this.jsonKind[problem.found]}`;
      case 'bad-header':
        return `"${problem.field}" must be a whole number, not ${quoted(problem.value)}`;
      case 'newer-version':
        return `schemaVersion ${problem.version} is newer than this postboard reads (${SCHEMA_VERSION}); upgrade postboard`;
      case 'invalid-post':
        return `${this.postAt(problem.id, problem.index, problem.line)}: ${this.fieldIssue(problem.issue)}`;
      case 'duplicate-id':
        return `post number ${problem.id} appears twice (posts[${problem.firstIndex}] and posts[${problem.index}]${problem.line ? `, line ${problem.line}` : ''})`;
      case 'last-id-behind':
        return `lastId ${problem.lastId} is below the highest post number ${problem.highest}`;
      case 'not-nfc':
        return `${this.postAt(problem.id, problem.index, undefined)}: ${problem.field} is not in NFC (decomposed Hangul)`;
      case 'bom':
        return 'starts with a byte-order mark (a Windows editor put it there); JSON has none';
      case 'folder':
        return 'is a folder, not a board file';
      case 'not-a-file':
        return `is ${this.fileKind[problem.found]}, not a board file`;
      case 'too-large':
        return `the board is too large for a JSON file (${problem.bytes === undefined ? 'over' : megabytes(problem.bytes)}; a JSON board holds at most ${megabytes(problem.limit)}); nothing was changed. Move older posts to another board (--db), or keep an archive this size in a SQLite board`;
      case 'read-only':
        return `is read-only (mode ${problem.mode.toString(8).padStart(4, '0')}); nothing was changed (allow changes with chmod u+w)`;
      case 'unreadable':
        return `cannot be read (${problem.code}${this.errno[problem.code] ? `: ${this.errno[problem.code]}` : ''})`;
      case 'unwritable':
        return `cannot be written (${problem.code}${this.errno[problem.code] ? `: ${this.errno[problem.code]}` : ''}); the board is unchanged${this.advice[problem.code] ? `. ${this.advice[problem.code]}` : ''}`;
      case 'locked':
        return `the board is being changed by another postboard process${problem.pid ? ` (process ${problem.pid}${problem.stopped ? ', stopped' : ''})` : ''}; waited ${problem.seconds} s. Try again, or raise POSTBOARD_LOCK_TIMEOUT`;
      case 'lock-lost':
        return 'another process took the board\'s lock during this change, so nothing was written; try again';
      case 'numbers-exhausted':
        return `every post number up to ${grouped(Number.MAX_SAFE_INTEGER)} has been given; no new post can be numbered`;
    }
  },
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
  change: { empty: '(empty)', lines: (count: number) => `${grouped(count)} ${count === 1 ? 'line' : 'lines'}`, more: (count: number) => `… ${grouped(count)} more` },
  localTime: localTimestamp,
  place: (place: TextPlace) => `${place.unit} ${grouped(place.number)}`,
  encodingName: { utf8: 'UTF-8', utf16le: 'UTF-16', utf16be: 'UTF-16', cp949: 'CP949 (Korean Windows)' } satisfies Record<TextEncoding, string>,
  decode(file: string, problem: DecodeProblem): string {
    const at = this.place(problem.at);
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

export type Messages = typeof en;

const ko: Messages = {
  fields: {
    id: '번호',
    title: '제목',
    author: '글쓴이',
    department: '담당부서',
    date: '날짜',
    views: '조회수',
    status: '상태',
    body: '내용',
    source_agency: '출처',
    source_date: '출처 날짜',
    source_url: '출처 URL',
    createdAt: '작성 시각',
    updatedAt: '수정 시각',
  },
  status: { published: '노출', hidden: '비노출' },
  hiddenMark: '[비노출]',
  number: grouped,

  list: {
    footer: (page, pages, total) => `${pages}쪽 중 ${page}쪽 · 전체 ${grouped(total)}건`,
    nextPage: (page) => ` · 다음: --page ${page}`,
    board: (board) => ` · 게시판 ${board}`,
    noMatch: '조건에 맞는 글이 없습니다.',
    pastEnd: (page, pages) => `${page}쪽은 마지막 쪽(${pages}) 뒤입니다.`,
    missing: (board) => `${board}에 게시판이 아직 없습니다. 첫 글은 postboard add 로 올리세요.`,
    emptyBoard: (board) => `${board} 게시판에 아직 글이 없습니다. 첫 글은 postboard add 로 올리세요.`,
  },
  show: {
    number: '번호',
    author: '글쓴이',
    department: '담당부서',
    date: '날짜',
    views: '조회수',
    status: '상태',
    source: '출처',
    noBody: '(내용 없음)',
  },

  usage: {
    hint: (command) => `'postboard ${command ? `${command} ` : ''}--help' 참고`,
    wholeNumber: (option, value) => `${option} 값은 1 이상의 정수여야 합니다: ${quoted(value)}`,
    count: (option, value) => `${option} 값은 0 이상의 정수여야 합니다: ${quoted(value)}`,
    oneOf: (option, choices, value) => `${option} 값은 ${choices.join(', ')} 중 하나여야 합니다: ${quoted(value)}`,
    date: (option, value) => `${option} 값은 YYYY-MM-DD 형식의 실제 날짜여야 합니다: ${quoted(value)}`,
    fields: (unknown, known) => `--fields: 알 수 없는 필드 ${quoted(unknown)} (사용 가능: ${known.join(', ')})`,
    conflict: (a, b) => `${a}와(과) ${b}는 함께 쓸 수 없습니다`,
    postNumber: (value) => `글 번호는 2912 같은 정수여야 합니다: ${quoted(value)}`,
    sinceAfterUntil: (since, until) => `--since ${since}가 --until ${until}보다 뒤입니다`,
    empty: (option) => `${option}에 값이 필요합니다`,
  },
  notFound: {
    post: (id, board) => `${board}에 ${id}번 글이 없습니다.`,
    noBoard: (board) => `${board}에 게시판이 없습니다.`,
  },
  error: {
    prefix: '오류',
    unexpected: (message) => `예기치 못한 오류: ${message} (자세한 내용은 POSTBOARD_DEBUG=1)`,
    commander: {
      'commander.unknownOption': (flag) => `알 수 없는 옵션 ${flag}`,
      'commander.unknownCommand': (name) => `알 수 없는 명령 ${name}`,
      'commander.missingArgument': (name) => `인자 ${name}가 필요합니다`,
      'commander.optionMissingArgument': (flag) => `옵션 ${flag}에 값이 필요합니다`,
      'commander.excessArguments': () => '인자가 너무 많습니다',
    },
    didYouMean: (suggestion) => `${suggestion}을(를) 찾으셨나요?`,
    output: (stream, code, reason) => `표준 ${stream === 'stdout' ? '출력' : '오류'}에 쓸 수 없습니다 (${code}${reason ? `: ${reason}` : ''})`,
  },

  rule: {
    required: '값이 없습니다',
    type: '형식이 맞지 않습니다',
    integer: '정수여야 합니다',
    'too-big': `${grouped(Number.MAX_SAFE_INTEGER)} 이하여야 합니다`,
    positive: '1 이상이어야 합니다',
    'not-negative': '0 이상이어야 합니다',
    date: '실제 날짜(YYYY-MM-DD)가 아닙니다',
    status: '노출(published) 또는 비노출(hidden)이어야 합니다',
    url: 'http 또는 https 주소여야 합니다',
    timestamp: 'ISO-8601 시각이어야 합니다',
    empty: '비어 있으면 안 됩니다',
    'too-long': '너무 깁니다',
    control: '제어 문자가 들어 있습니다',
  },
  jsonKind: {
    array: '배열',
    null: 'null',
    string: '문자열',
    number: '숫자',
    boolean: 'true/false',
    'object without "posts"': '"posts"가 없는 객체',
  },
  problem(problem) {
    switch (problem.kind) {
      case 'empty':
        return '파일이 비어 있습니다 (빈 게시판은 {"schemaVersion": 1, "lastId": 0, "posts": []})';
      case 'syntax':
        return `${problem.line ? `${problem.line}행 ${problem.column}열: ` : ''}올바른 JSON이 아닙니다 (${problem.detail})`;
      case 'not-a-board':
        return `postboard 게시판 파일이 아닙니다: "posts"가 있는 객체여야 하는데 ${this.jsonKind[problem.found]}입니다`;
      case 'bad-header':
        return `"${problem.field}" 값은 정수여야 합니다: ${quoted(problem.value)}`;
      case 'newer-version':
        return `schemaVersion ${problem.version}은(는) 이 postboard가 읽는 버전(${SCHEMA_VERSION})보다 새롭습니다. postboard를 업데이트하세요`;
      case 'invalid-post':
        return `${this.postAt(problem.id, problem.index, problem.line)}: ${this.fieldIssue(problem.issue)}`;
      case 'duplicate-id':
        return `글 번호 ${problem.id}이(가) 두 번 나옵니다 (posts[${problem.firstIndex}], posts[${problem.index}]${problem.line ? `, ${problem.line}행` : ''})`;
      case 'last-id-behind':
        return `lastId ${problem.lastId}이(가) 가장 큰 글 번호 ${problem.highest}보다 작습니다`;
      case 'not-nfc':
        return `${this.postAt(problem.id, problem.index, undefined)}: ${this.fieldName(problem.field)}이(가) NFC가 아닙니다 (풀어쓴 한글)`;
      case 'bom':
        return '바이트 순서 표식(BOM)으로 시작합니다 (윈도우 편집기가 넣은 것); JSON에는 없어야 합니다';
      case 'folder':
        return '게시판 파일이 아니라 폴더입니다';
      case 'not-a-file':
        return `게시판 파일이 아니라 ${this.fileKind[problem.found]}입니다`;
      case 'too-large':
        return `JSON 파일로 두기에는 게시판이 너무 큽니다 (${problem.bytes === undefined ? '한도 초과' : megabytes(problem.bytes)}; JSON 게시판은 최대 ${megabytes(problem.limit)}). 아무것도 바꾸지 않았습니다. 오래된 글을 다른 게시판(--db)으로 옮기거나, 이만한 보관함은 SQLite 게시판에 두세요`;
      case 'read-only':
        return `읽기 전용입니다 (권한 ${problem.mode.toString(8).padStart(4, '0')}). 아무것도 바꾸지 않았습니다 (chmod u+w로 쓰기 허용)`;
      case 'unreadable':
        return `읽을 수 없습니다 (${problem.code}${this.errno[problem.code] ? `: ${this.errno[problem.code]}` : ''})`;
      case 'unwritable':
        return `쓸 수 없습니다 (${problem.code}${this.errno[problem.code] ? `: ${this.errno[problem.code]}` : ''}). 게시판은 그대로입니다${this.advice[problem.code] ? `. ${this.advice[problem.code]}` : ''}`;
      case 'locked':
        return `다른 postboard 프로세스${problem.pid ? `(${problem.pid}번${problem.stopped ? ', 멈춤' : ''})` : ''}가 게시판을 바꾸는 중입니다. ${problem.seconds}초 기다렸습니다. 잠시 뒤 다시 하거나 POSTBOARD_LOCK_TIMEOUT을 늘리세요`;
      case 'lock-lost':
        return '바꾸는 동안 다른 프로세스가 게시판 잠금을 가져가서 아무것도 쓰지 않았습니다. 다시 하세요';
      case 'numbers-exhausted':
        return `${grouped(Number.MAX_SAFE_INTEGER)}까지 모든 글 번호를 썼습니다. 새 글에 번호를 줄 수 없습니다`;
    }
  },
  fileKind: { device: '장치', fifo: '이름 있는 파이프(FIFO)', socket: '소켓', other: '일반 파일이 아닌 것' },
  errno: {
    ENOSPC: '디스크에 남은 공간이 없음',
    EDQUOT: '디스크 할당량 초과',
    EACCES: '권한 없음',
    EPERM: '허용되지 않음',
    EROFS: '읽기 전용 파일 시스템',
    ENOENT: '그런 파일이나 폴더가 없음',
    EISDIR: '폴더임',
    ENOTDIR: '경로 중간이 폴더가 아님',
    ELOOP: '심볼릭 링크가 너무 많음',
    EIO: '입출력 오류',
  },
  ioCode(code) {
    return this.errno[code] ? `${code}: ${this.errno[code]}` : code;
  },
  advice: {
    ENOSPC: '공간을 비우고 다시 하세요.',
    EDQUOT: '공간을 비우고 다시 하세요.',
    EACCES: '폴더와 파일의 권한을 확인하세요.',
    EROFS: '게시판을 쓸 수 있는 곳에 복사하거나 --db를 쓰세요.',
  },
  postAt: (id, index, line) => `${id === undefined ? `posts[${index}]` : `${id}번 글`}${line ? ` (${line}행)` : ''}`,
  fieldIssue(issue, label) {
    return `${label ?? (issue.field ? this.fieldName(issue.field) : '글')}${shownValue(issue)}: ${this.fieldProblem(issue)}`;
  },
  /** A field named in a message: by its Korean name (제목, 출처 URL), never its English key. */
  fieldName(field) {
    const key = field.replace('.', '_') as FieldKey;
    return this.fields[key] ?? field;
  },
  fieldProblem(issue) {
    const limit = LIMITS[issue.field as keyof typeof LIMITS];
    if (issue.rule === 'too-long' && limit) return `너무 깁니다 (${grouped([...String(issue.value).normalize("NFC").trim()].length)}자, 최대 ${grouped(limit)}자)`;
    return this.rule[issue.rule];
  },
  duplicateSource: (id) => `이 출처 URL은 이미 ${id}번 글에 있습니다`,
  declined: '아무것도 바꾸지 않았습니다.',
  change: { empty: '(없음)', lines: (count) => `${grouped(count)}줄`, more: (count) => `… ${grouped(count)}줄 더` },
  localTime: localTimestamp,
  place: (place) => `${grouped(place.number)}${{ row: '행', line: '번째 줄', item: '번째 항목' }[place.unit]}`,
  encodingName: { utf8: 'UTF-8', utf16le: 'UTF-16', utf16be: 'UTF-16', cp949: 'CP949(한국어 윈도우)' },
  decode(file, problem) {
    const at = this.place(problem.at);
    if (problem.kind === 'mixed') {
      return problem.found === 'cp949'
        ? `${file}: ${at}은 UTF-8이 아닙니다(CP949로 보임). 나머지는 UTF-8이니 파일 전체를 한 인코딩으로 저장하세요`
        : `${file}: ${at}은 UTF-8인데 나머지는 CP949(한국어 윈도우)입니다. 파일 전체를 한 인코딩으로 저장하세요`;
    }
    return problem.encoding === 'cp949'
      ? `${file}: ${at}에 UTF-8도 CP949도 아닌 바이트가 있습니다. 파일을 UTF-8로 저장하세요`
      : `${file}: ${at}이 바이트 순서 표식 뒤의 ${this.encodingName[problem.encoding]}로 올바르지 않습니다`;
  },
};

export const MESSAGES: Record<Lang, Messages> = { en, ko };
