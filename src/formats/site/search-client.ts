/// <reference lib="dom" />
import { searchTerms } from '../../board/query.js';
import { decodeNumbers, decodePosts, decodeStarts, gramShard, intersectPosts, postsHolding, searchPosts, termGrams } from './search-core.js';

/**
 * The functions the search page's script shares with postboard itself: the same source text, so
 * the browser splits a search into terms as `list --search` does, and reads the index as it was
 * written. Those of search-core.ts call each other by name: every one of them is here.
 */
const SHARED = { searchTerms, gramShard, termGrams, decodeNumbers, decodePosts, decodeStarts, postsHolding, intersectPosts, searchPosts };
type Shared = typeof SHARED;

/**
 * The search page's program, run in the browser (its source is written into search/search.js).
 * It reads the query from the address (`?q=…&page=…`), loads the index files that hold the
 * query's units and pairs, and lists the posts holding every term, as many at a time as the
 * board's pages hold, with the titles and dates of just those. Board text reaches the
 * page only as textContent, never as markup. Everything it needs comes from its own element's
 * data attributes (sizes, and the words, in the site's language).
 */
function searchClient(shared: Shared): void {
  const script = document.currentScript as HTMLScriptElement;
  const config = script.dataset;
  const shards = Number(config.shards);
  const metaSize = Number(config.metaSize);
  const perPage = Number(config.perPage);
  const words = (document.getElementById('search-words') as HTMLElement).dataset;
  const status = document.getElementById('search-status') as HTMLElement;
  const list = document.getElementById('search-results') as HTMLOListElement;
  const pages = document.getElementById('search-pages') as HTMLElement;
  const params = new URLSearchParams(location.search);
  const query = params.get('q') ?? '';
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  const input = document.getElementById('q') as HTMLInputElement | null;
  if (input) input.value = query;
  const say = (text: string | undefined) => {
    status.textContent = text ?? '';
  };
  const fill = (text: string | undefined, values: Record<string, string | number>) =>
    (text ?? '').replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));

  const terms = shared.searchTerms(query);
  if (terms.length === 0) return say(words.empty);
  document.title = fill(words.title, { query });
  say(words.searching);

  // Each index file is a script that hands its part to this function: scripts load from file://
  // too, where a browser refuses to fetch.
  const loaded: Record<string, Record<number, unknown>> = { g: {}, p: {} };
  (window as unknown as { postboardSearch: unknown }).postboardSearch = (kind: string, part: number, data: unknown) => {
    const parts = loaded[kind];
    if (parts) parts[part] = data;
  };
  const loading: Record<string, Promise<unknown>> = {};
  const load = (kind: string, part: number): Promise<unknown> => {
    const key = `${kind}/${part}`;
    loading[key] ??= new Promise((resolve, reject) => {
      const element = document.createElement('script');
      element.src = `${key}.js`;
      element.onload = () => resolve(loaded[kind]?.[part]);
      element.onerror = () => reject(new Error(key));
      document.head.appendChild(element);
    });
    return loading[key] as Promise<unknown>;
  };

  const run = async () => {
    const grams: string[] = [];
    for (const term of terms) for (const gram of shared.termGrams(term)) if (!grams.includes(gram)) grams.push(gram);
    const files = await Promise.all(grams.map((gram) => load('g', shared.gramShard(gram, shards))));
    const codes = new Map<string, string>();
    grams.forEach((gram, i) => {
      const flat = files[i] as string[];
      for (let k = 0; k < flat.length; k += 2) if (flat[k] === gram) codes.set(gram, flat[k + 1] as string);
    });
    const found = shared.searchPosts(terms, (gram) => codes.get(gram));
    const total = found.length;
    const lastPage = Math.max(1, Math.ceil(total / perPage));
    // A page past the last (an old link, a typed number) shows the last.
    const at = Math.min(page, lastPage);
    const shown = found.slice((at - 1) * perPage, at * perPage);
    // Numbered on from the pages before it (11., 12., … on page 2).
    list.start = (at - 1) * perPage + 1;
    const metaParts = [...new Set(shown.map((post) => Math.floor(post / metaSize)))];
    const metas = await Promise.all(metaParts.map((part) => load('p', part)));
    const metaOf = new Map<number, unknown>(metaParts.map((part, i) => [part, metas[i]]));
    say(total === 0 ? fill(words.none, { query }) : fill(total === 1 ? words.foundOne : words.foundMany, { query, count: total.toLocaleString('en-US'), page: at, pages: lastPage }));
    for (const post of shown) {
      const [id, title, date] = (metaOf.get(Math.floor(post / metaSize)) as unknown[][])[post % metaSize] as [number, string, string];
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `../posts/${Number(id)}/index.html`;
      link.textContent = title;
      const when = document.createElement('time');
      when.dateTime = date;
      when.textContent = date;
      item.append(link, ' ', when);
      list.appendChild(item);
    }
    if (lastPage > 1) {
      const to = (target: number, text: string | undefined, rel: string) => {
        const link = document.createElement('a');
        const next = new URLSearchParams({ q: query, page: String(target) });
        link.href = `?${next.toString()}`;
        link.rel = rel;
        link.textContent = text ?? '';
        return link;
      };
      if (at > 1) pages.append(to(at - 1, words.prev, 'prev'), ' ');
      const where = document.createElement('span');
      where.textContent = fill(words.page, { page: at, pages: lastPage });
      pages.append(where);
      if (at < lastPage) pages.append(' ', to(at + 1, words.next, 'next'));
      pages.hidden = false;
    }
  };
  run().catch(() => say(words.failed));
}

/** The search page's script: the shared functions, then the program given them. */
export function searchScript(): string {
  const names = Object.entries(SHARED).map(([key, fn]) => `${key}: ${fn.name}`);
  return [
    '/* postboard: the search of this web board, loaded only on its search page. */',
    '(function () {',
    "'use strict';",
    ...Object.values(SHARED).map(String),
    `(${String(searchClient)})({ ${names.join(', ')} });`,
    '})();',
    '',
  ].join('\n');
}
