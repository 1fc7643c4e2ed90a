import * as v from 'valibot';
import { isCalendarDate } from './dates.js';

/**
 * The one definition of a post's fields. The store checks every post it reads against
 * `StoredPost`; commands that take new text from a person or a file (add, edit, import) check
 * it against the stricter `postInput` rules built from the same pieces.
 *
 * Issue messages are rule codes (see `Rule`), turned into words by the i18n layer, so the
 * store never has to know the user's language.
 */
export type Rule =
  | 'required'
  | 'type'
  | 'integer'
  | 'positive'
  | 'not-negative'
  | 'date'
  | 'status'
  | 'url'
  | 'timestamp'
  | 'empty'
  | 'too-long'
  | 'control';

export const STATUSES = ['published', 'hidden'] as const;
export type Status = (typeof STATUSES)[number];

const isHttpUrl = (text: string): boolean => /^https?:\/\//i.test(text) && URL.canParse(text);

const text = v.string('type' satisfies Rule);
const postNumber = v.pipe(
  v.number('type' satisfies Rule),
  v.integer('integer' satisfies Rule),
  v.minValue(1, 'positive' satisfies Rule),
);
const calendarDate = v.pipe(text, v.check(isCalendarDate, 'date' satisfies Rule));
const httpUrl = v.pipe(text, v.check(isHttpUrl, 'url' satisfies Rule));
const timestamp = v.pipe(text, v.isoTimestamp('timestamp' satisfies Rule));

export const StoredSource = v.looseObject(
  {
    agency: v.optional(text),
    date: v.optional(calendarDate),
    url: v.optional(httpUrl),
  },
  'type' satisfies Rule,
);

/**
 * A post as the board file holds it. Unknown keys are kept (`looseObject`) so that a file
 * written by a newer minor version, or edited by hand, loses nothing when postboard rewrites it.
 */
export const StoredPost = v.looseObject(
  {
    id: postNumber,
    title: v.pipe(text, v.minLength(1, 'empty' satisfies Rule)),
    author: v.pipe(text, v.minLength(1, 'empty' satisfies Rule)),
    department: v.optional(text, ''),
    date: calendarDate,
    views: v.pipe(
      v.number('type' satisfies Rule),
      v.integer('integer' satisfies Rule),
      v.minValue(0, 'not-negative' satisfies Rule),
    ),
    status: v.picklist(STATUSES, 'status' satisfies Rule),
    body: v.optional(text, ''),
    source: v.optional(StoredSource),
    createdAt: v.optional(timestamp),
    updatedAt: v.optional(timestamp),
  },
  'type' satisfies Rule,
);

export type Post = v.InferOutput<typeof StoredPost>;
export type Source = NonNullable<Post['source']>;

/** The fields of a post in the order the board file, JSON output and CSV columns use. */
export const POST_KEYS = [
  'id',
  'title',
  'author',
  'department',
  'date',
  'views',
  'status',
  'body',
  'source',
  'createdAt',
  'updatedAt',
] as const;
export type PostKey = (typeof POST_KEYS)[number];

export interface FieldIssue {
  /** Dotted path inside the post, e.g. `date` or `source.url`. */
  field: string;
  rule: Rule;
  value: unknown;
}

/** Checks one raw post; returns the post (defaults filled in) or every field that is wrong. */
export function checkStoredPost(raw: unknown): { post: Post } | { issues: FieldIssue[] } {
  const result = v.safeParse(StoredPost, raw);
  if (result.success) return { post: result.output };
  return { issues: result.issues.map(toFieldIssue) };
}

function toFieldIssue(issue: v.BaseIssue<unknown>): FieldIssue {
  const field = v.getDotPath(issue) ?? '';
  const rule = (issue.input === undefined ? 'required' : issue.message) as Rule;
  return { field, rule, value: issue.input };
}
