import type { Post } from './post.js';

/**
 * The columns a post can be shown or exported as. `source` is one object in the board file and
 * three flat columns everywhere else; `--fields source` means all three.
 */
export const FIELD_KEYS = [
  'id',
  'title',
  'author',
  'department',
  'date',
  'views',
  'status',
  'body',
  'source_agency',
  'source_date',
  'source_url',
  'createdAt',
  'updatedAt',
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

/**
 * Every name a column or a `--fields` entry may have, in one fixed table: the field keys, the
 * English and Korean headers every version of `export --header` wrote, and the names people
 * give such columns in their own spreadsheets. Matched without case, spaces, `_`, `.` or `-`,
 * so `Source URL`, `source_url` and `출처URL` are one column. Translating the interface never
 * changes this table, so an old export always imports.
 */
const COLUMN_NAMES: Record<FieldKey, readonly string[]> = {
  id: ['id', 'no', 'no.', 'number', 'post', '번호', '글번호', '게시물번호'],
  title: ['title', 'subject', 'headline', '제목'],
  author: ['author', 'writer', 'by', '글쓴이', '작성자', '등록자', '글쓴 이'],
  department: ['department', 'dept', 'division', '담당부서', '부서', '담당 부서', '소관부서'],
  date: ['date', 'posted', 'published', '날짜', '등록일', '게시일', '작성일', '일자'],
  views: ['views', 'hits', 'count', '조회수', '조회', '조회 수'],
  status: ['status', 'visibility', 'state', '상태', '노출여부', '노출 여부', '공개여부'],
  body: ['body', 'content', 'text', '내용', '본문'],
  source_agency: ['source_agency', 'source.agency', 'source', 'agency', 'source agency', '출처', '출처 기관', '출처기관', '기관'],
  source_date: ['source_date', 'source.date', 'source date', '출처 날짜', '출처날짜', '출처일', '원문 날짜'],
  source_url: ['source_url', 'source.url', 'source url', 'url', 'link', '출처 url', '출처url', '원문', '원문 url', '링크', '주소'],
  createdAt: ['createdAt', 'created', 'created at', '작성 시각', '작성시각', '등록 시각', '작성일시', '등록일시'],
  updatedAt: ['updatedAt', 'updated', 'updated at', '수정 시각', '수정시각', '수정일시', '변경일시'],
};

const nameKey = (name: string): string => name.normalize('NFC').toLowerCase().replace(/[\s_.\-]+/g, '');

const COLUMNS: ReadonlyMap<string, FieldKey> = new Map(
  (Object.entries(COLUMN_NAMES) as [FieldKey, readonly string[]][]).flatMap(([key, names]) => names.map((name) => [nameKey(name), key] as const)),
);

/** The field a column header (or a `--fields` entry) names, whatever language or form it is in. */
export const columnField = (name: string): FieldKey | undefined => COLUMNS.get(nameKey(name));

/** `--fields source` means the three source columns. */
const GROUPS: Record<string, readonly FieldKey[]> = {
  source: ['source_agency', 'source_date', 'source_url'],
  출처전체: ['source_agency', 'source_date', 'source_url'],
};

/** Every name `--fields` shows in its help: the keys (the table above takes the other names too). */
export const FIELD_NAMES: readonly string[] = [...FIELD_KEYS, 'source'];

/** The value of one column of a post: numbers stay numbers, a missing value is empty text. */
export function fieldValue(post: Post, key: FieldKey): string | number {
  switch (key) {
    case 'source_agency':
      return post.source?.agency ?? '';
    case 'source_date':
      return post.source?.date ?? '';
    case 'source_url':
      return post.source?.url ?? '';
    default:
      return post[key] ?? '';
  }
}

/**
 * Parses `--fields id,title,...` (or `번호,제목`) into column keys, in the order given, without
 * repeats. Returns the first unknown name instead when there is one.
 */
export function parseFieldList(text: string): { fields: FieldKey[] } | { unknown: string } {
  const fields: FieldKey[] = [];
  for (const name of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    // `source` alone is the group; as a column header it is the agency (earlier exports wrote it so).
    const keys = GROUPS[nameKey(name)] ?? (columnField(name) ? [columnField(name) as FieldKey] : undefined);
    if (!keys) return { unknown: name };
    for (const key of keys) if (!fields.includes(key)) fields.push(key);
  }
  return fields.length > 0 ? { fields } : { unknown: text };
}

/**
 * A post with only the chosen columns, shaped as stored (`source_*` go back under `source`),
 * for JSON output with `--fields`.
 */
export function pickFields(post: Post, fields: readonly FieldKey[]): Partial<Post> {
  const picked: Record<string, unknown> = {};
  for (const key of fields) {
    if (key.startsWith('source_')) {
      const part = key.slice('source_'.length) as 'agency' | 'date' | 'url';
      const value = post.source?.[part];
      if (value !== undefined) picked.source = { ...(picked.source as object), [part]: value };
    } else if (post[key as keyof Post] !== undefined) {
      picked[key] = post[key as keyof Post];
    }
  }
  return picked as Partial<Post>;
}
