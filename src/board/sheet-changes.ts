import { fromSheetDate } from './dates.js';
import { fieldAt, fieldSpec, setValueAt, TEXT_FIELDS, valueAt, type FieldKey, type FieldSpec } from './fields.js';
import type { Post } from './post.js';

/**
 * What a spreadsheet does to cells on its own when a CSV goes through it (opened and saved again),
 * so that `import --update` can tell those changes from a person's edits:
 *
 * - a cell that reads as a number is stored as one and saved in the number's own form: `1e5`
 *   becomes `100000` (LibreOffice; `1.00E+05` with "detect special numbers"), `0012345` becomes
 *   `12345`, `1.50` becomes `1.5`, `1,234` becomes `1234`, and past 15 digits Excel keeps only 15
 *   (`12345678901234567890` becomes `12345678901234500000`, shown `1.23457E+19`);
 * - a cell that reads as a date is saved in the sheet's date form (`2024-09-06` as `2024/9/6`);
 * - a long text gets line breaks: LibreOffice, saving a 17,000-character cell to xlsx and back,
 *   breaks it at character 16,367;
 * - Excel keeps at most 32,767 characters of a cell: the rest of a longer text is gone.
 */

export type SheetChangeKind = 'number' | 'leading-zeros' | 'date' | 'time' | 'line-breaks' | 'cut';

/** The text fields a row may change (what a person writes: lines, bodies, addresses), by their keys. */
const SHEET_FIELDS: readonly FieldSpec[] = TEXT_FIELDS.map((path) => fieldAt(path) as FieldSpec);

export interface SheetChange {
  field: FieldKey;
  kind: SheetChangeKind;
  before: string;
  after: string;
}

/** Excel's limit on the characters of one cell. */
export const EXCEL_CELL_CHARS = 32_767;

/** A cell as a spreadsheet reads a number: sign, digits (grouped by commas or not), fraction (`5.` too), exponent. */
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d*)?(?:[eE][+-]?\d+)?$/;

/** The largest number a spreadsheet keeps, as it writes it: what a larger one (`1e400`) becomes. */
const LARGEST = Number.MAX_VALUE;

function numberOf(text: string): number | undefined {
  let trimmed = text.trim();
  // (123) is how accounting formats write -123.
  const negative = /^\(([^()]+)\)$/.exec(trimmed);
  if (negative) trimmed = `-${negative[1]}`;
  if (!NUMBER.test(trimmed) || !/\d/.test(trimmed)) return undefined;
  const value = Number(trimmed.replace(/,/g, ''));
  if (!Number.isFinite(value)) return value > 0 ? LARGEST : -LARGEST;
  return value;
}

/** A whole number past 15 digits, exactly (JavaScript's numbers would make …890 and …891 one). */
const wholeDigits = (text: string): bigint | undefined => {
  const digits = /^[+-]?\d{16,}$/.test(text.trim().replace(/,/g, '')) ? text.trim().replace(/,/g, '') : undefined;
  return digits === undefined ? undefined : BigInt(digits);
};

/** A whole number's digits past the 15th as zeros: what Excel keeps of a longer one. */
function fifteenDigits(text: string): number | undefined {
  const digits = /^[+-]?0*(\d+)$/.exec(text.trim().replace(/,/g, ''))?.[1];
  if (!digits || digits.length <= 15) return undefined;
  return Number(`${text.trim().startsWith('-') ? '-' : ''}${digits.slice(0, 15)}${'0'.repeat(digits.length - 15)}`);
}

/**
 * Whether `after` is `before` as a spreadsheet wrote the number back: the same value, the value to
 * 15 significant digits (cut, as Excel keeps them, or rounded), or to 6 in E-notation (`1.23457E+19`).
 */
function sameNumber(before: number, beforeText: string, after: number, afterText: string): boolean {
  // Two long whole numbers are compared digit by digit: another last digit is a person's edit.
  const [exactBefore, exactAfter] = [wholeDigits(beforeText), wholeDigits(afterText)];
  if (exactBefore !== undefined && exactAfter !== undefined) return exactBefore === exactAfter || after === fifteenDigits(beforeText);
  if (before === after) return true;
  if (Math.abs(after) === LARGEST && !Number.isFinite(Number(beforeText.trim().replace(/[(),]/g, '')))) return true;
  if (after === Number(before.toPrecision(15)) || after === fifteenDigits(beforeText)) return true;
  return /e/i.test(afterText) && after === Number(before.toPrecision(6));
}

const withoutLineBreaks = (text: string): string => text.replace(/[\r\n]+/g, '');

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A month's number from its name or its first three letters (`Jan`, `January`), or from digits. */
function monthOf(text: string): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const name = text.toLowerCase().replace(/\.$/, '');
  const index = MONTHS.findIndex((month) => month === name || (name.length >= 3 && month.startsWith(name)));
  return index < 0 ? undefined : index + 1;
}

