import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBoard, SAMPLE_BOARD, tempDir } from '../support/cli.js';
import { smallDisk } from '../support/disk.js';
import { Terminal } from '../support/terminal.js';

/**
 * `postboard add` as a person uses it: in a real terminal (tmux), typing and pasting, from a
 * folder that is not this repository.
 */

/** A press release as copied from a web page: paragraphs, and two blank lines in a row. */
const RELEASE = ['산업통상자원부는 9일 수소 경제 협력을 강화한다고 밝혔다.', '', '', '○ 청정수소 인증제를 도입하고', '○ 국제 협력을 넓힌다.', '', '문의: 수소경제정책관'].join('\n');

let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

async function answer(t: Terminal, question: string, keys: string | string[]) {
  await t.waitFor(question);
  for (const key of Array.isArray(keys) ? keys : [keys]) {
    if (['Enter', 'Tab', 'Down', 'C-d', 'C-u', 'C-c', 'Escape'].includes(key)) t.press(key);
    else t.type(key);
  }
}

describe('postboard add in a real terminal, the first time, from any folder', () => {
  it('with no data/ here, the board is your own one; pasted text arrives whole; Ctrl+D ends the body', async () => {
    const home = tempDir('postboard-home-');
    const folder = tempDir('postboard-elsewhere-');
    terminal = Terminal.start('sh', { cwd: folder, env: { HOME: home, LANG: 'ko_KR.UTF-8', PS1: '$ ' } });
    const t = terminal;
    await t.waitFor('$ ');
    t.type('postboard add\n');
    await answer(t, '제목', ['수소 경제 협력 강화', 'Enter']);
    await answer(t, '부제', ['생산부터 활용까지', 'Enter']);
    await answer(t, '글쓴이', ['산업통상자원부 대변인', 'Enter']);
    await answer(t, '담당부서', ['산업통상자원부', 'Enter']);
    await answer(t, '날짜', 'Enter');
    await answer(t, '상태', 'Enter');
    await t.waitFor('내용');
    await t.waitFor('끝내려면 Ctrl+D');
    // A paste, as the terminal delivers it (bracketed, since postboard asks for that).
    t.paste(RELEASE);
    await t.waitFor('문의: 수소경제정책관');
    t.press('C-d');
    await t.waitFor('내용 7줄');
    await answer(t, '출처 기관', 'Enter');
    await answer(t, '출처 날짜', 'Enter');
    await answer(t, '출처 URL', 'Enter');
    await answer(t, '이대로 올릴까요? (예/아니요, Enter는 예)', 'Enter');
    await t.waitFor('1번 글을 올렸습니다: 수소 경제 협력 강화');

    // Your own board, in the data folder, its folders made on the first write.
    const board = join(home, '.local/share/postboard/posts.json');
    expect(loadBoard(board).posts[0]).toMatchObject({ id: 1, title: '수소 경제 협력 강화', subtitle: '생산부터 활용까지', author: '산업통상자원부 대변인', department: '산업통상자원부', body: RELEASE });
    // And list, from the same folder, says which board it shows.
    t.type('postboard list\n');
    await t.waitFor('게시판 ~/.local/share/postboard/posts.json');
  }, 60_000);

  it('a paste without bracketed-paste marks, blank lines and all, arrives whole too', async () => {
    const board = join(tempDir(), 'board.json');
    writeFileSync(board, readFileSync(SAMPLE_BOARD));
    terminal = Terminal.start(`postboard add --db ${board} --title 붙여넣기 --subtitle '' --department '' --date 2024-09-09 --status published --source-agency '' --source-date '' --source-url '' --yes`, {
      env: { LANG: 'en_US.UTF-8' },
    });
    const t = terminal;
    await answer(t, 'Author', ['한국생산성본부', 'Enter']);
    await t.waitFor('Ctrl+D to finish');
    // As a terminal without bracketed paste sends it: line by line, each ended by Enter.
    for (const line of RELEASE.split('\n')) {
      t.type(line);
      t.press('Enter');
    }
    t.press('C-d');
    await t.waitFor('Body 7 lines');
    expect(await t.exited()).toBe(0);
    expect(loadBoard(board).posts[0]?.body).toBe(RELEASE);
  }, 30_000);

  it('a board that cannot be written is said before a single question is asked', async () => {
    const board = join(tempDir(), 'board.json');
    writeFileSync(board, readFileSync(SAMPLE_BOARD), { mode: 0o444 });
    terminal = Terminal.start(`postboard add --db ${board}`, { env: { LANG: 'en_US.UTF-8' } });
    await terminal.waitFor('is read-only (mode 0444)');
    expect(await terminal.exited()).toBe(1);
    expect(terminal.screen()).not.toContain('Title');
  });
});

