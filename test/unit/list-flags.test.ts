import { describe, expect, it } from 'vitest';
import { register, type ListOptions } from '../../src/commands/list.js';
import { UsageError } from '../../src/errors.js';
import { parseFlags } from '../support/flags.js';

const parse = (...argv: string[]) => parseFlags<ListOptions>(register, ['list', ...argv]);

describe('postboard list flags', () => {
  it('defaults: page 1 of 20, every status, newest number first, a table', async () => {
    expect(await parse()).toEqual({
      filter: { status: 'all', author: undefined, department: undefined, search: undefined, since: undefined, until: undefined },
      order: { sort: 'id', ascending: false },
      page: 1,
      limit: 20,
      fields: undefined,
      format: 'table',
      width: undefined,
    });
  });

  it.each<[string[], Partial<ListOptions>]>([
    [['--limit', '5', '--page', '3'], { limit: 5, page: 3 }],
    [['-n', '5', '-p', '3'], { limit: 5, page: 3 }],
    [['--all'], { limit: undefined }],
    [['--sort', 'views'], { order: { sort: 'views', ascending: false } }],
    [['--sort', 'date', '--asc'], { order: { sort: 'date', ascending: true } }],
    [['--sort', 'title'], { order: { sort: 'title', ascending: true } }],
    [['--sort', 'title', '--desc'], { order: { sort: 'title', ascending: false } }],
    [['--fields', 'id,title,source'], { fields: ['id', 'title', 'source_agency', 'source_date', 'source_url'] }],
    [['--fields', '번호,제목,조회수'], { fields: ['id', 'title', 'views'] }],
    [['--fields', 'No.,Source URL'], { fields: ['id', 'source_url'] }],
    [['--format', 'jsonl'], { format: 'jsonl' }],
    [['--width', '72'], { width: 72 }],
  ])('%j', async (argv, expected) => {
    expect(await parse(...argv)).toMatchObject(expected);
  });

  it.each<[string[], Partial<ListOptions['filter']>]>([
    [['--status', 'hidden'], { status: 'hidden' }],
    // The board's own words, in any case.
    [['--status', '비노출'], { status: 'hidden' }],
    [['--status', '노출'], { status: 'published' }],
    [['--status', 'Published'], { status: 'published' }],
    [['--status', '전체'], { status: 'all' }],
    [['--author', '한국'], { author: '한국' }],
    [['--department', '환경부'], { department: '환경부' }],
    [['--search', '청정 "기술 공유"'], { search: ['청정', '기술 공유'] }],
    [['--since', '2024-09-01', '--until', '2024-09-06'], { since: '2024-09-01', until: '2024-09-06' }],
    [['--period', 'week'], { since: '2024-08-31', until: '2024-09-06' }],
    [['--period', 'month'], { since: '2024-08-06', until: '2024-09-06' }],
  ])('filter %j', async (argv, expected) => {
    expect((await parse(...argv)).filter).toMatchObject(expected);
  });

  it.each([
    [['--limit', 'x'], '--limit must be a whole number of 1 or more, not "x"'],
    [['--limit', '0'], '--limit must be a whole number of 1 or more, not "0"'],
    [['--page', '-1'], '--page must be a whole number of 1 or more, not "-1"'],
    [['--limit', '2.5'], '--limit must be a whole number'],
    [['--since', '2024-13-01'], '--since must be a real date as YYYY-MM-DD, not "2024-13-01"'],
    [['--until', 'yesterday'], '--until must be a real date'],
    [['--since', '2024-09-06', '--until', '2024-09-01'], '--since 2024-09-06 is after --until 2024-09-01'],
    [['--sort', 'author'], '--sort must be one of id, date, views, title, not "author"'],
    [['--status', 'draft'], '--status must be one of published, hidden, 노출, 비노출, all'],
    [['--format', 'csv'], '--format must be one of table, json, jsonl'],
    [['--period', 'decade'], '--period must be one of day, week, month, year'],
    [['--fields', 'id,nope'], '--fields: unknown field "nope"'],
    [['--all', '--limit', '5'], '--all cannot be used with --limit'],
    [['--period', 'week', '--since', '2024-01-01'], '--period cannot be used with --since'],
    [['--asc', '--desc'], '--asc cannot be used with --desc'],
    [['--search', '  '], '--search needs a value'],
  ])('%j is a usage error', async (argv, message) => {
    const error = await parse(...argv).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(message);
  });
});
