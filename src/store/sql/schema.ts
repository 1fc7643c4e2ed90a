import { FIELDS, type FieldSpec } from '../../board/fields.js';

/**
 * The posts table of both databases, derived from the field registry (board/fields.ts): one
 * column per field, of the database's own type, with the rules `add` enforces as the database's
 * own constraints — a hand edit that breaks one is refused by the database itself. The keys the
 * queries use (title_key, …) are postboard's: a row written by another program without them is
 * given them the next time postboard opens the board (see UNKEYED).
 *
 * Schema 4 on both databases (SQLite had 1, 2 and 3, PostgreSQL 1 and 3): see docs/databases.md.
 * Schema 4 has the tables of schema 3; what changed is the source key (korea.kr's forms of one
 * release are one key, see board/source-url.ts), made again by postboard on the first open.
 */

export type Dialect = 'sqlite' | 'postgres';

/** The schema version of a database board this postboard makes and reads. */
export const DATABASE_SCHEMA = 4;

/**
 * From schema 3 to 4: the source keys of korea.kr addresses taken away, so that postboard makes
 * them again (see UNKEYED) in the new form; `t` qualifies a table name.
 */
export const rekeySourcesSql = (t: (name: string) => string): string => `UPDATE ${t('posts')} SET source_key = NULL WHERE source_url LIKE '%korea.kr%';`;

/** A field's column name. */
export const columnOf = (field: FieldSpec): string => field.column ?? field.key;

/** The columns of a post's fields, in the registry's order. */
export const FIELD_COLUMNS: readonly string[] = (FIELDS as readonly FieldSpec[]).map(columnOf);

/** The keys postboard computes (in JavaScript: NFC, folding, the 가나다 key, a hash). */
export const KEY_COLUMNS = ['title_key', 'source_key', 'content_key', 'author_key', 'department_key'] as const;

/**
 * Rows whose keys are missing: inserted or changed by another program. The same words make the
 * partial index that finds them at once, so a board without any costs nothing to ask.
 */
export const UNKEYED = 'title_key IS NULL OR content_key IS NULL OR author_key IS NULL OR department_key IS NULL OR (source_key IS NULL AND source_url IS NOT NULL)';

/** A field's column definition in a dialect: its type, default and rules. */
function columnSql(field: FieldSpec, dialect: Dialect): string {
  const c = columnOf(field);
  const pg = dialect === 'postgres';
  const notNull = field.required || field.empty === 'blank' ? ' NOT NULL' : '';
  switch (field.kind) {
    // Whole numbers JavaScript holds exactly (up to 2^53 − 1), as every postboard reads them.
    case 'number':
      return pg ? `${c} bigint PRIMARY KEY CHECK (${c} BETWEEN 1 AND ${Number.MAX_SAFE_INTEGER})` : `${c} INTEGER PRIMARY KEY CHECK (${c} BETWEEN 1 AND ${Number.MAX_SAFE_INTEGER})`;
    case 'count':
      return pg
        ? `${c} bigint NOT NULL DEFAULT 0 CHECK (${c} BETWEEN 0 AND ${Number.MAX_SAFE_INTEGER})`
        : `${c} INTEGER NOT NULL DEFAULT 0 CHECK (typeof(${c}) = 'integer' AND ${c} BETWEEN 0 AND ${Number.MAX_SAFE_INTEGER})`;
    case 'line':
    case 'body': {
      const type = pg ? 'text' : 'TEXT';
      const typed = pg ? '' : ` CHECK (${c} IS NULL OR typeof(${c}) = 'text')`;
      if (field.required) return `${c} ${type} NOT NULL CHECK (${c} <> '')${typed}`;
      return `${c} ${type}${notNull}${field.empty === 'blank' ? " DEFAULT ''" : ''}${typed}`;
    }
    case 'date':
      // A real calendar date: SQLite's date() of its day number gives it back as written.
      // PostgreSQL's date also holds BC dates, years past 9999 and infinity, none of them YYYY-MM-DD.
      return pg ? `${c} date${notNull} CHECK (${c} BETWEEN '0001-01-01' AND '9999-12-31')` : `${c} TEXT${notNull} CHECK (date(julianday(${c})) IS ${c})`;
    case 'status':
      return `${c} ${pg ? 'text' : 'TEXT'} NOT NULL DEFAULT 'published' CHECK (${c} IN ('published', 'hidden'))`;
    case 'url':
      return pg
        ? `${c} text CHECK (${c} ~* '^https?://')`
        : `${c} TEXT CHECK (${c} IS NULL OR (typeof(${c}) = 'text' AND (lower(substr(${c}, 1, 7)) = 'http://' OR lower(substr(${c}, 1, 8)) = 'https://')))`;
    case 'timestamp':
      return pg
        ? `${c} timestamptz DEFAULT now()`
        : `${c} TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) CHECK (${c} IS NULL OR (${c} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]*' AND julianday(${c}) IS NOT NULL))`;
  }
}

/** The posts table, named `table`, in a dialect. */
export function postsTableSql(table: string, dialect: Dialect): string {
  const text = dialect === 'postgres' ? 'text' : 'TEXT';
  const keyed = dialect === 'postgres' ? `${text} COLLATE "C"` : text;
  const columns = [
    ...(FIELDS as readonly FieldSpec[]).map((field) => columnSql(field, dialect)),
    `source_rest ${text}`,
    `extra ${text}`,
    `title_key ${keyed}`,
    `source_key ${text}`,
    `content_key ${text}`,
    `author_key ${text}`,
    `department_key ${text}`,
    ...(dialect === 'postgres' ? [`search ${text}`] : []),
  ];
  return `CREATE TABLE ${table} (\n  ${columns.join(',\n  ')}\n)`;
}

/** The indexes of the posts table (`t` qualifies a table name). */
export function postsIndexesSql(t: (name: string) => string): string {
  return `
CREATE INDEX posts_status ON ${t('posts')} (status, id);
CREATE INDEX posts_date ON ${t('posts')} (date, id);
CREATE INDEX posts_date_newest ON ${t('posts')} (date, id DESC);
CREATE INDEX posts_views ON ${t('posts')} (views, id);
CREATE INDEX posts_views_most ON ${t('posts')} (views, id DESC);
CREATE INDEX posts_title ON ${t('posts')} (title_key, id);
CREATE INDEX posts_title_first ON ${t('posts')} (title_key, id DESC);
CREATE INDEX posts_source ON ${t('posts')} (source_key) WHERE source_key IS NOT NULL;
CREATE INDEX posts_content ON ${t('posts')} (content_key);
CREATE INDEX posts_department_key ON ${t('posts')} (department_key, id);
CREATE INDEX posts_author_key ON ${t('posts')} (author_key, id);
CREATE INDEX posts_unkeyed ON ${t('posts')} (id) WHERE ${UNKEYED};
`;
}

/** The highest number ever given, as the board table keeps it: a whole number, as text. */
export const LAST_ID_RULE = {
  sqlite: "CHECK (key <> 'last_id' OR (typeof(value) = 'text' AND length(value) BETWEEN 1 AND 16 AND value NOT GLOB '*[^0-9]*'))",
  postgres: "CHECK (key <> 'last_id' OR value ~ '^[0-9]{1,16}$')",
} as const;
