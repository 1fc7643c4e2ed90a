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
  | 'too-big'
  | 'too-deep'
  | 'positive'
  | 'not-negative'
  | 'date'
  | 'status'
  | 'url'
  | 'timestamp'
  | 'empty'
  | 'too-long'
  | 'control'
  | 'broken';

export const STATUSES = ['published', 'hidden'] as const;
export type Status = (typeof STATUSES)[number];

/** How a status may be written: the stored word or the board's own (노출/비노출), in any case. */
const STATUS_NAMES: Record<string, Status> = { published: 'published', 노출: 'published', hidden: 'hidden', 비노출: 'hidden' };

/** The status a word names (`Hidden`, `비노출`, ` published `), or undefined. */
export function statusNamed(text: string): Status | undefined {
  return STATUS_NAMES[text.normalize('NFC').trim().toLowerCase()];
}

const isHttpUrl = (text: string): boolean => /^https?:\/\//i.test(text) && URL.canParse(text);

/**
 * The valibot schema of a post as the board file holds it. Unknown keys are kept (`looseObject`)
 * so that a file written by a newer minor version, or edited by hand, loses nothing when
 * postboard rewrites it. Built on first use: most reads never need it (see `checkStoredPost`).
 */
function buildStoredPost() {
  const text = v.string('type' satisfies Rule);
  const calendarDate = v.pipe(text, v.check(isCalendarDate, 'date' satisfies Rule));
  const timestamp = v.pipe(text, v.isoTimestamp('timestamp' satisfies Rule));
  const source = v.looseObject(
    {
      agency: v.optional(text),
      date: v.optional(calendarDate),
      url: v.optional(v.pipe(text, v.check(isHttpUrl, 'url' satisfies Rule))),
    },
    'type' satisfies Rule,
  );
  return v.looseObject(
    {
      id: v.pipe(v.number('type' satisfies Rule), v.integer('integer' satisfies Rule), v.minValue(1, 'positive' satisfies Rule), v.maxValue(Number.MAX_SAFE_INTEGER, 'too-big' satisfies Rule)),
      title: v.pipe(text, v.minLength(1, 'empty' satisfies Rule)),
      author: v.pipe(text, v.minLength(1, 'empty' satisfies Rule)),
      department: v.optional(text, ''),
      date: calendarDate,
      views: v.pipe(v.number('type' satisfies Rule), v.integer('integer' satisfies Rule), v.minValue(0, 'not-negative' satisfies Rule), v.maxValue(Number.MAX_SAFE_INTEGER, 'too-big' satisfies Rule)),
      status: v.picklist(STATUSES, 'status' satisfies Rule),
      body: v.optional(text, ''),
      source: v.optional(source),
      createdAt: v.optional(timestamp),
      updatedAt: v.optional(timestamp),
    },
    'type' satisfies Rule,
  );
}

let storedPost: ReturnType<typeof buildStoredPost> | undefined;
export const storedPostSchema = () => (storedPost ??= buildStoredPost());

export type Post = v.InferOutput<ReturnType<typeof buildStoredPost>>;
export type Source = NonNullable<Post['source']>;

export interface FieldIssue {
  /** Dotted path inside the post, e.g. `date` or `source.url`. */
  field: string;
  rule: Rule;
  value: unknown;
}

/**
 * Checks one raw post; returns the post or every field that is wrong.
 *
 * The valibot schema is the rule; `plainlyValid` is a hand-written shortcut for the common case,
 * because every read checks every post (valibot alone is ~60 ms of a 10,000-post `list`). It
 * only ever says yes to posts the schema accepts (a property test holds it to that); anything
 * else goes to valibot, whose verdict and issues stand.
 *
 * The post returned is the parsed object itself, defaults filled in: no copy of the board, and
 * its keys stay in the order the file has them.
 */
export function checkStoredPost(raw: unknown): { post: Post } | { issues: FieldIssue[] } {
  if (!plainlyValid(raw)) {
    const result = v.safeParse(storedPostSchema(), raw);
    if (!result.success) return { issues: result.issues.map(toFieldIssue) };
  }
  const post = raw as Post;
  post.department ??= '';
  post.body ??= '';
  return { post };
}

/** A strict subset of valibot's isoTimestamp: `2024-09-02T09:00:00.000Z` or with an offset. */
export const PLAIN_TIMESTAMP = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** A JSON object (not an array, not null). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalText = (value: unknown) => value === undefined || typeof value === 'string';

