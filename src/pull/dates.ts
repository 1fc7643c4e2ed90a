import { isCalendarDate } from '../board/dates.js';

/**
 * The dates feeds write, read into the moment they name. Korean government feeds do not keep
 * to RFC 822: `SUN, 21 JUL 2019 12:00:00 KST` (upper case, a zone name Date.parse does not
 * know), `2019-07-21 12:00:00`, `2019.07.21`, and the briefing API's `07/21/2019 12:00:00`.
 * Each form is matched whole by its own pattern (Date.parse's guesses differ between engines);
 * a date without a zone is Korea time. A post's date is the calendar date in Korea.
 */

const KOREA_OFFSET_MINUTES = 9 * 60;

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** RFC 822's zone names (and KST, JST, which feeds here use), as minutes east of UTC. */
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0,
  kst: 9 * 60, jst: 9 * 60,
  est: -5 * 60, edt: -4 * 60, cst: -6 * 60, cdt: -5 * 60, mst: -7 * 60, mdt: -6 * 60, pst: -8 * 60, pdt: -7 * 60,
};

interface Moment {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC; undefined: the text gave none (Korea time is meant). */
  offset: number | undefined;
}

const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?`;
const TIME = String.raw`(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?`;
const ZONE = String.raw`\s*(?:([+-])(\d{2}):?(\d{2})|([a-z]{1,4}))?`;

/** `Sun, 21 Jul 2019 12:00:00 +0900`, `SUN, 21 JUL 2019 12:00:00 KST`, `21 Jul 19 12:00 GMT`, `… +0900 (KST)`. */
const RFC822 = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?[\s-]+(\d{2}|\d{4})${TIME}${ZONE}(?:\s*\([^)]*\))?$`, 'i');
/** `2019-07-21`, `2019-07-21T12:00:00+09:00`, `2019-07-21 12:00:00`, `2019.07.21`, `2019/7/21 12:00`, `2019. 7. 21.`. */
const YMD = new RegExp(String.raw`^(\d{4})\s*([-./])\s*(\d{1,2})\s*\2\s*(\d{1,2})\.?${TIME}${ZONE}$`, 'i');
/** `20190721`. */
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** `2019년 7월 21일`. */
const KOREAN = /^(\d{4})년\s*(\d{1,2})월\s*(\d{1,2})일/;
/** Korean Windows' and browsers' own form: `2024. 8. 26. 오후 3:00:00` (Korea time). */
const KO_LOCALE = /^(\d{4})\.\s*(\d{1,2})\.\s*(\d{1,2})\.?\s*(오전|오후)\s*(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
/** The briefing API's `MM/DD/YYYY HH:MM:SS` (Korea time). */
const MDY = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${TIME}$`, 'i');

function offsetOf(sign: string | undefined, hours: string | undefined, minutes: string | undefined, name: string | undefined): number | undefined | null {
  if (sign) return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  if (name) return ZONES[name.toLowerCase()] ?? null; // null: a zone that is not known
  return undefined;
}

function read(text: string): Moment | undefined {
  // Korea's time zone by its IANA name (`… 12:00:00 Asia/Seoul`) is KST.
  const value = text.trim().replace(/\s+/g, ' ').replace(/ Asia\/Seoul$/i, ' KST');
  let match: RegExpExecArray | null;
  const time = (at: number) => ({ hour: Number(match?.[at] ?? 0), minute: Number(match?.[at + 1] ?? 0), second: Number(match?.[at + 2] ?? 0) });
  if ((match = RFC822.exec(value))) {
    const month = MONTHS[(match[2] ?? '').toLowerCase()];
    const offset = offsetOf(match[7], match[8], match[9], match[10]);
    if (!month || offset === null) return undefined;
    const short = Number(match[3]);
    const year = (match[3] ?? '').length === 2 ? (short < 50 ? 2000 + short : 1900 + short) : short;
    return { year, month, day: Number(match[1]), ...time(4), offset };
  }
  if ((match = YMD.exec(value))) {
    const offset = offsetOf(match[8], match[9], match[10], match[11]);
    if (offset === null) return undefined;
    return { year: Number(match[1]), month: Number(match[3]), day: Number(match[4]), ...time(5), offset };
  }
  if ((match = KO_LOCALE.exec(value))) {
    // 오전 12시 is midnight, 오후 12시 noon.
    const hour = (Number(match[5]) % 12) + (match[4] === '오후' ? 12 : 0);
    return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), hour, minute: Number(match[6]), second: Number(match[7] ?? 0), offset: undefined };
  }
  if ((match = MDY.exec(value))) return { year: Number(match[3]), month: Number(match[1]), day: Number(match[2]), ...time(4), offset: undefined };
  if ((match = COMPACT.exec(value)) || (match = KOREAN.exec(value))) {
    return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), hour: 0, minute: 0, second: 0, offset: undefined };
  }
  return undefined;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The moment as UTC milliseconds, or undefined when it is not a real date and time. */
function instant(moment: Moment): number | undefined {
  const date = `${pad(moment.year, 4)}-${pad(moment.month)}-${pad(moment.day)}`;
  // A press release of year 1 or 9999 is a broken date, not a date to sort a board by.
  if (moment.year < 1900 || moment.year > 2100) return undefined;
  if (!isCalendarDate(date) || moment.hour > 23 || moment.minute > 59 || moment.second > 60) return undefined;
  const offset = moment.offset ?? KOREA_OFFSET_MINUTES;
  return Date.UTC(moment.year, moment.month - 1, moment.day, moment.hour, moment.minute, Math.min(moment.second, 59)) - offset * 60_000;
}

/**
 * The calendar date in Korea (YYYY-MM-DD) of a date as a feed writes it, or undefined when it
 * is none of the forms above or not a real date (2019-02-30, 25:00). `Sat, 20 Jul 2019 15:30:00
 * GMT` is 2019-07-21: it is half past midnight in Seoul.
 */
export function koreaDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const moment = read(text);
  const at = moment && instant(moment);
  if (at === undefined) return undefined;
  const korea = new Date(at + KOREA_OFFSET_MINUTES * 60_000);
  return `${pad(korea.getUTCFullYear(), 4)}-${pad(korea.getUTCMonth() + 1)}-${pad(korea.getUTCDate())}`;
}

/** The moment a feed's date names, as an ISO 8601 UTC timestamp (Korea time when it gives no zone). */
export function instantOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const moment = read(text);
  const at = moment && instant(moment);
  return at === undefined ? undefined : new Date(at).toISOString();
}
