import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { inputDamage } from '../../src/files/damage.js';
import { dataFolder, defaultBoard } from '../../src/files/places.js';
import { windowsNameProblem } from '../../src/files/windows-names.js';
import { chooseLang, MESSAGES, messagesFor } from '../../src/i18n/index.js';
import { shellWord } from '../../src/i18n/shared.js';
import { page } from '../../src/pager.js';
import { shellOf } from '../../src/platform.js';
import { endOfConsoleInput } from '../../src/cmdutil/post-fields.js';
import { findCommand, findEditor, launchOf, removeWithRetries, type LookupWorld } from '../../src/prompts/editor.js';
import type { IO } from '../../src/io.js';
import { sampleCopy, tempDir } from '../support/cli.js';
import { KEYS, onTerminal, runInProcess } from '../support/io.js';

/**
 * What postboard does differently on Windows, tested from Linux the way cross-platform Node
 * projects do: the platform, `path.win32`, the environment and the file system are handed to the
 * helpers (or to a whole in-process run through its IO), never patched into the globals.
 */

const KOREAN_PC = {
  USERPROFILE: 'C:\\Users\\민지',
  APPDATA: 'C:\\Users\\민지\\AppData\\Roaming',
  LOCALAPPDATA: 'C:\\Users\\민지\\AppData\\Local',
  SystemRoot: 'C:\\WINDOWS',
  ComSpec: 'C:\\WINDOWS\\system32\\cmd.exe',
  PATHEXT: '.COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC',
  Path: 'C:\\WINDOWS\\system32;C:\\WINDOWS;C:\\Program Files\\nodejs\\;C:\\Users\\민지\\AppData\\Local\\Programs\\Microsoft VS Code\\bin',
};
/** PSModulePath as PowerShell 5.1 sets it for itself (the user's folder first), and as cmd.exe inherits it from the registry. */
const POWERSHELL = 'C:\\Users\\민지\\Documents\\WindowsPowerShell\\Modules;C:\\Program Files\\WindowsPowerShell\\Modules;C:\\WINDOWS\\system32\\WindowsPowerShell\\v1.0\\Modules';
const PWSH7 = 'C:\\Users\\민지\\OneDrive\\문서\\PowerShell\\Modules;C:\\Program Files\\PowerShell\\Modules;c:\\program files\\powershell\\7\\Modules;C:\\WINDOWS\\system32\\WindowsPowerShell\\v1.0\\Modules';
const CMD = 'C:\\Program Files\\WindowsPowerShell\\Modules;C:\\WINDOWS\\system32\\WindowsPowerShell\\v1.0\\Modules';

/** A Windows file system of a few files (names compared without case, as NTFS does). */
const windowsWorld = (...files: string[]): LookupWorld => ({ os: 'win32', runnable: (path) => files.some((file) => file.toLowerCase() === path.toLowerCase()) });

describe('the data folder on Windows', () => {
  it('is %LOCALAPPDATA%\\postboard (this PC, not the roaming profile), or AppData\\Local under the profile without it', () => {
    expect(dataFolder(KOREAN_PC, 'win32')).toBe('C:\\Users\\민지\\AppData\\Local\\postboard');
    expect(dataFolder({ ...KOREAN_PC, LOCALAPPDATA: undefined }, 'win32')).toBe('C:\\Users\\민지\\AppData\\Local\\postboard');
    expect(defaultBoard(KOREAN_PC, tempDir(), 'win32')).toBe('C:\\Users\\민지\\AppData\\Local\\postboard\\posts.json');
    // Elsewhere as before.
    expect(dataFolder({ HOME: '/home/minji' }, 'linux')).toBe('/home/minji/.local/share/postboard');
  });
});

