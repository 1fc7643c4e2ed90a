import { compile } from 'html-to-text';
import type { DomNode, FormatCallback, HtmlToTextOptions } from 'html-to-text';

/**
 * A release's HTML and its entity-laden titles made into the plain text a post holds, with
 * html-to-text (htmlparser2 underneath): nothing here parses HTML by hand.
 *
 * Korean ministries' releases are Word or HWP documents pasted into an editor: paragraphs of
 * `&nbsp;`, `<p>` inside table cells, images, "print" and "share" buttons, tracking scripts.
 * What is kept is what a reader of the release reads: paragraphs (one blank line between),
 * line breaks, list items, and tables as one line per row with its cells split by " | ".
 */

/** Elements that are not text a reader reads, dropped with everything inside. */
const DROPPED = [
  'img', 'picture', 'svg', 'canvas', 'video', 'audio', 'iframe', 'object', 'embed', 'map',
  'button', 'input', 'select', 'textarea', 'label', 'form',
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link',
];

/**
 * A table as rows of text, each cell's own lines joined by spaces: wide Korean text makes the
 * column layout of html-to-text's `dataTable` fall apart (it counts characters, not columns),
 * and a row read across stays readable in any width.
 */
const rowTable: FormatCallback = (elem, walk, builder, formatOptions) => {
  builder.openTable();
  const walkTable = (node: DomNode) => {
    if (node.type !== 'tag') return;
    switch (node.name) {
      case 'thead':
      case 'tbody':
      case 'tfoot':
        node.children.forEach(walkTable);
        return;
      case 'caption':
        // The table's name, on a line of its own above it.
        builder.openTableRow();
        builder.openTableCell();
        walk(node.children, builder);
        builder.closeTableCell();
        builder.closeTableRow();
        return;
      case 'tr':
        builder.openTableRow();
        for (const cell of node.children) {
          if (cell.type !== 'tag' || (cell.name !== 'td' && cell.name !== 'th')) continue;
          builder.openTableCell();
          walk(cell.children, builder);
          builder.closeTableCell();
        }
        builder.closeTableRow();
        return;
    }
  };
  elem.children.forEach(walkTable);
  builder.closeTable({
    tableToString: (rows) =>
      rows
        // An empty cell keeps its place (`서울 |  | 58.2%`): the values stay under their headings.
        .map((cells) => cells.map((cell) => cell.text.replace(/\s+/g, ' ').trim()))
        .filter((cells) => cells.some((text) => text !== ''))
        .map((cells) => cells.join(' | ').trim())
        .join('\n'),
    leadingLineBreaks: formatOptions.leadingLineBreaks ?? 2,
    trailingLineBreaks: formatOptions.trailingLineBreaks ?? 2,
  });
};

const common: HtmlToTextOptions = {
  wordwrap: false,
  // The default cut (16 M characters) writes to stderr; a feed is capped well below (20 MB), so never.
  limits: { maxInputLength: Number.MAX_SAFE_INTEGER, maxDepth: 256, ellipsis: '…' },
};

const bodyOptions: HtmlToTextOptions = {
  ...common,
  formatters: { rowTable },
  selectors: [
    ...DROPPED.map((selector) => ({ selector, format: 'skip' })),
    { selector: 'a', options: { ignoreHref: true } },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 2 } })),
    { selector: 'ul', options: { itemPrefix: '- ' } },
    { selector: 'table', format: 'rowTable' },
    { selector: 'blockquote', format: 'block', options: { leadingLineBreaks: 2, trailingLineBreaks: 2 } },
    { selector: 'hr', format: 'block', options: { leadingLineBreaks: 2, trailingLineBreaks: 2 } },
  ],
};

let toBodyText: ((html: string) => string) | undefined;
let toLineText: ((html: string) => string) | undefined;

/**
 * The readable text of a release's HTML (see the top of this file), cleaned as a body. A
 * description with no markup at all is plain text: its line breaks are its own (a paragraph is
 * a blank line), not the spaces they are in HTML.
 */
export function htmlToText(html: string): string {
  toBodyText ??= compile(bodyOptions);
  const plain = !/<\/?[A-Za-z][^<>]*>/.test(html);
  return cleanBody(toBodyText(plain ? html.replace(/\r?\n/g, '<br>') : html));
}

/**
 * A title, subtitle or name from a feed, its HTML entities decoded once more: feeds escape
 * twice (`&amp;quot;` arrives as `&quot;` after the XML is read) and write `&middot;` or
 * `&#39;`. A `<` in it stays a `<` (a title is text, never markup).
 */
