import { cpSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../support/cli.js';
import { DRIVER_HERE } from '../support/sqlite.js';

/**
 * Which SQLite driver a board goes through: Node's own node:sqlite where this Node has it (22.16+,
 * 24), else better-sqlite3 (Node 20). CI runs this file on both.
 */

/** postboard as installed where better-sqlite3 did not build: its bundle, no node_modules. */
function installWithoutPackages(): string {
  const install = tempDir();
  for (const part of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, part), join(install, part), { recursive: true });
  return join(install, 'bin', 'postboard.js');
}

describe('POSTBOARD_SQLITE_DRIVER', () => {
  it('names the driver: one this Node cannot use is said in one line and nothing is made; the one it has works; another word is a usage error', async () => {
    const other = DRIVER_HERE === 'node:sqlite' ? 'better-sqlite3' : 'node:sqlite';
    const folder = tempDir();
    const board = join(folder, 'b.sqlite');
    const refused = await runCli(['add', '--title', 't', '--author', 'a', '--db', board], { bin: installWithoutPackages(), env: { POSTBOARD_SQLITE_DRIVER: other } });
    expect(refused.code).toBe(1);
    expect(refused.stderr.split('\n')).toHaveLength(2);
    expect(refused.stderr).toContain(
      other === 'node:sqlite'
        ? `POSTBOARD_SQLITE_DRIVER asks for node:sqlite, and this is Node.js ${process.version}, which has no node:sqlite; use Node.js 22.16 or newer, or unset POSTBOARD_SQLITE_DRIVER`
        : 'POSTBOARD_SQLITE_DRIVER asks for better-sqlite3, which is not installed (it is optional',
    );
    expect(readdirSync(folder)).toEqual([]);
    const added = await runCli(['add', '--title', 't', '--author', 'a', '--db', board], { env: { POSTBOARD_SQLITE_DRIVER: DRIVER_HERE } });
    expect(added).toMatchObject({ code: 0, stdout: 'Added post 1: t\n', stderr: '' });
    const typo = await runCli(['list', '--db', board], { env: { POSTBOARD_SQLITE_DRIVER: 'sqlite3' } });
    expect(typo).toMatchObject({ code: 2, stderr: expect.stringContaining('POSTBOARD_SQLITE_DRIVER must be one of node:sqlite, better-sqlite3, not "sqlite3"') });
  });
});

describe('a SQLite board, on any Node', () => {
  it('no command prints a warning (node:sqlite is experimental on some versions): stderr holds only what the command says', async () => {
    const folder = tempDir();
    const board = join(folder, 'b.sqlite');
    const lines = join(folder, 'in.jsonl');
    writeFileSync(lines, '{"title":"수소 경제 보고","author":"산업통상자원부","department":"산업통상자원부","date":"2024-09-03","body":"청정수소 인증제"}\n');
    const runs: string[][] = [
      ['init'],
      ['add', '--title', '원전 안전 점검', '--author', '환경부', '--body', '물 관리'],
      ['import', lines],
      ['list'],
      ['list', '--search', '물'],
      ['list', '--search', '안전 점검'],
      ['show', '1'],
      ['edit', '1', '--title', '원전 안전 점검 결과', '--yes'],
      ['hide', '2'],
      ['publish', '2'],
      ['undo', '--yes'],
      ['redo', '--yes'],
      ['log'],
      ['stats'],
      ['export', '--format', 'csv'],
      ['export', '--format', 'json'],
      ['completion', '--departments'],
      ['copy', '--to', join(folder, 'copy.json')],
      ['delete', '2', '--yes'],
    ];
    for (const args of runs) {
      const result = await runCli([...args, '--db', board], { env: { LANG: 'en_US.UTF-8' } });
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      expect(result.stderr, args.join(' ')).not.toMatch(/warning|\(node:\d+\)|experimental/i);
    }
    // The reading commands say nothing on stderr at all.
    for (const args of [['list', '--format', 'jsonl'], ['list', '--search', '물', '--format', 'jsonl'], ['show', '1'], ['export', '--format', 'json'], ['stats']]) {
      expect((await runCli([...args, '--db', board])).stderr, args.join(' ')).toBe('');
    }
    expect(existsSync(join(folder, 'copy.json'))).toBe(true);
  });
});