describe('hints that print a command quote it for the shell that will run it', () => {
  it('knows PowerShell from cmd.exe by PSModulePath, and a POSIX shell elsewhere', () => {
    expect(shellOf('win32', { ...KOREAN_PC, PSModulePath: POWERSHELL })).toBe('powershell');
    expect(shellOf('win32', { ...KOREAN_PC, PSModulePath: PWSH7 })).toBe('powershell');
    expect(shellOf('win32', { ...KOREAN_PC, PSModulePath: CMD })).toBe('cmd');
    expect(shellOf('win32', { ...KOREAN_PC })).toBe('cmd');
    expect(shellOf('linux', { PSModulePath: POWERSHELL })).toBe('posix');
  });

  it('cmd.exe gets double quotes (its single quotes would be part of the name), PowerShell single quotes with quotes doubled', () => {
    const path = "C:\\Users\\민지\\AppData\\Local\\postboard\\drafts\\O'Brien 초안.json";
    expect(shellWord(path, 'cmd')).toBe(`"${path}"`);
    expect(shellWord(path, 'powershell')).toBe("'C:\\Users\\민지\\AppData\\Local\\postboard\\drafts\\O''Brien 초안.json'");
    // PowerShell takes ‘ and ’ for quotes too.
    expect(shellWord('C:\\a ‘b’.json', 'powershell')).toBe("'C:\\a ‘‘b’’.json'");
    expect(shellWord('C:\\a&b\\x.json', 'cmd')).toBe('"C:\\a&b\\x.json"');
    // A trailing backslash is doubled, so that it does not escape the closing quote.
    expect(shellWord('C:\\My Boards\\', 'cmd')).toBe('"C:\\My Boards\\\\"');
    expect(shellWord('C:\\boards\\posts.json', 'cmd')).toBe('C:\\boards\\posts.json');
    expect(shellWord('/home/민지/초안 1.json')).toBe("'/home/민지/초안 1.json'");
  });

  it('the draft hint after a failed add names the draft as the shell in use will read it', async () => {
    for (const [shell, PSModulePath, quote] of [
      ['PowerShell', POWERSHELL, "'"],
      ['cmd', CMD, '"'],
    ] as const) {
      const board = sampleCopy();
      const home = tempDir('postboard home ');
      const term = onTerminal(
        ['add', '--db', board, '--subtitle', '', '--author', 'a', '--department', '', '--date', '2024-09-06', '--status', 'published', '--body', 'x', '--source-agency', '', '--source-date', '', '--source-url', '', '--yes'],
        { env: { POSTBOARD_TEST_DISK_FREE: '0', HOME: home, USERPROFILE: KOREAN_PC.USERPROFILE, PSModulePath }, platform: 'win32' },
      );
      await term.waitFor('Title');
      term.type(`t${KEYS.enter}`);
      expect(await term.exit).toBe(1);
      const draft = /kept as a draft: (.+)\n/.exec(term.io.output.stderr)?.[1];
      expect(draft, shell).toBeDefined();
      expect(term.io.output.stderr, shell).toContain(`with: postboard add --from-draft ${quote}${draft}${quote}\n`);
    }
  });
});

describe('the language', () => {
  it('comes from the system locale (Intl) when no variable names one, as on a Korean Windows without LANG', async () => {
    expect(chooseLang(undefined, {}, () => 'ko-KR')).toBe('ko');
    expect(chooseLang(undefined, {}, () => 'en-US')).toBe('en');
    // A variable still decides, and --lang above all.
    expect(chooseLang(undefined, { LANG: 'C.UTF-8' }, () => 'ko-KR')).toBe('en');
    expect(chooseLang(undefined, { POSTBOARD_LANG: 'en' }, () => 'ko-KR')).toBe('en');
    expect(chooseLang('en', {}, () => 'ko-KR')).toBe('en');
    const run = await runInProcess(['list', '--db', sampleCopy(), '--limit', '1'], { platform: 'win32', systemLocale: 'ko-KR' });
    expect(run.stderr).toContain('전체');
  });
});

