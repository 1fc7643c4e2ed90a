import { localTimeAt, localTimestamp } from '../board/dates.js';
import { EXCEL_CELL_CHARS } from '../board/sheet-changes.js';
import type { FieldKey } from '../board/fields.js';
import { LIMITS } from '../board/post.js';
import type { DatabaseStep } from '../store/board.js';
import type { Catalogue } from './en.js';
import { byteSize, grouped, megabytes, quoted, shellWord, shownValue } from './shared.js';

/** What became of a command whose database stopped answering, or whose connection ended, at this step. */
const stepOutcome = (during: DatabaseStep): string =>
  during === 'change' ? '. 게시판은 그대로입니다' : during === 'commit' ? '. 변경이 저장되었는지 알 수 없습니다: postboard log로 확인하세요' : '';

/** The Korean catalogue: the same keys as the English one, in the board's own words. */
export const ko: Catalogue = {
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
    hint: (command) => `'postboard ${command ? `${command} ` : ''}--help' 참고`,
    wholeNumber: (option, value) => `${option} 값은 1 이상의 정수여야 합니다: ${quoted(value)}`,
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
      `"${problem.field}" 값은 정수여야 합니다: ${quoted(problem.value)}`,
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
    'read-only': (problem) =>
      `읽기 전용입니다 (권한 ${problem.mode.toString(8).padStart(4, '0')}). 아무것도 바꾸지 않았습니다 (chmod u+w로 쓰기 허용)`,
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
      `${
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
    'driver-missing': (problem) => {
      const unset = '환경 변수 POSTBOARD_SQLITE_DRIVER 설정을 지우세요';
      if (problem.driver === 'node:sqlite') {
        const why = problem.builtin ? `내장 SQLite(${problem.builtin})에 FTS5 전문 검색이 없습니다` : 'node:sqlite 모듈이 없습니다';
        return `환경 변수 POSTBOARD_SQLITE_DRIVER에 node:sqlite를 지정했는데, 지금 Node.js(${process.version})에는 ${why}. Node.js 22.16 이상을 쓰거나 ${unset}`;
      }
      const build = '선택 패키지이며, 맞는 바이너리가 없으면 소스에서 빌드합니다: g++, make, python3 필요';
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
    'no-tables': (problem) => `아직 postboard 게시판이 없습니다. 만들려면: postboard init --db ${shellWord(problem.location)}`,
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
};
