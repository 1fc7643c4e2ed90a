import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBoard, sampleCopy, tempDir, writeBoard } from '../support/cli.js';
import { makeBoard, makePost } from '../support/posts.js';
import { Terminal } from '../support/terminal.js';

/**
 * The keys a person presses at `add` and `edit`, in a real terminal (tmux): one key too many,
 * a paste with stray control bytes, Backspace over an emoji, Ctrl+C inside their own editor.
 * None of them may lose what was typed or end the command by surprise.
 */

let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

const en = { LANG: 'en_US.UTF-8' };

/** Starts `postboard add` on a fresh copy of the sample board and answers up to the body. */
async function addUpToBody(env: Record<string, string> = {}): Promise<{ t: Terminal; board: string }> {
  const board = sampleCopy();
  terminal = Terminal.start(`postboard add --db '${board}'`, { env: { ...en, ...env } });
  const t = terminal;
  await t.waitFor('Title');
  t.type('키 하나 더');
  t.press('Enter');
  await t.waitFor('Subtitle');
  t.press('Enter');
  await t.waitFor('Author');
  t.type('대변인');
  t.press('Enter');
  await t.waitFor('Department');
  t.press('Enter');
  await t.waitFor('Date');
  t.press('Enter');
  await t.waitFor('Status');
  t.press('Enter');
  return { t, board };
}

/** Answers the three source questions with Enter and posts it. */
async function finishAdd(t: Terminal): Promise<void> {
  for (const question of ['Source agency', 'Source date', 'Source URL']) {
    await t.waitFor(`? ${question}`);
    t.press('Enter');
  }
  await t.waitFor('Post it?');
  t.press('Enter');
  await t.waitFor('Added post 2933');
  expect(await t.exited()).toBe(0);
}

describe('Ctrl+D ends the body, and only the body', () => {
  it('pressed again at the next question, it is ignored there: nothing typed is lost', async () => {
    const { t, board } = await addUpToBody();
    await t.waitFor('Ctrl+D to finish');
    t.type('본문 한 줄');
    t.press('C-d');
    await t.waitFor('Body 1 line');
    await t.waitFor('? Source agency');
    // One Ctrl+D too many (a habit from `cat`): the question stays.
    t.press('C-d');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(t.exitStatus()).toBeUndefined();
    expect(t.screen()).not.toContain('cancelled');
    await finishAdd(t);
    expect(loadBoard(board).posts[0]).toMatchObject({ id: 2933, title: '키 하나 더', body: '본문 한 줄' });
  }, 30_000);

  it('a paste that carries Ctrl+C or Ctrl+D bytes stays a paste: it neither cancels nor ends the body', async () => {
    const { t, board } = await addUpToBody();
    await t.waitFor('Ctrl+D to finish');
    t.paste('붙여넣은 첫 줄\x03\n둘째 줄\x04 끝');
    await t.waitFor('둘째 줄 끝');
    expect(t.exitStatus()).toBeUndefined();
    t.press('C-d');
    await t.waitFor('Body 2 lines');
    await finishAdd(t);
    expect(loadBoard(board).posts[0]?.body).toBe('붙여넣은 첫 줄\n둘째 줄 끝');
  }, 30_000);
});

describe('leaving the body', () => {
  it('Esc in the body does nothing; Ctrl+C cancels on a line of its own and keeps the body as a draft', async () => {
    const home = tempDir('postboard-home-');
    const { t, board } = await addUpToBody({ HOME: home, XDG_DATA_HOME: join(home, 'data') });
    const before = readFileSync(board);
    await t.waitFor('Ctrl+D to finish');
    t.type('반쯤 쓴 보도자료');
    t.press('Escape');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(t.exitStatus()).toBeUndefined();
    t.type(' 계속');
    t.press('C-c');
    const screen = await t.waitFor('add --from-draft');
    expect(await t.exited()).toBe(130);
    // The message starts its own line, under the text.
    expect(screen).toMatch(/^반쯤 쓴 보도자료 계속\s*$/m);
    expect(screen).toMatch(/^cancelled\s*$/m);
    expect(readFileSync(board).equals(before)).toBe(true);
    const drafts = join(home, 'data/postboard/drafts');
    const [draft] = readdirSync(drafts);
    expect(JSON.parse(readFileSync(join(drafts, draft!), 'utf8')).post).toMatchObject({ title: '키 하나 더', body: '반쯤 쓴 보도자료 계속' });
  }, 30_000);

  it('Ctrl+C before any body is written keeps nothing', async () => {
    const home = tempDir('postboard-home-');
    const { t } = await addUpToBody({ HOME: home, XDG_DATA_HOME: join(home, 'data') });
    await t.waitFor('Ctrl+D to finish');
    t.press('C-c');
    expect(await t.exited()).toBe(130);
    expect(t.screen()).not.toContain('draft');
  }, 30_000);
});

