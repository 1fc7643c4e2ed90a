/** Calendar dates as the board stores them: `YYYY-MM-DD` strings, compared as strings. */

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in `YYYY-MM-DD` form (so 2024-02-30 and 2024-13-01 are not). */
export function isCalendarDate(text: string): boolean {
  const match = DATE_SHAPE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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
