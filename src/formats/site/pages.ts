import { domainToUnicode } from 'node:url';
import type { Post } from '../../board/post.js';
import { grouped } from '../../i18n/shared.js';
import { html, httpUrl, joinHtml, shownText, sitePath, type Html, type SiteUrl } from './html.js';
import { page, upFrom, type SiteFrame } from './layout.js';

/** The words of a post's fields, as the catalogue has them (번호, 제목, …). */
export type FieldWords = Record<'id' | 'title' | 'author' | 'department' | 'date' | 'views', string>;

export interface BoardFrame extends SiteFrame {
  fields: FieldWords;
  perPage: number;
}

/** Where a list page is: the first is the site's own index.html, the others page/N/. */
export const listPagePath = (number: number): string => (number === 1 ? 'index.html' : `page/${number}/index.html`);
/** Where a post's page is. */
export const postPath = (id: number): string => `posts/${id}/index.html`;

/** How deep a list page is below the site's root. */
const listDepth = (number: number): number => (number === 1 ? 0 : 2);

/**
 * Page links as the board has them: first, previous, the numbers of the block of ten the page is
 * in, next, last. The page itself is a number, not a link; a step that leads nowhere is shown, greyed, not linked.
 */
function pageLinks(frame: BoardFrame, number: number, pages: number): Html {
  if (pages <= 1) return html``;
  const words = frame.words;
  const up = upFrom(listDepth(number));
  const to = (target: number): SiteUrl => sitePath(`${up}${listPagePath(target)}`);
  const step = (target: number, label: string, rel?: string): Html =>
    target === number || target < 1 || target > pages
      ? html`<li><span class="off">${label}</span></li>`
      : html`<li><a href="${to(target)}"${rel ? html` rel="${rel}"` : ''}>${label}</a></li>`;
  const start = Math.floor((number - 1) / 10) * 10 + 1;
  const numbers: Html[] = [];
  for (let target = start; target <= Math.min(pages, start + 9); target++) {
    const label = html`<span class="vh">${frame.words.pageNumber(target)}</span><span aria-hidden="true">${target}</span>`;
    numbers.push(target === number ? html`<li><span aria-current="page">${label}</span></li>` : html`<li><a href="${to(target)}">${label}</a></li>`);
  }
  return html`<nav class="pages" aria-label="${words.pagesLabel}"><ol>
${step(1, words.first)}${step(number - 1, words.previous, 'prev')}${numbers}${step(number + 1, words.next, 'next')}${step(pages, words.last)}
</ol></nav>`;
}

/** One list page: the posts as the board's table (번호 · 제목 · 글쓴이 · 날짜 · 조회수), then the page links. */
export function listPage(frame: BoardFrame, posts: readonly Post[], number: number, pages: number, total: number): Html {
  const words = frame.words;
  const fields = frame.fields;
  const up = upFrom(listDepth(number));
  const rows = posts.map(
    (post) => html`<tr><td class="num id">${post.id}</td><td class="title"><a href="${sitePath(`${up}${postPath(post.id)}`)}">${post.title}</a></td><td class="author">${post.author}</td><td class="when"><time datetime="${post.date}">${post.date}</time></td><td class="num views" data-label="${fields.views}">${grouped(post.views)}</td></tr>
`,
  );
  const table =
    posts.length === 0
      ? html`<p class="empty">${words.empty}</p>`
      : html`<table class="board">
<caption class="vh">${words.listCaption(number, pages)}</caption>
<thead><tr><th scope="col" class="num id">${fields.id}</th><th scope="col" class="title">${fields.title}</th><th scope="col" class="author">${fields.author}</th><th scope="col" class="when">${fields.date}</th><th scope="col" class="num views">${fields.views}</th></tr></thead>
<tbody>
${rows}</tbody>
</table>`;
  return page(frame, {
    depth: listDepth(number),
    title: number === 1 ? frame.title : `${frame.title} ${words.pageTitle(number, pages)}`,
    main: html`<h1>${frame.title}</h1>
<p class="count">${words.total(grouped(total), total)} · ${words.pageOf(number, pages)}</p>
${table}
${pageLinks(frame, number, pages)}`,
  });
}

// An http(s) address in running text, up to a space, a quote or bracket, or Hangul (Korean text
// often runs on after an address with no space: https://www.korea.kr에서).
const ADDRESS = /https?:\/\/[^\s<>"'`\u3000-\u303f\u3130-\u318f\uac00-\ud7a3\uff00-\uffef]+/gi;

/** A line of text, its http(s) addresses as links (without the full stop or bracket after one). */
function linkedLine(line: string): Html {
  const parts: Html[] = [];
  let at = 0;
  for (const match of line.matchAll(ADDRESS)) {
    const address = match[0].replace(/[.,;:!?)\]}]+$/, '');
    const url = httpUrl(address);
    if (!url) continue;
    const start = match.index ?? 0;
    parts.push(html`${line.slice(at, start)}<a href="${url}">${address}</a>`);
    at = start + address.length;
  }
  parts.push(html`${line.slice(at)}`);
  return joinHtml(parts);
}

