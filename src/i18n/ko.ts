import { localTimeAt, localTimestamp } from '../board/dates.js';
import { EXCEL_CELL_CHARS } from '../board/sheet-changes.js';
import { POST_KEYS, type FieldKey } from '../board/fields.js';
import { LIMITS } from '../board/post.js';
import type { DatabaseStep } from '../store/json/board-file.js';
import type { Catalogue } from './en.js';
import { byteSize, grouped, megabytes, quoted, shellWord, shownValue } from './shared.js';
import { ADD_FORMATS, CHECK_FORMATS, ENCODINGS, EXPORT_FORMATS, FEED_SIZE, GROUPINGS, LIST_FORMATS, PAGE_SIZE, SHELLS, SHOW_FORMATS, TOP } from '../cmdutil/choices.js';
import { IMPORT_FORMATS } from '../formats/records.js';
import { PERIODS } from '../board/dates.js';
import { SORT_KEYS } from '../board/query.js';
import { LANGS } from './shared.js';

/** What became of a command whose database stopped answering, or whose connection ended, at this step. */
const stepOutcome = (during: DatabaseStep): string =>
  during === 'change' ? '. 게시판은 그대로입니다' : during === 'commit' ? '. 변경이 저장되었는지 알 수 없습니다: postboard log로 확인하세요' : '';

/** The Korean catalogue: the same keys as the English one, in the board's own words. */
/** 피드 서버가 흔히 보내는 HTTP 상태의 뜻. */
const HTTP_STATUS_KO: Record<number, string> = {
  400: '잘못된 요청', 401: '인증 필요', 403: '접근 거부', 404: '찾을 수 없음', 405: '허용되지 않은 메서드', 406: '받을 수 없는 형식',
  408: '요청 시간 초과', 410: '삭제됨', 429: '요청이 너무 많음', 500: '서버 내부 오류', 501: '구현되지 않음',
  502: '게이트웨이 오류', 503: '서비스 이용 불가', 504: '게이트웨이 시간 초과',
};

/** 흔한 연결 오류의 뜻. */
const NETWORK_CODES_KO: Record<string, string> = {
  ECONNREFUSED: '연결이 거부됨',
  ENOTFOUND: '호스트를 찾을 수 없음',
  EAI_AGAIN: '네임 서버가 응답하지 않음',
  ECONNRESET: '연결이 끊김',
  ETIMEDOUT: '연결 시간 초과',
  EHOSTUNREACH: '호스트에 닿을 수 없음',
  ENETUNREACH: '네트워크에 닿을 수 없음',
  UND_ERR_SOCKET: '연결이 중간에 끊김',
};

/** 정책브리핑 API(공공데이터포털)의 흔한 오류에 대한 안내. */
const API_ADVICE_KO: Record<string, string> = {
  SERVICE_KEY_IS_NOT_REGISTERED_ERROR: 'POSTBOARD_BRIEFING_KEY를 확인하세요: 공공데이터포털에서 이 API용으로 받은 서비스 키여야 합니다',
  SERVICE_ACCESS_DENIED_ERROR: '이 키는 이 API에 승인되지 않았습니다: 공공데이터포털에서 활용신청을 하세요',
  LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR: '오늘 호출 한도를 다 썼습니다: 내일 다시 하거나 공공데이터포털에 트래픽 증가를 신청하세요',
  DEADLINE_HAS_EXPIRED_ERROR: '키의 활용 기간이 끝났습니다: 공공데이터포털에서 연장하세요',
  THREE_DAYS_OVER_ERROR: '한 번 호출로는 최대 3일까지만 조회할 수 있습니다',
};