describe('the editor on Windows', () => {
  it('is looked up with PATHEXT, as cross-spawn does: EDITOR=notepad finds notepad.exe, code finds code.cmd', () => {
    const world = windowsWorld('C:\\WINDOWS\\system32\\notepad.exe', 'C:\\Users\\민지\\AppData\\Local\\Programs\\Microsoft VS Code\\bin\\code.cmd');
    expect(findCommand('notepad', KOREAN_PC, world)).toBe('C:\\WINDOWS\\system32\\notepad.exe');
    expect(findCommand('NOTEPAD.EXE', KOREAN_PC, world)?.toLowerCase()).toBe('c:\\windows\\system32\\notepad.exe');
    expect(findCommand('code', KOREAN_PC, world)).toBe('C:\\Users\\민지\\AppData\\Local\\Programs\\Microsoft VS Code\\bin\\code.cmd');
    // Without PATHEXT, Windows' own list.
    expect(findCommand('code', { Path: KOREAN_PC.Path }, world)).toBe('C:\\Users\\민지\\AppData\\Local\\Programs\\Microsoft VS Code\\bin\\code.cmd');
    expect(findCommand('C:/WINDOWS/system32/notepad', KOREAN_PC, world)).toBeDefined();
    expect(findCommand('vim', KOREAN_PC, world)).toBeUndefined();

    const editor = findEditor({ ...KOREAN_PC, EDITOR: 'code --wait' }, 'en', world);
    expect(editor).toMatchObject({ command: 'code', args: ['--wait'], batch: true });
    expect(findEditor({ ...KOREAN_PC, EDITOR: 'notepad' }, 'en', world)).toMatchObject({ file: 'C:\\WINDOWS\\system32\\notepad.exe', batch: false });
    expect(() => findEditor({ ...KOREAN_PC, EDITOR: 'vim' }, 'en', world)).toThrow('cannot start the editor "vim" (from $EDITOR): not found');
  });

  it('defaults to Notepad (as npm does), and to typing in place where Notepad is gone', () => {
    const world = windowsWorld('C:\\WINDOWS\\system32\\notepad.exe');
    expect(findEditor(KOREAN_PC, 'en', world)).toMatchObject({ command: 'notepad.exe', variable: 'default', batch: false });
    // npm's own EDITOR (its default) is the same Notepad.
    expect(findEditor({ ...KOREAN_PC, EDITOR: 'C:\\WINDOWS\\notepad.exe', npm_execpath: 'C:\\npm-cli.js' }, 'en', world)).toMatchObject({ command: 'notepad.exe' });
    expect(findEditor(KOREAN_PC, 'en', windowsWorld())).toBeUndefined();
    // Elsewhere no editor is assumed.
    expect(findEditor({ PATH: '/usr/bin' }, 'en', { os: 'linux', runnable: () => true })).toBeUndefined();
  });

  it('a .cmd editor runs through cmd.exe with every word escaped; an .exe runs itself', () => {
    const world = windowsWorld('C:\\Users\\민지\\AppData\\Local\\Programs\\Microsoft VS Code\\bin\\code.cmd', 'C:\\WINDOWS\\system32\\notepad.exe');
    const file = 'C:\\Users\\민지\\AppData\\Local\\Temp\\postboard-a&b %x%\\body.md';
    const code = launchOf(findEditor({ ...KOREAN_PC, EDITOR: 'code --wait' }, 'en', world)!, file, KOREAN_PC);
    expect(code.command).toBe('C:\\WINDOWS\\system32\\cmd.exe');
    expect(code.verbatim).toBe(true);
    expect(code.args.slice(0, 3)).toEqual(['/d', '/s', '/c']);
    // The program and each argument: spaces, & and % made literal for cmd (^), and quoted for the program.
    expect(code.args[3]).toBe(
      '"C:\\Users\\민지\\AppData\\Local\\Programs\\Microsoft^ VS^ Code\\bin\\code.cmd ^"--wait^" ^"C:\\Users\\민지\\AppData\\Local\\Temp\\postboard-a^&b^ ^%x^%\\body.md^""',
    );
    const notepad = launchOf(findEditor({ ...KOREAN_PC, EDITOR: 'notepad' }, 'en', world)!, file, KOREAN_PC);
    expect(notepad).toEqual({ command: 'C:\\WINDOWS\\system32\\notepad.exe', args: [file], verbatim: false });
  });

  it('its temp folder is removed with retries while an antivirus holds it, for a bounded time', () => {
    const folder = tempDir();
    let tries = 0;
    const heldTwice = (path: string) => {
      if (++tries <= 2) throw Object.assign(new Error('EBUSY'), { code: 'EBUSY' });
      expect(path).toBe(folder);
    };
    expect(removeWithRetries(folder, heldTwice)).toBe(true);
    expect(tries).toBe(3);
    const started = Date.now();
    expect(removeWithRetries(folder, () => { throw Object.assign(new Error('EPERM'), { code: 'EPERM' }); }, 400)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1500);
    // Another failure is not waited for.
    tries = 0;
    expect(removeWithRetries(folder, () => { tries++; throw Object.assign(new Error('EIO'), { code: 'EIO' }); })).toBe(false);
    expect(tries).toBe(1);
  });

  it('the edited body is kept when its temp folder cannot be removed: the post is made, and the copy is said', async () => {
    const board = sampleCopy();
    const editor = join(tempDir(), 'editor.sh');
    writeFileSync(editor, `#!/bin/sh\nprintf '백신이 붙잡은 본문' > "$1"\n`, { mode: 0o755 });
    const flags = ['--subtitle', '', '--author', 'a', '--department', '', '--date', '2024-09-06', '--status', 'published', '--source-agency', '', '--source-date', '', '--source-url', '', '--yes'];
    for (const held of ['3', 'always']) {
      const term = onTerminal(['add', '--db', board, ...flags], { env: { EDITOR: editor, PATH: process.env.PATH, POSTBOARD_TEST_EDITOR_HELD: held } });
      await term.waitFor('Title');
      term.type(`t${held}${KEYS.enter}`);
      expect(await term.exit, term.io.output.stderr).toBe(0);
      const posts = (JSON.parse(readFileSync(board, 'utf8')) as { posts: { title: string; body: string }[] }).posts;
      expect(posts[0]).toMatchObject({ title: `t${held}`, body: '백신이 붙잡은 본문' });
      const left = /Delete the copy when you like: (.+)\n/.exec(term.io.output.stderr)?.[1];
      if (held === '3') expect(left, 'removed on the fourth try').toBeUndefined();
      else expect(readFileSync(join(left!, 'body.md'), 'utf8')).toBe('백신이 붙잡은 본문');
    }
  });
});

