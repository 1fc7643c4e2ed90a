import { addressOf, type Post } from '../board/post.js';

export interface FeedOptions {
  title: string;
  /** The board's own address (--feed-link): RSS 2.0 requires the channel's link. */
  link: string;
  language: string;
  /** The feed's date: the newest post's, so the same board gives the same feed. */
  updated: Date;
  /** Where an item links (a web board's page of the post); default: its source, else its guid. */
  postLink?: (post: Post) => string;
}

/**
 * XML 1.0 cannot hold most control characters even escaped, nor lone surrogates: they become
 * visible stand-ins (ESC is ␛) or U+FFFD, so the feed parses whatever the board holds.
 */
function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0)))
    .replace(/\u007f/g, '\u2421')
    .replace(/[\u0080-\u009f]/g, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`)
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g, '\uFFFD');
}

/**
 * Titles and descriptions go into CDATA sections, which cannot hold `]]>`; the feed library
 * splits only the first one, so each is broken here with a fullwidth `＞`.
 */
const cdataText = (text: string): string => xmlText(text).replace(/\]\]>/g, ']]\uFF1E');

/**
 * A body is plain text, and an RSS reader shows `<description>` as HTML: so the text is escaped
 * (a `<script>` in a body shows as text, never runs) and only our own markup is added —
 * paragraphs (blank lines) become `<p>`, single line breaks `<br>`.
 */
export function bodyHtml(body: string): string {
  const escaped = escapeHtml(body);
  return escaped
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br>')}</p>`)
    .join('');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
/** HTML text (not an attribute): only `& < >` can start markup there. */
const escapeMarkup = (text: string): string => text.replace(/[&<>]/g, (c) => HTML_ESCAPES[c] ?? c);

/**
 * A link as a feed may carry it: the address as WHATWG URL writes it (what browsers send), so
 * what a URI may not hold (`<2>`, spaces, Hangul) is percent-encoded — `b=<2>` goes out as
 * `b=%3C2%3E`, never as `&lt;2&gt;`, which is no URI. Written as the address it names (addressOf).
 */
const feedUrl = (url: string): string => xmlText(addressOf(url).replace(/[|^`{}\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));

/**
 * Text of an element the feed library writes without CDATA (the channel's title and description,
 * a guid, a category): it escapes `<` and `>`, and `&` only where no entity follows, so a board's
 * literal `&amp;` would reach a reader as `&`. Its `&` is escaped here, for the library to keep.
 */
const plainText = (text: string): string => xmlText(text).replace(/&/g, '&amp;');

/**
 * A post's date as the moment a feed gives: midnight UTC of that day (09:00 in Korea, the same
 * date), wherever postboard runs — the same board gives the same feed on a laptop in Seoul and a
 * server in UTC.
 */
export function postDate(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

/** An RSS 2.0 feed of `posts` (already the newest published ones), built by the feed library. */
export async function* rssChunks(posts: Iterable<Post>, options: FeedOptions): AsyncGenerator<string> {
  const { Feed } = await import('../lazy/feed.js');
  const link = feedUrl(options.link).replace(/#.*$/, '');
  const feed = new Feed({
    title: plainText(options.title),
    // A channel must say what it is: its title says it.
    description: plainText(options.title),
    id: link,
    link,
    language: options.language,
    updated: options.updated,
    generator: 'postboard',
    copyright: '',
  });
  for (const post of posts) {
    // The guid stays the same for a post whatever else changes, so readers never show it twice. A
    // post without a source links to its own anchor on the board's address, never to someone else's site.
    const guid = `${link}#post-${post.id}`;
    const guidText = plainText(guid);
    feed.addItem({
      // Text, with the three characters markup is made of escaped: a reader that shows titles as
      // HTML shows `<script>` as text, and quotes (common in Korean titles) stay as they are.
      title: cdataText(escapeMarkup(xmlText(post.title))),
      id: guidText,
      guid: guidText,
      link: options.postLink ? feedUrl(options.postLink(post)) : post.source?.url ? feedUrl(post.source.url) : guid,
      date: postDate(post.date),
      // Made XML-safe first, then escaped: a stand-in such as <U+0085> must not become a tag.
      // The subtitle leads, as the release's own second line: its first paragraph.
      description: cdataText(bodyHtml(xmlText(post.subtitle ? `${post.subtitle}\n\n${post.body}` : post.body))),
      category: post.department ? [{ name: plainText(post.department) }] : [],
    });
  }
  // (A text file ends with its line's end.)
  yield `${feed.rss2()}\n`;
}
