import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runCli, sampleCopy, tempDir } from '../support/cli.js';
import { Terminal } from '../support/terminal.js';

/**
 * postboard as a Windows user meets it, run from Linux: the real bin/postboard.js, told by
 * POSTBOARD_TEST_PLATFORM=win32 to behave as on Windows (as other POSTBOARD_TEST_* variables make
 * faults), with the environment a Korean Windows has. What only Windows itself can show (the
 * console's own keys and fonts, cmd.exe, PowerShell, NTFS) is listed in docs/windows.md.
 */

const WINDOWS = {
  POSTBOARD_TEST_PLATFORM: 'win32',
  USERPROFILE: 'C:\\Users\\민지',
  APPDATA: 'C:\\Users\\민지\\AppData\\Roaming',
  LOCALAPPDATA: 'C:\\Users\\민지\\AppData\\Local',
};

let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

describe('text damaged before it reached postboard is refused, and nothing is stored', () => {
  // What Windows PowerShell 5.1 pipes into a program for "산업통상자원부는 11월 29일 청정수소 협력을 …":
  // its $OutputEncoding is ASCII, so every Hangul letter arrives as "?".
  const questionMarks = '???????? 11? 29? ???? ??? ????.\r\n?? ??? ???.\r\n';
  // What PowerShell 7 pipes for a CP949 file it read as UTF-8.
  const replaced = '\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD 11\uFFFD\uFFFD\n';

  it('add --body-file - (a body piped from PowerShell): one line saying why, and to give the path', async () => {
    for (const input of [questionMarks, replaced]) {
      const board = sampleCopy();
      const before = readFileSync(board);
      const run = await runCli(['add', '--db', board, '--title', '청정수소 협력', '--author', '산업통상자원부', '--body-file', '-', '--yes'], { input });
      expect(run.code).toBe(1);
      expect(run.stderr.split('\n')).toHaveLength(2);
      expect(run.stderr).toMatch(/^error: --body-file -: line 1 (has \?\? where letters should be|holds U\+FFFD)/);
      expect(run.stderr).toContain('PowerShell re-encodes text piped into a program');
      expect(run.stderr).toContain('Give the file\'s path instead: --body-file <path>');
      expect(readFileSync(board).equals(before)).toBe(true);
    }
  });

  it('import - (a CSV or JSON piped from PowerShell), in Korean too', async () => {
    const board = sampleCopy();
    const before = readFileSync(board);
    const csv = await runCli(['import', '-', '--db', board, '--format', 'csv', '--yes'], { input: `title,author,body\r\n"????? ??",???,"?? ??? ???"\r\n` });
    expect(csv.code).toBe(1);
    expect(csv.stderr).toMatch(/^error: import -: line 2 has \?\? where letters should be/);
    const json = await runCli(['import', '-', '--db', board, '--yes'], { input: `[{"title":"${replaced.trim()}","author":"a"}]`, env: { LANG: 'ko_KR.UTF-8' } });
    expect(json.code).toBe(1);
    expect(json.stderr).toMatch(/^오류: import -: 1번째 줄에 U\+FFFD\(�\) 문자가 있습니다/);
    expect(json.stderr).toContain('대신 파일 경로를 주세요: postboard import <path>');
    expect(readFileSync(board).equals(before)).toBe(true);
  });

  it('real text with question marks is not taken for damage', async () => {
    const board = sampleCopy();
    const run = await runCli(['add', '--db', board, '--title', '왜??', '--author', 'a', '--body-file', '-', '--yes'], { input: '정말 그럴까요?? 다시 묻습니다.\nReally??\n' });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const imported = await runCli(['import', '-', '--db', board, '--format', 'csv', '--yes'], { input: 'title,author\nWhy?? Because.,a\n' });
    expect(imported.code, imported.stderr).toBe(0);
  });

  it('a flag value holding U+FFFD (a CP949 file read into the command line) is a usage error', async () => {
    const board = sampleCopy();
    const before = readFileSync(board);
    const run = await runCli(['add', '--db', board, '--title', '청정\uFFFD\uFFFD 협력', '--author', 'a', '--yes']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: --title holds U\+FFFD/);
    expect(readFileSync(board).equals(before)).toBe(true);
  });
});

