import type { Post, Status } from './post.js';
import { titleKey } from './title-key.js';

/** Which posts a command looks at: the filters `list`, `export` and `stats` share. */
export interface PostFilter {
  status: Status | 'all';
  /** Case-insensitive part of the author's name. */
  author?: string;
  /** Case-insensitive part of the department's name. */
  department?: string;
  /** Every term must appear in the title or the body (case-insensitive, Hangul in NFC). */
  search?: readonly string[];
  /** Inclusive `YYYY-MM-DD` bounds on the post date. */
  since?: string;
  until?: string;
}

export const SORT_KEYS = ['id', 'date', 'views', 'title'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface PostOrder {
  sort: SortKey;
  ascending: boolean;
}

/** The order a sort key means when neither `--asc` nor `--desc` is given. */
export const naturallyAscending = (sort: SortKey): boolean => sort === 'title';

/**
 * Splits `--search` text into terms: words separated by spaces, or "a quoted phrase".
 * Terms are NFC and lower case, ready to compare.
 */
export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.normalize('NFC').matchAll(/"([^"]*)"|(\S+)/g)) {
    const term = (match[1] ?? match[2] ?? '').trim().toLowerCase();
    if (term) terms.push(term);
  }
  return terms;
}

/** Characters that show nothing (zero-width, bidi, other format and control characters). */
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0]/gu;

/** Text without the characters that show nothing: what a person sees, and so types. */
export const withoutInvisible = (text: string): string => text.replace(INVISIBLE, '');

/** Text as search compares it: NFC (decomposed Hangul composed), lower case. */
export const foldedText = (text: string): string => text.normalize('NFC').toLowerCase();
const folded = foldedText;

/**
 * A name (author, department) as the filters compare it: also without invisible characters, so
 * that a department pasted with a zero-width space is found by what it looks like.
 */
export const foldedName = (text: string): string => withoutInvisible(folded(text));

/** A predicate for the filter, with the per-post work cut to what the filter needs. */
export function postMatcher(filter: PostFilter): (post: Post) => boolean {
  const author = filter.author ? foldedName(filter.author) : undefined;
  const department = filter.department ? foldedName(filter.department) : undefined;
  const terms = filter.search ?? [];
  const { status, since, until } = filter;
  return (post) => {
    if (status !== 'all' && post.status !== status) return false;
    if (since !== undefined && post.date < since) return false;
    if (until !== undefined && post.date > until) return false;
    if (author !== undefined && !foldedName(post.author).includes(author)) return false;
    if (department !== undefined && !foldedName(post.department).includes(department)) return false;
    if (terms.length > 0) {
      const title = folded(post.title);
      const body = folded(post.body);
      return terms.every((term) => title.includes(term) || body.includes(term));
    }
    return true;
  };
}

/**
 * Compares posts in the requested order; ties go to the higher number, so paging is stable.
 * Titles compare by their 가나다 key (see title-key.ts), the one every board sorts by.
 */
export function postComparator(order: PostOrder): (a: Post, b: Post) => number {
  const direction = order.ascending ? 1 : -1;
  const byId = (a: Post, b: Post) => b.id - a.id;
  switch (order.sort) {
    case 'id':
      return (a, b) => direction * (a.id - b.id);
    case 'views':
      return (a, b) => direction * (a.views - b.views) || byId(a, b);
    case 'date':
      return (a, b) => direction * (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || byId(a, b);
    case 'title': {
      const keys = new Map<Post, string>();
      const key = (post: Post) => {
        let found = keys.get(post);
        if (found === undefined) keys.set(post, (found = titleKey(post.title)));
        return found;
      };
      return (a, b) => {
        const [x, y] = [key(a), key(b)];
        return direction * (x < y ? -1 : x > y ? 1 : 0) || byId(a, b);
      };
    }
  }
}

export interface Page<T> {
  items: T[];
  /** 1-based page number, as asked for (may be past the last page). */
  page: number;
  pages: number;
  total: number;
}

/** The posts matching `filter`, in `order`, all of them. */
export function selectPosts(posts: readonly Post[], filter: PostFilter, order: PostOrder): Post[] {
  const matching = posts.filter(postMatcher(filter));
  return matching.sort(postComparator(order));
}

/** The departments on the board, the most used first. */
export function departmentsByUse(posts: readonly Post[]): string[] {
  const counts = new Map<string, number>();
  for (const post of posts) if (post.department) counts.set(post.department, (counts.get(post.department) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (titleKey(a[0]) < titleKey(b[0]) ? -1 : 1)).map(([name]) => name);
}

/** One page of `items`; `limit` undefined means everything on one page. */
export function paginate<T>(items: readonly T[], page: number, limit: number | undefined): Page<T> {
  const total = items.length;
  if (limit === undefined) return { items: [...items], page: 1, pages: 1, total };
  const pages = Math.max(1, Math.ceil(total / limit));
  const start = (page - 1) * limit;
  return { items: items.slice(start, start + limit), page, pages, total };
}
