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

const ALIASES: Record<string, readonly FieldKey[]> = {
  source: ['source_agency', 'source_date', 'source_url'],
};

/** Every name `--fields` accepts. */
export const FIELD_NAMES: readonly string[] = [...FIELD_KEYS, ...Object.keys(ALIASES)];

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
 * Parses `--fields id,title,...` into column keys, in the order given, without repeats.
 * Returns the first unknown name instead when there is one.
 */
export function parseFieldList(text: string): { fields: FieldKey[] } | { unknown: string } {
  const fields: FieldKey[] = [];
  for (const name of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const keys = ALIASES[name] ?? ((FIELD_KEYS as readonly string[]).includes(name) ? [name as FieldKey] : undefined);
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
