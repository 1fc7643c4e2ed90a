import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SAMPLE_BOARD, sampleCopy, tempDir } from '../support/cli.js';
import { KEYS, onTerminal } from '../support/io.js';

const postsOf = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { lastId: number; posts: Record<string, unknown>[] });

describe('postboard add on a terminal asks for each field', () => {
  it('every question in order, a validation retry, the preview and the confirmation', async () => {
    const board = sampleCopy();
    const term = onTerminal(['add', '--db', board]);
    await term.waitFor('Title');
    term.type(`${KEYS.enter}`); // empty: refused
    await term.waitFor('must not be empty');
    term.type(`수소 경제 협력 강화${KEYS.enter}`);
    await term.waitFor('Subtitle');
    term.type(`수소 생산부터 활용까지${KEYS.enter}`);
    await term.waitFor('Author (for a default: export POSTBOARD_AUTHOR="…")');
    // Nothing offered: you never posted on this board, and a colleague's name is not yours.
    term.type(KEYS.enter);
    await term.waitFor('must not be empty');
    term.type(`한국생산성본부${KEYS.enter}`);
    await term.waitFor('Department');
    await term.waitFor('행정안전부'); // the board's departments to pick from, after "(none)"
    term.type(`${KEYS.down}${KEYS.enter}`);
    await term.waitFor('Date');
    term.type(`2024-02-30${KEYS.enter}`);
    await term.waitFor('is not a real calendar date');
    term.type(`${KEYS.ctrlU}2024-09-10${KEYS.enter}`);
    await term.waitFor('Status');
    term.type(`${KEYS.down}${KEYS.enter}`);
    await term.waitFor('Body');
    await term.waitFor('Ctrl+D to finish');
    // Enter only ever makes a new line; Ctrl+D ends the body.
    term.type(`첫 문단입니다.${KEYS.enter}${KEYS.enter}${KEYS.enter}둘째 문단.${KEYS.enter}${KEYS.ctrlD}`);
    await term.waitFor(/Body\S* \S*4 lines/);
    await term.waitFor('Source agency');
    term.type(`산업통상자원부${KEYS.enter}`);
    await term.waitFor('Source date');
    term.type(`2024-09-09${KEYS.enter}`);
    await term.waitFor('Source URL');
    term.type(`https://www.motie.go.kr/view/1${KEYS.enter}`);
    await term.waitFor('Post it?');
    expect(term.io.output.stdout).toContain('[hidden] 수소 경제 협력 강화');
    // The number is given when the post is saved (someone may post first): the preview promises none.
    expect(term.io.output.stdout).toMatch(/No\. \(given when posted\) · Author 한국생산성본부 · Department 행정안전부 · Date 2024-09-10/);
    term.type(KEYS.enter);
    expect(await term.exit).toBe(0);
    expect(term.io.output.stdout).toContain('Added post 2933: 수소 경제 협력 강화');

    const saved = postsOf(board);
    expect(saved.lastId).toBe(2933);
    expect(saved.posts[0]).toMatchObject({
      id: 2933,
      title: '수소 경제 협력 강화',
      subtitle: '수소 생산부터 활용까지',
      author: '한국생산성본부',
      department: '행정안전부',
      date: '2024-09-10',
      views: 0,
      status: 'hidden',
      body: '첫 문단입니다.\n\n\n둘째 문단.',
      source: { agency: '산업통상자원부', date: '2024-09-09', url: 'https://www.motie.go.kr/view/1' },
    });
  });

  it('POSTBOARD_AUTHOR is the author offered (not taken unasked)', async () => {
    const board = sampleCopy();
    const term = onTerminal(['add', '--db', board, '--subtitle', '', '--department', '', '--date', '2024-09-07', '--status', 'published', '--body', '', '--source-agency', '', '--source-date', '', '--source-url', '', '--yes'], {
      env: { POSTBOARD_AUTHOR: '환경부 대변인' },
    });
    await term.waitFor('Title');
    term.type(`제목${KEYS.enter}`);
    await term.waitFor('Author');
    await term.waitFor('환경부 대변인');
    term.type(KEYS.enter);
    expect(await term.exit).toBe(0);
    expect(JSON.parse(readFileSync(board, 'utf8')).posts[0]).toMatchObject({ title: '제목', author: '환경부 대변인' });
  });

  it("without POSTBOARD_AUTHOR, the author offered is the one you last posted under on this board, never a colleague's", async () => {
    const me = userInfo().username;
    const board = join(tempDir(), 'board.json');
    const post = (id: number, author: string) => ({ id, title: `글 ${id}`, author, department: '', date: '2024-09-01', views: 0, status: 'published', body: '' });
    const added = (seq: number, who: string, id: number) => ({ seq, at: '2024-09-01T00:00:00.000Z', who, command: 'add', changes: [{ kind: 'add', id, title: `글 ${id}`, hash: 'x' }] });
    writeFileSync(board, JSON.stringify({ schemaVersion: 1, lastId: 3, posts: [post(3, '동료 부서'), post(2, '환경부 대변인'), post(1, '옛 이름')], changes: [added(1, me, 1), added(2, me, 2), added(3, `${me}-colleague`, 3)] }));
    const term = onTerminal(['add', '--db', board, '--subtitle', '', '--department', '', '--date', '2024-09-07', '--status', 'published', '--body', '', '--source-agency', '', '--source-date', '', '--source-url', '', '--yes']);
    await term.waitFor('Title');
    term.type(`제목${KEYS.enter}`);
    await term.waitFor('환경부 대변인');
    expect(term.io.output.stdout).not.toContain('동료 부서');
    term.type(KEYS.enter);
    expect(await term.exit).toBe(0);
    expect(postsOf(board).posts[0]).toMatchObject({ id: 4, author: '환경부 대변인' });
  });

  it('flags given are not asked again; a new department can be typed; optional fields skipped', async () => {
    const board = sampleCopy();
    const term = onTerminal(['add', '--db', board, '--subtitle', '', '--title', '플래그로 준 제목', '--date', '2024-09-07', '--status', 'published']);
    await term.waitFor('Author');
    expect(term.io.output.stdout).not.toContain('Title');
    term.type(`${KEYS.ctrlU}환경부 대변인${KEYS.enter}`);
    await term.waitFor('Department');
    term.type(`기후에너지환경부`);
    await term.waitFor('(new)');
    term.type(KEYS.enter);
    await term.waitFor('Body');
    expect(term.io.output.stdout).not.toMatch(/\? Date|\? Status/);
    term.type(KEYS.ctrlD);
    for (const question of ['Source agency', 'Source date', 'Source URL']) {
      await term.waitFor(question);
      term.type(KEYS.enter);
    }
    await term.waitFor('Post it?');
    term.type(`y${KEYS.enter}`);
    expect(await term.exit).toBe(0);
    const [post] = postsOf(board).posts;
    expect(post).toMatchObject({ title: '플래그로 준 제목', author: '환경부 대변인', department: '기후에너지환경부', body: '', date: '2024-09-07' });
    expect(post).not.toHaveProperty('source');
  });

  it('a source URL already on the board is refused while typing', async () => {
    const board = sampleCopy();
    const url = (postsOf(board).posts.find((post) => post.id === 2912)?.source as { url: string }).url;
    const term = onTerminal(['add', '--db', board, '--subtitle', '', '--author', 'a', '--department', '', '--date', '2024-09-06', '--status', 'hidden', '--body', '', '--source-agency', '', '--source-date', '']);
    await term.waitFor('Title');
    term.type(`t${KEYS.enter}`);
    await term.waitFor('Source URL');
    term.type(`${url}${KEYS.enter}`);
    await term.waitFor('already on the board as post 2912');
    term.type(`${KEYS.ctrlU}https://example.org/new${KEYS.enter}`);
    await term.waitFor('Post it?');
    term.type(KEYS.enter);
    expect(await term.exit).toBe(0);
  });

  it('the body opens in $EDITOR when one is set', async () => {
    const board = sampleCopy();
    const editor = join(tempDir(), 'editor.sh');
    writeFileSync(editor, `#!/bin/sh\nprintf '편집기에서 쓴 내용\\r\\n\\r\\n둘째 줄' > "$1"\n`);
    chmodSync(editor, 0o755);
    // The editor library reads the real environment, so the variable goes there too.
    vi.stubEnv('EDITOR', editor);
    vi.stubEnv('VISUAL', '');
    const term = onTerminal(['add', '--db', board, '--subtitle', '', '--author', 'a', '--department', '', '--date', '2024-09-06', '--status', 'published', '--source-agency', '', '--source-date', '', '--source-url', '', '--yes'], {
      env: { EDITOR: editor, PATH: process.env.PATH },
    });
    await term.waitFor('Title');
    term.type(`t${KEYS.enter}`);
    expect(await term.exit).toBe(0);
    vi.unstubAllEnvs();
    expect(postsOf(board).posts[0]).toMatchObject({ title: 't', body: '편집기에서 쓴 내용\n\n둘째 줄' });
  });

  it("an EDITOR that npm set (npx sets vi when you set none) is not taken for yours: the body is asked in place", async () => {
    const board = sampleCopy();
    const term = onTerminal(['add', '--db', board, '--subtitle', '', '--author', 'a', '--department', '', '--date', '2024-09-06', '--status', 'published', '--source-agency', '', '--source-date', '', '--source-url', '', '--yes'], {
      env: { EDITOR: 'vi', npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js', npm_command: 'exec', PATH: process.env.PATH },
    });
    await term.waitFor('Title');
    term.type(`t${KEYS.enter}`);
    await term.waitFor('Ctrl+D to finish');
    term.type(`제자리에서 쓴 내용${KEYS.ctrlD}`);
    expect(await term.exit).toBe(0);
    expect(postsOf(board).posts[0]).toMatchObject({ title: 't', body: '제자리에서 쓴 내용' });
  });

  it('what the editor saved before it failed is kept in the draft, not lost', async () => {
    const board = sampleCopy();
    const home = tempDir('postboard-home-');
    const editor = join(tempDir(), 'editor.sh');
    writeFileSync(editor, `#!/bin/sh\nprintf '저장하고 실패한 편집기' > "$1"\nexit 1\n`);
    chmodSync(editor, 0o755);
    vi.stubEnv('EDITOR', editor);
    vi.stubEnv('VISUAL', '');
    const term = onTerminal(['add', '--db', board, '--subtitle', '', '--author', 'a', '--department', '', '--date', '2024-09-06', '--status', 'published'], {
      env: { EDITOR: editor, PATH: process.env.PATH, HOME: home },
    });
    await term.waitFor('Title');
    term.type(`t${KEYS.enter}`);
    expect(await term.exit).toBe(1);
    vi.unstubAllEnvs();
    const path = /kept as a draft: (\S+)/.exec(term.io.output.stderr)?.[1];
    expect(path, term.io.output.stderr).toBeDefined();
    expect(JSON.parse(readFileSync(path!, 'utf8'))).toMatchObject({ post: { title: 't', body: '저장하고 실패한 편집기' }, partial: 'body' });
    expect(readFileSync(board).equals(readFileSync(SAMPLE_BOARD))).toBe(true);
  });

  it('a draft being finished and kept again (Ctrl+C once more) replaces itself: one post, one draft', async () => {
    const board = sampleCopy();
    const home = tempDir('postboard-home-');
    const drafts = join(home, 'drafts');
    mkdirSync(drafts);
    const path = join(drafts, 'kept.json');
    writeFileSync(path, JSON.stringify({ postboard: 'draft', version: 2, board, post: { title: '초안', author: 'a', department: '', date: '2024-09-06', status: 'published' }, answered: ['title', 'subtitle', 'author', 'department', 'date', 'status'] }));
    const term = onTerminal(['add', '--from-draft', path], { env: { HOME: home, XDG_DATA_HOME: home } });
    await term.waitFor('Ctrl+D to finish');
    term.type(`다 쓴 본문${KEYS.ctrlD}`);
    await term.waitFor('Source agency');
    term.type(KEYS.ctrlC);
    expect(await term.exit).toBe(130);
    expect(readdirSync(drafts)).toEqual(['kept.json']);
    expect(existsSync(join(home, 'postboard', 'drafts'))).toBe(false);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ post: { title: '초안', body: '다 쓴 본문' } });
    expect(JSON.parse(readFileSync(path, 'utf8')).answered).toContain('body');
  });
});

