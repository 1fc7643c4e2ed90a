import { fromLocalTimestamp, fromSheetDate, isoPrecision, type ReadTime } from './dates.js';
import { FIELD_KEYS, FIELDS, INPUT_FIELDS, POST_KEYS } from './fields.js';
import { checkField, isRecord, PLAIN_TIMESTAMP, type FieldIssue, type InputField, type Rule } from './post.js';

/** The keys of a post a record may carry (as stored, or flat as a sheet's columns); any other key of a JSON record is kept as it is. */
const KNOWN = new Set([...POST_KEYS, ...FIELD_KEYS]);

/**
 * One import record, checked field by field by the same rules as `add`, with only the fields it
 * gives: an update from a spreadsheet that has only `번호,제목` columns changes titles and
 * nothing else. Text is normalized as `add` stores it (trimmed, NFC, LF).
 */
export interface ImportRecord {
  /** The number the record names, if any. */
  requestedId: number | undefined;
  /** The text fields given, checked; an empty optional one means "none". */
  text: Partial<Record<InputField, string>>;
  views: number | undefined;
  createdAt: string | undefined;
  updatedAt: string | undefined;
  /**
   * How finely the file's `updatedAt` tells the moment, in milliseconds, from its text: 1 for
   * `2026-11-29T10:29:04.123Z` or `2026-11-29 19:29:04.123 +09:00`, 1000 for `…19:29:04`, 60000
   * for `2026-11-29 19:29` (a spreadsheet that shows minutes saves minutes).
   */
  updatedAtPrecision?: number;
  /** The file speaks of timestamps (a post as stored; a sheet with those columns): if not, a new post is stamped now. */
  hasTimestamps: boolean;
  /** Keys of a JSON record postboard does not know: kept as they are on a new post. */
  extras: Record<string, unknown>;
}

/** The order problems are reported in: the post's own. */
const order = (field: string): number => {
  const at = FIELDS.findIndex((spec) => spec.path === field);
  return at >= 0 ? at : field === 'source' ? FIELDS.findIndex((spec) => spec.path.startsWith('source.')) - 0.5 : FIELDS.length;
};

/** Fields where an empty spreadsheet cell means "not given" (a new post gets its fallback) rather than "empty". */
const EMPTY_IS_MISSING: ReadonlySet<InputField> = new Set(INPUT_FIELDS.filter((field) => field.fallback !== undefined).map((field) => field.path));

export function checkImportRecord(fields: Record<string, unknown>, stampsMissing = false): { record: ImportRecord } | { issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const problem = (field: string, rule: Rule, value: unknown) => issues.push({ field, rule, value });
  const source = isRecord(fields.source) ? fields.source : {};
  if (fields.source !== undefined && fields.source !== null && !isRecord(fields.source)) problem('source', 'type', fields.source);

  const text: Partial<Record<InputField, string>> = {};
  for (const { path: field, key, kind } of INPUT_FIELDS) {
    // As a post keeps it (`source.url` inside `source`), or flat, as a sheet's column (`source_url`).
    const value = (field.startsWith('source.') ? source[field.slice('source.'.length)] : undefined) ?? fields[field] ?? fields[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') {
      problem(field, 'type', value);
      continue;
    }
    if (value.trim() === '' && EMPTY_IS_MISSING.has(field)) continue;
    // A date a spreadsheet re-wrote (`2024. 9. 6.`, `2024/9/6`) is the date it shows.
    const sheetDate = kind === 'date' ? fromSheetDate(value) : undefined;
    const checked = checkField(field, sheetDate ?? value);
    if ('issue' in checked) issues.push(checked.issue);
    else text[field] = checked.value;
  }

  const requestedId = wholeNumber(fields.id, 1, 'id', problem);
  const views = wholeNumber(fields.views, 0, 'views', problem);
  const created = timestamp(fields.createdAt, 'createdAt', problem);
  const updated = timestamp(fields.updatedAt, 'updatedAt', problem);
  const stamps = { createdAt: created?.iso, updatedAt: updated?.iso, ...(updated ? { updatedAtPrecision: updated.precision } : {}) };
  const extras = Object.fromEntries(Object.entries(fields).filter(([key]) => !KNOWN.has(key)));
  // Keys postboard does not know ride along, unless nested so deep the board could not be written.
  for (const [key, value] of Object.entries(extras)) if (deeperThan(value, 100)) problem(key, 'too-deep', undefined);
  if (issues.length > 0) return { issues: issues.sort((a, b) => order(a.field) - order(b.field)) };
  return { record: { requestedId, text, views, ...stamps, hasTimestamps: !stampsMissing, extras } };
}

/** True when `value` nests objects or arrays more than `limit` deep (walked without recursion). */
function deeperThan(value: unknown, limit: number): boolean {
  let level: unknown[] = [value];
  for (let depth = 0; level.length > 0; depth++) {
    if (depth > limit) return true;
    const next: unknown[] = [];
    for (const item of level) if (item !== null && typeof item === 'object') next.push(...Object.values(item as object));
    level = next;
  }
  return false;
}

/**
 * A stored timestamp (kept as written), or the local one an export for people writes
 * (`2026-11-29 19:29:04.123 +09:00`) or a spreadsheet saves back (`2026-11-29 19:29`); with how
 * finely its text tells the moment.
 */
function timestamp(value: unknown, field: string, problem: (field: string, rule: Rule, value: unknown) => void): ReadTime | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') {
    const text = value.trim();
    if (PLAIN_TIMESTAMP.test(text)) return { iso: text, precision: isoPrecision(text) };
    const local = fromLocalTimestamp(text);
    if (local) return local;
  }
  problem(field, 'timestamp', value);
  return undefined;
}

function wholeNumber(value: unknown, min: number, field: string, problem: (field: string, rule: Rule, value: unknown) => void): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  // Spreadsheets write 1234 as "1,234" when asked to: the separators are not part of the number.
  const number = typeof value === 'string' && /^\s*-?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?\s*$/.test(value) ? Number(value.replace(/,/g, '')) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) problem(field, 'type', value);
  // "9007199254740991.4" reads as a whole number: the digits after the point say it is not.
  else if (!Number.isInteger(number) || (typeof value === 'string' && /\.\d*[1-9]/.test(value))) problem(field, 'integer', value);
  else if (number < min) problem(field, min === 1 ? 'positive' : 'not-negative', value);
  // 9007199254740993 reads as …992: beyond 2^53 − 1 two numbers can be one.
  else if (!Number.isSafeInteger(number)) problem(field, 'too-big', value);
  else return number;
  return undefined;
}
