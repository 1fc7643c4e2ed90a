import type { Post } from '../../board/post.js';
import type { Lang } from '../../i18n/index.js';
import { FEED_SIZE } from '../../cmdutil/choices.js';
import { postDate, rssChunks } from '../rss.js';
import { xmlEscaped } from './html.js';
import { listPage, listPagePath, postPage, postPath, searchPage, type BoardFrame, type FieldWords } from './pages.js';
import { searchScript } from './search-client.js';
import { searchIndex } from './search-index.js';
import type { SiteText } from './words.js';

/** The file in every folder postboard wrote a site to: how the next export knows it may replace the folder. */
export const SITE_MARKER = '.postboard-site';

export interface SiteOptions {
  title: string;
  lang: Lang;
  perPage: number;
  /** The site's address, ending in `/` (--base-url): absolute links in the feed, and a sitemap. */
  baseUrl: string | undefined;
  words: SiteText;
  fields: FieldWords;
}

/** A file of the site: its path inside the site's folder (`/`-separated) and its text (UTF-8). */
export interface SiteFile {
  path: string;
  text: string;
}

/**
 * The web board of `posts` (published posts, in the order the site lists them), file by file:
 * the list pages, a page per post, the search page and its index, feed.xml, sitemap.xml (with a
 * base URL) and the marker. Nothing in it depends on when or where it is made, so the same posts
 * give the same bytes.
 */
export async function* siteFiles(posts: readonly Post[], options: SiteOptions): AsyncGenerator<SiteFile> {
  const frame: BoardFrame = { title: options.title, lang: options.lang, words: options.words, fields: options.fields, perPage: options.perPage, sitemap: options.baseUrl !== undefined };
  yield { path: SITE_MARKER, text: `${options.words.marker}\n` };

  const pages = Math.max(1, Math.ceil(posts.length / options.perPage));
  for (let number = 1; number <= pages; number++) {
    const start = (number - 1) * options.perPage;
    yield { path: listPagePath(number), text: listPage(frame, posts.slice(start, start + options.perPage), number, pages, posts.length).markup };
  }
  for (let place = 0; place < posts.length; place++) {
    const post = posts[place] as Post;
    yield { path: postPath(post.id), text: postPage(frame, post, { previous: posts[place - 1], next: posts[place + 1] }, Math.floor(place / options.perPage) + 1).markup };
  }

  const index = searchIndex(posts);
  yield { path: 'search/index.html', text: searchPage(frame, index.layout).markup };
  yield { path: 'search/search.js', text: searchScript() };
  for (const file of index.files) yield { path: `search/${file.path}`, text: file.text };

  yield { path: 'feed.xml', text: await feed(posts, options) };
  if (options.baseUrl !== undefined) yield { path: 'sitemap.xml', text: sitemap(posts, pages, options.baseUrl) };
}

/**
 * The RSS export of the newest posts (by date, as `export --format rss` picks them), each linking
 * to its page on the site: by its full address with --base-url, else relative to the feed's own.
 */
async function feed(posts: readonly Post[], options: SiteOptions): Promise<string> {
  const newest = [...posts].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id)).slice(0, FEED_SIZE);
  const base = options.baseUrl ?? '';
  let text = '';
  for await (const chunk of rssChunks(newest, {
    title: options.title,
    link: options.baseUrl ?? 'index.html',
    language: options.lang,
    updated: newest[0] ? postDate(newest[0].date) : new Date(0),
    postLink: (post) => `${base}${postPath(post.id)}`,
  })) {
    text += chunk;
  }
  return text;
}

/** Every page of the site, for search engines: the list pages, then the posts, with the day each was last changed. */
function sitemap(posts: readonly Post[], pages: number, baseUrl: string): string {
  const entry = (path: string, modified?: string) => `  <url><loc>${xmlEscaped(`${baseUrl}${path}`)}</loc>${modified ? `<lastmod>${modified}</lastmod>` : ''}</url>\n`;
  let text = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n';
  for (let number = 1; number <= pages; number++) text += entry(listPagePath(number));
  for (const post of posts) text += entry(postPath(post.id), post.updatedAt ?? post.date);
  return `${text}</urlset>\n`;
}
