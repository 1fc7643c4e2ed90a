import { isBriefingRoot, readBriefing } from './briefing.js';
import { koreaDate } from './dates.js';
import { PullProblem, serverText } from './problem.js';
import type { ParsedFeed, Release } from './release.js';
import { authorName, cleanBody, cleanLine, htmlLine, htmlToText, lineOrNothing, looksLikeOffice, publisherOf, splitOfficePrefix } from './text.js';
import { httpUrl, linkUrl } from './urls.js';
import { attributeOf, childNamed, childrenNamed, kidsOf, markupOf, parseXml, rootOf, tagOf, textOf, type XmlNode } from './xml.js';

export type { FeedKind, ParsedFeed, Release } from './release.js';

/**
 * The releases in a feed's text (decoded already: see charset.ts decodeFeed). Three kinds are
 * told apart by their root element: RSS (`<rss>`, 0.9x and 2.0, and RSS 1.0's `<rdf:RDF>`),
 * Atom (`<feed>`), and the 정책브리핑 API's answer (`<response>`, or data.go.kr's
 * `<OpenAPI_ServiceResponse>` error, see briefing.ts).
 *
 * Throws PullProblem: `not-xml`, `doctype` (see xml.ts: refused before anything is parsed),
 * `malformed` (with the line the parser names), `not-a-feed` (another root: an HTML page, a
 * sitemap), `api` (the briefing API's error). A release that will not make a valid post (no
 * title, a title too long) is still given: the command refuses that item and keeps the others.
 */
export function parseFeed(xml: string, base?: string): ParsedFeed {
  const root = rootOf(parseXml(xml));
  const tag = root && tagOf(root);
  if (!root || !tag) throw new PullProblem({ kind: 'not-xml' });
  if (tag === 'rss' || tag === 'RDF') return readRss(root, base);
  if (tag === 'feed') return readAtom(root, base);
  if (isBriefingRoot(root)) return { kind: 'briefing', releases: readBriefing(root) };
  throw new PullProblem({ kind: 'not-a-feed', root: serverText(tag, 60) });
}

const text = (nodes: XmlNode[], name: string): string | undefined => textOf(childNamed(nodes, name));

/** Title, department and agency, as Korean feeds spread them (see release.ts). */
function titled(line: string, departments: (string | undefined)[], publisher: string | undefined): Pick<Release, 'title' | 'department' | 'agency'> {
  const { office, title } = splitOfficePrefix(line);
  const department = departments.find((name) => name !== undefined) ?? office;
  // The ministry a `[보건복지부]` prefix names is the release's agency (the feed's publisher is 정책브리핑's, say).
  const agency = office ?? publisher;
  return { title, ...(department ? { department } : {}), ...(agency ? { agency } : {}) };
}

/** The `<category>` values that name an office (most name a topic: 보도자료, 경제). */
const officeCategory = (categories: (string | undefined)[]): string | undefined =>
  categories.map((category) => lineOrNothing(category)).find((category) => category !== undefined && looksLikeOffice(category));

