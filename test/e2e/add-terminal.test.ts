import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, SAMPLE_BOARD, tempDir } from '../support/cli.js';

/**
 * Runs a command in a real pseudo-terminal, through util-linux `script`, and lets the test
 * type into it as a person would: wait for a question, then type the answer.
 */
function inTerminal(command: string, env: Record<string, string>) {
  const child = spawn('script', ['-qfec', `stty cols 100 rows 40; ${command}`, '/dev/null'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tempDir(), TERM: 'xterm-256color', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  let seen = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString('utf8');
  });
  const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    exit,
    get screen() {
      return screen;
    },
    async waitFor(text: string, timeoutMs = 10_000) {
      const started = Date.now();
      while (screen.indexOf(text, seen) === -1) {
        if (Date.now() - started > timeoutMs) {
          child.kill('SIGKILL');
          throw new Error(`timed out waiting for ${JSON.stringify(text)}; screen:\n${screen.slice(seen)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      seen = screen.indexOf(text, seen) + text.length;
    },
    type(keys: string) {
      child.stdin.write(keys);
    },
  };
}

describe('postboard add in a real terminal', () => {
  it('asks in Korean, takes Korean answers, and the post is on the board', async () => {
    const board = join(tempDir(), 'board.json');
    copyFileSync(SAMPLE_BOARD, board);
    const term = inTerminal(`"${process.execPath}" "${BIN}" add --db "${board}"`, { LANG: 'ko_KR.UTF-8' });

    await term.waitFor('제목');
    term.type('수소 경제 협력 강화\r');
    await term.waitFor('글쓴이');
    term.type('\x15산업통상자원부 대변인\r');
    await term.waitFor('담당부서');
    term.type('산업통상');
    await term.waitFor('새 부서');
    term.type('\r');
    await term.waitFor('날짜');
    term.type('\r');
    await term.waitFor('상태');
    term.type('\r');
    await term.waitFor('내용');
    term.type('첫 문단입니다.\r');
    term.type('\r');
    term.type('둘째 문단입니다.\r');
    term.type('\r');
    term.type('\r');
    await term.waitFor('출처 기관');
    term.type('산업통상자원부\r');
    await term.waitFor('출처 날짜');
    term.type('2024-09-09\r');
    await term.waitFor('출처 URL');
    term.type('https://www.motie.go.kr/kor/article/1\r');
    await term.waitFor('이대로 올릴까요?');
    term.type('\r');
    await term.waitFor('2933번 글을 올렸습니다: 수소 경제 협력 강화');
    expect(await term.exit).toBe(0);

    const listed = await runCli(['list', '--db', board, '--limit', '1', '--lang', 'ko']);
    expect(listed.stdout).toMatch(/2933 {2}수소 경제 협력 강화 +산업통상자원부 대변인/);
    const saved = JSON.parse(readFileSync(board, 'utf8'));
    expect(saved.lastId).toBe(2933);
    expect(saved.posts[0]).toMatchObject({
      id: 2933,
      title: '수소 경제 협력 강화',
      author: '산업통상자원부 대변인',
      department: '산업통상',
      status: 'published',
      body: '첫 문단입니다.\n\n둘째 문단입니다.',
      source: { agency: '산업통상자원부', date: '2024-09-09', url: 'https://www.motie.go.kr/kor/article/1' },
    });
  });

  it('Ctrl+C writes nothing and exits 130', async () => {
    const board = join(tempDir(), 'board.json');
    copyFileSync(SAMPLE_BOARD, board);
    const before = readFileSync(board);
    const term = inTerminal(`"${process.execPath}" "${BIN}" add --db "${board}"`, { LANG: 'en_US.UTF-8' });
    await term.waitFor('Title');
    term.type('half typed');
    term.type('\x03');
    await term.waitFor('cancelled');
    expect(await term.exit).toBe(130);
    expect(readFileSync(board).equals(before)).toBe(true);
  });
});
