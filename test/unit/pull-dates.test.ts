import { describe, expect, it } from 'vitest';
import { instantOf, koreaDate } from '../../src/pull/dates.js';

/** Dates as feeds write them, read as the calendar date in Korea. */

describe('koreaDate', () => {
  it.each([
    // RFC 822 as it should be, and as Korean government feeds write it
    ['Sun, 21 Jul 2019 12:00:00 +0900', '2019-07-21'],
    ['SUN, 21 JUL 2019 12:00:00 KST', '2019-07-21'],
    ['sun, 21 jul 2019 12:00 kst', '2019-07-21'],
    ['21 Jul 2019 12:00:00 GMT', '2019-07-21'],
    ['Sat, 20 Jul 2019 15:30:00 GMT', '2019-07-21'], // 00:30 in Seoul
    ['Sat, 20 Jul 2019 14:59:59 GMT', '2019-07-20'],
    ['Sat, 20 Jul 2019 15:00:00 UT', '2019-07-21'],
    ['Sat, 20 Jul 2019 10:00:00 EST', '2019-07-21'],
    ['Sun, 21 Jul 19 12:00:00 +0900', '2019-07-21'],
    ['Monday, 26 August 2024 12:00:00 +0900', '2024-08-26'],
    ['Sun, 21 Jul 2019 12:00:00', '2019-07-21'],
    ['Mon, 26 Aug 2024 12:00:00 +0900 (KST)', '2024-08-26'],
    ['2024-08-26 12:00:00.0', '2024-08-26'],
    ['2024-08-26T12:00:00+0900', '2024-08-26'],
    // ISO 8601 (Atom)
    ['2024-08-13T23:30:00Z', '2024-08-14'],
    ['2024-08-13T23:30:00.000+00:00', '2024-08-14'],
    ['2024-07-25T17:00:00+09:00', '2024-07-25'],
    ['2024-08-30', '2024-08-30'],
    // What Korean sites write
    ['2019-07-21 12:00:00', '2019-07-21'],
    ['2019-07-21 00:10', '2019-07-21'],
    ['2019.07.21', '2019-07-21'],
    ['2019. 7. 21.', '2019-07-21'],
    ['2019/07/21 23:59:59', '2019-07-21'],
    ['20190721', '2019-07-21'],
    ['2019년 7월 21일', '2019-07-21'],
    // The briefing API: MM/DD/YYYY, Korea time
    ['07/21/2019 12:00:00', '2019-07-21'],
    ['08/27/2024 23:40:00', '2024-08-27'],
    ['12/31/2024 23:59:59', '2024-12-31'],
    ['  MON, 26 AUG 2024 12:00:00 KST  ', '2024-08-26'],
    // Korean Windows' own form, and Korea's zone by its IANA name
    ['2024. 8. 26. 오후 3:00:00', '2024-08-26'],
    ['2024. 8. 26. 오전 12:30:00', '2024-08-26'],
    ['2024. 8. 25. 오후 11:59', '2024-08-25'],
    ['Mon, 26 Aug 2024 00:30:00 Asia/Seoul', '2024-08-26'],
  ])('%s → %s', (text, date) => {
    expect(koreaDate(text)).toBe(date);
  });

  it.each(['', 'yesterday', '2019-02-30', '2019-13-01', '31/12/2024 10:00:00', 'Sun, 21 Jul 2019 25:00:00 +0900', 'Sun, 21 Foo 2019 12:00:00 GMT', 'Sun, 21 Jul 2019 12:00:00 XYZ', '2019-07-21 오후 3시'])(
    '%j is no date',
    (text) => {
      expect(koreaDate(text)).toBeUndefined();
    },
  );

  it('is undefined for no text', () => {
    expect(koreaDate(undefined)).toBeUndefined();
  });
});

describe('instantOf', () => {
  it('is the UTC moment, a date without a zone being Korea time', () => {
    expect(instantOf('08/26/2024 12:00:00')).toBe('2024-08-26T03:00:00.000Z');
    expect(instantOf('SUN, 21 JUL 2019 12:00:00 KST')).toBe('2019-07-21T03:00:00.000Z');
    expect(instantOf('2024-08-13T23:30:00Z')).toBe('2024-08-13T23:30:00.000Z');
    expect(instantOf('')).toBeUndefined();
    expect(instantOf('not a date')).toBeUndefined();
  });
});
