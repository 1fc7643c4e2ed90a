import type { Status } from './post.js';

/**
 * The one description of a post's fields, as gh's `IssueFields` is of an issue's: what each field
 * is, how it is kept, checked, asked, named in a file's header, shown in a change and stored in a
 * database. Validation (post.ts), import (import.ts), the form and the flags (prompts/,
 * cmdutil/post-fields.ts), the change diff (render/changes.ts), `--fields`, the exports' columns,
 * repair and the SQL schema (store/sql/) are all derived from this list; the words for each field
 * are in the i18n catalogues under the same keys (`fields`, `form`, `flags`).
 *
 * A new field is one entry here, its words in each catalogue, and a migration for the databases.
 */

/**
 * How a field's value is kept and checked.
 * - `number`: a post's number, a whole number of 1 or more;
 * - `count`: a whole number of 0 or more (views);
 * - `line`: one line of text, trimmed and NFC when it comes in;
 * - `body`: text with line breaks (LF), NFC;
 * - `date`: a calendar date, `YYYY-MM-DD`;
 * - `status`: published (노출) or hidden (비노출);
 * - `url`: an http or https address;
 * - `timestamp`: an ISO 8601 moment, set by postboard.
 */
export type FieldKind = 'number' | 'count' | 'line' | 'body' | 'date' | 'status' | 'url' | 'timestamp';

/** How the form asks for a field (prompts/post-form.ts). */
export type FormControl = 'line' | 'department' | 'date' | 'status' | 'body' | 'url';

export interface FieldSpec {
  /** The field's key: `--fields`, export headers, the catalogues, a database's column name (as `column` says). */
  readonly key: string;
  /** Where a stored post keeps it: `title`, or `source.agency` inside `source`. */
  readonly path: string;
  readonly kind: FieldKind;
  /** New text's longest, in characters. */
  readonly limit?: number;
  /** A post must have it (a new post gets one from the form, the flags, or a default). */
  readonly required?: boolean;
  /**
   * Without a value: kept as empty text (`blank`, department and body as every board has them) or
   * left out of the post (`absent`, a subtitle or a source nobody gave).
   */
  readonly empty?: 'blank' | 'absent';
  /** What a new post gets when none is given: today's date, or published. */
  readonly fallback?: 'today' | 'published';
  /** A person gives it: as this flag (and short flag), and the form asks for it with this control. */
  readonly input?: { readonly flag: string; readonly short?: string; readonly control: FormControl; readonly optional?: boolean; readonly value?: 'name' };
  /**
   * Every name an import file's column may have for it: the key, the English and Korean headers
   * every version of `export --header` wrote, and what people call such columns in their own
   * spreadsheets. A fixed list: translating the interface never breaks the import of an old export.
   */
  readonly aliases: readonly string[];
  /** Its column in a database table (default: the key). */
  readonly column?: string;
  /**
   * In a table too wide for the terminal, free text gives up width in this order (1 first);
   * fields without a rank keep theirs (numbers, dates, statuses).
   */
  readonly shrink?: number;
}