describe('the pager on Windows', () => {
  const terminalIO = (env: NodeJS.ProcessEnv): IO & { written: string } => {
    const io = {
      written: '',
      stdout: { isTTY: true, rows: 5, columns: 80, write: (text: string) => ((io.written += text), true) },
      stderr: { write: () => true },
      stdin: new PassThrough(),
      env,
      now: () => new Date(),
      platform: 'win32' as const,
    };
    return io;
  };
  const long = `${Array.from({ length: 40 }, (_, i) => `줄 ${i}`).join('\n')}\n`;

  it('is none by default (Windows has neither sh nor less), as gh does', async () => {
    expect(await page(terminalIO({ PATH: process.env.PATH }), long)).toBe(false);
  });

  it('is $PAGER when set there', async () => {
    const out = join(tempDir(), 'paged.txt');
    expect(await page(terminalIO({ PATH: process.env.PATH, PAGER: `cat > '${out}'` }), long)).toBe(true);
    expect(readFileSync(out, 'utf8')).toBe(long);
  });
});

describe('input typed at a Windows console ends at a line holding only ^Z', () => {
  it('finds that line: not a ^Z inside a line', () => {
    expect(endOfConsoleInput(Buffer.from('첫 줄\r\n둘째 줄\r\n\x1a\r\n'))).toBe(Buffer.byteLength('첫 줄\r\n둘째 줄\r\n'));
    expect(endOfConsoleInput(Buffer.from('\x1a\r\n'))).toBe(0);
    expect(endOfConsoleInput(Buffer.from('a\x1a\r\n'))).toBeUndefined();
    expect(endOfConsoleInput(Buffer.from('a\r\n'))).toBeUndefined();
  });

  it('--body-file - at the console takes what was typed before the ^Z line, and does not wait for an end that never comes', async () => {
    const board = sampleCopy();
    const term = onTerminal(['add', '--db', board, '--title', '콘솔에서 쓴 글', '--subtitle', '', '--author', 'a', '--department', '', '--date', '2024-09-06', '--status', 'published', '--source-agency', '', '--source-date', '', '--source-url', '', '--body-file', '-', '--yes'], { platform: 'win32' });
    term.type('첫 줄\r\n둘째 줄\r\n');
    term.type('\x1a\r\n');
    const code = await Promise.race([term.exit, new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5000))]);
    expect(code, term.io.output.stderr).toBe(0);
    expect(term.io.output.stderr).toContain('press Ctrl+Z and Enter on an empty line');
    const posts = (JSON.parse(readFileSync(board, 'utf8')) as { posts: { title: string; body: string }[] }).posts;
    expect(posts[0]).toMatchObject({ title: '콘솔에서 쓴 글', body: '첫 줄\n둘째 줄' });
  });

  it('Ctrl+Z ends the body prompt there too, and its hint says so', async () => {
    const board = sampleCopy();
    // No Notepad on this PATH: the body is typed in place.
    const term = onTerminal(['add', '--db', board, '--subtitle', '', '--author', 'a', '--department', '', '--date', '2024-09-06', '--status', 'published', '--source-agency', '', '--source-date', '', '--source-url', '', '--yes'], { platform: 'win32', env: { PATH: '' } });
    await term.waitFor('Title');
    term.type(`t${KEYS.enter}`);
    await term.waitFor('Ctrl+Z to finish');
    term.type(`제자리에서 쓴 본문${KEYS.enter}\x1a`);
    expect(await term.exit, term.io.output.stderr).toBe(0);
    const posts = (JSON.parse(readFileSync(board, 'utf8')) as { posts: { body: string }[] }).posts;
    expect(posts[0]?.body).toBe('제자리에서 쓴 본문');
  });
});

