import * as v from 'valibot';
import { isCalendarDate } from './dates.js';
import { releaseAddress } from './source-url.js';
import { FIELDS, INPUT_FIELDS, POST_KEYS, setValueAt, SOURCE_KEYS, storedText, TEXT_FIELDS, valueAt, type FieldSpec, type InputField, type Post, type PostContent } from './fields.js';

export { POST_KEYS } from './fields.js';

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
 * The valibot schema of a post as the board file holds it, built from the field registry (see
 * fields.ts). Unknown keys are kept (`looseObject`) so that a file written by a newer minor
 * version, or edited by hand, loses nothing when postboard rewrites it. Built on first use: most
 * reads never need it (see `checkStoredPost`).
 */
function buildStoredPost() {
  const text = v.string('type' satisfies Rule);
  const wholeNumber = (min: 0 | 1) =>
    v.pipe(v.number('type' satisfies Rule), v.integer('integer' satisfies Rule), v.minValue(min, (min === 1 ? 'positive' : 'not-negative') satisfies Rule), v.maxValue(Number.MAX_SAFE_INTEGER, 'too-big' satisfies Rule));
  const schemaOf = (field: FieldSpec): v.GenericSchema => {
    switch (field.kind) {
      case 'number':
        return wholeNumber(1);
      case 'count':
        return wholeNumber(0);
      case 'date':
        return v.pipe(text, v.check(isCalendarDate, 'date' satisfies Rule));
      case 'status':
        return v.picklist(STATUSES, 'status' satisfies Rule);
      case 'url':
        return v.pipe(text, v.check(isHttpUrl, 'url' satisfies Rule));
      case 'timestamp':
        return v.pipe(text, v.isoTimestamp('timestamp' satisfies Rule));
      case 'line':
      case 'body':
        return field.required ? v.pipe(text, v.minLength(1, 'empty' satisfies Rule)) : text;
    }
  };
  const entries: Record<string, v.GenericSchema> = {};
  const source: Record<string, v.GenericSchema> = {};
  for (const field of FIELDS as readonly FieldSpec[]) {
    const schema = schemaOf(field);
    const kept = field.required ? schema : field.empty === 'blank' ? v.optional(schema, '') : v.optional(schema);
    if (field.path.startsWith('source.')) source[field.path.slice('source.'.length)] = kept;
    else entries[field.path] = kept;
  }
  entries.source = v.optional(v.looseObject(source, 'type' satisfies Rule));
  return v.looseObject(entries, 'type' satisfies Rule);
}

let storedPost: ReturnType<typeof buildStoredPost> | undefined;
export const storedPostSchema = () => (storedPost ??= buildStoredPost());

export type { Post, PostContent, Source } from './fields.js';

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
  // A field kept as empty text when missing (an older board's department) is empty text.
  for (const field of BLANK_FIELDS) if (post[field] === undefined) (post as Record<string, unknown>)[field] = '';
  return { post };
}

/** A strict subset of valibot's isoTimestamp: `2024-09-02T09:00:00.000Z` or with an offset. */
export const PLAIN_TIMESTAMP = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** A JSON object (not an array, not null). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The top-level fields kept as empty text when a post has none. */
const BLANK_FIELDS: readonly string[] = (FIELDS as readonly FieldSpec[]).filter((field) => field.empty === 'blank').map((field) => field.path);

/** A test that is certainly passed only by a value the schema accepts for a field (the schema has the last word on anything else). */
type PlainTest = (value: unknown) => boolean;

/** The test for present values of a field of this kind. */
function plainTest(field: FieldSpec): PlainTest {
  switch (field.kind) {
    case 'number':
      return (value) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
    case 'count':
      return (value) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
    case 'line':
    case 'body':
      return field.required ? (value) => typeof value === 'string' && value !== '' : (value) => typeof value === 'string';
    case 'date':
      return (value) => typeof value === 'string' && isCalendarDate(value);
    case 'status':
      return (value) => value === 'published' || value === 'hidden';
    case 'url':
      return (value) => typeof value === 'string' && isHttpUrl(value);
    case 'timestamp':
      return (value) => typeof value === 'string' && PLAIN_TIMESTAMP.test(value);
  }
}

/**
 * Each field's test, made once from the registry: a read runs them over every post of the
 * board, so the loop touches only these (one shape each), never the registry's entries.
 */
function plainTests(fields: readonly FieldSpec[], key: (field: FieldSpec) => string): readonly (readonly [string, PlainTest])[] {
  return fields.map((field) => {
    const test = plainTest(field);
    const mayLack = !field.required || field.empty === 'blank';
    return [key(field), mayLack ? (value: unknown) => value === undefined || test(value) : test] as const;
  });
}

const TOP_TESTS = plainTests((FIELDS as readonly FieldSpec[]).filter((field) => !field.path.startsWith('source.')), (field) => field.path);
const SOURCE_TESTS = plainTests((FIELDS as readonly FieldSpec[]).filter((field) => field.path.startsWith('source.')), (field) => field.path.slice('source.'.length));