/** True only for a post the schema certainly accepts. */
export function plainlyValid(raw: unknown): boolean {
  if (!isRecord(raw)) return false;
  const { id, title, author, date, views, status, source, createdAt, updatedAt } = raw;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) return false;
  if (typeof title !== 'string' || title === '' || typeof author !== 'string' || author === '') return false;
  if (!optionalText(raw.department) || !optionalText(raw.body)) return false;
  if (typeof date !== 'string' || !isCalendarDate(date)) return false;
  if (typeof views !== 'number' || !Number.isSafeInteger(views) || views < 0) return false;
  if (status !== 'published' && status !== 'hidden') return false;
  if (createdAt !== undefined && (typeof createdAt !== 'string' || !PLAIN_TIMESTAMP.test(createdAt))) return false;
  if (updatedAt !== undefined && (typeof updatedAt !== 'string' || !PLAIN_TIMESTAMP.test(updatedAt))) return false;
  if (source === undefined) return true;
  if (!isRecord(source) || !optionalText(source.agency)) return false;
  if (source.date !== undefined && (typeof source.date !== 'string' || !isCalendarDate(source.date))) return false;
  return source.url === undefined || (typeof source.url === 'string' && isHttpUrl(source.url));
}

function toFieldIssue(issue: v.BaseIssue<unknown>): FieldIssue {
  const field = v.getDotPath(issue) ?? '';
  const rule = (issue.input === undefined ? 'required' : issue.message) as Rule;
  return { field, rule, value: issue.input };
}

/* ------------------------------------------------------------------------------------------ *
 * New text from a person or a file (add, edit, import) meets stricter rules than a stored post.
 * A stored post is read whatever its text holds (display makes hostile text harmless); what
 * postboard itself writes is trimmed, NFC, within its length, and free of control characters.
 * ------------------------------------------------------------------------------------------ */

/** The most characters (code points) each text field takes. */
export const LIMITS = {
  title: 200,
  author: 100,
  department: 100,
  body: 100_000,
  'source.agency': 100,
} as const;

/** C0 and C1 controls (so every escape sequence), DEL, and line or paragraph separators. */
const LINE_CONTROLS = /[\p{Cc}\u2028\u2029]/u;
/** A character that shows: not a space, not a control, format character or Hangul filler. */
const VISIBLE = /[^\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0]/u;

/** The same, except the line breaks and tabs a body is made of. */
const BODY_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/u;

/**
 * Half of a UTF-16 pair on its own: no character at all, and not storable as UTF-8 (a SQLite or
 * PostgreSQL board would keep U+FFFD instead), so text that has one is refused as it comes in.
 */
const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /\p{Cs}/u;
/** (A quick scan for any surrogate first: Korean text has none, and the Unicode-aware scan costs more.) */
const broken = (text: string): boolean => SURROGATE.test(text) && LONE_SURROGATE.test(text);

/** The first text field of a stored post holding half a surrogate pair (a board edited by hand), if any. */
export function brokenField(post: Post): string | undefined {
  const fields: [string, string | undefined][] = [
    ['title', post.title],
    ['author', post.author],
    ['department', post.department],
    ['body', post.body],
    ['source.agency', post.source?.agency],
    ['source.url', post.source?.url],
  ];
  return fields.find(([, text]) => text !== undefined && broken(text))?.[0];
}

const characters = (text: string): number => {
  let count = 0;
  for (const _ of text) count++;
  return count;
};

/** Each field of a post as a person types it, with its rule. Empty optional text means none. */
function buildInputFields() {
  function lineText(limit: number, required: boolean) {
    return v.pipe(
      v.string('type' satisfies Rule),
      v.transform((text) => text.normalize('NFC').trim()),
      // A title of a zero-width space or a Hangul filler only looks empty, so it is.
      v.check((text) => !required || VISIBLE.test(text), 'empty' satisfies Rule),
      v.check((text) => text.length <= limit || characters(text) <= limit, 'too-long' satisfies Rule),
      v.check((text) => !LINE_CONTROLS.test(text), 'control' satisfies Rule),
      v.check((text) => !broken(text), 'broken' satisfies Rule),
    );
  }

  const bodyText = v.pipe(
    v.string('type' satisfies Rule),
    // Korean typed on some systems arrives decomposed; Windows text ends lines in CRLF.
    v.transform((text) => text.normalize('NFC').replace(/\r\n?/g, '\n').trim()),
    v.check((text) => text.length <= LIMITS.body || characters(text) <= LIMITS.body, 'too-long' satisfies Rule),
    v.check((text) => !BODY_CONTROLS.test(text), 'control' satisfies Rule),
    v.check((text) => !broken(text), 'broken' satisfies Rule),
  );

  const optionalDate = v.pipe(
    v.string('type' satisfies Rule),
    v.transform((text) => text.trim()),
    v.check((text) => text === '' || isCalendarDate(text), 'date' satisfies Rule),
  );

  const optionalUrl = v.pipe(
    v.string('type' satisfies Rule),
    v.transform((text) => text.trim()),
    v.check((text) => text === '' || isHttpUrl(text), 'url' satisfies Rule),
    v.check((text) => !LINE_CONTROLS.test(text), 'control' satisfies Rule),
    v.check((text) => !broken(text), 'broken' satisfies Rule),
  );

  return {
    title: lineText(LIMITS.title, true),
    author: lineText(LIMITS.author, true),
    department: lineText(LIMITS.department, false),
    date: v.pipe(v.string('type' satisfies Rule), v.transform((text) => text.trim()), v.check(isCalendarDate, 'date' satisfies Rule)),
    status: v.pipe(
      v.string('type' satisfies Rule),
      v.transform((text) => statusNamed(text) ?? text.trim()),
      v.picklist(STATUSES, 'status' satisfies Rule),
    ),
    body: bodyText,
    'source.agency': lineText(LIMITS['source.agency'], false),
    'source.date': optionalDate,
    'source.url': optionalUrl,
  } as const;
}