/** A body as paragraphs (a blank line between them), its single line breaks kept. */
export function bodyParagraphs(body: string): Html[] {
  return shownText(body)
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => html`<p>${joinHtml(paragraph.split('\n').map(linkedLine), html`<br>\n`)}</p>`);
}

/** A URL's host in its own letters: an internationalised name decoded from punycode, the port kept. */
const hostShown = (url: URL): string => `${domainToUnicode(url.hostname) || url.hostname}${url.port ? `:${url.port}` : ''}`;

/** The source line, in the way KOGL (공공누리) asks a source to be named: who, when, and where the original is. */
function sourceLine(frame: BoardFrame, post: Post): Html {
  const source = post.source;
  if (!source) return html``;
  const url = typeof source.url === 'string' ? httpUrl(source.url) : undefined;
  const parts: Html[] = [];
  if (source.agency) parts.push(html`${source.agency}`);
  if (source.date) parts.push(html`<time datetime="${source.date}">${source.date}</time>`);
  // The host as people write it (한국.kr, not its punycode xn--3e0b707e.kr).
  if (url) parts.push(html`<a href="${url}">${frame.words.original(hostShown(new URL(url.href)))}</a>`);
  else if (typeof source.url === 'string' && source.url) parts.push(html`${source.url}`);
  if (parts.length === 0) return html``;
  return html`<p class="source"><strong>${frame.words.source}:</strong> ${joinHtml(parts, ', ')}</p>`;
}

/** A post's page: title and subtitle, the meta line, the body, the source, the posts before and after it, the way back to its list page. */
export function postPage(frame: BoardFrame, post: Post, neighbours: { previous?: Post; next?: Post }, listNumber: number): Html {
  const words = frame.words;
  const fields = frame.fields;
  const up = upFrom(2);
  const meta = (label: string, value: Html | string | number) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
  const neighbour = (label: string, other: Post | undefined) =>
    html`<li><span class="label">${label}</span> ${other ? html`<a href="${sitePath(`${up}${postPath(other.id)}`)}">${other.title}</a>` : words.noPost}</li>`;
  return page(frame, {
    depth: 2,
    title: `${post.title} - ${frame.title}`,
    main: html`<article>
<h1>${post.title}</h1>
${post.subtitle ? html`<p class="subtitle">${post.subtitle}</p>\n` : ''}<dl class="meta">${meta(fields.id, post.id)}${meta(fields.author, post.author)}${post.department ? meta(fields.department, post.department) : ''}${meta(fields.date, html`<time datetime="${post.date}">${post.date}</time>`)}${meta(fields.views, grouped(post.views))}</dl>
<div class="body">
${joinHtml(bodyParagraphs(post.body), '\n')}
</div>
${sourceLine(frame, post)}
</article>
<nav class="posts" aria-label="${words.otherPosts}"><ul>
${neighbour(words.previousPost, neighbours.previous)}
${neighbour(words.nextPost, neighbours.next)}
</ul></nav>
<p class="back"><a href="${sitePath(`${up}${listPagePath(listNumber)}`)}">${words.backToList}</a></p>`,
  });
}

/** The sizes the search page's script reads the index by. */
export interface SearchLayout {
  shards: number;
  metaSize: number;
}

/** The search page: results are the script's; without JavaScript it says so, and every other page still reads. */
export function searchPage(frame: BoardFrame, layout: SearchLayout): Html {
  const words = frame.words;
  const found = (posts: number) => words.found('{query}', '{count}', posts);
  return page(frame, {
    depth: 1,
    title: `${words.searchHeading} - ${frame.title}`,
    main: html`<h1>${words.searchHeading}</h1>
<div id="search-words" hidden data-title="${words.searchTitle('{query}', frame.title)}" data-searching="${words.searching}" data-empty="${words.searchEmpty}" data-none="${words.none('{query}')}" data-found-one="${found(1)}" data-found-many="${found(2)}" data-failed="${words.searchFailed}" data-prev="${words.previous}" data-next="${words.next}" data-page="${words.resultsPage('{page}', '{pages}')}"></div>
<noscript><p>${words.searchNeedsScript}</p></noscript>
<p id="search-status" role="status" aria-live="polite"></p>
<ol id="search-results" class="results"></ol>
<nav id="search-pages" class="pages" aria-label="${words.pagesLabel}" hidden></nav>`,
    script: html`<script src="${sitePath('search.js')}" data-shards="${layout.shards}" data-meta-size="${layout.metaSize}" data-per-page="${frame.perPage}"></script>
`,
  });
}