describe('input damaged before it arrived', () => {
  it('U+FFFD anywhere, or Hangul turned into ? (no Hangul left, ?? where words are) — not a question asked twice', () => {
    expect(inputDamage('청정수소 \uFFFD\uFFFD 협력')).toEqual({ kind: 'replacement', line: 1 });
    expect(inputDamage('첫 줄\n둘째 \uFFFD')).toEqual({ kind: 'replacement', line: 2 });
    // PowerShell 5.1: "산업통상자원부는 11월 29일 청정수소…" piped in.
    expect(inputDamage('first line\n???????? 11? 29? ????')).toEqual({ kind: 'question-marks', line: 2 });
    expect(inputDamage('title,author\n"????, ??",???')).toMatchObject({ kind: 'question-marks' });
    expect(inputDamage('{"title":"??? ??"}')).toMatchObject({ kind: 'question-marks' });
    expect(inputDamage('????')).toMatchObject({ kind: 'question-marks' });
    for (const real of ['왜?? 정말??', 'Really?? Why??', '질문이 있나요? ??', 'What? Where?', 'Q&A: ??', '??? 라는 반응']) expect(inputDamage(real), real).toBeUndefined();
  });
});

describe('names Windows does not keep as files', () => {
  it('devices with any extension, streams after the drive, trailing dots, the \\\\.\\ namespace', () => {
    for (const path of ['NUL', 'nul', 'con.csv', 'C:\\Users\\민지\\CON.tar.gz', 'aux.sqlite', 'COM1 .txt', 'LPT¹.json', 'conout$']) expect(windowsNameProblem(path), path).toMatchObject({ kind: 'device' });
    expect(windowsNameProblem('report.csv:hidden')).toMatchObject({ kind: 'stream', name: 'report.csv:hidden' });
    expect(windowsNameProblem('C:\\x\\a.csv:$DATA')).toMatchObject({ kind: 'stream' });
    expect(windowsNameProblem('11월.csv.')).toMatchObject({ kind: 'trailing' });
    expect(windowsNameProblem('\\\\.\\PhysicalDrive0')).toMatchObject({ kind: 'namespace' });
    for (const path of ['C:\\x\\a.csv', 'D:report.csv', '\\\\?\\C:\\x\\a.csv', '\\\\nas\\share\\11월.csv', 'console.csv', 'com10.csv', 'nullable.json', '..\\out\\a.csv']) expect(windowsNameProblem(path), path).toBeUndefined();
  });
});