let inputFields: ReturnType<typeof buildInputFields> | undefined;

export type InputField = keyof ReturnType<typeof buildInputFields>;
export const INPUT_FIELD_NAMES: readonly InputField[] = ['title', 'author', 'department', 'date', 'status', 'body', 'source.agency', 'source.date', 'source.url'];

/** The text fields of a post as given, before they are checked. */
export type PostDraft = Partial<Record<InputField, string>>;

/** The content of a post (everything but its number and timestamps), checked and normalized. */
export interface PostContent {
  title: string;
  author: string;
  department: string;
  date: string;
  status: Status;
  body: string;
  source?: Source;
}

/** Checks one field as typed: the normalized value, or what is wrong with it. */
export function checkField(field: InputField, value: string): { value: string } | { issue: FieldIssue } {
  const result = v.safeParse((inputFields ??= buildInputFields())[field], value);
  if (result.success) return { value: result.output };
  const [first] = result.issues;
  return { issue: { field, rule: first.message as Rule, value } };
}

/** Checks a whole draft at once: the post's content, or every field that is wrong. */
export function checkDraft(draft: Required<Pick<PostDraft, 'title' | 'author' | 'date' | 'status'>> & PostDraft): { content: PostContent } | { issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const value: Partial<Record<InputField, string>> = {};
  for (const field of INPUT_FIELD_NAMES) {
    const given = draft[field];
    if (given === undefined) continue;
    const checked = checkField(field, given);
    if ('issue' in checked) issues.push(checked.issue);
    else value[field] = checked.value;
  }
  if (issues.length > 0) return { issues };
  const source: Source = {};
  if (value['source.agency']) source.agency = value['source.agency'];
  if (value['source.date']) source.date = value['source.date'];
  if (value['source.url']) source.url = value['source.url'];
  return {
    content: {
      title: value.title ?? '',
      author: value.author ?? '',
      department: value.department ?? '',
      date: value.date ?? '',
      status: (value.status ?? 'published') as Status,
      body: value.body ?? '',
      ...(Object.keys(source).length > 0 ? { source } : {}),
    },
  };
}

/** A URL as the address it names (host case, a default port and the like made one), for comparing. */
/** The keys of a post in the board file's order. */
export const POST_KEYS = ['id', 'title', 'author', 'department', 'date', 'views', 'status', 'body', 'source', 'createdAt', 'updatedAt'] as const;
const SOURCE_KEYS = ['agency', 'date', 'url'] as const;

/**
 * A post with its keys in the board file's order (`source` too), keys postboard does not know
 * after them in their own order: every board gives a post out the same way, whatever order it
 * was stored in, so an export is the same bytes from any board.
 */
export function postInOrder(post: Post): Post {
  const stored = post as unknown as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of POST_KEYS) {
    const value = stored[key];
    if (value === undefined) continue;
    if (key === 'source' && isRecord(value)) {
      const source: Record<string, unknown> = {};
      for (const part of SOURCE_KEYS) if (value[part] !== undefined) source[part] = value[part];
      for (const part of Object.keys(value)) if (!(part in source)) source[part] = value[part];
      ordered.source = source;
    } else {
      ordered[key] = value;
    }
  }
  for (const key of Object.keys(stored)) if (!(key in ordered) && stored[key] !== undefined) ordered[key] = stored[key];
  return ordered as unknown as Post;
}

/** What makes two posts the same post (imported twice): title, author, date and body. */
export const contentKey = (post: { title: string; author: string; date: string; body: string }): string => `${post.title}\u0000${post.author}\u0000${post.date}\u0000${post.body}`;

export function urlKey(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

/** Two URLs name the same page when they parse to the same address (host case, default port). */
export const sameUrl = (a: string, b: string): boolean => a === b || urlKey(a) === urlKey(b);