export const ko: Catalogue = {
  os: process.platform,
  shell: process.platform === 'win32' ? 'cmd' : 'posix',
  fields: {
    id: '번호',
    title: '제목',
    subtitle: '부제',
    author: '글쓴이',
    department: '담당부서',
    date: '날짜',
    views: '조회수',
    status: '상태',
    body: '내용',
    source_agency: '출처 기관',
    source_date: '출처 날짜',
    source_url: '출처 URL',
    createdAt: '작성 시각',
    updatedAt: '수정 시각',
  },
  status: { published: '노출', hidden: '비노출' },
  terms: {
  options: '옵션',
  command: '명령',
  path: '경로',
  lang: '언어',
  n: '수',
  list: '목록',
  format: '형식',
  columns: '칸',
  status: '상태',
  text: '글',
  name: '이름',
  date: '날짜',
  period: '기간',
  key: '기준',
  url: '주소',
  file: '파일',
  location: '위치',
  encoding: '인코딩',
  groups: '표',
  id: '번호',
  ids: '번호',
  change: '변경',
  shell: '셸',
  },
  examplesHeading: '예시:',
  notATerminal: () => '표준 입력이 터미널이 아니라서 물어볼 수 없습니다: 묻지 않고 하려면 --yes',

  form: {
    questions: {
      title: '제목',
      subtitle: '부제',
      author: '글쓴이',
      department: '담당부서 (입력해 찾거나 새로 입력)',
      date: '날짜 (YYYY-MM-DD)',
      status: '상태',
      body: '내용',
      'source.agency': '출처 기관',
      'source.date': '출처 날짜 (YYYY-MM-DD)',
      'source.url': '출처 URL',
    },
    authorHint: '(기본값 정하기: export POSTBOARD_AUTHOR="…")',
    noDepartment: '(없음)',
    newDepartment: '(새 부서)',
    cancelled: '취소했습니다',
    optional: '(선택, 건너뛰려면 Enter)',
    inEditor: (command) => `(${command}에서 엽니다: 저장하고 끝내면 계속)`,
    editAgain: '내용을 다시 고칠까요?',
    keys: { navigate: '이동', select: '고르기' },
  },
  flags: {
    title: '제목 (200자까지)',
    subtitle: '부제: 제목 아래 한 줄 (300자까지)',
    author: '글쓴이',
    department: '담당부서',
    date: '게시 날짜, YYYY-MM-DD',
    status: 'published(노출) 또는 hidden(비노출)',
    body: '내용',
    bodyFile: '내용을 파일에서 읽기, - 이면 표준 입력',
    'source.agency': '출처 기관, 예: 행정안전부',
    'source.date': '출처 날짜, YYYY-MM-DD',
    'source.url': '출처 URL (http 또는 https)',
  },
  stdin: {
    fromTerminal: '터미널에서 읽습니다: 입력한 뒤 빈 줄에서 Ctrl+D를 누르면 끝납니다.',
    damaged: (source, damage, instead) =>
      `${source}: ${damage.kind === 'replacement' ? `${damage.line}번째 줄에 U+FFFD(�) 문자가 있습니다. 글자가` : `${damage.line}번째 줄에 글자 대신 ??가 있습니다. 한글이`} postboard에 오기 전에 깨졌습니다(PowerShell은 파이프로 넘기는 글을 다시 인코딩합니다). 아무것도 저장하지 않았습니다. 대신 파일 경로를 주세요: ${instead}`,
    damagedFlag: (flag) => `옵션 값에 U+FFFD(�) 문자가 있습니다(${flag}). 글자가 postboard에 오기 전에 깨졌습니다(CP949 파일처럼 UTF-8이 아닌 글을 명령줄에 넣은 경우). 아무것도 저장하지 않았습니다. 인코딩을 postboard가 알아내도록 파일로 주세요: --body-file 또는 import`,
    fromConsole: '콘솔에서 읽습니다: 입력한 뒤 빈 줄에서 Ctrl+Z, Enter를 누르면 끝납니다.',
    cannotReadBody: (path, code) => `--body-file: 읽을 수 없습니다: ${path} (${code})`,
  },
  hiddenMark: '[비노출]',
  number: grouped,

  list: {
    footer: (page, pages, total, more = false) => `${pages > 1 ? `${grouped(pages)}${more ? '+' : ''}쪽 중 ${page}쪽 · ` : ''}전체 ${grouped(total)}${more ? '+' : ''}건`,
    nextPage: (page) => ` · 다음: --page ${page}`,
    count: (posts) => `글 ${grouped(posts)}개`,
    board: (board) => ` · 게시판 ${board}`,
    noMatch: '조건에 맞는 글이 없습니다.',
    pastEnd: (page, pages) => `${page}쪽은 마지막 쪽(${pages}) 뒤입니다.`,
    missing: (board, add) => `${board}에 게시판이 아직 없습니다. 첫 글은 이렇게 올리세요: ${add}`,
    emptyBoard: (board, add) => `${board} 게시판에 아직 글이 없습니다. 첫 글은 이렇게 올리세요: ${add}`,
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
    numberLater: '(올릴 때 정해짐)',
  },

  usage: {
    windowsName: (option, path, problem) =>
      `${option} ${quoted(path)}: ${
        problem.kind === 'device'
          ? `Windows에서는 장치 이름이라 파일이 아닙니다(CON, PRN, AUX, NUL, COM1–9, LPT1–9, 확장자가 붙어도 마찬가지): ${quoted(problem.name)}`
          : problem.kind === 'stream'
            ? `드라이브 문자 뒤의 ":"는 Windows에서 다른 파일 안에 숨은 스트림을 뜻합니다. 따로 된 파일이 아닙니다: ${quoted(problem.name)}`
            : problem.kind === 'trailing'
              ? `Windows는 이름 끝의 점과 공백을 떼어 버려 다른 이름의 파일이 됩니다: ${quoted(problem.name)}`
              : 'Windows 장치 경로라 파일이 아닙니다'
      }. 다른 이름을 쓰세요`,
    hint: (command) => `'postboard ${command ? `${command} ` : ''}--help' 참고`,
    wholeNumber: (option, value) => `${option} 값은 1 이상의 정수여야 합니다: ${quoted(value)}`,
    atMost: (option, most) => `${option} 값은 ${grouped(most)} 이하여야 합니다`,
    count: (option, value) => `${option} 값은 0 이상의 정수여야 합니다: ${quoted(value)}`,
    oneOf: (option, choices, value) => `${option} 값은 ${choices.join(', ')} 중 하나여야 합니다: ${quoted(value)}`,
    date: (option, value) => `${option} 값은 YYYY-MM-DD 형식의 실제 날짜여야 합니다: ${quoted(value)}`,
    fields: (unknown, known) => `--fields: 알 수 없는 필드 ${quoted(unknown)} (사용 가능: ${known.join(', ')})`,
    conflict: (a, b) => `함께 쓸 수 없는 옵션입니다: ${a}, ${b}`,
    postNumber: (value) => `글 번호는 2912 같은 정수여야 합니다: ${quoted(value)}`,
    sinceAfterUntil: (since, until) => `--since 날짜가 --until 날짜보다 뒤입니다 (${since}, ${until})`,
    empty: (option) => `${option}에 값이 필요합니다`,
    seconds: (variable, value, aboveZero) => `${variable} 값은 ${aboveZero ? '0보다 큰 ' : ''}초 단위 숫자여야 합니다: ${quoted(value)}`,
    boardKind: (location) =>
      `${location}: 게시판은 JSON 파일, SQLite 파일(.sqlite, .db, sqlite:경로), PostgreSQL 데이터베이스(postgres://…)에만 둘 수 있습니다. 이런 URL에는 둘 수 없습니다`,
  },
  notFound: {
    post: (id, board) => `${board}에 ${id}번 글이 없습니다.`,
    noBoard: (board) => `${board}에 게시판이 없습니다.`,
  },
  error: {
    prefix: '오류',
    unexpected: (message) => `예기치 못한 오류: ${message} (자세한 내용은 POSTBOARD_DEBUG=1)`,
    commander: {
      'commander.unknownOption': (flag) => `알 수 없는 옵션: ${flag}`,
      'commander.unknownCommand': (name) => `알 수 없는 명령: ${name}`,
      'commander.missingArgument': (name) => `빠진 인자: ${name}`,
      'commander.optionMissingArgument': (flag) => `값이 필요한 옵션: ${flag}`,
      'commander.excessArguments': () => '인자가 너무 많습니다',
    },
    didYouMean: (suggestion) => `비슷한 것: ${suggestion}`,
    savedAnyway: '변경 자체는 저장했습니다. 출력만 잃었으니 다시 실행하지 마세요',
    output: (stream, code, reason) => `표준 ${stream === 'stdout' ? '출력' : '오류'}에 쓸 수 없습니다 (${code}${reason ? `: ${reason}` : ''})`,
  },

  rule: {
    required: '값이 없습니다',
    type: '형식이 맞지 않습니다',
    integer: '정수여야 합니다',
    'too-big': `${grouped(Number.MAX_SAFE_INTEGER)} 이하여야 합니다`,
    'too-deep': '너무 깊게 중첩되어 둘 수 없습니다 (100단계 넘음)',
    positive: '1 이상이어야 합니다',
    'not-negative': '0 이상이어야 합니다',
    date: '실제 날짜(YYYY-MM-DD)가 아닙니다',
    status: '노출(published) 또는 비노출(hidden)이어야 합니다',
    url: 'http 또는 https 주소여야 합니다',
    timestamp: 'ISO-8601 시각이어야 합니다',
    empty: '비어 있으면 안 됩니다',
    'too-long': '너무 깁니다',
    control: '제어 문자가 들어 있습니다',
    broken: '깨진 문자(짝 없는 UTF-16 서로게이트)가 들어 있습니다',
  },
  jsonKind: {
    array: '배열',
    null: 'null',
    string: '문자열',
    number: '숫자',
    boolean: 'true/false',
    'object without "posts"': '"posts"가 없는 객체',
  },
  /** Each problem with a board, in words (see `describeProblem`). */
  problems: {
    'empty': () =>
      '파일이 비어 있습니다 (빈 게시판은 {"schemaVersion": 1, "lastId": 0, "posts": []})',
    'syntax': (problem) =>
      `${problem.line ? `${problem.line}행 ${problem.column}열: ` : ''}올바른 JSON이 아닙니다 (${problem.detail})`,
    'not-a-board': (problem, t) =>
      `postboard 게시판 파일이 아닙니다: "posts"가 있는 객체여야 하는데 ${t.jsonKind[problem.found]}입니다`,
    'bad-header': (problem) =>
      problem.field === 'sources'
        ? `"sources"에 postboard가 읽을 수 없는 출처가 있습니다(이름은 한 번씩, kind는 rss나 briefing, http(s) url, addedAt): ${typeof problem.value === 'string' ? problem.value : quoted(problem.value)}`
        : `"${problem.field}" 값은 정수여야 합니다: ${quoted(problem.value)}`,
    'newer-version': (problem) =>
      `이 postboard가 읽는 버전(${problem.reads})보다 새 버전입니다 (schemaVersion ${problem.version}). postboard를 업데이트하세요`,
    'invalid-post': (problem, t) =>
      `${t.postAt(problem.id, problem.index, problem.line)}: ${t.fieldIssue(problem.issue)}`,
    'duplicate-id': (problem) =>
      `같은 글 번호가 두 번 나옵니다: ${problem.id} (posts[${problem.firstIndex}], posts[${problem.index}]${problem.line ? `, ${problem.line}행` : ''})`,
    'last-id-behind': (problem) =>
      `lastId 값이 가장 큰 글 번호보다 작습니다 (lastId ${problem.lastId}, 가장 큰 번호 ${problem.highest})`,
    'not-nfc': (problem, t) =>
      `${t.postAt(problem.id, problem.index, undefined)}: NFC가 아닌 필드 ${t.fieldName(problem.field)} (풀어쓴 한글)`,
    'inexact-number': (problem) =>
      ['id', 'views', 'lastId'].includes(problem.key)
        ? `${problem.line ? `${problem.line}번째 줄: ` : ''}"${problem.key}" 값을 정확히 담을 수 없습니다: ${problem.literal} (${grouped(Number.MAX_SAFE_INTEGER)}까지의 정수만)`
        : `${problem.line ? `${problem.line}번째 줄: ` : ''}"${problem.key}" 값은 JavaScript가 정확히 담을 수 없어 바꾸면 달라집니다: ${problem.literal} → ${JSON.stringify(Number(problem.literal))}. 그대로 두려면 글자("${problem.literal}")로 쓰세요`,
    'duplicate-key': (problem) =>
      `${problem.line}번째 줄: 한 객체에 같은 키가 두 번 있습니다("${problem.key}"). JSON은 마지막 것만 남기므로 다음 변경에서 앞의 것이 사라집니다: 하나만 남기세요`,
    'not-utf8': (problem) =>
      `${problem.line}번째 줄이 UTF-8이 아닙니다(CP949 같은 다른 인코딩?). 게시판 파일은 UTF-8이어야 하니 그 줄을 고치거나 UTF-8로 다시 저장하세요`,
    'too-deep': () =>
      '너무 깊게 중첩된 데이터(postboard가 모르는 키)가 있어 다시 쓸 수 없습니다. 직접 지우세요',
    'bom': () =>
      '바이트 순서 표식(BOM)으로 시작합니다 (윈도우 편집기가 넣은 것); JSON에는 없어야 합니다',
    'folder': () =>
      '게시판 파일이 아니라 폴더입니다',
    'not-a-file': (problem, t) =>
      `게시판 파일이 아니라 ${t.fileKind[problem.found]}입니다`,
    'too-large': (problem) =>
      `JSON 파일로 두기에는 게시판이 너무 큽니다 (${problem.bytes === undefined ? '한도 초과' : megabytes(problem.bytes)}; JSON 게시판은 최대 ${megabytes(problem.limit)}). 아무것도 바꾸지 않았습니다. 오래된 글을 다른 게시판(--db)으로 옮기거나, 이만한 보관함은 SQLite 게시판에 두세요`,
    'read-only': (problem, t) =>
      t.os === 'win32'
        ? '읽기 전용입니다(읽기 전용 특성이 켜져 있음). 아무것도 바꾸지 않았습니다 (쓰기 허용: attrib -r 뒤에 파일 이름)'
        : `읽기 전용입니다 (권한 ${problem.mode.toString(8).padStart(4, '0')}). 아무것도 바꾸지 않았습니다 (chmod u+w로 쓰기 허용)`,
    'unreadable': (problem, t) =>
      `읽을 수 없습니다 (${problem.code}${t.errno[problem.code] ? `: ${t.errno[problem.code]}` : ''})`,
    'unwritable': (problem, t) =>
      `쓸 수 없습니다 (${problem.code}${t.errno[problem.code] ? `: ${t.errno[problem.code]}` : ''}). 게시판은 그대로입니다${
        problem.room
          ? `. 글을 지울 때도 변경마다 게시판 전체를 새로 씁니다: 빈 공간이 ${byteSize(problem.room.needs)} 필요한데${problem.room.free === undefined ? ' 모자랍니다' : ` ${byteSize(problem.room.free)}뿐입니다`}. ${problem.room.free === undefined ? '그만큼' : `적어도 ${byteSize(Math.max(0, problem.room.needs - problem.room.free))} 더`} 비우고 다시 하세요${problem.room.backup ? ` (게시판의 이전 사본은 지워도 됩니다: ${problem.room.backup.path}, ${byteSize(problem.room.backup.bytes)}; undo에는 필요 없음)` : ''}`
          : t.advice[problem.code]
            ? `. ${t.advice[problem.code]}`
            : ''
      }`,
    'locked': (problem) =>
      problem.pending
        ? `게시판 잠금 파일이 아직 지워지는 중입니다: 다른 프로그램(백신, 백업이나 동기화 프로그램)이 열어 두고 있으면 Windows는 지운 파일의 이름을 남겨 둡니다. ${problem.seconds}초 기다렸습니다. 잠시 뒤 다시 하세요`
        : problem.unrefreshed
          ? `게시판 잠금에 적힌 프로세스(${problem.pid ?? '?'}번)가 ${problem.unrefreshed.seconds}초 동안 잠금을 새로 고치지 않았습니다: 이미 끝났을 가능성이 큽니다. ${problem.seconds}초 기다렸습니다. 잠금은 ${problem.unrefreshed.staleSeconds}초가 지나면 버려진 것으로 보니 그때 다시 하세요 (postboard가 돌고 있지 않다면 지워도 됩니다: ${problem.unrefreshed.path})`
          : `${
        problem.store === 'sqlite'
          ? '다른 프로그램이나 postboard 프로세스가 이 SQLite 파일에 쓰는 중입니다'
          : problem.store === 'postgres'
            ? problem.holder === 'postboard'
              ? '다른 postboard 명령이 게시판을 바꾸는 중입니다'
              : problem.holder === 'other-session'
                ? `데이터베이스의 다른 세션(${problem.application ? problem.application : '응용 프로그램 이름 없음'})이 게시판을 잠그고 있습니다. postboard가 아닙니다`
                : '데이터베이스의 다른 세션이 게시판을 잠그고 있습니다'
            : `다른 postboard 프로세스${problem.pid ? `(${problem.pid}번${problem.stopped ? ', 멈춤' : ''})` : ''}가 게시판을 바꾸는 중입니다`
      }. ${problem.seconds}초 기다렸습니다. 잠시 뒤 다시 하거나 POSTBOARD_LOCK_TIMEOUT을 늘리세요`,
    'held': (problem) =>
      `다른 프로그램이 파일을 열어 두고 있어 바꿀 수 없습니다 (${problem.code}: 검사 중인 백신, OneDrive 같은 동기화 프로그램, 편집기). ${problem.seconds}초 기다렸고 게시판은 그대로입니다. 그 프로그램에서 닫거나 잠시 뒤 다시 하세요`,
    'not-a-lock': (problem) =>
      `게시판 잠금 자리에 postboard가 만들지 않은 것이 있습니다(이름 있는 파이프, 폴더, 링크?): ${problem.path}. 아무것도 바꾸지 않았으니 지우세요`,
    'stale-lock': (problem, t) =>
      `끝난 프로세스${problem.pid ? `(${problem.pid})` : ''}가 남긴 잠금을 지울 수 없습니다: ${problem.path} (${problem.code}${t.errno[problem.code] ? `: ${t.errno[problem.code]}` : ''}). 아무것도 바꾸지 않았습니다: 직접 지우세요`,
    'not-a-backup': (problem) =>
      `게시판의 백업 자리에 postboard가 만들지 않은 것이 있습니다 (폴더?): ${problem.path}. 아무것도 바꾸지 않았습니다: 다른 곳으로 옮기세요`,
    'lock-lost': () =>
      '바꾸는 동안 다른 프로세스가 게시판 잠금을 가져가서 아무것도 쓰지 않았습니다. 다시 하세요',
    'not-empty': (problem) =>
      `이미 ${problem.posts > 0 ? `글 ${grouped(problem.posts)}개가` : `변경 기록 ${grouped(problem.changes)}건이`} 있습니다. 게시판은 새 게시판이나 빈 게시판에만 복사합니다`,
    'driver-missing': (problem, t) => {
      const unset = '환경 변수 POSTBOARD_SQLITE_DRIVER 설정을 지우세요';
      if (problem.driver === 'node:sqlite') {
        const why = problem.builtin ? `내장 SQLite(${problem.builtin})에 FTS5 전문 검색이 없습니다` : 'node:sqlite 모듈이 없습니다';
        return `환경 변수 POSTBOARD_SQLITE_DRIVER에 node:sqlite를 지정했는데, 지금 Node.js(${process.version})에는 ${why}. Node.js 22.16 이상을 쓰거나 ${unset}`;
      }
      const build =
        t.os === 'win32'
          ? '선택 패키지이며, 설치할 때 미리 빌드된 바이너리를 내려받습니다. 내려받지 못하면 Visual Studio C++ 빌드 도구로 컴파일해야 합니다. Node.js 22.16 이상(nodejs.org의 MSI)은 둘 다 필요 없습니다'
          : '선택 패키지이며, 맞는 바이너리가 없으면 소스에서 빌드합니다: g++, make, python3 필요';
      if (problem.asked) {
        return problem.rebuild
          ? `환경 변수 POSTBOARD_SQLITE_DRIVER에 지정한 better-sqlite3 패키지가 다른 Node.js 버전용으로 빌드되어 있습니다 (지금은 ${process.version}). postboard 폴더에서 다시 빌드하거나(npm rebuild better-sqlite3) ${unset}`
          : `환경 변수 POSTBOARD_SQLITE_DRIVER에 지정한 better-sqlite3 패키지가 설치되어 있지 않습니다 (${build}). postboard 폴더에서 설치하거나(npm install better-sqlite3) ${unset}`;
      }
      const node = `Node.js 22.16 이상(SQLite가 들어 있어 따로 설치할 것이 없음. 지금은 ${process.version}${problem.builtin ? `, 내장 SQLite ${problem.builtin}에는 FTS5 전문 검색이 없음` : ''})`;
      return problem.rebuild
        ? `SQLite 게시판에는 ${node} 또는 이 Node.js용으로 빌드한 better-sqlite3 패키지가 필요한데, 패키지가 다른 Node.js 버전용으로 빌드되어 있습니다. 새 Node.js를 쓰거나 postboard 폴더에서 다시 빌드하세요: npm rebuild better-sqlite3`
        : `SQLite 게시판에는 ${node} 또는 better-sqlite3 패키지가 필요한데, 패키지가 설치되어 있지 않습니다 (${build}). 새 Node.js를 쓰거나 postboard 폴더에서 설치하세요: npm install better-sqlite3`;
    },
    'hard-linked': (problem) =>
      `이름이 ${problem.names}개(하드 링크)입니다. SQLite는 연 이름 옆에 잠금을 두므로 두 이름으로 쓰면 글을 잃습니다. 이름을 하나만 남기고(심볼릭 링크는 괜찮습니다) 그 이름으로 쓰세요`,
    'not-a-board-database': (problem) =>
      problem.notSqlite
        ? '이름은 SQLite 파일(.sqlite, .sqlite3, .db)인데 SQLite 데이터베이스가 아닙니다. JSON 게시판이라면 다른 이름을 쓰세요'
        : 'postboard 게시판이 아닌 데이터베이스입니다 (다른 테이블이 있습니다). 새 파일이나 빈 파일을 지정하세요',
    'database': (problem) => `데이터베이스 오류: ${problem.detail}`,
    'unreachable': (problem) =>
      problem.seconds !== undefined
        ? `${problem.host}의 PostgreSQL 서버가 ${problem.seconds}초 안에 응답하지 않았습니다 (connect_timeout). 서버가 켜져 있는지, 호스트와 포트가 맞는지 확인하세요`
        : `${problem.host}의 PostgreSQL 서버에 연결할 수 없습니다 (${problem.code}). 서버가 켜져 있는지, 호스트와 포트가 맞는지 확인하세요`,
    'server-silent': (problem) =>
      `${problem.host}의 PostgreSQL 서버가 응답을 멈췄습니다 (${problem.seconds}초 동안 응답 없음)${stepOutcome(problem.during)}`,
    'connection-lost': (problem) =>
      `${problem.host}의 PostgreSQL 서버와의 연결이 끊겼습니다 (${problem.detail})${stepOutcome(problem.during)}`,
    'statement-timeout': (problem) =>
      `PostgreSQL 서버가 ${problem.seconds}초 동안 끝나지 않은 문장을 멈췄습니다 (잠금 대기 시간에 더한 POSTBOARD_STATEMENT_TIMEOUT). 게시판은 그대로입니다. 잠시 뒤 다시 하거나 POSTBOARD_STATEMENT_TIMEOUT을 늘리세요`,
    'bad-url': () => '올바른 PostgreSQL URL이 아닙니다 (postgres://사용자@호스트:5432/데이터베이스; 비밀번호의 @, /, ?, # 는 %40, %2F, %3F, %23 으로 씁니다)',
    'broken-change': (problem) =>
      `변경 기록의 한 항목이 깨졌습니다 (손으로 고쳤나요? 내용이 postboard의 JSON이 아닙니다): 변경 번호 ${problem.seq}. changes 테이블의 그 행을 고치거나 지우세요 (postboard check가 모두 보여 줍니다)`,
    'bad-last-id': (problem) =>
      `지금까지 준 가장 큰 번호(board 테이블의 last_id)가 정수가 아닙니다: ${JSON.stringify(problem.value)}. 지금까지 준 가장 큰 글 번호로 고치세요 (적어도 SELECT max(id) FROM posts 값)`,
    'rows-refused': (problem) =>
      `${problem.during === 'copy' ? '복사할 수 없습니다' : '이 postboard의 스키마로 올릴 수 없습니다'}: postboard가 보여 줄 수 없는 글이 ${problem.count}개 있습니다 (${problem.ids.join(', ')}${problem.count > problem.ids.length ? ', …' : ''}). 무엇이 잘못인지는 postboard check가 알려 줍니다. 데이터베이스 도구(sqlite3, psql)로 고치세요`,
    'bad-schema': (problem) =>
      problem.schema.length > 63
        ? `스키마 이름이 PostgreSQL의 한도 63자보다 깁니다: ${JSON.stringify(problem.schema.slice(0, 20))}…`
        : `스키마 이름은 영문자, 숫자, _ 로만 씁니다 (PostgreSQL 이름): ${JSON.stringify(problem.schema)}`,
    'bad-setting': (problem) => `${problem.setting} 값은 ${problem.choices.join(', ')} 중 하나여야 합니다: ${quoted(problem.value)}`,
    'tls': (problem) =>
      problem.reason === 'unsupported'
        ? `${problem.host}의 PostgreSQL 서버가 TLS를 지원하지 않는데 sslmode=${problem.sslmode} 설정은 TLS를 요구합니다`
        : problem.reason === 'wrong-host'
          ? `PostgreSQL 서버의 인증서가 접속한 호스트의 것이 아닙니다 (호스트: ${problem.host}; 지금 설정 sslmode=${problem.sslmode}: 호스트 이름까지 확인합니다. verify-ca는 확인하지 않습니다)`
          : problem.reason === 'expired'
            ? `PostgreSQL 서버의 인증서가 만료되었거나 아직 유효하지 않습니다 (sslmode=${problem.sslmode})`
            : problem.reason === 'untrusted'
              ? `PostgreSQL 서버의 인증서를 신뢰할 수 있는 인증 기관이 서명하지 않았습니다${problem.detail ? ` (${problem.detail})` : ''}. ${
                  problem.sslmode.startsWith('verify')
                    ? `인증 기관(CA)의 인증서를 sslrootcert=파일 경로로 지정하거나, 확인 없이 암호화만 하려면 sslmode=require를 쓰세요 (지금: sslmode=${problem.sslmode})`
                    : `루트 인증서(sslrootcert 또는 ~/.postgresql/root.crt)가 주어지면 인증서를 확인합니다 (지금: sslmode=${problem.sslmode}). 서명한 인증 기관의 인증서를 지정하세요`
                }`
              : `${problem.host}의 PostgreSQL 서버와 TLS 연결에 실패했습니다${problem.detail ? ` (${problem.detail})` : ''} (sslmode=${problem.sslmode})`,
    'tls-file': (problem, t) =>
      `${problem.parameter} 설정의 파일을 읽을 수 없습니다: ${problem.path} (${problem.code}${t.errno[problem.code] ? `: ${t.errno[problem.code]}` : ''})`,
    'login-failed': (problem) =>
      problem.noPassword
        ? problem.pgpassIgnored
          ? `PostgreSQL 서버가 ${problem.user}의 비밀번호를 요구하는데 주어진 비밀번호가 없습니다. 다른 사용자도 읽을 수 있는 파일은 읽지 않습니다: ${problem.pgpassIgnored} (chmod 600 ${problem.pgpassIgnored})`
          : `PostgreSQL 서버가 ${problem.user}의 비밀번호를 요구하는데 주어진 비밀번호가 없습니다. PGPASSWORD, ~/.pgpass, URL(--db, 또는 POSTBOARD_DB: 같은 데이터베이스면 초안도 여기서 가져감) 중 한 곳에 넣으세요`
        : `PostgreSQL 서버가 ${problem.user}의 로그인을 거부했습니다 (비밀번호가 틀렸거나 허용되지 않음). URL, PGPASSWORD, ~/.pgpass를 확인하세요`,
    'no-database': (problem) => `PostgreSQL 서버에 ${problem.database} 데이터베이스가 없습니다. 만들거나(createdb ${problem.database}) 다른 것을 지정하세요`,
    'no-tables': (problem, t) => `아직 postboard 게시판이 없습니다. 만들려면: postboard init --db ${shellWord(problem.location, t.shell)}`,
    'numbers-exhausted': () =>
      `${grouped(Number.MAX_SAFE_INTEGER)}까지 모든 글 번호를 썼습니다. 새 글에 번호를 줄 수 없습니다`,
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
    EFBIG: '너무 큼',
    ENOTFILE: '파일이 아니라 장치임',
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
  stale: {
    unit: (precision) => (precision >= 60_000 ? '분' : precision >= 1000 ? '초' : `${grouped(precision)}ms`),
    changed(refusal) {
      const board = localTimeAt(refusal.boardTime, Math.min(refusal.precision, 1000));
      const file = refusal.fileTime ? `(${localTimeAt(refusal.fileTime, refusal.precision)})` : '';
      return refusal.earlier
        ? `게시판의 ${refusal.id}번 글(${board})이 이 파일${file}보다 이전 판입니다(undo를 한 뒤처럼). 다시 내보내거나, 다른 행만 가져오려면 --skip-invalid, 그래도 반영하려면 --force`
        : `${refusal.id}번 글이 이 파일의 판${file} 뒤에 게시판에서 바뀌었는데(${board}) 이 행도 그 글을 고칩니다. 다시 내보내 이 행의 수정을 다시 하거나, 다른 행만 가져오려면 --skip-invalid, 그 변경을 덮어쓰려면 --force`;
    },
    cannotTell(refusal) {
      const unit = this.unit(refusal.precision);
      const file = localTimeAt(refusal.fileTime, refusal.precision);
      const board = localTimeAt(refusal.boardTime, 1);
      return refusal.why === 'changed-within'
        ? `${refusal.id}번 글이 이 파일의 시각이 가리키는 같은 ${unit} 안(${file})에 두 번 이상 바뀌어(마지막 변경 ${board}) 이 행이 어느 판에서 나왔는지 알 수 없습니다. 다시 내보내거나, 그래도 반영하려면 --force`
        : `이 파일의 ${refusal.id}번 글 시각은 ${unit} 단위까지만 있고(${file}) 글의 마지막 변경(${board})이 그 안에 있는데, 그때 두 번 이상 바뀌었는지 알 만큼 변경 기록이 거슬러 올라가지 않습니다. 다시 내보내거나, 그래도 반영하려면 --force`;
    },
  },
  sheet: {
    option: `스프레드시트가 스스로 바꾼 것으로 보이는 변경도 반영: 숫자 모양(1e5 → 100000), 사라진 앞자리 0, 날짜 모양, 줄바꿈만 다른 것, ${grouped(EXCEL_CELL_CHARS)}자에서 잘린 글 (없으면 보여 주기만 하고 반영하지 않음)`,
    kind: {
      number: '숫자의 모양이 바뀜',
      'leading-zeros': '앞자리 0이 사라짐',
      date: '날짜의 모양이 바뀜',
      time: '시각의 모양이 바뀜',
      'line-breaks': '줄바꿈만 다름',
      cut: `스프레드시트 칸의 한도 ${grouped(EXCEL_CELL_CHARS)}자에서 잘림`,
    },
    values(change) {
      const short = (text: string) => text.length <= 60 && !/[\r\n]/.test(text);
      return short(change.before) && short(change.after)
        ? `${quoted(change.before)} → ${quoted(change.after)}`
        : `${grouped(change.before.length)}자 → ${grouped(change.after.length)}자`;
    },
    planLine(change, applied, t) {
      return `${t.fields[change.field]}: ${this.values(change)} (스프레드시트가 바꾼 것으로 보임: ${this.kind[change.kind]}. ${applied ? '반영함 (--accept-spreadsheet-changes)' : '반영하지 않음'})`;
    },
    note(id, changes, applied, t) {
      const what = changes.map((change) => `${t.fields[change.field]} ${this.values(change)} (${this.kind[change.kind]})`).join(', ');
      return applied
        ? `${id}번 글: 스프레드시트가 바꾼 것으로 보이는 변경도 --accept-spreadsheet-changes에 따라 반영했습니다: ${what}`
        : `${id}번 글: 사람이 아니라 스프레드시트가 바꾼 것으로 보여 반영하지 않았습니다: ${what}. 그 행의 다른 변경은 반영합니다. 이것도 반영하려면 --accept-spreadsheet-changes`;
    },
    held: (posts) => `스프레드시트가 바꾼 것으로 보이는 변경은 글 ${grouped(posts)}개에 반영하지 않음 (반영하려면 --accept-spreadsheet-changes)`,
    applied: (posts) => `스프레드시트가 바꾼 것으로 보이는 변경을 글 ${grouped(posts)}개에 반영함`,
  },
  feed: {
    linkNeeded: '--format rss에는 --feed-link URL이 필요합니다: 게시판의 웹 주소(https://…). RSS 2.0은 채널 링크를 꼭 요구하고, 출처 없는 글은 그 주소(URL#post-<번호>)로 연결됩니다',
  },
  pull: {
    problems: {
      timeout: (problem) => `응답 시간 초과: ${problem.seconds}초 안에 응답이 끝나지 않았습니다(한 번 시도의 제한 시간)`,
      'too-big': (problem) => `응답이 너무 큽니다: 피드 하나는 ${byteSize(problem.limit)}까지만 읽습니다`,
      redirects: (problem) => `리디렉션이 너무 많습니다(최대 ${grouped(problem.count)}번): 리디렉션이 돌고 있는지 확인하세요`,
      scheme: (problem) => `http·https 주소가 아닙니다(${problem.scheme}:): 그 밖의 주소는 가져오지도, 리디렉션으로 따라가지도 않습니다`,
      'bad-url': () => '올바른 http·https 주소가 아닙니다(사용자 이름이나 비밀번호가 들어 있는 주소도 받지 않습니다)',
      http: (problem) =>
        `서버 응답 오류: HTTP ${problem.status}${HTTP_STATUS_KO[problem.status] ? ` (${HTTP_STATUS_KO[problem.status]})` : ''}${problem.retryAfter !== undefined ? `, 다시 요청하기 전 기다릴 시간: ${grouped(problem.retryAfter)}초` : ''}`,
      network: (problem) => `서버와 통신하지 못했습니다: ${NETWORK_CODES_KO[problem.code] ?? '연결 실패'} (${problem.code})`,
      tls: (problem) => `서버 인증서를 받아들일 수 없습니다(${problem.code})`,
      cancelled: () => '취소했습니다',
      doctype: () => '피드에 DOCTYPE 선언(엔티티, 외부 DTD)이 있어 읽지 않았습니다: 피드는 데이터로만 읽고, 그 안의 어떤 것도 펼치거나 가져오지 않습니다',
      malformed: (problem) => `XML 형식이 올바르지 않습니다${problem.line !== undefined ? `(${grouped(problem.line)}번째 줄)` : ''}: ${problem.detail}`,
      'not-xml': () => '응답이 XML이 아닙니다(비어 있거나 JSON, 오류 문구 같은 텍스트입니다)',
      'not-a-feed': (problem) => `피드가 아닙니다(최상위 요소: <${problem.root}>): RSS, Atom, 정책브리핑 API 응답만 읽습니다`,
      charset: (problem) => `알 수 없는 문자 집합입니다: ${problem.name}`,
      undecodable: (problem) => `피드에 문자 집합과 맞지 않는 바이트가 있습니다(문자 집합: ${problem.name})`,
      api: (problem) =>
        `정책브리핑 API 오류: ${problem.message || '메시지 없음'}${problem.code ? ` (코드 ${problem.code})` : ''}${API_ADVICE_KO[problem.message] ? `. ${API_ADVICE_KO[problem.message]}` : ''}`,
    },
  },
  site: {
    defaultTitle: '게시판',
    skip: '본문 바로가기',
    searchLabel: '게시판 검색',
    searchButton: '검색',
    pageTitle: (page, pages) => `(${page}/${pages}쪽)`,
    total: (count) => `전체 ${count}건`,
    pageOf: (page, pages) => `${page}/${pages}쪽`,
    listCaption: (page, pages) => `게시물 목록 (${page}/${pages}쪽)`,
    empty: '게시된 글이 없습니다.',
    pagesLabel: '쪽 이동',
    first: '처음',
    previous: '이전',
    next: '다음',
    last: '마지막',
    pageNumber: (page) => `${page}쪽`,
    otherPosts: '이전 글과 다음 글',
    previousPost: '이전 글',
    nextPost: '다음 글',
    noPost: '없음',
    backToList: '목록으로',
    source: '출처',
    original: (host) => `원문 보기(${host})`,
    feed: 'RSS 피드',
    sitemap: '사이트맵',
    madeWith: '만든 도구: postboard',
    searchHeading: '검색',
    searchNeedsScript: '검색에는 JavaScript가 필요한데 이 브라우저에서는 꺼져 있습니다. 글은 모두 목록에서 읽을 수 있습니다.',
    searching: '찾는 중…',
    searchEmpty: '찾을 낱말을 넣으세요. 글의 제목과 본문에서 찾습니다.',
    searchTitle: (query, site) => `검색: ${query} - ${site}`,
    none: (query) => `제목이나 본문에 이 낱말이 든 글이 없습니다: ${query}`,
    found: (query, count) => `제목이나 본문에 이 낱말이 든 글 ${count}건: ${query}`,
    searchFailed: '검색 색인을 읽지 못했습니다.',
    resultsPage: (page, pages) => `${page}/${pages}쪽`,
    marker: '이 폴더는 postboard가 만들었습니다(export --format site). 다음에 이 폴더로 내보내면 통째로 바뀝니다.',
    outputNeeded: '--format site에는 --output 폴더가 필요합니다: 사이트를 쓸 폴더',
    siteOnly: (option) => `--format site에만 쓰는 옵션입니다: ${option}`,
    published: '웹 게시판에는 노출된 글만 들어갑니다. --status로 바꿀 수 없습니다',
    notAFolder: (path) => `폴더가 아닙니다: ${path}. 사이트는 폴더에 씁니다. 다른 --output을 고르세요`,
    notOurs: (path, marker) => `postboard가 만들지 않은 폴더입니다: ${path} (파일이 있고 ${marker} 파일이 없음). 새 폴더나 빈 폴더를 고르거나, 안의 것을 모두 바꾸려면 --force`,
    holdsBoard: (path, file) => `게시판 파일이 든 폴더입니다: ${path} (${file}). 사이트로 바꿀 수 없으니 다른 폴더를 고르세요`,
    holdsHostFiles: (path, file) => `정적 호스팅(GitHub Pages 등)이 쓰는 파일이 든 폴더입니다: ${path} (${file}). --force로도 바꾸지 않으니, 다른 폴더로 내보낸 뒤 복사하세요 (rsync -a --delete --exclude ${file} site/ ${path}/)`,
    youAreIn: (path) => `postboard를 실행하는 폴더이거나 그것을 담은 폴더입니다: ${path}. 사이트로 바꿀 수 없으니 다른 폴더를 고르세요`,
  },
  change: { empty: '(없음)', lines: (count) => `${grouped(count)}줄`, blank: (count: number) => `(빈 줄 ${grouped(count)}개)`, more: (count) => `… ${grouped(count)}줄 더` },
  localTime: localTimestamp,
  place: (place) => `${grouped(place.number)}${{ row: '행', line: '번째 줄', item: '번째 항목' }[place.unit]}`,
  encodingName: { utf8: 'UTF-8', utf16le: 'UTF-16', utf16be: 'UTF-16', cp949: 'CP949(한국어 윈도우)' },
  decode(file, problem) {
    const at = this.place(problem.at);
    if (problem.kind === 'misread') {
      return `${file}: ${at}: 깨진 글자가 있습니다 (${JSON.stringify(problem.sample)}). UTF-8 글을 어떤 프로그램이 Windows-1252로 읽고 다시 저장해 한글이 모두 깨진 파일입니다. 아무것도 가져오지 않았습니다. 내보낸 원래 파일을 가져오거나, 파일을 다시 열 때 문자 집합을 UTF-8로 고르세요 (LibreOffice: 문자 집합 "유니코드 (UTF-8)")`;
    }
    if (problem.kind === 'mixed') {
      return problem.found === 'cp949'
        ? `${file}: ${at}은 UTF-8이 아닙니다(CP949로 보임). 나머지는 UTF-8이니 파일 전체를 한 인코딩으로 저장하세요`
        : `${file}: ${at}은 UTF-8인데 나머지는 CP949(한국어 윈도우)입니다. 파일 전체를 한 인코딩으로 저장하세요`;
    }
    return problem.encoding === 'cp949'
      ? `${file}: ${at}에 UTF-8도 CP949도 아닌 바이트가 있습니다. 파일을 UTF-8로 저장하세요`
      : `${file}: ${at}: 바이트 순서 표식(BOM) 뒤가 올바른 ${this.encodingName[problem.encoding]} 글자가 아닙니다`;
  },

  // The words of each command, of the help and of the prompts.
  filters: {
    status: '상태가 이것인 글만: 노출, 비노출 (published, hidden), all (기본: all)',
    author: '글쓴이에 이 글자가 들어간 글만 (대소문자 무시)',
    department: '담당부서에 이 글자가 들어간 글만 (대소문자 무시)',
    search: '제목이나 내용에 모든 낱말이 들어간 글만 ("따옴표"로 구절 검색)',
    since: '이 날짜(YYYY-MM-DD)부터의 글만',
    until: '이 날짜(YYYY-MM-DD)까지의 글만',
    period: `오늘까지 지난 ${PERIODS.join(', ')} 동안의 글만`,
    sort: `정렬 기준: ${SORT_KEYS.join(', ')} (기본: id, 최신 먼저)`,
    asc: '오름차순 (작은 번호, 옛날, 가나다 먼저)',
    desc: '내림차순 (큰 번호, 최신, 하 먼저)',
  },
  help: {
    description: '터미널 속 뉴스 게시판: 보도자료를 올리고, 보고, 읽고, 내보냅니다.',
    examples: [
      ['postboard list', '최신 글 20개'],
      ['postboard show 2912', '글 하나 읽기'],
      ['postboard list --db ~/boards/esg.json --search 수소', '다른 게시판에서 찾기'],
    ],
    db: (board) =>
      `게시판: JSON 파일, SQLite 파일(.sqlite, .db), postgres://… (기본: POSTBOARD_DB, 없으면 ./data/posts.json이 있을 때 그것, 없으면 내 게시판${board === undefined ? '' : `; 지금: ${board}`})`,
    lang: `화면 언어: ${LANGS.join(', ')} (기본: POSTBOARD_LANG, 없으면 LANG에 따라)`,
    color: '터미널에서도 색 없이 (NO_COLOR=1과 같음)',
    help: '명령 도움말 보기',
    version: '버전 보기',
    pager: '긴 출력을 $PAGER(less)로 넘기지 않기',
    titles: { 'Usage:': '사용법:', 'Options:': '옵션:', 'Global Options:': '공통 옵션:', 'Commands:': '명령:', 'Arguments:': '인자:' },
    environment: `환경 변수:
  POSTBOARD_DB            --db가 없을 때 쓸 게시판 (파일 또는 postgres://…)
  POSTBOARD_LANG          ko 또는 en
  POSTBOARD_AUTHOR        새 글의 기본 글쓴이
  POSTBOARD_BRIEFING_KEY  pull이 쓰는 보도자료 API 서비스 키
  POSTBOARD_LOCK_TIMEOUT  다른 쓰기를 기다릴 초 (기본 10)
  POSTBOARD_SQLITE_DRIVER
                          SQLite 게시판 드라이버: node:sqlite 또는 better-sqlite3
                          (기본: Node 22.16 이상은 내장)
  POSTBOARD_STATEMENT_TIMEOUT
                          PostgreSQL: 문장 하나가 실행될 수 있고, 응답 없는 서버를
                          기다릴 초 (잠금 대기와 별도, 기본 30)
  POSTBOARD_DEBUG=1       예기치 못한 오류의 스택 보기
  POSTBOARD_PAGER, PAGER  터미널의 긴 출력을 넘길 페이저 (기본: less -FRX,
                          Windows에서는 없음)
  POSTBOARD_GLYPHS        ascii 또는 unicode: 표의 선과 잘린 글 표시 (기본: 옛 Windows
                          콘솔에서는 ascii. 그 콘솔은 … ─ · 를 두 칸으로 그립니다)
  NO_COLOR, FORCE_COLOR   색 끄기, 파이프에서도 색 켜기
  COLUMNS                 표와 글을 맞출 너비

종료 코드: 0 성공, 1 실패(없는 글, 잘못된 게시판 파일, 입출력), 2 사용법 오류, 130 중단.`,
  },
  prompts: {
    body: {
    hint: (editing, end = 'Ctrl+D') => `(Enter는 줄바꿈, 끝내려면 ${end}${editing ? ` — 지금 ${end} 키를 누르면 그대로 둡니다. Ctrl+K는 전부 지우기` : ''}; Ctrl+U는 한 줄 지우기)`,
    lines: (count) => `${count}줄`,
    none: '(내용 없음)',
  },
    confirm: { hint: (byDefault) => `(예/아니요, Enter는 ${byDefault ? '예' : '아니요'})`, yes: '예', no: '아니요', again: '예(y) 또는 아니요(n)로 답하세요' },
    editor: {
    cancelled: '편집기에서 취소했습니다 (Ctrl+C). 글을 올리지 않았습니다',
    leftBehind: (folder) => `편집기에 쓴 본문 사본을 지우지 못했습니다(백신 같은 프로그램이 아직 붙잡고 있음). 본문은 그대로 읽었습니다. 사본은 나중에 지우세요: ${folder}`,
    notFound: (command, variable) => `편집기를 찾을 수 없습니다: ${JSON.stringify(command)} ($${variable}). $${variable}에 설치된 편집기를 지정하거나, 지우고 여기서 직접 입력하세요`,
    failed: (command, failure) =>
      `편집기(${JSON.stringify(command)}) ${failure.kind === 'start' ? `시작 실패 (${failure.code})` : failure.kind === 'signal' ? `멈춤 (신호 ${failure.signal})` : `비정상 종료 (상태 ${failure.status})`}. 글을 올리지 않았습니다`,
  },
  },
  commands: {
    add: {
    description: '보도자료 올리기: 터미널에서는 빠진 것을 묻고, 스크립트에서는 옵션으로 모두 받습니다',
    options: {
      yes: '확인 없이 바로 올리기',
      dryRun: '확인하고 보여 주기만 하고 올리지 않기',
      quiet: '새 글 번호만 출력',
      allowDuplicate: '같은 출처 URL이 이미 있어도 올리기',
      format: `출력: ${ADD_FORMATS.join(', ')} (json: 저장된 그대로)`,
    },
    examples: [
      ['postboard add', '터미널에서: 항목마다 묻고, 미리 보여 주고, 올릴지 묻습니다'],
      [
        'postboard add --title "청정수소 협력 확대" --author 한국생산성본부 --department 산업통상자원부 --body-file release.txt --source-url https://www.korea.kr/… --yes',
        '스크립트에서: 모두 옵션으로',
      ],
      ['curl -s https://…/release.txt | postboard add --title "…" --author "…" --body-file -', '내용을 표준 입력으로'],
      ['postboard add --title "…" --author "…" --dry-run --format json', '올리지 않고 확인만'],
    ],
    added: (id, title) => `${id}번 글을 올렸습니다: ${title}`,
    addedTo: (id, title, board) => `${id}번 글을 올렸습니다 (${board}): ${title}`,
    dryRun: '시험 실행: 글을 확인만 했고 올리지 않았습니다 (번호는 올릴 때 정해집니다).',
    draftNeedsYes: '표준 입력이 터미널이 아니라서 초안을 보여 주고 확인받을 수 없습니다. 그대로 올리려면 --yes, 아니면 터미널에서 마저 쓰세요',
    draftUnfinished: (flags, bodyCut) =>
      `초안을 다 쓰지 않았습니다 (${bodyCut ? '내용이 쓰다 만 채이고, ' : ''}아직 답하지 않은 것: ${flags.join(', ')}). 터미널에서 마저 쓰거나, 옵션으로 주세요 (없으면 '')`,
    missing: (flags) => `빠진 옵션: ${flags.join(', ')}. 표준 입력이 터미널이 아니라서 물어볼 수 없습니다`,
    duplicate: (id) => `이 출처 URL은 이미 ${id}번 글에 있습니다. 그래도 올리려면 --allow-duplicate`,
    confirm: '이대로 올릴까요?',
    defaults: {
      title: '(필수)',
      author: '(필수; 기본 POSTBOARD_AUTHOR)',
      date: '(기본 오늘)',
      status: '(기본 노출)',
    },
    fromDraft: '앞서 저장하지 못해 남겨 둔 초안을 원래 게시판에 올리기 (준 옵션과 --db가 우선)',
    draftKept: (path, command) => `쓴 글은 초안으로 남겨 두었습니다: ${path}\n나중에 (같은 게시판에) 올리려면: ${command}`,
    draftLost: (json) => `초안을 어디에도 저장하지 못했습니다. 아래 내용을 보관하세요:\n${json}`,
    draftUsed: (path) => `초안을 지웠습니다: ${path}`,
    resuming: (board, title) => `초안을 마저 씁니다 (${board})${title ? `: ${title}` : ''}`,
    badDraft: (path, why) => `--from-draft: 읽을 수 없습니다: ${path} (${why})`,
  },
    copy: {
    description: '게시판 전체(번호, 상태, 시각, 변경 기록, 출처)를 새 게시판이나 빈 게시판으로 복사: JSON, SQLite, PostgreSQL',
    to: '복사할 곳: JSON 파일, SQLite 파일(.sqlite 또는 sqlite:경로), postgres:// URL (postboard init으로 만든 것)',
    examples: [
      ['postboard copy --to archive.sqlite', '커진 JSON 게시판을 SQLite 파일로'],
      ['postboard init --db postgres://board@db/news && postboard copy --to postgres://board@db/news', '팀 게시판으로'],
      ['postboard copy --db postgres://board@db/news --to backup.json', '팀 게시판을 파일 하나로'],
    ],
    same: '--to가 복사하는 게시판 자신입니다',
    broken: (id, field) => `${id}번 글의 ${field}에 짝 없는 UTF-16 서로게이트(손으로 고친 게시판)가 있어 SQLite나 PostgreSQL 게시판에 담을 수 없습니다. 먼저 고치세요. 아무것도 복사하지 않았습니다`,
    done: (posts, from, to, changes) => `복사했습니다: ${posts}, 변경 기록 ${changes}건 (${from} → ${to}).`,
  },
    delete: {
    description: '글 지우기: 먼저 보여 주고 묻습니다 (지운 번호는 다시 쓰지 않음)',
    ids: '글 번호',
    yes: '묻지 않고 지우기 (표준 입력이 터미널이 아니면 필요)',
    examples: [
      ['postboard delete 2913', '글을 보여 주고, 묻고, 지웁니다'],
      ['postboard delete 2913 2914 --yes', '스크립트에서'],
      ['postboard undo', '마음이 바뀌면 되살리기'],
    ],
    question: (count) => (count === 1 ? '이 글을 지울까요?' : `글 ${count}개를 지울까요?`),
    deleted: (count, ids) => `글 ${count}개를 지웠습니다: ${ids.join(', ')}`,
  },
    check: {
    description: '게시판(JSON 파일이나 데이터베이스)을 검사해 문제를 모두 알립니다. --fix는 JSON 파일에서 추측 없이 고칠 수 있는 것을 고칩니다',
    options: {
      fix: 'JSON 파일: lastId와 풀어쓴 한글을 고치고(백업을 먼저 남김) 다시 검사',
      format: `출력: ${CHECK_FORMATS.join(', ')}`,
    },
    examples: [
      ['postboard check', '게시판 파일이 온전한가?'],
      ['postboard check --fix', '고칠 수 있는 것을 고치고, 이전 파일은 .bak으로'],
      ['postboard check --db archive.json --format json', '스크립트용 문제 목록'],
      ['postboard check --db postgres://board@db/news', '손으로 고쳐 망가진 행과 변경 기록'],
    ],
    healthy: (board, posts, lastId) => `${board}: 글 ${posts}개, lastId ${lastId}, 문제 없음.`,
    notJson: (board) => `검사할 수 없습니다: 이 프로세스 안에만 있는 게시판입니다 (${board})`,
    problems: (board, count, fixable) => `${board}에 문제가 ${count}개 있습니다${fixable > 0 ? ` (${fixable}개는 --fix로 고칠 수 있음)` : ''}`,
    backup: (path) => `이전 게시판을 ${path}에 남겼습니다`,
    repair: (repair) => {
      switch (repair.kind) {
        case 'bom':
          return '고침: 바이트 순서 표식(BOM) 제거';
        case 'schema-version':
          return `고침: schemaVersion → ${repair.to}`;
        case 'last-id':
          return `고침: lastId ${JSON.stringify(repair.from) ?? '없음'} → ${repair.to}`;
        case 'nfc':
          return `고침: ${repair.id === undefined ? `posts[${repair.index}]` : `${repair.id}번 글`} ${repair.field}: NFC로 합침`;
      }
    },
    nothingToFix: '고칠 것이 없어 파일을 쓰지 않았습니다.',
    fixesFilesOnly: '--fix는 JSON 게시판 파일을 고칩니다. 데이터베이스의 행은 그 도구(sqlite3, psql)로 고치세요. 바꾼 것 없음.',
  },
    import: {
    description: 'CSV(export가 쓴 것, 한국어 엑셀이 저장한 것), TSV, JSON, JSONL에서 글 가져오기. --update는 엑셀에서 고친 것을 반영',
    file: '가져올 파일, - 이면 표준 입력',
    options: {
      format: `${IMPORT_FORMATS.join(', ')} (기본: 파일 이름, 없으면 내용으로 판단)`,
      renumber: '가져온 글 모두에 새 번호 (다른 게시판의 글)',
      allowDuplicate: '출처 URL이 이미 있는 글도 가져오기',
      skipInvalid: '올바른 것만 가져오고 나머지는 이유와 함께 알리기 (기본: 전부 아니면 전무)',
      dryRun: '모두 검사하고 바뀔 것을 글마다 보여 주기; 쓰지 않음',
      update: '번호(번호/id)가 게시판에 있는 행은 그 글을 고침 (다른 필드만); 번호 없는 행은 추가',
      yes: '터미널에서, 게시판의 글을 바꾸는 행을 반영할지 묻지 않기',
      force: '--update와 함께: 파일을 내보낸 뒤에 바뀐 글에도 반영',
      formulaGuard: '= + - @ 로 시작하는 칸 앞의 작은따옴표를 그대로 두기 (export가 스프레드시트에서 글자로 보이도록 붙이고, import는 기본으로 뗌)',
    },
    examples: [
      ['postboard import board.csv', 'CSV 내보내기 (UTF-8, BOM 유무 상관없이, UTF-16, 또는 엑셀의 CP949)'],
      ['postboard import 게시판.csv --update --dry-run', '고친 내보내기가 바꿀 것을 필드마다'],
      ['postboard import 게시판.csv --update', '엑셀에서 고친 것을 반영'],
      ['postboard import archive.json --renumber', '다른 게시판을 새 번호로'],
      ['postboard export --format jsonl | postboard import - --db copy.json', '게시판 복사'],
    ],
    cannotRead: (file, code) => `읽을 수 없습니다: ${file} (${code})`,
    brokenQuotes: (file, row) =>
      `${file} ${grouped(row)}행: 여기서 연 따옴표(")가 CSV 방식으로 닫히지 않아 그 뒤의 행을 나눌 수 없습니다. 가져온 것 없음. 따옴표를 고치세요 (칸 안의 따옴표는 "" 로 씁니다)`,
    unreadable: (reason) => {
      switch (reason.kind) {
        case 'json':
          return `올바른 JSON이 아닙니다 (${reason.detail})`;
        case 'not-object':
          return '글의 필드를 가진 객체가 아닙니다';
        case 'not-posts':
          return '글의 배열도 게시판도 아닙니다';
        case 'csv':
          return `올바른 CSV가 아닙니다 (${reason.detail})`;
        case 'cells':
          return `칸이 ${reason.cells}개인데 열은 ${reason.columns}개입니다`;
        case 'inexact':
          return `${reason.key} 값을 정확히 담을 수 없습니다: ${reason.literal} (${grouped(Number.MAX_SAFE_INTEGER)}까지의 정수만)`;
      }
    },
    summary: (done, c) => {
      const parts = [`${grouped(c.added)}건 추가${c.renumbered ? `(${grouped(c.renumbered)}건 새 번호)` : ''}`, `${grouped(c.updated)}건 수정`, `${grouped(c.unchanged)}건 그대로`];
      if (c.skipped) parts.push(`${grouped(c.skipped)}건 건너뜀`);
      if (c.invalid) parts.push(`잘못된 ${grouped(c.invalid)}건`);
      return `${done ? '가져왔습니다' : '가져오면'}: ${parts.join(', ')}`;
    },
    skip: (skip) => {
      switch (skip.kind) {
        case 'duplicate-source':
          return `건너뜀: 출처 URL이 ${skip.existing === 'file' ? '파일 앞쪽에 이미 있습니다' : `이미 ${skip.existing}번 글에 있습니다`}`;
        case 'same-post':
          return `건너뜀: 같은 글이 ${skip.existing === 'file' ? '파일 앞쪽에 이미 있습니다' : `이미 ${skip.existing}번 글로 있습니다 (전에 가져옴)`}`;
        case 'on-board':
          return `건너뜀: ${skip.id}번 글이 다른 내용으로 게시판에 있습니다 (바꾸려면 --update, 새 글로 더하려면 --renumber)`;
        case 'older-copy':
          return `건너뜀: ${skip.id}번 글은 이 파일을 만든 뒤 게시판에서 바뀌었고, 이 행은 그 글에서 고친 것이 없습니다. 게시판의 것을 그대로 둡니다`;
        case 'deleted':
          return `건너뜀: ${skip.id}번 글은 게시판에서 지웠습니다 (${skip.who}, ${localTimestamp(skip.at)}). 예전 파일로 되살리지 않습니다 (그 삭제를 undo하거나, 새 글로 더하려면 --renumber)`;
      }
    },
    refusal: (refusal, t) => {
      switch (refusal.kind) {
        case 'missing':
          return refusal.fields.length ? `새 글에 꼭 있어야 할 것이 없습니다: ${refusal.fields.map((field) => t.fieldName(field)).join(', ')}` : '올바른 글이 아닙니다';
        case 'not-on-board':
          return `${refusal.id}번 글이 게시판에 없습니다 (--update는 있는 글을 고칩니다. 새로 더하려면 번호를 비우세요)`;
        case 'source-taken':
          return refusal.existing === 'file' ? '출처 URL이 파일 앞쪽의 새 글에 이미 있습니다' : `출처 URL이 이미 ${refusal.existing}번 글에 있습니다`;
        case 'named-twice':
          return `${refusal.id}번 글을 다르게 고치는 행이 이미 있습니다 (${t.place(refusal.first)}). 두 행 중 하나만 남기세요`;
        case 'changed-since':
          return t.stale.changed(refusal);
        case 'cannot-tell':
          return t.stale.cannotTell(refusal);
        case 'no-times':
          return `이 파일에는 수정 시각(updatedAt) 열이 없어, 파일을 만든 뒤에 ${refusal.id}번 글이 게시판에서 바뀌었는지 알 수 없습니다. 그 열이 있는 내보내기(기본 내보내기에는 다 있음)를 고치거나, 그대로 반영하려면 --force`;
      }
    },
    skipped: '건너뜀',
    moreSkipped: (count) => `… 이미 게시판에 있어 건너뛴 행 ${grouped(count)}개 더 (아래 합계에 있습니다)`,
    ignored: (columns) => `맞는 필드가 없어 무시한 열: ${columns.join(', ')}`,
    noneValid: '가져온 것 없음: 올바른 레코드가 없습니다',
    onBoard: (count) => `${grouped(count)}개 행이 게시판에 있는 글을 다른 내용으로 담고 있습니다:`,
    ask: (count) => (count === 1 ? '그 글에 이 변경을 반영할까요?' : `글 ${grouped(count)}개에 이 변경을 반영할까요?`),
    plan: { update: (id, title) => `~ ${id}번 글: ${title}`, add: (id, title) => `+ ${id}번 글: ${title}` },
  },
    stats: {
    description: '부서별, 월별, 글쓴이별 글 수와 조회수 합계 (list의 모든 필터 사용 가능)',
    options: {
      by: `표 고르기: ${GROUPINGS.join(', ')} (쉼표로 구분; 기본 셋 다)`,
      top: `표마다 보일 줄 수, 많은 것부터 (기본 ${TOP})`,
      all: '모든 줄',
      format: '출력: table, json',
      width: '표를 이 칸 수에 맞춤',
    },
    examples: [
      ['postboard stats', '글이 많은 부서, 달, 글쓴이'],
      ['postboard stats --by month --period year', '지난 1년의 월별 글 수'],
      ['postboard stats --by department --status published --format json', '스크립트용'],
    ],
    heading: { department: '담당부서', month: '월', author: '글쓴이' },
    posts: '글 수',
    views: '조회수',
    average: '평균 조회수',
    share: '글 비율',
    none: '(없음)',
    total: (posts, views) => `글 ${posts}개 · 조회수 ${views}`,
    more: (count) => `… ${count}개 더 (--all로 모두)`,
    noSort: (option) => `list와 export에 쓰는 옵션입니다: ${option}. stats는 표를 스스로 정렬합니다 (많은 것부터, 월은 최근부터)`,
  },
    completion: {
    description: '셸 자동 완성 스크립트 출력 (명령, 옵션, 정해진 값, 게시판의 부서와 글)',
    shell: `${SHELLS.join(', ')}`,
    departments: '게시판의 부서를 한 줄에 하나씩 출력',
    examples: [
      ['echo \'source <(postboard completion bash)\' >> ~/.bashrc', 'bash'],
      ['mkdir -p ~/.zfunc && postboard completion zsh > ~/.zfunc/_postboard', 'zsh (~/.zshrc의 compinit 앞에 fpath=(~/.zfunc $fpath))'],
      ['postboard completion fish > ~/.config/fish/completions/postboard.fish', 'fish'],
      ['postboard completion powershell | Out-String | Invoke-Expression', 'PowerShell ($PROFILE에 이 줄을 넣으세요)'],
    ],
  },
    edit: {
    description: '글 고치기: 준 필드만 바뀝니다. 터미널에서 옵션 없이 실행하면 필드마다 바로 고칩니다',
    id: '글 번호',
    options: {
      views: '조회수 정하기',
      allowDuplicate: '다른 글에 있는 출처 URL도 허용',
      yes: '묻지 않고 저장 (터미널에서)',
      format: '출력: text, json (저장된 그대로)',
    },
    examples: [
      ['postboard edit 2912', '터미널에서: 필드마다 현재 값이 채워져 있고, 내용은 $EDITOR로'],
      ['postboard edit 2912 --title "세계 최고 디지털플랫폼정부, 10개국에 전파"', '제목 고치기'],
      ['postboard edit 2912 --views 300 --department 행정안전부', '여러 필드를 한 번에'],
      ['postboard edit 2912 --source-url ""', '출처 URL 지우기'],
    ],
    edited: (id, title, fields) => `${id}번 글을 고쳤습니다: ${title} (${fields.join(', ')})`,
    unchanged: (id) => `${id}번 글은 이미 그렇습니다. 바뀐 것이 없습니다.`,
    changes: (id) => `${id}번 글에서 바뀌는 것:`,
    changedMeanwhile: (id, fields) => `고치는 동안 다른 사람이 ${id}번 글을 바꿨습니다 (${fields.join(', ')}). 저장하지 않았으니 edit을 다시 실행해 지금 모습을 보세요`,
    nothingGiven: '바꿀 것이 없습니다: 바꿀 필드를 옵션으로 주세요. 예: --title (표준 입력이 터미널이 아니라서 물어볼 수 없습니다)',
    duplicate: (id) => `이 출처 URL은 이미 ${id}번 글에 있습니다. 그래도 쓰려면 --allow-duplicate`,
    confirm: '저장할까요?',
  },
    log: {
    description: '게시판의 최근 변경 보기: 누가, 언제, 어떤 명령으로, 무엇을 했는지',
    options: {
      limit: '몇 개를, 최근 것부터 (기본: 20)',
      format: 'table, json, jsonl (변경마다 필드의 이전 → 이후 전부)',
      width: '표를 이 너비에 맞추기 (기본: 터미널 너비)',
    },
    examples: [
      ['postboard log', '최근 변경 20개'],
      ['postboard log --limit 5 --format json', '글마다의 변경까지, 스크립트용'],
    ],
    headers: { seq: '#', at: '언제', who: '누가', command: '명령', what: '무엇을' },
    empty: '아직 기록된 변경이 없습니다.',
    add: (count) => `${count}개 추가`,
    edit: (count) => `${count}개 수정`,
    delete: (count) => `${count}개 삭제`,
    sources: (count) => `출처 ${count}개 변경`,
    undone: (seq) => `(#${seq}에서 되돌림)`,
    undoes: (seq) => `#${seq} 되돌림:`,
    redoes: (seq) => `#${seq} 다시 함:`,
  },
    source: {
      description: 'pull이 읽는 피드와 보도자료 API를 게시판에 함께 보관: 추가, 목록, 삭제',
      add: {
        description: '피드(RSS 2.0, Atom)나 정책브리핑 보도자료 API 구독',
        name: '부를 이름 (글자, 숫자, . _ -): pull NAME에 씀',
        url: '피드 주소, 또는 보도자료 API 주소 (보기 참고)',
        kind: 'rss (RSS 2.0, Atom) 또는 briefing (보도자료 API, 그 주소면 기본값)',
        department: '피드가 부서를 알려 주지 않을 때 가져온 글의 담당부서',
        author: '가져온 글의 글쓴이 (기본: POSTBOARD_AUTHOR, 없으면 계정 이름)',
        status: '가져온 글의 상태: 노출(기본) 또는 비노출 (검토 뒤 공개)',
      },
      list: {
        description: '출처 목록: 종류, 부서, 상태, 마지막으로 가져온 때, 주소',
        format: 'table, json, jsonl 중 하나',
        width: '표를 이 칸 수에 맞춤 (기본: 터미널 너비)',
        empty: '아직 출처가 없습니다. 피드 구독: postboard source add 이름 주소',
        headers: { name: '이름', kind: '종류', url: '주소', department: '담당부서', status: '상태', pulled: '마지막 가져오기' },
      },
      remove: { description: '출처 구독 끊기 (가져온 글은 그대로; undo로 되돌림)', name: '출처 이름' },
      examples: [
        ['postboard source add mois "https://www.mois.go.kr/gpms/view/jsp/rss/rss.jsp?ctxCd=1012"', '행정안전부 보도자료 구독'],
        ['postboard source add briefing https://apis.data.go.kr/1371000/pressReleaseService/pressReleaseList --status hidden', '모든 부처 보도자료를 검토 전까지 비노출로 (키: POSTBOARD_BRIEFING_KEY)'],
        ['postboard source list', '구독 중인 출처'],
        ['postboard source remove mois', '구독 끊기'],
      ],
      badName: (name, limit) => `출처 이름으로 쓸 수 없습니다: ${JSON.stringify(name)} (글자, 숫자, . _ -, ${limit}자까지, 글자나 숫자로 시작)`,
      badUrl: (url) => `http나 https 주소가 아닙니다: ${JSON.stringify(url)}`,
      secretInUrl: '사용자 이름, 비밀번호, serviceKey가 든 주소는 게시판에 남고 화면에 보입니다. 주소만 주세요(보도자료 API 키는 POSTBOARD_BRIEFING_KEY에)',
      exists: (name) => `같은 이름의 출처가 이미 있습니다: ${name} (먼저 postboard source remove ${name}, 또는 다른 이름)`,
      noSuch: (name, names) => (names.length === 0 ? `출처가 없습니다: ${JSON.stringify(name)} (게시판에 출처가 하나도 없음; postboard source add 이름 주소)` : `출처가 없습니다: ${JSON.stringify(name)} (있는 출처: ${names.join(', ')})`),
      added: (name, kind, url) => `출처를 추가했습니다: ${name} (${kind === 'briefing' ? '보도자료 API' : '피드'}, ${url}). 가져오기: postboard pull ${name}`,
      removed: (name) => `출처를 지웠습니다: ${name}. 가져온 글은 그대로 있고, postboard undo로 되돌릴 수 있습니다.`,
      logLine: (name, how) => `${how === 'add' ? '+' : how === 'remove' ? '-' : '~'}출처 ${name}`,
      never: '없음',
    },
    pull: {
      description: '게시판이 구독하는 출처(또는 주소로 지정한 피드)의 새 보도자료를 한 번씩 가져오기',
      targets: '출처 이름이나 피드 주소 (기본: 게시판의 모든 출처)',
      options: {
        dryRun: '가져와서 추가될 글만 보여 주고 추가하지 않음',
        quiet: '실패만 출력 (출력이 있으면 메일을 보내는 cron용)',
        format: 'table(기본) 또는 json',
        since: '보도자료 API: 이 날부터 (YYYY-MM-DD; 기본: 최근 3일), 요청마다 3일씩',
        until: '보도자료 API: 이 날까지 (YYYY-MM-DD; 기본: 오늘)',
        timeout: '요청 하나를 이 초가 지나면 포기 (기본: 20)',
        maxSize: '응답이 이 메가바이트보다 크면 거부 (기본: 20)',
        refresh: '바뀌었을 때만이 아니라 피드를 모두 다시 받기 (pull을 되돌린 뒤)',
        kind: '주소로 지정한 피드: rss 또는 briefing',
        department: '주소로 지정한 피드: 부서를 알려 주지 않는 글의 담당부서',
        status: '주소로 지정한 피드: 노출(기본) 또는 비노출',
        width: '표를 이 칸 수에 맞춤 (기본: 터미널 너비)',
      },
      examples: [
        ['postboard pull', '게시판의 모든 출처'],
        ['postboard pull mois --dry-run', '출처 하나가 추가할 글 미리 보기'],
        ['POSTBOARD_BRIEFING_KEY=… postboard pull briefing --since 2026-11-01', '보도자료 API 한 달치, 요청마다 3일씩'],
        ['postboard pull https://www.mois.go.kr/gpms/view/jsp/rss/rss.jsp?ctxCd=1012 --status hidden', '구독하지 않고 피드를 한 번'],
        ['*/30 * * * * cd ~/board && npx postboard pull --quiet', 'cron: 30분마다, 출처가 실패할 때만 메일'],
      ],
      noSources: '게시판이 구독하는 출처가 없습니다. 추가: postboard source add 이름 주소 (또는 피드 주소를 직접: postboard pull 주소)',
      backwards: (since, until) => `--since ${since} 날짜가 --until ${until} 날짜보다 뒤입니다`,
      tooLong: (days) => `보도자료 API는 한 번에 ${days}일까지만 요청합니다(요청마다 3일, 하루 허용량 안에서). 더 긴 기간은 1년씩 나누어 가져오세요`,
      keyHost: (host) => `보도자료 API 키(POSTBOARD_BRIEFING_KEY)는 https://apis.data.go.kr(또는 이 컴퓨터)로만 보냅니다. 이 출처의 주소: ${host}. 주소를 확인하세요(postboard source list)`,
      noKey: '보도자료 API에는 서비스 키가 필요합니다: 환경 변수 POSTBOARD_BRIEFING_KEY (data.go.kr에서 발급)',
      summary: (source, { added, already, deleted, embargoed, refused }, dryRun) =>
        `${source}: ${dryRun ? '새로 추가될 글' : '새 글'} ${added}개 · 이미 있음 ${already}개${deleted > 0 ? ` · 전에 지운 글 ${deleted}개 제외` : ''}${embargoed > 0 ? ` · 엠바고 ${embargoed}개는 다음에` : ''} · 거부 ${refused}개`,
      unchanged: (source) => `${source}: 지난번 가져온 뒤로 바뀐 것이 없음 (모두 다시 받기: --refresh)`,
      refused: (title, id, why) => `거부: ${title ? (title.length > 60 ? `${title.slice(0, 59)}…` : title) : `(제목 없음${id ? `, 항목 ${id}` : ''})`}: ${why}`,
      failed: (source, why) => `${source}: ${why}`,
      fetching: (source, received) => `${source}: ${received} …`,
      wouldAdd: '추가될 글 (--dry-run: 추가하지 않았습니다):',
    },
    export: {
    description: '게시판 내보내기: 엑셀에서 바로 열리는 CSV, TSV, JSON, JSONL, 마크다운, RSS 피드, 웹 사이트',
    options: {
      format: `${EXPORT_FORMATS.join(', ')} (기본 csv)`,
      output: '표준 출력 대신 FILE에 쓰기 (완전히 쓰거나 전혀 쓰지 않음). - 는 표준 출력. site: 폴더에, 통째로 바꿔 씀',
      force: 'FILE이 있으면 바꾸기',
      fields: '열, 쉼표로 구분 (기본: 모두; md: id,title,author,date,views, --status가 없으면 노출 글만)',
      header: `csv/tsv/md를 사람이 읽게 이 언어로 (${LANGS.join(', ')}): 머리글, 상태(노출/비노출), 현지 시각`,
      excel: '엑셀용 (csv, tsv는 기본: UTF-8 BOM으로 시작해 엑셀이 한글을 바르게 읽음)',
      noBom: 'BOM 없이 (BOM을 원하지 않는 도구용)',
      encoding: `${ENCODINGS.join(', ')}: cp949는 그것을 기대하는 한국어 엑셀용 (BOM 없음)`,
      noFormulaGuard: "= + - @ 로 시작하는 칸 앞에 ' 를 붙이지 않기",
      feedTitle: 'RSS 피드 제목 (기본 "postboard")',
      feedLink: 'RSS 피드 링크 (rss에 꼭 필요): 게시판의 주소 (출처 없는 글은 <주소>#post-<번호>로 연결)',
      feedLanguage: 'RSS 피드 언어 (기본: 제목이 한글이면 ko, 아니면 en)',
      limit: `글을 최대 N개 (rss 기본 ${FEED_SIZE})`,
      perPage: `site: 목록 한 쪽의 글 수 (기본 ${PAGE_SIZE})`,
      title: 'site: 사이트 이름, 모든 쪽과 피드에 (기본 "게시판", 영어로는 "News board")',
      baseUrl: 'site: 사이트의 웹 주소 (https://…/): feed.xml의 전체 링크와 sitemap.xml',
    },
    examples: [
      ['postboard export -o board.csv', '엑셀용, 한글 그대로 (BOM 있는 UTF-8)'],
      ['postboard export --encoding cp949 --header ko -o 게시판.csv', '예전 한국어 엑셀용, 한글 머리글'],
      ['postboard export --format json > archive.json', '보관용, 저장된 그대로'],
      ['postboard export --format md --period month', '지난 한 달을 마크다운 표로'],
      ['postboard export --format rss --feed-title "ESG 정책뉴스" --feed-link https://example.go.kr/esg -o feed.xml', '최신 20개의 피드'],
      ['postboard export --format site --title "ESG 정책뉴스" --base-url https://example.go.kr/esg/ -o site', '게시판을 웹 사이트로, 어느 정적 호스팅에나 (--lang ko|en: 사이트 언어)'],
    ],
    exported: (count, _posts, path) => `${count}건을 내보냈습니다: ${path}`,
    exists: (path) => `이미 있는 파일입니다: ${path}. 바꾸려면 --force`,
    cp949: (post, field, char) => `${post}번 글: ${field}에 CP949로 쓸 수 없는 글자가 있습니다: ${char}. UTF-8(기본)로 내보내거나 글을 고치세요`,
    spreadsheetOnly: (option) => `--format csv 또는 tsv에만 쓰는 옵션입니다: ${option}`,
    headerFor: (format) => `--header는 csv, tsv, md에만 씁니다. 이 형식은 저장된 그대로입니다: ${format}`,
    rssOnly: (option) => `--format rss에만 쓰는 옵션입니다: ${option}`,
    rssPublished: 'RSS 피드에는 노출된 글만 들어갑니다. --status로 바꿀 수 없습니다',
    unwritable: (path, code) => `쓸 수 없습니다: ${path} (${code}). 아무것도 쓰지 않았습니다`,
    held: (path, seconds) => `쓸 수 없습니다: ${path} (다른 프로그램이 열어 두고 있음: Excel, 검사 중인 백신, OneDrive). ${seconds}초 기다렸고 아무것도 쓰지 않았습니다. 그 프로그램에서 닫고 다시 하거나 다른 파일로 쓰세요`,
    isBoard: (path, file) => `${{ board: '게시판 자체', backup: '게시판의 백업(undo용)', lock: '게시판의 잠금 파일' }[file]}입니다: ${path}. 내보내기로 덮어쓸 수 없으니 다른 파일을 고르세요`,
  },
    init: {
    description: '--db가 가리키는 곳에 게시판 만들기: PostgreSQL 게시판의 테이블(다른 명령은 만들지 않음), SQLite 파일, JSON 파일',
    examples: [
      ['postboard init --db postgres://board@db.example.go.kr/news', '팀 게시판을 그 데이터베이스에'],
      ["postboard init --db 'postgres://board@db.example.go.kr/news?schema=esg'", '같은 데이터베이스에 둘째 게시판'],
      ['postboard init --db archive.sqlite', '수백만 건 보관용, 파일 하나로'],
    ],
    made: (board, kind) => `만들었습니다: ${kind} (${board}).`,
    there: (board, posts) => `이미 게시판입니다: ${board} (${posts}). 바꾼 것 없음.`,
    kinds: { json: 'JSON 게시판', sqlite: 'SQLite 게시판', postgres: 'PostgreSQL 게시판', memory: '메모리 게시판' },
  },
    list: {
    description: '게시판 글 목록 (최신 글 먼저, 한 쪽에 20개)',
    options: {
      limit: `한 쪽에 보일 글 수 (기본 ${PAGE_SIZE})`,
      page: '보일 쪽 번호 (기본 1)',
      all: '조건에 맞는 글 모두를 한 번에',
      fields: `보일 열, 쉼표로 구분: ${POST_KEYS.join(',')}`,
      format: `출력 형식: ${LIST_FORMATS.join(', ')} (json: 저장된 그대로)`,
      width: '표를 이 칸 수에 맞춤 (기본: COLUMNS, 없으면 터미널 너비)',
    },
    examples: [
      ['postboard list', '최신 글 20개'],
      ['postboard list --page 2', '다음 20개'],
      ['postboard list --search "탄소 중립" --period month', '지난 한 달 동안 두 낱말이 모두 들어간 글'],
      ['postboard list --department 환경부 --sort views', '한 부서의 조회수 높은 글'],
      ['postboard list --status hidden --format json', '비노출 글을 JSON으로'],
      ['postboard list --fields id,title,department --width 80', '고른 열만, 80칸 너비로'],
    ],
  },
    show: {
    description: '글 하나를 자세히: 제목, 정보, 내용, 출처',
    id: '글 번호',
    options: {
      format: `출력 형식: ${SHOW_FORMATS.join(', ')} (json: 저장된 그대로)`,
      width: '이 칸 수에 맞춰 줄 바꿈 (기본: COLUMNS, 없으면 터미널 너비)',
    },
    examples: [
      ['postboard show 2912', '보도자료 읽기'],
      ['postboard show 2912 --format json | jq .source.url', '출처 URL만'],
      ['postboard show 2912 --width 60 | less', '좁은 화면에 맞춰 줄 바꿈'],
    ],
  },
    revert: {
    remove: (id, title) => `- ${id}번 글 지움: ${title}`,
    restore: (id, title) => `+ ${id}번 글 되살림: ${title}`,
    change: (id, title) => `~ ${id}번 글: ${title}`,
    source: (name, how) => (how === 'add' ? `+ 출처 되살림: ${name}` : how === 'remove' ? `- 출처 지움: ${name}` : `~ 출처 설정을 전으로: ${name}`),
    reason: (conflict) =>
      'source' in conflict
        ? conflict.reason === 'changed'
          ? `그 뒤에 출처가 바뀌었습니다: ${conflict.source}`
          : conflict.reason === 'gone'
            ? `그 뒤에 출처가 지워졌습니다: ${conflict.source}`
            : `같은 이름의 출처가 다시 있습니다: ${conflict.source}`
        : conflict.reason === 'changed'
          ? `${conflict.id}번 글이 그 뒤에 바뀌었습니다`
          : conflict.reason === 'gone'
            ? `${conflict.id}번 글이 그 뒤에 지워졌습니다`
            : `${conflict.id}번 글이 이미 게시판에 있습니다`,
    entry: (entry, t) => `#${entry.seq} ${entry.command}, ${entry.who}, ${t.localTime(entry.at)}`,
  },
    undo: {
      description: 'postboard로 한 마지막 변경 되돌리기 (다시 하면 그 앞의 변경; 변경 기록이 어느 것인지 알려 줌)',
      yes: '묻지 않고 되돌리기 (표준 입력이 터미널이 아니면 필요)',
      examples: [
        ['postboard undo', '되돌릴 내용을 이전 → 이후로 보여 주고, 묻고, 되돌립니다'],
        ['postboard undo --yes && postboard undo --yes', '마지막 두 변경을, 최근 것부터'],
        ['postboard log', 'undo가 되돌릴 변경들'],
      ],
      nothing: '되돌릴 것이 없습니다: 변경 기록에 되돌릴 변경이 남아 있지 않습니다',
      noSuch: (seq) => `되돌릴 수 있는 변경이 아닙니다: #${seq} (없는 번호, 되돌리기나 다시 하기의 기록, 또는 이미 되돌린 변경). postboard log에서 보세요`,
      seq: 'postboard log의 변경 번호 (기본: 마지막 변경)',
      heading: (entry) => `마지막 변경을 되돌립니다: ${entry}`,
      headingOf: (entry) => `변경을 되돌립니다: ${entry}`,
      question: '이 변경을 되돌릴까요?',
      moved: '보여 준 뒤에 게시판이 바뀌었습니다. postboard undo를 다시 실행해 새 마지막 변경을 보세요',
      conflict: (entry, conflicts) => `되돌릴 수 없습니다: ${entry}. ${conflicts.join('; ')}. 나중 변경을 먼저 되돌리거나 직접 고치세요`,
      done: (entry, count, sources = 0) => `되돌렸습니다: ${entry} (${[count > 0 || sources === 0 ? `글 ${count}개` : '', sources > 0 ? `출처 ${sources}개` : ''].filter(Boolean).join(', ')}).`,
    },
    redo: {
      description: '마지막으로 되돌린 변경을 다시 하기 (새 변경을 하기 전까지)',
      yes: '묻지 않고 다시 하기 (표준 입력이 터미널이 아니면 필요)',
      examples: [
        ['postboard undo --yes && postboard redo --yes', '마지막 변경을 되돌렸다가 다시 합니다'],
        ['postboard log', '어느 변경이 되돌려졌는지'],
      ],
      nothing: '다시 할 것이 없습니다: 마지막 변경 뒤에 되돌린 변경이 없습니다',
      heading: (entry) => `마지막으로 되돌린 변경을 다시 합니다: ${entry}`,
      headingOf: (entry) => `다시 합니다: ${entry}`,
      question: '다시 할까요?',
      moved: '보여 준 뒤에 게시판이 바뀌었습니다. postboard redo를 다시 실행해 다시 할 수 있는 것을 보세요',
      conflict: (entry, conflicts) => `다시 할 수 없습니다: ${entry}. ${conflicts.join('; ')}`,
      done: (entry, count, sources = 0) => `다시 했습니다: ${entry} (${[count > 0 || sources === 0 ? `글 ${count}개` : '', sources > 0 ? `출처 ${sources}개` : ''].filter(Boolean).join(', ')}).`,
    },
    hide: {
      description: '글 숨기기 (비노출): 게시판에 두고 비노출로 표시',
      ids: '글 번호',
      examples: [['postboard hide 2913 2914', '두 글 숨기기']],
      done: (count, ids) => `글 ${count}개를 숨겼습니다: ${ids.join(', ')}`,
      already: (ids) => `이미 비노출: ${ids.join(', ')}. 바뀐 것이 없습니다.`,
    },
    publish: {
      description: '글 노출하기',
      ids: '글 번호',
      examples: [['postboard publish 2913', '숨긴 글을 다시 보이기']],
      done: (count, ids) => `글 ${count}개를 노출했습니다: ${ids.join(', ')}`,
      already: (ids) => `이미 노출: ${ids.join(', ')}. 바뀐 것이 없습니다.`,
    },
  },
};
