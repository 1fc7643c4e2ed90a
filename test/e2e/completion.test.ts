import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runCli, SAMPLE_BOARD, tempDir, writeBoard } from '../support/cli.js';
import { makeBoard, makePost } from '../support/posts.js';
import { Terminal } from '../support/terminal.js';

/** A `postboard` on PATH, as an installed one would be, for the scripts to call. */
const binDir = tempDir();
writeFileSync(join(binDir, 'postboard'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
chmodSync(join(binDir, 'postboard'), 0o755);
const shellEnv = (board: string) => ({ ...process.env, PATH: `${binDir}:${process.env.PATH}`, POSTBOARD_DB: board, LANG: 'C.UTF-8' });

const script = async (shell: string) => {
  const result = await runCli(['completion', shell]);
  expect(result.code).toBe(0);
  const path = join(tempDir(), `postboard.${shell}`);
  writeFileSync(path, result.stdout);
  return path;
};

/** Departments that are shell code, globs, spaces and escape sequences: completion must treat them as text. */
const marker = join(tempDir(), 'PWNED');
const hostileDepartments = [`$(touch ${marker})`, `\`touch ${marker}-tick\``, '환경 정책과', '*', 'a;touch x', '\x1b]52;c;SGVsbG8=\x07클립보드'];
const hostileBoard = writeBoard(makeBoard(hostileDepartments.map((department, i) => makePost({ id: i + 1, department, title: `제목 ${i + 1}` }))));

afterEach(() => {
  expect(existsSync(marker)).toBe(false);
  expect(existsSync(`${marker}-tick`)).toBe(false);
});

const bash = async (board: string, ...words: string[]) => {
  const path = await script('bash');
  const run = `source ${path}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); _postboard; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['-c', run], { env: shellEnv(board), encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter(Boolean);
};

describe('postboard completion bash', () => {
  it('completes commands, their options, and the values known', async () => {
    expect(await bash(SAMPLE_BOARD, 'postboard', 'e')).toEqual(['edit', 'export']);
    expect(await bash(SAMPLE_BOARD, 'postboard', 'list', '--so')).toEqual(['--sort']);
    expect(await bash(SAMPLE_BOARD, 'postboard', 'list', '--sort', '')).toEqual(['id', 'date', 'views', 'title']);
    expect(await bash(SAMPLE_BOARD, 'postboard', 'export', '-f', '')).toEqual(['csv', 'tsv', 'json', 'jsonl', 'md', 'rss', 'site']);
    expect(await bash(SAMPLE_BOARD, 'postboard', 'list', '--format', 'j')).toEqual(['json', 'jsonl']);
    expect(await bash(SAMPLE_BOARD, 'postboard', 'list', '--status', '')).toEqual(['published', 'hidden', '노출', '비노출', 'all']);
    // Nothing to offer is nothing: not the file names bash would fall back to.
    expect(await bash(SAMPLE_BOARD, 'postboard', 'list', '')).toEqual([]);
    expect(await bash(SAMPLE_BOARD, 'postboard', 'help', 'st')).toEqual(['stats']);
  });

  it('completes departments and post numbers from the board', async () => {
    expect(await bash(SAMPLE_BOARD, 'postboard', 'list', '--department', '')).toEqual(['행정안전부']);
    expect(await bash(SAMPLE_BOARD, 'postboard', 'add', '-d', '행')).toEqual(['행정안전부']);
    // Several numbers: each with its title; one: just the number; a slot filled: nothing more.
    const numbers = await bash(SAMPLE_BOARD, 'postboard', 'show', '291');
    expect(numbers.map((entry) => entry.split('  ')[0])).toEqual(['2919', '2918', '2917', '2916', '2915', '2914', '2913', '2912']);
    expect(numbers.at(-1)).toBe('2912  세계 최고 디지털플랫폼정부, 10개 개발도상국에 전파한다');
    expect(await bash(SAMPLE_BOARD, 'postboard', 'show', '2912')).toEqual(['2912']);
    expect(await bash(SAMPLE_BOARD, 'postboard', 'show', '2912', '')).toEqual([]);
    expect(await bash(SAMPLE_BOARD, 'postboard', 'delete', '2912', '2913')).toEqual(['2913']);
  });

  it('a department that is shell code is offered as text, quoted, and nothing runs', async () => {
    const offered = await bash(hostileBoard, 'postboard', 'list', '--department', '');
    expect(offered).toContain(`\\$\\(touch\\ ${marker.replace(/\//g, '/')}\\)`);
    expect(offered).toContain('환경\\ 정책과');
    expect(offered).toContain('\\*');
    // Each candidate, read back as bash would read it on the command line, is the department's text.
    const words = spawnSync('bash', ['-c', `for w in ${offered.filter((w) => !w.includes('U+')).join(' ')}; do printf '%s\\n' "$w"; done`], { encoding: 'utf8' }).stdout.split('\n');
    expect(words).toEqual(expect.arrayContaining([`$(touch ${marker})`, `\`touch ${marker}-tick\``, '환경 정책과', '*', 'a;touch x']));
    // No control character reaches the terminal: the OSC sequence is shown, not sent.
    expect(offered.join(' ')).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
  });

  it("inside a quote the user opened (' or \"), a department is escaped for that quote and reads back as itself", async () => {
    const departments = [`$(touch ${marker})`, '환경 정책과', "기후'에너지부", 'a"b`c'];
    const board = writeBoard(makeBoard(departments.map((department, i) => makePost({ id: i + 1, department }))));
    const path = await script('bash');
    // The words as bash would split the line, passed as they are (no quoting of ours in the way).
    const complete = (current: string) => {
      const run = `source ${path}; COMP_WORDS=(postboard list --department "$CURRENT"); COMP_CWORD=3; _postboard; printf '%s\\n' "\${COMPREPLY[@]}"`;
      const result = spawnSync('bash', ['-c', run], { env: { ...shellEnv(board), CURRENT: current }, encoding: 'utf8' });
      expect(result.stderr).toBe('');
      return result.stdout.split('\n').filter(Boolean);
    };
    const readBack = (word: string) => spawnSync('bash', ['-c', `printf '%s' ${word}`], { encoding: 'utf8' }).stdout;
    for (const [current, close, department] of [
      ["'환", "'", '환경 정책과'],
      ["'기", "'", "기후'에너지부"],
      ['"$(', '"', departments[0]!],
      ['"a', '"', 'a"b`c'],
      ['기', '', "기후'에너지부"],
    ] as const) {
      const offered = complete(current);
      expect(offered).toHaveLength(1);
      expect(offered[0]!.startsWith(current.slice(0, 1) === '기' ? '기' : current.slice(0, 1))).toBe(true);
      // Closed as bash closes it when the word is complete, the line holds the department as text.
      expect(readBack(`${offered[0]}${close}`)).toBe(department);
    }
  });

  it('in a real terminal: Tab after --department lists the departments and runs none of them', async () => {
    const path = await script('bash');
    const terminal = Terminal.start('bash --norc --noprofile', { env: { POSTBOARD_DB: hostileBoard, PS1: '$ ' } });
    try {
      await terminal.waitFor('$ ');
      terminal.type(`source ${path}\n`);
      terminal.type('postboard list --department ');
      terminal.press('Tab', 'Tab');
      // Offered quoted, as they would have to be typed.
      const screen = await terminal.waitFor('환경\\ 정책과');
      expect(screen).toContain(`\\$\\(touch\\ ${marker}\\)`);
      terminal.type('환');
      terminal.press('Tab');
      await terminal.waitFor('--department 환경\\ 정책과');
    } finally {
      terminal.close();
    }
  });
});

describe('bash history expansion', () => {
  it('a department with ! completed inside double quotes runs nothing when the line is entered', async () => {
    const board = writeBoard(makeBoard([makePost({ id: 1, department: `!# ;touch ${marker} #` }), makePost({ id: 2, department: 'a!!b' })]));
    const path = await script('bash');
    // An interactive bash, where history expansion (!) is on, as on a person's terminal.
    const terminal = Terminal.start('bash --norc --noprofile -i', { env: { POSTBOARD_DB: board, PS1: '$ ' } });
    try {
      await terminal.waitFor('$ ');
      terminal.type(`source ${path}\n`);
      terminal.type('postboard list --department "!#');
      terminal.press('Tab');
      await terminal.waitFor(`--department ""'!'"# ;touch`);
      terminal.press('Enter');
      // The department was taken as text: the one post that has it is listed, and nothing ran.
      await terminal.waitFor('1 post · board');
      terminal.type('postboard list --department "a');
      terminal.press('Tab');
      await terminal.waitFor(`--department "a"'!'""'!'"b`);
    } finally {
      terminal.close();
    }
  });
});

describe('postboard completion fish and zsh', () => {
  it('fish completes commands, values, departments (as text) and post numbers', async () => {
    const path = await script('fish');
    const fish = (board: string, line: string) =>
      spawnSync('fish', ['--no-config', '-c', `source ${path}; complete -C ${JSON.stringify(line)}`], { env: shellEnv(board), encoding: 'utf8' })
        .stdout.split('\n')
        .filter(Boolean);
    expect(fish(SAMPLE_BOARD, 'postboard ex').map((row) => row.split('\t')[0])).toEqual(['export']);
    expect(fish(SAMPLE_BOARD, 'postboard list --period ').map((row) => row.split('\t')[0])).toEqual(['day', 'week', 'month', 'year']);
    expect(fish(SAMPLE_BOARD, 'postboard stats --department ')).toEqual(['행정안전부']);
    expect(fish(SAMPLE_BOARD, 'postboard show 2912')).toEqual(['2912\t세계 최고 디지털플랫폼정부, 10개 개발도상국에 전파한다']);
    const hostile = fish(hostileBoard, 'postboard list --department ');
    expect(hostile).toEqual(expect.arrayContaining([`$(touch ${marker})`, '환경 정책과', '*']));
    expect(hostile.join('\n')).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  });

  it('zsh: the script parses, and offers the same words, departments as text', async () => {
    const path = await script('zsh');
    expect(spawnSync('zsh', ['-n', path]).status).toBe(0);
    // Stand-ins for zsh's completion builtins print what they would offer.
    const run = (board: string, ...words: string[]) =>
      spawnSync(
        'zsh',
        [
          '-f',
          '-c',
          `compdef() {}; compadd() { local arr; while (( $# )); do case $1 in -a) arr=$2; shift 2;; -V) shift 2;; *) shift;; esac; done; print -rl -- "\${(@P)arr}" }; _describe() { local arr=\${@[-1]}; print -rl -- "\${(@)\${(@P)arr}%%:*}" }; _files() { print FILES }; source ${path}; words=(${words.map((w) => `'${w}'`).join(' ')}); CURRENT=${words.length}; _postboard`,
        ],
        { env: shellEnv(board), encoding: 'utf8' },
      ).stdout.split('\n').filter(Boolean);
    expect(run(SAMPLE_BOARD, 'postboard', '')).toContain('export');
    expect(run(SAMPLE_BOARD, 'postboard', 'list', '--sort', '')).toEqual(['id', 'date', 'views', 'title']);
    expect(run(SAMPLE_BOARD, 'postboard', 'import', '')).toEqual(['FILES']);
    expect(run(SAMPLE_BOARD, 'postboard', 'list', '--department', '')).toEqual(['행정안전부']);
    expect(run(hostileBoard, 'postboard', 'list', '--department', '')).toEqual(expect.arrayContaining([`$(touch ${marker})`, '환경 정책과', '*']));
  });

  it('completion --departments prints the departments as visible text, one per line', async () => {
    const result = await runCli(['completion', '--departments', '--db', hostileBoard]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    expect(result.stdout).toContain('␛]52;c;SGVsbG8=␇클립보드');
  });

  it('an unknown shell is a usage error', async () => {
    expect((await runCli(['completion', 'tcsh'])).code).toBe(2);
  });
});
