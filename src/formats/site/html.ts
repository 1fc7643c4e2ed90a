/**
 * The one place the web board turns text into markup (and data into script). Board text — titles,
 * bodies, names, addresses — reaches a page only through the `html` tag: every value put into a
 * template is escaped unless it is markup this module built (an `Html` value), so forgetting to
 * escape is not possible, and escaping twice is not either. A link's address must be a `SiteUrl`,
 * which only an http or https address or a path of the site's own can become: `javascript:` and
 * every other scheme stay text.
 */

/** Markup built here: from template literals in postboard's own source, with every value escaped. */
export class Html {
  /** Only this module makes markup: a value of this class is never text from a board. */
  private constructor(readonly markup: string) {}

  /** @internal */
  static of(markup: string): Html {
    return new Html(markup);
  }

  toString(): string {
    return this.markup;
  }
}

/** An address a page may link to or load: an http(s) URL, or a path of the site's own. */
export class SiteUrl {
  private constructor(readonly href: string) {}

  /** @internal */
  static of(href: string): SiteUrl {
    return new SiteUrl(href);
  }
}

/** What a template may hold: text and numbers (escaped), markup built here, addresses, lists of them; nothing for nothing. */
export type HtmlPart = string | number | Html | SiteUrl | readonly HtmlPart[] | undefined | null | false;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `&`, `<`, `>`, `"` and `'` as references: safe in text and in a quoted attribute alike. */
const escapeMarkup = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

// C0 controls other than tab and line feed, DEL, C1 controls: a browser shows nothing (or a box)
// for them, so a stand-in shows they are there (ESC is ␛), as on the terminal. Bidi embeddings,
// overrides and isolates would turn the text around them: shown as <U+202E>. A lone surrogate
// cannot be written in UTF-8: U+FFFD, as every encoder writes it.
const UNSHOWN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function standIn(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  if (code >= 0xd800 && code <= 0xdfff) return '\uFFFD';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** Board text as a page shows it: NFC, line ends as `\n`, with what a page would hide or obey made visible. */
export function shownText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(UNSHOWN, standIn);
}

function render(part: HtmlPart): string {
  if (part === undefined || part === null || part === false) return '';
  if (Array.isArray(part)) return (part as readonly HtmlPart[]).map(render).join('');
  if (part instanceof SiteUrl) return escapeMarkup(part.href);
  if (part instanceof Html) return part.markup;
  return escapeMarkup(shownText(String(part)));
}

/** An attribute that loads or follows an address, if the literal before a value opens one. */
const URL_ATTRIBUTE = /\s(href|src|action)="$/i;

/**
 * Markup from a template literal: `html\`<h1>${title}</h1>\``. Each value is escaped (text) or
 * kept (markup built here); values go only where text goes or inside a quoted attribute, and the
 * address attributes (href, src, action) take only a SiteUrl. Only a real template literal is
 * taken for markup: its strings are frozen, an array made at run time is not.
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlPart[]): Html {
  if (!Object.isFrozen(strings) || !Array.isArray(strings.raw)) throw new TypeError('html`…` takes a template literal');
  let markup = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    const before = strings[i] ?? '';
    const attribute = URL_ATTRIBUTE.exec(before)?.[1];
    const value = values[i];
    if (attribute !== undefined && !(value instanceof SiteUrl)) throw new TypeError(`${attribute}="…" takes a SiteUrl, made by httpUrl() or sitePath()`);
    markup += render(value) + (strings[i + 1] ?? '');
  }
  return Html.of(markup);
}

/** Markup that is postboard's own source text alone (a style sheet): a template literal without values. */
export function staticHtml(strings: TemplateStringsArray, ...values: readonly never[]): Html {
  if (values.length > 0 || !Object.isFrozen(strings) || strings.length !== 1 || typeof strings[0] !== 'string') throw new TypeError('staticHtml`…` takes a template literal without values');
  return Html.of(strings[0] ?? '');
}

/** Pieces of markup one after another. */
export const joinHtml = (parts: readonly HtmlPart[], separator: Html | string = ''): Html => Html.of(parts.map(render).join(render(separator)));

/**
 * An address to link to, if it is one: http or https, as WHATWG URL writes it (what a browser
 * would go to; spaces and Hangul percent-encoded). Anything else (javascript:, data:, a relative
 * path, text that is no URL) is undefined: shown as text, never as a link.
 */
export function httpUrl(text: string): SiteUrl | undefined {
  if (!/^https?:\/\//i.test(text)) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? SiteUrl.of(url.href) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A path of the site's own, relative to the page (`../../posts/2912/index.html`): made of the
 * site's own names, so it never starts a scheme (`x:`); a query (`?q=`) may follow.
 */
export function sitePath(path: string): SiteUrl {
  if (!/^(?:\.\.\/)*(?:[A-Za-z0-9_.-]+\/)*(?:[A-Za-z0-9_.-]+)?(?:\?[A-Za-z0-9=&%+_.-]*)?(?:#[A-Za-z0-9_-]+)?$/.test(path) || /^[^/?#]*:/.test(path)) {
    throw new TypeError(`not a path of the site: ${path}`);
  }
  return SiteUrl.of(path === '' ? './' : path);
}

/**
 * Data for a script of the site (a search index file): JSON, which is a JavaScript expression,
 * with `<`, `>`, `&` and the line and paragraph separators escaped, so no text in it can end a
 * script element or a string.
 */
export function scriptData(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text for an XML file of the site (the sitemap): the same references as in HTML. */
export const xmlEscaped = (text: string): string => escapeMarkup(shownText(text));
