import { readFileSync } from 'node:fs';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { runCli, SAMPLE_BOARD, writeBoard } from '../support/cli.js';
import { makeBoard, makePost } from '../support/posts.js';

const sample = JSON.parse(readFileSync(SAMPLE_BOARD, 'utf8')) as { posts: { id: number }[] };

describe('postboard show', () => {
  it('shows the press release 2912: title, details, body paragraphs and source', async () => {
    const result = await runCli(['show', '2912']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('세계 최고 디지털플랫폼정부, 10개 개발도상국에 전파한다');
    expect(lines[1]).toBe('No. 2912 · Author 한국생산성본부 · Department 행정안전부 · Date 2024-09-02 · Views 216 · Status published');
    expect(result.stdout).toContain('행정안전부(장관 이상민)는 2024년 8월 26일(월)부터');
    expect(result.stdout).toMatch(/공유한다\.\n\n○ 2014년부터/);
    expect(result.stdout).toContain('Source: 행정안전부 · 2024-08-26\nhttps://www.korea.kr/briefing/pressReleaseView.do?newsId=156647084');
  });

  it('in Korean: 번호 · 글쓴이 · 담당부서 · 날짜 · 조회수 · 상태', async () => {
    const { stdout } = await runCli(['show', '2912', '--lang', 'ko']);
    expect(stdout.split('\n')[1]).toBe('번호 2912 · 글쓴이 한국생산성본부 · 담당부서 행정안전부 · 날짜 2024-09-02 · 조회수 216 · 상태 노출');
    expect(stdout).toContain('출처: 행정안전부 · 2024-08-26');
  });

  it('a source URL with a space or a quote in it shows as one word (a terminal would end its link there), Hangul kept', async () => {
    const board = writeBoard(makeBoard([makePost({ id: 1, source: { url: 'https://e.kr/보도 자료?q="x"' } })]));
    const { stdout } = await runCli(['show', '1', '--db', board]);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('Source: https://e.kr/보도%20자료?q=%22x%22');
  });

  it('wraps the body to the width, keeping paragraphs, and never breaks the URL', async () => {
    const { stdout } = await runCli(['show', '2912', '--width', '40']);
    const lines = stdout.trimEnd().split('\n');
    const url = lines.at(-1) ?? '';
    expect(url).toMatch(/^https:\/\/www\.korea\.kr\//);
    for (const line of lines.slice(0, -1)) expect(stringWidth(line)).toBeLessThanOrEqual(40);
    expect(stdout).toMatch(/\n\n○ 2014년부터/);
  });

  it('--format json prints the post as stored', async () => {
    const { stdout } = await runCli(['show', '2912', '--format', 'json']);
    expect(JSON.parse(stdout)).toEqual(sample.posts.find((post) => post.id === 2912));
  });

  it('a post that is not there: exit 1, one line', async () => {
    const result = await runCli(['show', '9999']);
    expect(result).toMatchObject({ code: 1, stdout: '', stderr: 'error: no post 9999 on ./data/posts.json\n' });
  });

  it('a number that is not a number: exit 2, one line with a hint', async () => {
    const result = await runCli(['show', 'abc']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: a post number is a whole number such as 2912, not "abc" (see 'postboard show --help')\n`);
  });

  it('a hidden post is shown, marked', async () => {
    const board = writeBoard(makeBoard([makePost({ id: 5, title: '내부 검토 중', status: 'hidden' })]));
    const { stdout } = await runCli(['show', '5', '--db', board, '--lang', 'ko']);
    expect(stdout).toMatch(/^\[비노출\] 내부 검토 중\n/);
    expect(stdout).toContain('상태 비노출');
    expect(stdout).toContain('(내용 없음)');
  });
});
