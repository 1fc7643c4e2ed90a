import type { ImportedPost } from './changes.js';
import { checkDraft, isRecord, PLAIN_TIMESTAMP, type FieldIssue, type Post, type PostDraft, type Rule } from './post.js';

/** The keys of a post a record may carry; any other key of a JSON record is kept as it is. */
const KNOWN = new Set(['id', 'title', 'author', 'department', 'date', 'views', 'status', 'body', 'source', 'createdAt', 'updatedAt', 'source_agency', 'source_date', 'source_url']);

type Checked = { record: ImportedPost } | { issues: FieldIssue[] };

/**
 * Checks one import record by the same rules as `add` (the text fields go through the same
 * draft check) plus what an import brings along: its number, views and timestamps. Flat CSV
 * columns (`source_url`) and nested JSON (`source.url`) are both understood. Text is stored as
 * `add` stores it: trimmed and NFC.
 */
export function checkImportRecord(where: string, fields: Record<string, unknown>, today: string): Checked {
  const issues: FieldIssue[] = [];
  const problem = (field: string, rule: Rule, value: unknown) => issues.push({ field, rule, value });
  const source = (fields.source ?? {}) as Record<string, unknown>;
  if (fields.source !== undefined && !isRecord(fields.source)) {
    problem('source', 'type', fields.source);
  }

  // Text: every value a string (CSV always is; JSON must be).
  const texts: [keyof PostDraft, unknown][] = [
    ['title', fields.title],
    ['author', fields.author],
    ['department', fields.department],
    ['date', fields.date],
    ['status', fields.status],
    ['body', fields.body],
    ['source.agency', source.agency ?? fields.source_agency],
    ['source.date', source.date ?? fields.source_date],
    ['source.url', source.url ?? fields.source_url],
  ];
  const draft: PostDraft = {};
  for (const [field, value] of texts) {
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') problem(field, 'type', value);
    else draft[field] = value;
  }
  if (draft.title === undefined) problem('title', 'required', undefined);
  if (draft.author === undefined) problem('author', 'required', undefined);

  const requestedId = wholeNumber(fields.id, 1, 'id', problem);
  const views = wholeNumber(fields.views, 0, 'views', problem) ?? 0;
  const stamps: Record<'createdAt' | 'updatedAt', string | undefined> = { createdAt: undefined, updatedAt: undefined };
  for (const key of ['createdAt', 'updatedAt'] as const) {
    const value = fields[key];
    if (value === undefined || value === null || value === '') continue;
    // The timestamps postboard writes (and reads the fast way): no looser than the board file's.
    if (typeof value !== 'string' || !PLAIN_TIMESTAMP.test(value)) problem(key, 'timestamp', value);
    else stamps[key] = value;
  }

  const checked = checkDraft({ ...draft, title: draft.title ?? '', author: draft.author ?? '', date: draft.date || today, status: draft.status || 'published' });
  if ('issues' in checked) issues.push(...checked.issues.filter((issue) => !(issue.rule === 'empty' && issues.some((known) => known.field === issue.field))));
  if (issues.length > 0 || 'issues' in checked) return { issues };

  const { title, author, department, date, status, body, source: checkedSource } = checked.content;
  const extras = Object.fromEntries(Object.entries(fields).filter(([key]) => !KNOWN.has(key)));
  // Keys in the board file's order; the number is given on import.
  const post: Post = {
    id: 0,
    title,
    author,
    department,
    date,
    views,
    status,
    body,
    ...(checkedSource ? { source: checkedSource } : {}),
    ...(stamps.createdAt ? { createdAt: stamps.createdAt } : {}),
    ...(stamps.updatedAt ? { updatedAt: stamps.updatedAt } : {}),
    ...extras,
  };
  return { record: { where, post, requestedId } };
}

function wholeNumber(value: unknown, min: number, field: string, problem: (field: string, rule: Rule, value: unknown) => void): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) problem(field, 'type', value);
  else if (!Number.isInteger(number)) problem(field, 'integer', value);
  else if (number < min) problem(field, min === 1 ? 'positive' : 'not-negative', value);
  // 9007199254740993 reads as …992: beyond 2^53 − 1 two numbers can be one.
  else if (!Number.isSafeInteger(number)) problem(field, 'too-big', value);
  else return number;
  return undefined;
}
