import { describe, expect, it } from 'vitest';
import { exactLocalTimestamp, fromLocalTimestamp, isCalendarDate, isoPrecision, localDate, periodStart } from '../../src/board/dates.js';

describe('a post date', () => {
  it.each([
    ['2024-09-02', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-02-30', false],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-04-31', false],
    ['2024-9-2', false],
    ['2024/09/02', false],
    ['20240902', false],
    [' 2024-09-02', false],
    ['', false],
  ])('%j is a calendar date: %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });

  it('today is the local calendar date, not the UTC one (run in Seoul, where the dates differ)', () => {
    // 2024-09-02T20:30Z is already 2024-09-03 05:30 in Seoul (UTC+9); vitest.config sets TZ.
    expect(process.env.TZ).toBe('Asia/Seoul');
    expect(localDate(new Date('2024-09-02T20:30:00Z'))).toBe('2024-09-03');
  });
});

describe('--period counts back from today, inclusive', () => {
  it.each([
    ['day', '2024-09-06', '2024-09-06'],
    ['week', '2024-09-06', '2024-08-31'],
    ['week', '2024-03-03', '2024-02-26'],
    ['month', '2024-09-06', '2024-08-06'],
    ['month', '2024-03-31', '2024-02-29'],
    ['month', '2024-01-15', '2023-12-15'],
    ['year', '2024-09-02', '2023-09-02'],
    ['year', '2024-02-29', '2023-02-28'],
  ] as const)('%s before %s starts on %s', (period, today, start) => {
    expect(periodStart(period, today)).toBe(start);
  });
});

describe('times in files: written exactly, read with how finely they were written', () => {
  it('an export for people writes local time to the millisecond with the offset, and reads it back to the same moment', () => {
    expect(exactLocalTimestamp('2024-09-05T01:02:03.045Z')).toBe('2024-09-05 10:02:03.045 +09:00');
    for (const iso of ['2024-09-05T01:02:03.045Z', '2024-12-31T14:59:59.999Z', '2024-01-01T00:00:00.000Z']) {
      expect(fromLocalTimestamp(exactLocalTimestamp(iso))).toEqual({ iso, precision: 1 });
    }
    // The offset is the moment's, whatever zone reads it.
    expect(fromLocalTimestamp('2024-09-05 10:02:03.045 -05:00')?.iso).toBe('2024-09-05T15:02:03.045Z');
    expect(fromLocalTimestamp('2024-09-05 10:02:03.045Z')?.iso).toBe('2024-09-05T10:02:03.045Z');
  });

  it.each([
    ['2024-09-05 10:02', 60_000],
    ['2024. 9. 5. 오전 10:02', 60_000],
    ['2024-09-05 10:02:03', 1000],
    ['2024-09-05 10:02:03.1', 100],
    ['2024-09-05 10:02:03.123', 1],
  ])('%j is told to %i ms', (text, precision) => {
    expect(fromLocalTimestamp(text)?.precision).toBe(precision);
  });

  it('a stored timestamp is told as finely as its text', () => {
    expect(isoPrecision('2024-09-05T01:02:03.045Z')).toBe(1);
    expect(isoPrecision('2024-09-05T01:02:03Z')).toBe(1000);
    expect(isoPrecision('2024-09-05T01:02:03.5+09:00')).toBe(100);
  });
});