describe('tables in the old Windows console', () => {
  const run = (env: NodeJS.ProcessEnv, platform: NodeJS.Platform, width = 40) =>
    runInProcess(['list', '--db', sampleCopy(), '--limit', '3', '--width', String(width)], { tty: true, columns: width, platform, env: { NO_COLOR: '1', ...env } });

  it('are drawn in ASCII there (… ─ · are two cells wide in its Korean font), in Unicode in Windows Terminal and elsewhere', async () => {
    const old = await run({}, 'win32');
    expect(old.stdout).not.toMatch(/[…─·]/);
    expect(old.stdout).toMatch(/^-{40}$/m);
    // A cut title ends in three dots, and every line stays as wide as the rule.
    expect(old.stdout).toContain('...');
    for (const line of old.stdout.split('\n')) expect(line.length <= 40, line).toBe(true);
    expect((await run({}, 'win32', 120)).stdout).toMatch(/Page 1 of 7 \| 21 posts \| next: --page 2 \| board /);
    for (const [env, platform] of [[{ WT_SESSION: '6f1c' }, 'win32'], [{}, 'linux'], [{ POSTBOARD_GLYPHS: 'unicode' }, 'win32']] as const) {
      const shown = (await run(env, platform)).stdout;
      expect(shown).toMatch(/^─{40}$/m);
      expect(shown).toContain('…');
    }
    expect((await run({ POSTBOARD_GLYPHS: 'ascii' }, 'linux')).stdout).toMatch(/^-{40}$/m);
  });

  it('a post shown there: its details separated by |, its rule in -', async () => {
    const shown = await runInProcess(['show', '2932', '--db', sampleCopy()], { tty: true, columns: 100, platform: 'win32', env: { NO_COLOR: '1' } });
    expect(shown.stdout).toMatch(/^No\. 2932 \| Author 한국생산성본부 \| Date 2024-09-06 \| Views 199 \| Status published$/m);
    expect(shown.stdout).toMatch(/^-{72}$/m);
    expect(shown.stdout).not.toMatch(/[─]/);
  });
});

describe('advice that differs on Windows', () => {
  it('a read-only board: attrib -r there, chmod elsewhere', () => {
    const problem = { kind: 'read-only', mode: 0o444 } as const;
    expect(messagesFor('en', 'win32').problem(problem)).toContain('attrib -r');
    expect(messagesFor('en', 'win32').problem(problem)).not.toContain('chmod');
    expect(messagesFor('ko', 'win32').problem(problem)).toContain('attrib -r');
    expect(messagesFor('en', 'linux').problem(problem)).toContain('chmod u+w');
  });

  it('a database without tables: the init command in the message is quoted for the shell in use', () => {
    const problem = { kind: 'no-tables', location: 'postgres://news@db.example/boards?schema=esg&sslmode=require' } as const;
    expect(messagesFor('en', 'win32', 'cmd').problem(problem)).toContain('postboard init --db "postgres://news@db.example/boards?schema=esg&sslmode=require"');
    expect(messagesFor('en', 'win32', 'powershell').problem(problem)).toContain("postboard init --db 'postgres://news@db.example/boards?schema=esg&sslmode=require'");
    expect(messagesFor('ko', 'linux').problem(problem)).toContain("postboard init --db 'postgres://news@db.example/boards?schema=esg&sslmode=require'");
  });

  it('better-sqlite3 missing: a newer Node.js needs no compiler there, not g++', () => {
    const problem = { kind: 'driver-missing', driver: 'better-sqlite3' } as const;
    for (const lang of ['en', 'ko'] as const) {
      const words = messagesFor(lang, 'win32').problem(problem);
      expect(words).toContain('22.16');
      expect(words).toContain('Visual Studio');
      expect(words).not.toContain('g++');
    }
    expect(MESSAGES.en.problem(problem)).toContain(process.platform === 'win32' ? 'Visual Studio' : 'g++');
  });
});