export function htmlLine(text: string): string {
  toLineText ??= compile({ ...common, selectors: [{ selector: '*', format: 'inline' }] });
  return cleanLine(toLineText(text.replace(/</g, '&lt;')));
}

/** Lone halves of UTF-16 surrogate pairs (the board refuses them). */
const BROKEN = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Zero-width space, byte-order mark and soft hyphen: invisible, and they split words a search looks for. */
const INVISIBLE = /[\u200b\ufeff\u00ad]/g;

/** One line: NFC, whitespace and line breaks collapsed to single spaces, no control characters, trimmed. */
export function cleanLine(text: string): string {
  return text
    .normalize('NFC')
    .replace(BROKEN, '')
    .replace(INVISIBLE, '')
    .replace(/[\s\p{Cc}\u2028\u2029]+/gu, ' ')
    .trim();
}

/**
 * A body: NFC, LF only, no control characters but the line feed, each line trimmed and its runs
 * of spaces (the editors' `&nbsp;&nbsp;`) made one, at most one blank line in a row, trimmed.
 */
export function cleanBody(text: string): string {
  return text
    .normalize('NFC')
    .replace(BROKEN, '')
    .replace(INVISIBLE, '')
    .replace(/\r\n?|[\u2028\u2029\u000b\u000c\u0085]/g, '\n')
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g, '')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A line, or undefined when it is empty. */
export const lineOrNothing = (text: string | undefined): string | undefined => {
  if (text === undefined) return undefined;
  const line = htmlLine(text);
  return line === '' ? undefined : line;
};

/**
 * Whether a name reads as a government office: a ministry, agency, committee, local government
 * or one of their divisions (행정안전부, 안전개선과, 국무조정실, 공정거래위원회, 서울특별시, 강남구),
 * rather than a label ([보도자료], [해명], [사진]) or a topic (경제, 정책). Three Hangul syllables
 * at least: 부, 처, 청 and the like end short words too (정부, 보도, 연구).
 */
export function looksLikeOffice(name: string): boolean {
  if (name.length < 3 || name.length > 40 || !/\p{Script=Hangul}/u.test(name)) return false;
  if (/(?:보도|제도|연구|지원|자료|사항|정부)$/u.test(name)) return false;
  return /(?:부|처|청|원|위원회|위|실|과|관|단|팀|본부|센터|공단|공사|재단|시|도|군|구)$/u.test(name);
}

/**
 * A leading `[부처]` prefix of a title, when it names an office: `[행정안전부] 제목` → 행정안전부 and
 * 제목. Only a leading bracket: `제목 [행정안전부]` and `[보도자료] 제목` stay as they are.
 */
export function splitOfficePrefix(title: string): { office?: string; title: string } {
  const match = /^\[([^[\]]+)\]\s*(\S.*)$/su.exec(title);
  const office = match?.[1]?.trim();
  if (!match || !office || !looksLikeOffice(office)) return { title };
  return { office, title: match[2] ?? '' };
}

/**
 * The publisher a channel's title names, when its first word is an office: "행정안전부 보도자료"
 * → 행정안전부, "[행정안전부] 보도자료" → 행정안전부, "대한민국 정책브리핑" → none.
 */
export function publisherOf(channelTitle: string | undefined): string | undefined {
  if (!channelTitle) return undefined;
  const first = channelTitle.replace(/^\[([^[\]]+)\]/u, '$1').split(/[\s\-|:_>,/]+/u).find((word) => word !== '');
  return first && looksLikeOffice(first) ? first : undefined;
}

/**
 * RSS `<author>` as a department: RSS 2.0 wants an e-mail address ("news@mois.go.kr (행정안전부)"),
 * Korean ministries write the division (안전개선과). The name in parentheses, else the text,
 * and nothing for a bare address.
 */
export function authorName(author: string | undefined): string | undefined {
  if (!author) return undefined;
  // Read by hand, not by a backtracking pattern: an author of a 256 KB `a@a@a…` costs one pass.
  const space = author.search(/\s/);
  const address = space === -1 ? author : author.slice(0, space);
  if (!address.includes('@')) return author;
  const rest = author.slice(address.length).trim();
  if (rest.startsWith('(') && rest.endsWith(')')) return rest.slice(1, -1).trim() || undefined;
  return rest === '' && address.indexOf('.', address.indexOf('@')) !== -1 ? undefined : author;
}