/** The fields, in the order a post's keys are kept, shown and exported. */
export const FIELDS = [
  { key: 'id', path: 'id', kind: 'number', required: true, aliases: ['id', 'no', 'no.', 'number', 'post', '번호', '글번호', '게시물번호'] },
  {
    key: 'title',
    path: 'title',
    kind: 'line',
    limit: 200,
    required: true,
    input: { flag: '--title', short: '-t', control: 'line' },
    shrink: 1,
    aliases: ['title', 'subject', 'headline', '제목'],
  },
  {
    key: 'subtitle',
    path: 'subtitle',
    kind: 'line',
    limit: 300,
    empty: 'absent',
    input: { flag: '--subtitle', control: 'line', optional: true },
    shrink: 0,
    aliases: ['subtitle', 'sub title', 'subheading', 'sub heading', 'deck', 'subtitle1', '부제', '부제목', '소제목'],
  },
  {
    key: 'author',
    path: 'author',
    kind: 'line',
    limit: 100,
    required: true,
    input: { flag: '--author', short: '-a', control: 'line', value: 'name' },
    shrink: 6,
    aliases: ['author', 'writer', 'by', '글쓴이', '작성자', '등록자', '글쓴 이'],
  },
  {
    key: 'department',
    path: 'department',
    kind: 'line',
    limit: 100,
    empty: 'blank',
    input: { flag: '--department', short: '-d', control: 'department', optional: true, value: 'name' },
    shrink: 4,
    aliases: ['department', 'dept', 'division', '담당부서', '부서', '담당 부서', '소관부서'],
  },
  {
    key: 'date',
    path: 'date',
    kind: 'date',
    required: true,
    fallback: 'today',
    input: { flag: '--date', control: 'date' },
    aliases: ['date', 'posted', 'published', '날짜', '등록일', '게시일', '작성일', '일자'],
  },
  { key: 'views', path: 'views', kind: 'count', required: true, aliases: ['views', 'hits', 'count', '조회수', '조회', '조회 수'] },
  {
    key: 'status',
    path: 'status',
    kind: 'status',
    required: true,
    fallback: 'published',
    input: { flag: '--status', control: 'status' },
    aliases: ['status', 'visibility', 'state', '상태', '노출여부', '노출 여부', '공개여부'],
  },
  {
    key: 'body',
    path: 'body',
    kind: 'body',
    limit: 100_000,
    empty: 'blank',
    input: { flag: '--body', short: '-b', control: 'body', optional: true },
    shrink: 2,
    aliases: ['body', 'content', 'text', '내용', '본문'],
  },
  {
    key: 'source_agency',
    path: 'source.agency',
    kind: 'line',
    limit: 100,
    empty: 'absent',
    input: { flag: '--source-agency', control: 'line', optional: true, value: 'name' },
    shrink: 5,
    aliases: ['source_agency', 'source.agency', 'source', 'agency', 'source agency', '출처', '출처 기관', '출처기관', '기관'],
  },
  {
    key: 'source_date',
    path: 'source.date',
    kind: 'date',
    empty: 'absent',
    input: { flag: '--source-date', control: 'date', optional: true },
    aliases: ['source_date', 'source.date', 'source date', '출처 날짜', '출처날짜', '출처일', '원문 날짜'],
  },
  {
    key: 'source_url',
    path: 'source.url',
    kind: 'url',
    empty: 'absent',
    input: { flag: '--source-url', control: 'url', optional: true },
    shrink: 3,
    aliases: ['source_url', 'source.url', 'source url', 'url', 'link', '출처 url', '출처url', '원문', '원문 url', '링크', '주소'],
  },
  { key: 'createdAt', path: 'createdAt', kind: 'timestamp', column: 'created_at', aliases: ['createdAt', 'created', 'created at', '작성 시각', '작성시각', '등록 시각', '작성일시', '등록일시'] },
  { key: 'updatedAt', path: 'updatedAt', kind: 'timestamp', column: 'updated_at', aliases: ['updatedAt', 'updated', 'updated at', '수정 시각', '수정시각', '수정일시', '변경일시'] },
] as const satisfies readonly FieldSpec[];

type Field = (typeof FIELDS)[number];
export type FieldKey = Field['key'];
export type FieldPath = Field['path'];
/** The fields a person gives (the form, the flags, an import's text columns), by their path. */
export type InputField = Extract<Field, { input: object }>['path'];

export const FIELD_KEYS: readonly FieldKey[] = FIELDS.map((field) => field.key);

/* The shape of a post, derived from the list: a field added there is in the type too. */
type ValueOf<F> = F extends { kind: 'number' | 'count' } ? number : F extends { kind: 'status' } ? Status : string;
/** Every post has it after reading: required, or kept as empty text. */
type Always<F> = F extends { required: true } ? true : F extends { empty: 'blank' } ? true : false;
type TopField = Exclude<Field, { path: `source.${string}` }>;
type SourceField = Extract<Field, { path: `source.${string}` }>;
type SourcePart<F> = F extends { path: `source.${infer Part}` } ? Part : never;

/** A post's source: the agency, its date and the address of the original. */
export type Source = { [F in SourceField as SourcePart<F>]?: ValueOf<F> } & { [key: string]: unknown };
type PostFields = { [F in TopField as Always<F> extends true ? F['path'] : never]: ValueOf<F> } & { [F in TopField as Always<F> extends true ? never : F['path']]?: ValueOf<F> } & {
  source?: Source;
};
/** A post as every board keeps it; keys postboard does not know ride along. */
export type Post = PostFields & { [key: string]: unknown };
/** The fields a person gives at the top level of a post (the rest are its source's). */
type InputTop = Extract<Exclude<Field, { path: `source.${string}` }>, { input: object }>['path'];
/** A post's content as a person gives it: everything but its number, views and timestamps. */
export type PostContent = Pick<PostFields, InputTop | 'source'>;

const BY_KEY: ReadonlyMap<string, FieldSpec> = new Map(FIELDS.map((field) => [field.key, field]));
const BY_PATH: ReadonlyMap<string, FieldSpec> = new Map(FIELDS.map((field) => [field.path, field]));
export const fieldSpec = (key: FieldKey): FieldSpec => BY_KEY.get(key) as FieldSpec;
export const fieldAt = (path: string): FieldSpec | undefined => BY_PATH.get(path);

/** The fields a person gives, in the order the form asks for them. */
export const INPUT_FIELDS: readonly (FieldSpec & { path: InputField; input: NonNullable<FieldSpec['input']> })[] = FIELDS.filter(
  (field): field is Extract<Field, { input: object }> => 'input' in field,
) as never;
export const INPUT_FIELD_NAMES: readonly InputField[] = INPUT_FIELDS.map((field) => field.path);

