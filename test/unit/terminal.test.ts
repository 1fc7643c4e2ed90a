import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../support/io.js';

const ANSI = /\x1b\[[\d;]*m/;

describe('on a terminal and off it', () => {
  it('a terminal gets colour and a table fitted to its width', async () => {
    const result = await runInProcess(['list'], { tty: true, columns: 70 });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(ANSI);
    for (const line of result.stdout.trimEnd().split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(70);
  });

  it('a pipe gets plain text at full length', async () => {
    const result = await runInProcess(['list'], { tty: false, columns: 70 });
    expect(result.stdout).not.toMatch(ANSI);
    expect(result.stdout).toContain('온실가스 배출권거래제도 개선… 배출권 시장은 활짝 열고, 과잉할당은 줄인다');
  });

  it('COLUMNS beats the terminal width, --width beats both', async () => {
    const viaEnv = await runInProcess(['list'], { tty: true, columns: 120, env: { COLUMNS: '50' } });
    expect(Math.max(...viaEnv.stdout.trimEnd().split('\n').map((line) => stringWidth(line)))).toBe(50);
    const viaFlag = await runInProcess(['list', '--width', '44'], { tty: true, columns: 120, env: { COLUMNS: '50' } });
    expect(Math.max(...viaFlag.stdout.trimEnd().split('\n').map((line) => stringWidth(line)))).toBe(44);
  });

  it('NO_COLOR on a terminal means no colour', async () => {
    const result = await runInProcess(['list'], { tty: true, env: { NO_COLOR: '1' } });
    expect(result.stdout).not.toMatch(ANSI);
  });
});