describe('Backspace and clearing in the body', () => {
  it('Backspace takes off a whole letter as it is seen: an emoji family, not one of its people', async () => {
    const { t, board } = await addUpToBody();
    await t.waitFor('Ctrl+D to finish');
    t.type('가👨‍👩‍👧');
    t.press('BSpace');
    t.type('나');
    t.press('C-d');
    await t.waitFor('Body 1 line');
    await finishAdd(t);
    expect(loadBoard(board).posts[0]?.body).toBe('가나');
  }, 30_000);

  it('editing, Ctrl+K clears the whole body, so a new paste replaces it', async () => {
    const board = writeBoard(makeBoard([makePost({ id: 1, title: '고칠 글', body: '옛 본문 첫 줄\n\n옛 본문 둘째 줄' })]));
    terminal = Terminal.start(`postboard edit 1 --db '${board}'`, { env: en });
    const t = terminal;
    for (const question of ['Title', 'Subtitle', 'Author', 'Department', 'Date', 'Status']) {
      await t.waitFor(`? ${question}`);
      t.press('Enter');
    }
    await t.waitFor('Ctrl+K clears it all');
    await t.waitFor('옛 본문 둘째 줄');
    t.press('C-k');
    t.paste('새 본문');
    const cleared = await t.waitFor('새 본문');
    // The old body is gone from the screen, and so is the hint that Ctrl+D would keep it.
    expect(cleared).not.toContain('옛 본문');
    expect(cleared).not.toContain('keeps it as it is');
    expect(cleared).toContain('? Body (Enter for a new line, Ctrl+D to finish; Ctrl+U clears a line)');
    t.press('C-d');
    await t.waitFor('Body 1 line');
    for (const question of ['Source agency', 'Source date', 'Source URL']) {
      await t.waitFor(`? ${question}`);
      t.press('Enter');
    }
    await t.waitFor('?');
    await t.waitFor(/Save|save/);
    t.press('Enter');
    expect(await t.exited()).toBe(0);
    expect(loadBoard(board).posts[0]?.body).toBe('새 본문');
  }, 30_000);
});

describe('the body in $EDITOR, through the real launcher', () => {
  function editorScript(content: string): string {
    const path = join(tempDir(), 'editor.sh');
    writeFileSync(path, `#!/bin/sh\n${content}\n`);
    chmodSync(path, 0o755);
    return path;
  }

  it('what the editor saved is taken, and said as a line count like the typed body', async () => {
    const editor = editorScript(`printf '편집기 첫 줄\\n편집기 둘째 줄\\n' > "$1"`);
    const { t, board } = await addUpToBody({ EDITOR: editor });
    await t.waitFor('Body 2 lines');
    await finishAdd(t);
    expect(loadBoard(board).posts[0]?.body).toBe('편집기 첫 줄\n편집기 둘째 줄');
  }, 30_000);

  it('Ctrl+C while the editor runs cancels (exit 130): nothing written, the private file removed', async () => {
    const editor = editorScript('sleep 30');
    const scratch = join(tempDir(), 'tmp');
    mkdirSync(scratch);
    const { t, board } = await addUpToBody({ EDITOR: editor, TMPDIR: scratch });
    const before = readFileSync(board);
    await t.waitFor('save and quit to go on');
    // The editor has its file by now.
    for (let tries = 0; tries < 100 && readdirSync(scratch).length === 0; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(readdirSync(scratch)).toHaveLength(1);
    t.press('C-c');
    await t.waitFor('cancelled in the editor (Ctrl+C)');
    expect(await t.exited()).toBe(130);
    expect(readdirSync(scratch)).toEqual([]);
    expect(readFileSync(board).equals(before)).toBe(true);
  }, 30_000);
});
