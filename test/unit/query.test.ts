import { describe, expect, it } from 'vitest';
import { paginate, postMatcher, searchTerms, selectPosts, type PostFilter } from '../../src/board/query.js';
import { makePost } from '../support/posts.js';

const posts = [
  makePost({ id: 1, title: 'Green Hydrogen 협력', author: '환경부 대변인', department: '환경부', date: '2024-09-01', views: 50 }),
  makePost({ id: 2, title: '청정수소 글로벌 협력', body: '무탄소에너지 확산', department: '산업통상자원부', date: '2024-09-06', views: 300 }),
  makePost({ id: 3, title: '재난 안전 연구', status: 'hidden', date: '2024-08-30', views: 120 }),
  makePost({ id: 4, title: '가나다 순 첫 글', date: '2024-09-06', views: 300 }),
];
const ids = (filter: Partial<PostFilter>) => posts.filter(postMatcher({ status: 'all', ...filter })).map((post) => post.id);

describe('filters', () => {
  it('status picks published or hidden posts; all is the default', () => {
    expect(ids({ status: 'hidden' })).toEqual([3]);
    expect(ids({ status: 'published' })).toEqual([1, 2, 4]);
    expect(ids({})).toEqual([1, 2, 3, 4]);
  });

  it('author and department match any part, in any case', () => {
    expect(ids({ author: '대변인' })).toEqual([1]);
    expect(ids({ department: '환경' })).toEqual([1]);
    expect(ids({ department: '자원부' })).toEqual([2]);
  });

  it('search needs every word, in the title or the body, in any case', () => {
    expect(ids({ search: searchTerms('협력') })).toEqual([1, 2]);
    expect(ids({ search: searchTerms('협력 무탄소') })).toEqual([2]);
    expect(ids({ search: searchTerms('HYDROGEN') })).toEqual([1]);
    expect(ids({ search: searchTerms('협력 없는말') })).toEqual([]);
  });

  it('a quoted phrase is one term', () => {
    expect(searchTerms('"청정수소 글로벌" 협력')).toEqual(['청정수소 글로벌', '협력']);
    expect(ids({ search: searchTerms('"글로벌 협력"') })).toEqual([2]);
    expect(ids({ search: searchTerms('"협력 글로벌"') })).toEqual([]);
  });

  it('decomposed Hangul (NFD) in a search finds composed text, and the other way round', () => {
    expect(ids({ search: searchTerms('청정수소'.normalize('NFD')) })).toEqual([2]);
    const decomposed = makePost({ id: 9, title: '청정수소'.normalize('NFD') });
    expect(postMatcher({ status: 'all', search: searchTerms('청정수소') })(decomposed)).toBe(true);
  });

  it('since and until are inclusive', () => {
    expect(ids({ since: '2024-09-01' })).toEqual([1, 2, 4]);
    expect(ids({ until: '2024-09-01' })).toEqual([1, 3]);
    expect(ids({ since: '2024-09-01', until: '2024-09-01' })).toEqual([1]);
  });
});

describe('order', () => {
  const order = (sort: 'id' | 'date' | 'views' | 'title', ascending: boolean) =>
    selectPosts(posts, { status: 'all' }, { sort, ascending }).map((post) => post.id);

  it('by number, highest first, or lowest with ascending', () => {
    expect(order('id', false)).toEqual([4, 3, 2, 1]);
    expect(order('id', true)).toEqual([1, 2, 3, 4]);
  });

  it('by date or views, ties broken by the higher number so pages are stable', () => {
    expect(order('date', false)).toEqual([4, 2, 1, 3]);
    expect(order('views', false)).toEqual([4, 2, 3, 1]);
    expect(order('date', true)).toEqual([3, 1, 4, 2]);
  });

  it('by title in Korean dictionary order: 가나다, then Latin letters in any case', () => {
    expect(order('title', true)).toEqual([4, 3, 2, 1]);
    const latin = [makePost({ id: 1, title: 'banana' }), makePost({ id: 2, title: 'Apple' }), makePost({ id: 3, title: 'cherry' })];
    expect(selectPosts(latin, { status: 'all' }, { sort: 'title', ascending: true }).map((post) => post.title)).toEqual(['Apple', 'banana', 'cherry']);
  });
});

describe('pages', () => {
  const items = Array.from({ length: 45 }, (_, i) => i);

  it('cuts a list into pages and counts them', () => {
    expect(paginate(items, 1, 20)).toMatchObject({ page: 1, pages: 3, total: 45, items: items.slice(0, 20) });
    expect(paginate(items, 3, 20).items).toEqual(items.slice(40));
  });

  it('a page past the end is empty, and says how many pages there are', () => {
    expect(paginate(items, 4, 20)).toMatchObject({ items: [], pages: 3 });
  });

  it('no limit is one page of everything; an empty list is one empty page', () => {
    expect(paginate(items, 1, undefined)).toMatchObject({ pages: 1, total: 45 });
    expect(paginate([], 1, 20)).toMatchObject({ pages: 1, total: 0, items: [] });
  });
});
