/** Calendar dates as the board stores them: `YYYY-MM-DD` strings, compared as strings. */

/** The value of the `length` ASCII digits of `text` from `at`, or -1 if one is not a digit. */
function digits(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * True for a real calendar date in `YYYY-MM-DD` form (so 2024-02-30 and 2024-13-01 are not).
 * Read digit by digit: every post's date is checked on every read, so this is a hot path.
 */
export function isCalendarDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

/** The local calendar date of `now` (the user's time zone, not UTC). */
export function localDate(now: Date): string {
  return formatDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export type Period = 'day' | 'week' | 'month' | 'year';
export const PERIODS: readonly Period[] = ['day', 'week', 'month', 'year'];

/**
 * The first date of a period ending today, inclusive: `day` is today alone, `week` the last
 * seven days, `month` and `year` start on the same day one month or one year back (the way
 * korea.kr's own period search counts), clamped to the end of a shorter month.
 */
export function periodStart(period: Period, today: string): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  switch (period) {
    case 'day':
      return today;
    case 'week': {
      const start = new Date(Date.UTC(year, month - 1, day - 6));
      return formatDate(start.getUTCFullYear(), start.getUTCMonth() + 1, start.getUTCDate());
    }
    case 'month': {
      const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
      return formatDate(y, m, Math.min(day, daysInMonth(y, m)));
    }
    case 'year':
      return formatDate(year - 1, month, Math.min(day, daysInMonth(year - 1, month)));
  }
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * A stored timestamp (ISO 8601, UTC) as people read it: local time, `2026-11-29 19:29:04`.
 * Anything that does not parse is shown as it is.
 */
export function localTimestamp(iso: string): string {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return iso;
  return `${localDate(moment)} ${two(moment.getHours())}:${two(moment.getMinutes())}:${two(moment.getSeconds())}`;
}

/**
 * A stored timestamp as a CSV or TSV for people carries it (`--header ko|en`): local time to the
 * millisecond, with the offset from UTC, `2026-11-29 19:29:04.123 +09:00`. Read back, it is the
 * same moment exactly, wherever it is imported. With the offset, neither Excel nor LibreOffice
 * takes the cell for a date (Excel would show `19:29:04.123` as `29:04.1` and save that), so a
 * spreadsheet saves it as it is. Anything that does not parse is written as it is.
 */
export function exactLocalTimestamp(iso: string): string {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return iso;
  const offset = -moment.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const zone = `${sign}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
  return `${localTimestamp(iso)}.${String(moment.getMilliseconds()).padStart(3, '0')} ${zone}`;
}

/** A stored timestamp in local time as finely as `precision` (ms) tells it: `2026-11-29 19:29`, `…:04`, `…:04.123`. */
export function localTimeAt(iso: string, precision: number): string {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return iso;
  const shown = localTimestamp(iso);
  if (precision >= 60_000) return shown.slice(0, -3);
  return precision >= 1000 ? shown : `${shown}.${String(moment.getMilliseconds()).padStart(3, '0')}`;
}

/** A moment read from a file, and how finely its text tells it: 1 (ms), 1000 (s) or 60000 (min). */
export interface ReadTime {
  iso: string;
  /** Milliseconds: the moment is somewhere in [iso, iso + precision). */
  precision: number;
}

/** How finely a fraction of a second tells a moment: `.123` to the millisecond, `.1` to a tenth. */
const fractionPrecision = (fraction: string | undefined, whole: number): number =>
  fraction === undefined ? whole : 10 ** Math.max(0, 3 - fraction.length);

/** A stored (ISO 8601) timestamp and its precision, taken from its own text: `…:04Z` is to the second. */
export function isoPrecision(iso: string): number {
  const match = /:\d{2}(?:[.,](\d+))?(?:Z|[+-]\d{2}:?\d{2})$/i.exec(iso);
  return match ? fractionPrecision(match[1], 1000) : 60_000;
}

/**
 * A calendar date as a spreadsheet may save one: `2024-09-06`, `2024-9-6`, `2024/9/6`,
 * `2024.9.6` or Korean `2024. 9. 6.`, as `YYYY-MM-DD`; else undefined.
 */
export function fromSheetDate(text: string): string | undefined {
  const match = /^(\d{4})\s*([-./])\s*(\d{1,2})\s*\2\s*(\d{1,2})\.?$/.exec(text.trim());
  if (!match) return undefined;
  const date = `${match[1]}-${match[3]!.padStart(2, '0')}-${match[4]!.padStart(2, '0')}`;
  return isCalendarDate(date) ? date : undefined;
}

/**
 * A local time as an export writes it (`2026-11-29 19:29:04.123 +09:00`, or `2026-11-29 19:29:04`
 * before it carried milliseconds) or a spreadsheet saves it back: without seconds, with one-digit
 * parts (`2024-9-6 9:00`), slashes or Korean dots (`2024. 9. 6.`), and a 12-hour clock (`오후 3:04`,
 * `3:04 PM`). With an offset from UTC (`+09:00`, `Z`) it is that moment wherever it is read;
 * without one, local time. As ISO 8601, with how finely the text tells it; else undefined.
 */
export function fromLocalTimestamp(text: string): ReadTime | undefined {
  const match =
    /^(.+?)(?:\s+|T)(?:(오전|오후|AM|PM)\s*)?(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*(AM|PM))?(?:\s*(Z|[+-]\d{2}:?\d{2}))?$/i.exec(text.trim());
  if (!match) return undefined;
  const date = fromSheetDate(match[1]!);
  const half = (match[2] ?? match[7])?.toUpperCase();
  if (!date || (match[2] && match[7])) return undefined;
  let hour = Number(match[3]);
  const [minute, second] = [Number(match[4]), Number(match[5] ?? 0)];
  if (half) {
    if (hour < 1 || hour > 12) return undefined;
    const afternoon = half === '오후' || half === 'PM';
    hour = (hour % 12) + (afternoon ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  // Milliseconds from the fraction, cut (not rounded) past the third digit, as Date.parse does.
  const millisecond = match[6] === undefined ? 0 : Number(match[6].slice(0, 3).padEnd(3, '0'));
  const precision = match[5] === undefined ? 60_000 : fractionPrecision(match[6], 1000);
  const zone = match[8];
  if (zone === undefined) return { iso: new Date(year, month - 1, day, hour, minute, second, millisecond).toISOString(), precision };
  const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})$/.exec(zone) ?? [, '+', '00', '00'];
  if (Number(hours) > 23 || Number(minutes) > 59) return undefined;
  const offset = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000;
  return { iso: new Date(Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offset).toISOString(), precision };
}