/** The keys of a stored post in the board file's order (`source` holds the `source.*` fields). */
export const POST_KEYS: readonly string[] = [...new Set(FIELDS.map((field) => field.path.split('.')[0] as string))];
/** The keys of a post's `source`, in order. */
export const SOURCE_KEYS: readonly string[] = FIELDS.filter((field) => field.path.startsWith('source.')).map((field) => field.path.slice('source.'.length));

/** The text fields a person writes (and a spreadsheet may rewrite): lines, bodies, addresses. */
export const TEXT_FIELDS: readonly InputField[] = INPUT_FIELDS.filter((field) => field.kind === 'line' || field.kind === 'body' || field.kind === 'url').map((field) => field.path);

/** A value at a path of a stored post (`source.url`), as stored. */
export function valueAt(post: Post | Record<string, unknown>, path: string): unknown {
  const dot = path.indexOf('.');
  const record = post as Record<string, unknown>;
  if (dot < 0) return record[path];
  const outer = record[path.slice(0, dot)];
  return typeof outer === 'object' && outer !== null ? (outer as Record<string, unknown>)[path.slice(dot + 1)] : undefined;
}

/**
 * Sets a value at a path of a post (a copy's: the post is changed in place); `undefined` takes the
 * field away, and an emptied `source` goes with its last part.
 */
export function setValueAt(post: Post | Record<string, unknown>, path: string, value: unknown): void {
  const record = post as Record<string, unknown>;
  const dot = path.indexOf('.');
  if (dot < 0) {
    if (value === undefined) delete record[path];
    else record[path] = value;
    return;
  }
  const outerKey = path.slice(0, dot);
  const inner = path.slice(dot + 1);
  const outer = typeof record[outerKey] === 'object' && record[outerKey] !== null ? { ...(record[outerKey] as Record<string, unknown>) } : {};
  if (value === undefined) delete outer[inner];
  else outer[inner] = value;
  if (Object.keys(outer).length > 0) record[outerKey] = outer;
  else delete record[outerKey];
}

/**
 * Input text as the post keeps it: a required or `blank` field as the text (empty included), an
 * `absent` field's empty text as nothing.
 */
export const storedText = (path: InputField, text: string): string | undefined => (text === '' && fieldAt(path)?.empty === 'absent' ? undefined : text);

const nameKey = (name: string): string => name.normalize('NFC').toLowerCase().replace(/[\s_.\-]+/g, '');

const COLUMNS: ReadonlyMap<string, FieldKey> = new Map(FIELDS.flatMap((field) => field.aliases.map((name) => [nameKey(name), field.key] as const)));

/** The field a column header (or a `--fields` entry) names, whatever language or form it is in. */
export const columnField = (name: string): FieldKey | undefined => COLUMNS.get(nameKey(name));

/** The fields holding whole numbers (the number, views): right-aligned, checked against the text for exactness. */
export const NUMBER_FIELDS: readonly FieldKey[] = FIELDS.filter((field) => field.kind === 'number' || field.kind === 'count').map((field) => field.key);

/** `--fields source` means the source's columns. */
const SOURCE_GROUP: readonly FieldKey[] = FIELDS.filter((field) => field.path.startsWith('source.')).map((field) => field.key);
const GROUPS: Record<string, readonly FieldKey[]> = { source: SOURCE_GROUP, 출처전체: SOURCE_GROUP };

/** Every name `--fields` shows in its help: the keys (the aliases are taken too). */
export const FIELD_NAMES: readonly string[] = [...FIELD_KEYS, 'source'];

/** The value of one column of a post: numbers stay numbers, a missing value is empty text. */
export function fieldValue(post: Post, key: FieldKey): string | number {
  const value = valueAt(post, fieldSpec(key).path);
  return typeof value === 'number' || typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

/**
 * Parses `--fields id,title,...` (or `번호,제목`) into column keys, in the order given, without
 * repeats. Returns the first unknown name instead when there is one.
 */
export function parseFieldList(text: string): { fields: FieldKey[] } | { unknown: string } {
  const fields: FieldKey[] = [];
  for (const name of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    // `source` alone is the group; as a column header it is the agency (earlier exports wrote it so).
    const column = columnField(name);
    const keys = GROUPS[nameKey(name)] ?? (column ? [column] : undefined);
    if (!keys) return { unknown: name };
    for (const key of keys) if (!fields.includes(key)) fields.push(key);
  }
  return fields.length > 0 ? { fields } : { unknown: text };
}

/** A post with only the chosen columns, shaped as stored (`source_*` under `source`), for JSON output with `--fields`. */
export function pickFields(post: Post, fields: readonly FieldKey[]): Partial<Post> {
  const picked: Record<string, unknown> = {};
  for (const key of fields) {
    const path = fieldSpec(key).path;
    const value = valueAt(post, path);
    if (value !== undefined) setValueAt(picked, path, value);
  }
  return picked as Partial<Post>;
}
