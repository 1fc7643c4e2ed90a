/**
 * The values some options take, named once: the commands check their options against them, and
 * the catalogues name them in the help.
 */
export const ADD_FORMATS = ['text', 'json'] as const;
export const CHECK_FORMATS = ['text', 'json'] as const;
export const SHOW_FORMATS = ['text', 'json'] as const;
export const LIST_FORMATS = ['table', 'json', 'jsonl'] as const;
export const EXPORT_FORMATS = ['csv', 'tsv', 'json', 'jsonl', 'md', 'rss', 'site'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const ENCODINGS = ['utf8', 'cp949'] as const;
export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;
export const GROUPINGS = ['department', 'month', 'author'] as const;
/** Posts on a page of `list`. */
export const PAGE_SIZE = 20;
/** Posts in a feed, unless --limit says otherwise. */
export const FEED_SIZE = 20;
/** Rows of each `stats` table. */
export const TOP = 10;