describe('on Windows', () => {
  it('the default board is in %LOCALAPPDATA%\\postboard (not the roaming %APPDATA%), and --help says so', async () => {
    const folder = tempDir();
    const help = await runCli(['--help'], { cwd: folder, env: WINDOWS });
    expect(help.code).toBe(0);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('now: C:\\Users\\민지\\AppData\\Local\\postboard\\posts.json');
    expect(help.stdout).not.toContain('Roaming');
  });

  it('output names Windows does not keep as files are refused before anything is written: NUL, con.csv, streams, a trailing dot', async () => {
    const folder = tempDir();
    const board = sampleCopy();
    const before = readFileSync(board);
    const refused: [string[], string][] = [
      [['export', '--db', board, '-o', 'NUL'], '"NUL" is a device on Windows'],
      [['export', '--db', board, '-o', 'con.csv'], '"con.csv" is a device on Windows'],
      [['export', '--db', board, '--format', 'json', '-o', 'C:\\Users\\민지\\Documents\\aux.json'], '"aux.json" is a device on Windows'],
      [['export', '--db', board, '-o', '11월.csv:숨김'], 'a hidden stream inside another file'],
      [['export', '--db', board, '-o', '11월.csv.'], 'Windows drops the dot or space at the end'],
      [['copy', '--db', board, '--to', 'nul.json'], '--to "nul.json": "nul.json" is a device on Windows'],
      [['copy', '--db', board, '--to', 'lpt1.sqlite'], 'is a device on Windows'],
      [['init', '--db', 'com1.sqlite'], '--db "com1.sqlite": "com1.sqlite" is a device on Windows'],
      [['add', '--db', 'board.json:x', '--title', 't', '--author', 'a'], 'a hidden stream inside another file'],
    ];
    for (const [args, message] of refused) {
      const run = await runCli(args, { cwd: folder, env: WINDOWS });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toContain(message);
      expect(run.stderr.split('\n'), args.join(' ')).toHaveLength(2);
    }
    expect(readdirSync(folder)).toEqual([]);
    expect(readFileSync(board).equals(before)).toBe(true);
    // Elsewhere those are ordinary names.
    const linux = await runCli(['export', '--db', board, '-o', 'con.csv'], { cwd: folder });
    expect(linux.code, linux.stderr).toBe(0);
    expect(existsSync(join(folder, 'con.csv'))).toBe(true);
  });

  it('better-sqlite3 missing: the message says a newer Node.js needs no compiler, not g++', async () => {
    const install = tempDir();
    // postboard as installed where better-sqlite3 could not be: its bundle, no node_modules.
    for (const part of ['bin', 'dist', 'package.json']) cpSync(join(dirname(dirname(BIN)), part), join(install, part), { recursive: true });
    const folder = tempDir();
    const run = await runCli(['add', '--title', 't', '--author', 'a', '--db', join(folder, 'b.sqlite')], { bin: join(install, 'bin', 'postboard.js'), env: { ...WINDOWS, POSTBOARD_SQLITE_DRIVER: 'better-sqlite3' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Visual Studio's C++ build tools — Node.js 22.16 or newer (the MSI from nodejs.org) needs neither");
    expect(run.stderr).not.toContain('g++');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('a long list at the old console: no pager (there is no less), and plain ASCII frames', async () => {
    const board = sampleCopy();
    // (tmux says TERM_PROGRAM=tmux, which on Windows would be a modern terminal's name: not this one's.)
    terminal = Terminal.start(`env -u TERM_PROGRAM postboard list --db '${board}' --limit 25 --width 60`, { env: { ...WINDOWS, LANG: 'en_US.UTF-8', NO_COLOR: '1' }, height: 20, width: 60 });
    await terminal.waitFor('[exited 0]');
    const screen = terminal.screen();
    expect(screen).toMatch(/^-{40,}$/m);
    // (A · in a title is the board's text, shown as it is: only postboard's own frames change.)
    expect(screen).not.toMatch(/[…─]/);
    expect(screen).toMatch(/21 posts \| board /);
  });

  it('--body-file - typed at the console ends at a line holding only ^Z', async () => {
    const board = sampleCopy();
    terminal = Terminal.start(`postboard add --db '${board}' --title '콘솔에서' --author a --body-file - --yes`, { env: { ...WINDOWS, LANG: 'en_US.UTF-8' } });
    await terminal.waitFor('press Ctrl+Z and Enter on an empty line');
    terminal.type('첫 줄');
    terminal.press('Enter');
    // (Ctrl+V first: a Linux terminal would take Ctrl+Z for "suspend", a Windows console for text.)
    terminal.press('C-v', 'C-z', 'Enter');
    await terminal.waitFor('[exited 0]');
    const posts = (JSON.parse(readFileSync(board, 'utf8')) as { posts: { title: string; body: string }[] }).posts;
    expect(posts[0]).toMatchObject({ title: '콘솔에서', body: '첫 줄' });
  });
});

describe('PowerShell completion', () => {
  it('postboard completion powershell registers a native completer that calls back __complete', async () => {
    const run = await runCli(['completion', 'powershell']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Register-ArgumentCompleter -Native -CommandName postboard, postboard.cmd -ScriptBlock {');
    expect(run.stdout).toContain("& $program __complete powershell @($words | ForEach-Object { '=' + $_ })");
    // Its answer is read as UTF-8 whatever the console's code page, and put back after.
    expect(run.stdout).toContain('[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false');
    expect(run.stdout).toContain('[System.Management.Automation.CompletionResult]::new($text, $value, \'ParameterValue\', $description)');
    // No candidate is inserted as code: anything but a plain word goes in single quotes, quotes doubled.
    expect(run.stdout).toContain("$text = if ($value -match '^[\\w.\\-/\\\\:+=]+$' -and $value -notmatch '^[@~]') { $value } else { \"'\" + ($value -replace \"['\\u2018\\u2019\\u201A\\u201B]\", '$0$0') + \"'\" }");
    const help = await runCli(['completion', '--help']);
    expect(help.stdout).toContain('postboard completion powershell | Out-String | Invoke-Expression');
  });

  it('the callback takes the words marked with =: an empty word being typed, and no -- (which a .ps1 shim eats)', async () => {
    const board = sampleCopy();
    const statuses = await runCli(['__complete', 'powershell', '=list', '=--status', '=']);
    expect(statuses.stdout).toBe('published\nhidden\n노출\n비노출\nall\n:none\n');
    const flags = await runCli(['__complete', 'powershell', '=--db', `=${board}`, '=list', '=--st']);
    expect(flags.stdout).toMatch(/^--status\t/);
    const posts = await runCli(['__complete', 'powershell', '=--db', `=${board}`, '=show', '=']);
    expect(posts.stdout.split('\n')[0]).toMatch(/^2932\t청정수소/);
    const files = await runCli(['__complete', 'powershell', '=export', '=-o', '=']);
    expect(files.stdout).toBe(':files\n');
  });
});
