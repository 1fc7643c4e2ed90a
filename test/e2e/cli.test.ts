import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, sampleCopy } from '../support/cli.js';
import { ROOT, runCli } from '../support/cli.js';

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('the command line', () => {
  it('--version prints the version', async () => {
    expect(await runCli(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
    expect(await runCli(['-v'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it.each([['--help'], ['list', '--help'], ['show', '--help'], ['help', 'list']])('%j shows usage with examples', async (...args) => {
    const result = await runCli(args);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: postboard/);
    expect(result.stdout).toMatch(/Examples:\n {2}# .+\n {2}\$ postboard /);
  });

  it('help in Korean', async () => {
    const result = await runCli(['list', '--help'], { env: { LANG: 'ko_KR.UTF-8' } });
    expect(result.stdout).toMatch(/^사용법: postboard list/);
    expect(result.stdout).toContain('예시:');
    expect(result.stdout).toContain('공통 옵션:');
  });

  it('no command prints the help, exit 0', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Commands:');
  });

  it.each([
    [['frobnicate'], "error: unknown command 'frobnicate' (see 'postboard --help')"],
    [['lst'], "error: unknown command 'lst'; did you mean one of list, ls? (see 'postboard --help')"],
    [['list', '--lmit', '5'], "error: unknown option '--lmit'; did you mean --limit? (see 'postboard list --help')"],
    [['list', '--limit'], "error: option '-n, --limit <n>' argument missing (see 'postboard list --help')"],
    [['list', '--limit', 'x'], `error: --limit must be a whole number of 1 or more, not "x" (see 'postboard list --help')`],
    [['list', '--since', '2024-13-01'], `error: --since must be a real date as YYYY-MM-DD, not "2024-13-01" (see 'postboard list --help')`],
    [['show'], "error: missing required argument 'id' (see 'postboard show --help')"],
    [['show', '1', '2'], "error: too many arguments for 'show'. Expected 1 argument but got 2. (see 'postboard show --help')"],
    [['list', '--lang', 'fr'], `error: --lang must be one of ko, en, not "fr" (see 'postboard list --help')`],
  ])('%j is a usage error: exit 2, one line', async (args, message) => {
    const result = await runCli(args);
    expect(result).toMatchObject({ code: 2, stdout: '', stderr: `${message}\n` });
  });

  it('usage errors in Korean, with no particle such as 을(를) after a Latin word', async () => {
    const result = await runCli(['list', '--lmit', '5', '--lang', 'ko']);
    expect(result).toMatchObject({ code: 2, stderr: "오류: 알 수 없는 옵션: --lmit; 비슷한 것: --limit ('postboard list --help' 참고)\n" });
    const typo = await runCli(['lsit', '--lang', 'ko']);
    expect(typo).toMatchObject({ code: 2, stderr: "오류: 알 수 없는 명령: lsit; 비슷한 것: list ('postboard --help' 참고)\n" });
  });

  it('never waits for stdin: with stdin open and silent, every command that could ask ends at once', async () => {
    const { spawn } = await import('node:child_process');
    const board = sampleCopy();
    for (const args of [['list'], ['add'], ['edit', '2912'], ['delete', '2912'], ['undo'], ['import', '-']]) {
      // stdin is a pipe nobody writes to and nobody closes: a command waiting for it would hang.
      const child = spawn(process.execPath, [BIN, ...args, '--db', board], { stdio: ['pipe', 'pipe', 'pipe'], env: { PATH: process.env.PATH } });
      const exit = await Promise.race([
        new Promise<number | null>((resolve) => child.on('close', resolve)),
        new Promise<string>((resolve) => setTimeout(() => resolve('still waiting'), 5000)),
      ]);
      child.kill('SIGKILL');
      if (args[0] === 'import') expect(exit).toBe('still waiting'); // `import -` reads stdin: that is what it is for
      else expect(exit, args.join(' ')).not.toBe('still waiting');
    }
  });
});