describe('cancelling writes nothing and exits 130', () => {
  it.each([
    ['Esc at a question', 'Author', KEYS.escape],
    ['Ctrl+C at a question', 'Author', KEYS.ctrlC],
    ['Ctrl+C while typing the body', 'Body', `반쯤 쓴 내용${KEYS.ctrlC}`],
  ])('%s', async (_, question, keys) => {
    const board = sampleCopy();
    const before = readFileSync(board);
    const term = onTerminal(['add', '--db', board, '--subtitle', '', '--lang', 'ko']);
    await term.waitFor('제목');
    term.type(`제목${KEYS.enter}`);
    const questions = ['글쓴이', '담당부서', '날짜', '상태', '내용'];
    for (const next of questions.slice(0, questions.indexOf(question === 'Body' ? '내용' : '글쓴이') + 1)) {
      await term.waitFor(next);
      if (next !== (question === 'Body' ? '내용' : '글쓴이')) term.type(next === '글쓴이' ? `한국생산성본부${KEYS.enter}` : KEYS.enter);
    }
    term.type(keys);
    expect(await term.exit).toBe(130);
    // A body being written is kept as a draft (not posted); a cancel before one keeps nothing.
    if (question === 'Body') expect(term.io.output.stderr).toMatch(/^취소했습니다\n쓴 글은 초안으로 남겨 두었습니다: .*\/drafts\/.*\.json\n/);
    else expect(term.io.output.stderr).toBe('취소했습니다\n');
    expect(readFileSync(board).equals(before)).toBe(true);
  });

  it('answering no to "Post it?" is not an interruption: nothing changed, exit 1', async () => {
    const board = sampleCopy();
    const before = readFileSync(board);
    const term = onTerminal(['add', '--db', board, '--subtitle', '', '--author', 'a', '--department', '', '--body', '', '--source-agency', '', '--source-date', '', '--source-url', '']);
    await term.waitFor('Title');
    term.type(`아직 올리지 않을 글${KEYS.enter}`);
    await term.waitFor('Date');
    term.type(KEYS.enter);
    await term.waitFor('Status');
    term.type(KEYS.enter);
    await term.waitFor('Post it?');
    term.type(`n${KEYS.enter}`);
    expect(await term.exit).toBe(1);
    expect(term.io.output.stderr).toBe('Nothing changed.\n');
    expect(readFileSync(board).equals(before)).toBe(true);
  });
});