/**
 * A day of a year as a spreadsheet reads a cell (`Jan 5`, `3-1`, `1/2`: month and day) and writes
 * it back with the year it added (`January 5, 2026`, `2026-01-05`, `1/5/2026`): the same month
 * and day on both sides.
 */
function sameDay(before: string, after: string): boolean {
  const partial = /^([A-Za-z]{3,9}\.?|\d{1,2})[\s/.-]+(\d{1,2})$/.exec(before.trim());
  if (!partial) return false;
  const [month, day] = [monthOf(partial[1]!), Number(partial[2])];
  if (month === undefined || month < 1 || month > 12 || day < 1 || day > 31) return false;
  const text = after.trim();
  const long = /^([A-Za-z]{3,9}\.?)\s+(\d{1,2}),?\s+\d{4}$/.exec(text);
  if (long) return monthOf(long[1]!) === month && Number(long[2]) === day;
  const american = /^(\d{1,2})\/(\d{1,2})\/\d{2,4}$/.exec(text);
  if (american) return Number(american[1]) === month && Number(american[2]) === day;
  const iso = fromSheetDate(text);
  return iso !== undefined && Number(iso.slice(5, 7)) === month && Number(iso.slice(8, 10)) === day;
}

/** A date and a time in one cell (`2024-09-06 10:00`, `2024-09-06 10:00:00`): its moment as text to compare, or undefined. */
function dateTime(text: string): string | undefined {
  const match = /^(\S+)\s+(\S+(?:\s*[AaPp][Mm])?)$/.exec(text.trim());
  if (!match) return undefined;
  const day = fromSheetDate(match[1]!);
  const second = secondsOfDay(match[2]!);
  return day === undefined || second === undefined ? undefined : `${day} ${second}`;
}

/**
 * A cell that is a time of day as a spreadsheet reads and writes one — `10:30`, `10:30:00`,
 * `10:30:00 AM`, `오후 3:04` — as its second of the day; else undefined.
 */
function secondsOfDay(text: string): number | undefined {
  const match = /^(?:(오전|오후)\s*)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, korean, h, m, s = '0', latin] = match;
  let hours = Number(h);
  const half = korean ? (korean === '오후' ? 'pm' : 'am') : latin?.toLowerCase();
  if (half && (hours < 1 || hours > 12)) return undefined;
  if (half === 'pm' && hours < 12) hours += 12;
  if (half === 'am' && hours === 12) hours = 0;
  const [minutes, seconds] = [Number(m), Number(s)];
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return hours * 3600 + minutes * 60 + seconds;
}

/** Why the change `before` → `after` of one cell looks like a spreadsheet's own doing, if it does. */
export function sheetChangeKind(before: string, after: string): SheetChangeKind | undefined {
  if (before === after) return undefined;
  const [oldNumber, newNumber] = [numberOf(before), numberOf(after)];
  if (oldNumber !== undefined && newNumber !== undefined && sameNumber(oldNumber, before, newNumber, after)) {
    return /^[+-]?0\d/.test(before.trim()) && !/^[+-]?0\d/.test(after.trim()) ? 'leading-zeros' : 'number';
  }
  const oldDate = fromSheetDate(before);
  if (oldDate !== undefined && oldDate === fromSheetDate(after)) return 'date';
  if (sameDay(before, after)) return 'date';
  const [oldMoment, newMoment] = [dateTime(before), dateTime(after)];
  if (oldMoment !== undefined && oldMoment === newMoment) return 'date';
  const oldTime = secondsOfDay(before);
  if (oldTime !== undefined && oldTime === secondsOfDay(after)) return 'time';
  if (withoutLineBreaks(before) === withoutLineBreaks(after)) return 'line-breaks';
  // Excel's cell limit: what is left is the start of the text (trimmed on import, as every cell is).
  if (before.length > EXCEL_CELL_CHARS && after.length <= EXCEL_CELL_CHARS && after.length > 0 && before.slice(0, EXCEL_CELL_CHARS).trimEnd() === after) return 'cut';
  return undefined;
}

const textAt = (post: Post, field: FieldSpec): string => {
  const value = valueAt(post, field.path);
  return typeof value === 'string' ? value : '';
};

/** The changes from `before` to `after` (two versions of a post) that look like a spreadsheet's doing. */
export function sheetChanges(before: Post, after: Post): SheetChange[] {
  const changes: SheetChange[] = [];
  for (const field of SHEET_FIELDS) {
    const [old, now] = [textAt(before, field), textAt(after, field)];
    // A cell emptied or filled is a person's doing.
    if (old === '' || now === '') continue;
    const kind = sheetChangeKind(old, now);
    if (kind) changes.push({ field: field.key as FieldKey, kind, before: old, after: now });
  }
  return changes;
}

/** `post` with these changes taken back (each field as it was before them). */
export function withoutChanges(post: Post, changes: readonly SheetChange[]): void {
  for (const change of changes) setValueAt(post, fieldSpec(change.field).path, change.before);
}
