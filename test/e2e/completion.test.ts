import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, SAMPLE_BOARD, tempDir } from '../support/cli.js';

/** A `postboard` on PATH, as an installed one would be, for the scripts to call. */
const binDir = tempDir();
writeFileSync(join(binDir, 'postboard'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
chmodSync(join(binDir, 'postboard'), 0o755);
const env = { ...process.env, PATH: `${binDir}:${process.env.PATH}`, POSTBOARD_DB: SAMPLE_BOARD };

const script = async (shell: string) => {
  const result = await runCli(['completion', shell]);
  expect(result.code).toBe(0);
  const path = join(tempDir(), `postboard.${shell}`);
  writeFileSync(path, result.stdout);
  return path;
};

describe('postboard completion bash', () => {
  const complete = async (...words: string[]) => {
    const path = await script('bash');
    const run = `source ${path}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); _postboard; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const result = spawnSync('bash', ['-c', run], { env, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    return result.stdout.split('\n').filter(Boolean);
  };

  it('completes commands, their options, and the values known', async () => {
    expect(await complete('postboard', 'e')).toEqual(['edit', 'export']);
    expect(await complete('postboard', 'list', '--so')).toEqual(['--sort']);
    expect(await complete('postboard', 'list', '--sort', '')).toEqual(['id', 'date', 'views', 'title']);
    expect(await complete('postboard', 'export', '-f', '')).toEqual(['csv', 'tsv', 'json', 'jsonl', 'md', 'rss']);
    expect(await complete('postboard', 'list', '--format', 'j')).toEqual(['json', 'jsonl']);
    expect(await complete('postboard', 'list', '--status', '')).toEqual(['published', 'hidden', 'all']);
  });

  it('completes departments from the board', async () => {
    expect(await complete('postboard', 'list', '--department', '')).toEqual(['행정안전부']);
    expect(await complete('postboard', 'add', '-d', '행')).toEqual(['행정안전부']);
  });
});

describe('postboard completion fish and zsh', () => {
  it('fish completes commands, values and departments', async () => {
    const path = await script('fish');
    const fish = (line: string) => spawnSync('fish', ['-c', `source ${path}; complete -C ${JSON.stringify(line)}`], { env, encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map((row) => row.split('\t')[0]);
    expect(fish('postboard ex')).toEqual(['export']);
    expect(fish('postboard list --period ')).toEqual(['day', 'month', 'week', 'year']);
    expect(fish('postboard stats --department ')).toEqual(['행정안전부']);
  });

  it('zsh: the script parses, and offers the same words', async () => {
    const path = await script('zsh');
    expect(spawnSync('zsh', ['-n', path]).status).toBe(0);
    // Stand-ins for zsh's completion functions print what they would offer.
    const run = (...words: string[]) =>
      spawnSync(
        'zsh',
        ['-c', `compdef() {}; compadd() { [[ $1 == -a ]] && print -l -- \${(P)2} || print -l -- "\${@:#--}" }; _describe() { print -l -- \${\${(P)2}%%:*} }; _files() { print FILES }; source ${path}; words=(${words.map((w) => `'${w}'`).join(' ')}); CURRENT=${words.length}; _postboard`],
        { env, encoding: 'utf8' },
      ).stdout.split('\n').filter(Boolean);
    expect(run('postboard', '')).toContain('export');
    expect(run('postboard', 'list', '--sort', '')).toEqual(['id', 'date', 'views', 'title']);
    expect(run('postboard', 'import', '')).toEqual(['FILES']);
    expect(run('postboard', 'list', '--department', '')).toEqual(['행정안전부']);
  });

  it('an unknown shell is a usage error', async () => {
    expect((await runCli(['completion', 'powershell'])).code).toBe(2);
  });
});