describe('what was typed is never only in memory', () => {
  it('when the write fails after the questions (a full disk), the post is kept as a draft, and --from-draft posts it later', async () => {
    const disk = smallDisk(2 * 1024 * 1024);
    try {
      const board = join(disk.folder, 'board.json');
      writeFileSync(board, readFileSync(SAMPLE_BOARD));
      const home = tempDir('postboard-home-');
      // The disk fills up while the person types.
      disk.fill(disk.real ? 64 * 1024 : 0);
      terminal = Terminal.start(`postboard add --db ${board}`, { env: { HOME: home, LANG: 'en_US.UTF-8', ...disk.env } });
      const t = terminal;
      await answer(t, 'Title', ['초안으로 남을 글', 'Enter']);
      await answer(t, 'Subtitle', 'Enter');
      await answer(t, 'Author', ['한국생산성본부', 'Enter']);
      await answer(t, 'Department', 'Enter');
      await answer(t, 'Date', 'Enter');
      await answer(t, 'Status', 'Enter');
      await t.waitFor('Ctrl+D to finish');
      t.paste(RELEASE);
      await t.waitFor('문의');
      t.press('C-d');
      await answer(t, 'Source agency', 'Enter');
      await answer(t, 'Source date', 'Enter');
      await answer(t, 'Source URL', 'Enter');
      if (disk.real) disk.fill(0);
      await answer(t, 'Post it?', 'Enter');
      const screen = await t.waitFor('Post it later (to the same board) with: postboard add --from-draft');
      expect(screen).toContain('cannot be written (ENOSPC');
      expect(await t.exited()).toBe(1);
      const drafts = join(home, '.local/share/postboard/drafts');
      const [draft] = readdirSync(drafts);
      expect(draft).toBeDefined();
      const path = join(drafts, draft!);
      expect(JSON.parse(readFileSync(path, 'utf8')).post).toMatchObject({ title: '초안으로 남을 글', author: '한국생산성본부', body: RELEASE });

      disk.empty();
      // Exactly as the message says, from anywhere, without naming the board: it goes to the board
      // it was for, shown first (with no number promised: someone may post first) and asked about.
      terminal.close();
      terminal = Terminal.start(`cd ${tempDir()} && postboard add --from-draft ${path}`, { env: { HOME: home, LANG: 'en_US.UTF-8' } });
      const shown = await terminal.waitFor('Post it?');
      expect(shown).toContain('No. (given when posted) · Author 한국생산성본부');
      terminal.press('Enter');
      await terminal.waitFor('Removed the draft');
      expect(await terminal.exited()).toBe(0);
      expect(terminal.screen()).toContain(`Added post 2933 to ${board}: 초안으로 남을 글`);
      expect(loadBoard(board).posts[0]).toMatchObject({ id: 2933, title: '초안으로 남을 글', body: RELEASE });
      expect(existsSync(path)).toBe(false);
    } finally {
      disk.close();
    }
  }, 60_000);

  it('Ctrl+C writes nothing and exits 130', async () => {
    const board = join(tempDir(), 'board.json');
    writeFileSync(board, readFileSync(SAMPLE_BOARD));
    terminal = Terminal.start(`postboard add --db ${board}`, { env: { LANG: 'en_US.UTF-8' } });
    await terminal.waitFor('Title');
    terminal.type('half typed');
    terminal.press('C-c');
    await terminal.waitFor('cancelled');
    expect(await terminal.exited()).toBe(130);
    expect(readFileSync(board).equals(readFileSync(SAMPLE_BOARD))).toBe(true);
  });
});