/** True only for a post the schema certainly accepts. */
export function plainlyValid(raw: unknown): boolean {
  if (!isRecord(raw)) return false;
  for (const [key, test] of TOP_TESTS) if (!test(raw[key])) return false;
  const source = raw.source;
  if (source === undefined) return true;
  if (!isRecord(source)) return false;
  for (const [key, test] of SOURCE_TESTS) if (!test(source[key])) return false;
  return true;
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

/** The most characters (code points) each text field takes, by its path. */
export const LIMITS: Readonly<Record<string, number>> = Object.fromEntries((FIELDS as readonly FieldSpec[]).flatMap((field) => (field.limit === undefined ? [] : [[field.path, field.limit]])));

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
  return TEXT_FIELDS.find((path) => {
    const text = valueAt(post, path);
    return typeof text === 'string' && broken(text);
  });
}

const characters = (text: string): number => {
  let count = 0;
  for (const _ of text) count++;
  return count;
};

/** Each field of a post as a person types it, with its rule, from its kind. Empty optional text means none. */
function buildInputFields(): Record<InputField, v.GenericSchema<string, string>> {
  const within = (limit: number) => v.check((text: string) => text.length <= limit || characters(text) <= limit, 'too-long' satisfies Rule);
  const clean = (controls: RegExp) => [v.check((text: string) => !controls.test(text), 'control' satisfies Rule), v.check((text: string) => !broken(text), 'broken' satisfies Rule)] as const;
  const text = v.string('type' satisfies Rule);
  const trimmed = v.transform((value: string) => value.trim());
  const ruleOf = (field: FieldSpec): v.GenericSchema<string, string> => {
    const required = Boolean(field.required) && !field.input?.optional;
    switch (field.kind) {
      case 'line':
        return v.pipe(
          text,
          v.transform((value) => value.normalize('NFC').trim()),
          // A title of a zero-width space or a Hangul filler only looks empty, so it is.
          v.check((value) => !required || VISIBLE.test(value), 'empty' satisfies Rule),
          within(field.limit ?? Infinity),
          ...clean(LINE_CONTROLS),
        );
      case 'body':
        return v.pipe(
          text,
          // Korean typed on some systems arrives decomposed; Windows text ends lines in CRLF.
          v.transform((value) => value.normalize('NFC').replace(/\r\n?/g, '\n').trim()),
          within(field.limit ?? Infinity),
          ...clean(BODY_CONTROLS),
        );
      case 'date':
        return v.pipe(text, trimmed, v.check((value) => (!required && value === '') || isCalendarDate(value), 'date' satisfies Rule));
      case 'url':
        return v.pipe(text, trimmed, v.check((value) => value === '' || isHttpUrl(value), 'url' satisfies Rule), ...clean(LINE_CONTROLS));
      case 'status':
        return v.pipe(
          text,
          v.transform((value) => statusNamed(value) ?? value.trim()),
          v.picklist(STATUSES, 'status' satisfies Rule),
        );
      default:
        return text;
    }
  };
  return Object.fromEntries(INPUT_FIELDS.map((field) => [field.path, ruleOf(field)])) as Record<InputField, v.GenericSchema<string, string>>;
}

let inputFields: ReturnType<typeof buildInputFields> | undefined;

export type { InputField } from './fields.js';
export { INPUT_FIELD_NAMES } from './fields.js';

/** The text fields of a post as given, before they are checked. */
export type PostDraft = Partial<Record<InputField, string>>;

/** Checks one field as typed: the normalized value, or what is wrong with it. */
export function checkField(field: InputField, value: string): { value: string } | { issue: FieldIssue } {
  const result = v.safeParse((inputFields ??= buildInputFields())[field], value);
  if (result.success) return { value: result.output };
  const [first] = result.issues;
  return { issue: { field, rule: first.message as Rule, value } };
}

/** The fields a new post must have, with what they are when not given (none: they must be given). */
export type RequiredDraft = Required<Pick<PostDraft, 'title' | 'author' | 'date' | 'status'>> & PostDraft;

/** Checks a whole draft at once: the post's content, or every field that is wrong. */
export function checkDraft(draft: RequiredDraft): { content: PostContent } | { issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const content: Record<string, unknown> = {};
  for (const field of INPUT_FIELDS) {
    const given = draft[field.path];
    if (given === undefined) {
      if (field.empty === 'blank') setValueAt(content, field.path, '');
      continue;
    }
    const checked = checkField(field.path, given);
    if ('issue' in checked) issues.push(checked.issue);
    else setValueAt(content, field.path, storedText(field.path, checked.value));
  }
  if (issues.length > 0) return { issues };
  return { content: content as PostContent };
}

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

/** A URL as the address it names (host case, a default port and the like made one), as a link is written. */
export function addressOf(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

/**
 * A URL as the page it names, for comparing (the duplicate rule, `pull`'s "each release once"):
 * its address, or for a korea.kr release, the release's number (every korea.kr form of one
 * release is one key: see source-url.ts).
 */
export const urlKey = (url: string): string => releaseAddress(url) ?? addressOf(url);

/** Two URLs name the same page when they parse to the same address (host case, default port). */
export const sameUrl = (a: string, b: string): boolean => a === b || urlKey(a) === urlKey(b);