function readRss(root: XmlNode, base: string | undefined): ParsedFeed {
  const rootKids = kidsOf(root);
  const channel = kidsOf(childNamed(rootKids, 'channel'));
  // RSS 2.0 keeps its items in the channel; RSS 1.0 beside it.
  const items = [...childrenNamed(channel, 'item'), ...childrenNamed(rootKids, 'item')];
  const feedTitle = lineOrNothing(text(channel, 'title'));
  const agency = publisherOf(feedTitle);
  const releases = items.map((node): Release => {
    const item = kidsOf(node);
    const guidNode = childNamed(item, 'guid');
    const guid = textOf(guidNode)?.trim() || undefined;
    // `<link>` is text in RSS; an `<atom:link href>` in an item is read as a link too.
    const links = childrenNamed(item, 'link');
    const link = links.map((linkNode) => textOf(linkNode)?.trim()).find((value) => value) ?? links.map((linkNode) => attributeOf(linkNode, 'href')).find((value) => value);
    const author = authorName(lineOrNothing(text(item, 'author') ?? text(item, 'creator')));
    const release: Release = {
      ...titled(htmlLine(text(item, 'title') ?? ''), [author, officeCategory(childrenNamed(item, 'category').map((category) => textOf(category)))], agency),
      body: htmlToText(markupOf(childNamed(item, 'encoded')) ?? markupOf(childNamed(item, 'description')) ?? ''),
    };
    const date = koreaDate(text(item, 'pubDate') ?? text(item, 'date'));
    if (date) release.date = date;
    const url = linkUrl(link, base) ?? (attributeOf(guidNode, 'isPermaLink') === 'false' ? undefined : httpUrl(guid));
    if (url) release.url = url;
    const id = guid ?? link;
    if (id) release.id = serverText(id, 300);
    return release;
  });
  return { kind: 'rss', ...(feedTitle ? { title: feedTitle } : {}), releases };
}

/** Atom text constructs: `type` text (the default), html, or xhtml (markup inside a div). */
function atomText(node: XmlNode | undefined, as: 'line' | 'body'): string | undefined {
  if (!node) return undefined;
  const type = (attributeOf(node, 'type') ?? 'text').toLowerCase();
  if (type === 'xhtml' || type.endsWith('xhtml+xml')) {
    const plain = htmlToText(markupOf(node) ?? '');
    return as === 'line' ? cleanLine(plain) : plain;
  }
  const value = textOf(node) ?? '';
  const html = type === 'html' || type.endsWith('/html');
  // A text title may still carry entities a feed escaped twice (htmlLine); an html one is markup.
  if (as === 'line') return html ? cleanLine(htmlToText(value)) : htmlLine(value);
  return html ? htmlToText(value) : cleanBody(value);
}

function readAtom(root: XmlNode, base: string | undefined): ParsedFeed {
  const feed = kidsOf(root);
  const feedBase = linkUrl(attributeOf(root, 'base'), base) ?? base;
  const feedTitle = atomText(childNamed(feed, 'title'), 'line') || undefined;
  const agency = publisherOf(feedTitle);
  const releases = childrenNamed(feed, 'entry').map((node): Release => {
    const entry = kidsOf(node);
    const entryBase = linkUrl(attributeOf(node, 'base'), feedBase) ?? feedBase;
    // Out-of-line content (`<content src>`) is not fetched: the summary stands in.
    const content = childNamed(entry, 'content');
    const body = content && attributeOf(content, 'src') === undefined ? content : childNamed(entry, 'summary');
    const author = lineOrNothing(text(kidsOf(childNamed(entry, 'author')), 'name'));
    const categories = childrenNamed(entry, 'category').map((category) => attributeOf(category, 'label') ?? attributeOf(category, 'term'));
    const release: Release = {
      ...titled(atomText(childNamed(entry, 'title'), 'line') ?? '', [author, officeCategory(categories)], agency),
      body: atomText(body, 'body') ?? '',
    };
    const date = koreaDate(text(entry, 'published') ?? text(entry, 'updated') ?? text(entry, 'issued') ?? text(entry, 'modified'));
    if (date) release.date = date;
    // The entry's page: a link with rel="alternate" (the default), an HTML one first.
    const links = childrenNamed(entry, 'link').filter((link) => (attributeOf(link, 'rel') ?? 'alternate') === 'alternate');
    const page = links.find((link) => /html/i.test(attributeOf(link, 'type') ?? 'text/html')) ?? links[0];
    const url = linkUrl(attributeOf(page, 'href'), entryBase);
    if (url) release.url = url;
    const id = text(entry, 'id')?.trim();
    if (id) release.id = serverText(id, 300);
    return release;
  });
  return { kind: 'atom', ...(feedTitle ? { title: feedTitle } : {}), releases };
}
