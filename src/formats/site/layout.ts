import type { Lang } from '../../i18n/index.js';
import { html, sitePath, type Html } from './html.js';
import { STYLE, STYLE_HASH } from './style.js';
import type { SiteText } from './words.js';

/** What every page of a site shares. */
export interface SiteFrame {
  title: string;
  lang: Lang;
  words: SiteText;
  /** A sitemap.xml is written (--base-url). */
  sitemap: boolean;
}

/** One page: where it is (folders below the site's root), its title and its content. */
export interface PageParts {
  depth: number;
  title: string;
  main: Html;
  /** The search page's script, the only one on the site. */
  script?: Html;
}

/** `../` once for each folder a page is below the site's root: every link is relative, so the site works from file:// and under any path. */
export const upFrom = (depth: number): string => '../'.repeat(depth);

/**
 * The policy every page carries: nothing loads but the one inline style sheet (by its hash) and,
 * on the search page, the site's own scripts. Were board text ever to become markup, it still
 * could not run.
 */
const policy = (script: boolean): string =>
  `default-src 'none'; style-src '${STYLE_HASH}'; img-src 'self'; ${script ? "script-src 'self'; " : ''}base-uri 'none'; form-action 'self'`;

/** A whole page: head (with the feed), the site's name and search box, the content, the footer. */
export function page(frame: SiteFrame, parts: PageParts): Html {
  const up = upFrom(parts.depth);
  const words = frame.words;
  return html`<!DOCTYPE html>
<html lang="${frame.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy(parts.script !== undefined)}">
<meta name="generator" content="postboard">
<title>${parts.title}</title>
<link rel="alternate" type="application/rss+xml" title="${frame.title}" href="${sitePath(`${up}feed.xml`)}">
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">${words.skip}</a>
<header class="site"><div class="wrap">
<p class="site-name"><a href="${sitePath(`${up}index.html`)}">${frame.title}</a></p>
<form class="search" role="search" action="${sitePath(`${up}search/index.html`)}" method="get"><label class="vh" for="q">${words.searchLabel}</label><input id="q" name="q" type="search" autocomplete="off" placeholder="${words.searchLabel}"><button type="submit">${words.searchButton}</button></form>
</div></header>
<main id="main" class="wrap">
${parts.main}
</main>
<footer class="site"><div class="wrap">
<p><a href="${sitePath(`${up}feed.xml`)}">${words.feed}</a>${frame.sitemap ? html` · <a href="${sitePath(`${up}sitemap.xml`)}">${words.sitemap}</a>` : ''}</p>
<p>${words.madeWith}</p>
</div></footer>
${parts.script ?? ''}</body>
</html>
`;
}
