import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { PullProblem, serverText } from './problem.js';

/**
 * A feed's XML read as data, with fast-xml-parser, and nothing in it obeyed.
 *
 * What fast-xml-parser 5.12 does with a DOCTYPE (read in its source: xmlparser/DocTypeReader.js,
 * OrderedObjParser.js, @nodable/entities' EntityDecoder): it reads the internal subset, keeps
 * each `<!ENTITY name "value">` whose value has no `&` (so the nested entities of a "billion
 * laughs" are dropped, not expanded), throws on `SYSTEM` (external) entities, and expands the
 * kept ones up to 100,000 characters per document. It never fetches anything. But it also reads
 * a DOCTYPE found in the middle of the document, after the root element has begun, and expands
 * its entities there; and XMLValidator passes any DOCTYPE without looking inside. So postboard
 * does not rely on those limits: every `<!` outside a comment or a CDATA section is looked at
 * before the parser sees the text, and a DOCTYPE anywhere is refused (`doctype`), in one pass
 * over the text, whatever its entities would have made. What the parser then decodes is only
 * what XML predefines (&amp; &lt; &gt; &quot; &apos;), numeric references, and HTML's common
 * named entities (a fixed table: `htmlEntities`).
 */

/** A node as fast-xml-parser gives it with `preserveOrder`: `{ tag: children, ':@': attributes }` or `{ '#text': text }`. */
export type XmlNode = Record<string, unknown>;

const TEXT = '#text';
const ATTRIBUTES = ':@';
const ATTRIBUTE_PREFIX = '@_';

const options = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  // Strings stay strings: a NewsItemId is not a number, a title "2024" is not one either.
  parseTagValue: false,
  parseAttributeValue: false,
  // `content:encoded`, `dc:date`, `atom:link` and `rdf:RDF` are read as encoded, date, link and RDF.
  removeNSPrefix: true,
  htmlEntities: true,
  // Spaces around inline markup are text (`있어 <strong>고위험군</strong>`); values are trimmed where they are read.
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
} as const;

let parser: XMLParser | undefined;
let builder: XMLBuilder | undefined;

/**
 * Refuses what must not reach the parser: a DOCTYPE anywhere (`doctype`; an HTML page's
 * `<!DOCTYPE html>` is `not-a-feed`, as that is what it is), and any other `<!` declaration
 * outside a comment or CDATA section (not well-formed XML). Comments and CDATA sections are
 * skipped as the parser skips them, so what is found here is what the parser would have read.
 */
function refuseDeclarations(xml: string): void {
  let at = 0;
  for (;;) {
    const open = xml.indexOf('<!', at);
    if (open === -1) return;
    if (xml.startsWith('<!--', open)) {
      const end = xml.indexOf('-->', open + 4);
      // Never closed: the parser refuses it too, and reads nothing after it.
      if (end === -1) return;
      at = end + 3;
    } else if (xml.startsWith('<![CDATA[', open)) {
      const end = xml.indexOf(']]>', open + 9);
      if (end === -1) return;
      at = end + 3;
    } else {
      const declaration = xml.slice(open, open + 20);
      if (/^<!doctype\s+html[\s>]/i.test(declaration)) throw new PullProblem({ kind: 'not-a-feed', root: 'html' });
      if (/^<!doctype/i.test(declaration)) throw new PullProblem({ kind: 'doctype' });
      throw new PullProblem({ kind: 'malformed', line: lineAt(xml, open), detail: serverText(declaration.split(/\s/)[0] ?? '<!', 40) });
    }
  }
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** An `&` that starts no entity or character reference: what sloppy feeds write in links and titles (`R&D`, `?a=1&b=2`). */
const BARE_AMPERSAND = /&(?!(?:[A-Za-z][A-Za-z0-9]{0,31}|#\d{1,7}|#x[0-9A-Fa-f]{1,6});)/g;

/**
 * The document with its bare ampersands escaped outside CDATA sections and comments, as feed
 * readers forgive them; undefined when it has none (the document's fault is another). One pass
 * with indexOf (no pattern that could backtrack over an unclosed `<!--`).
 */
function withAmpersandsEscaped(xml: string): string | undefined {
  let found = false;
  let out = '';
  let at = 0;
  const escape = (piece: string) =>
    piece.replace(BARE_AMPERSAND, () => {
      found = true;
      return '&amp;';
    });
  while (at < xml.length) {
    const cdata = xml.indexOf('<![CDATA[', at);
    const comment = xml.indexOf('<!--', at);
    const next = cdata === -1 ? comment : comment === -1 ? cdata : Math.min(cdata, comment);
    if (next === -1) {
      out += escape(xml.slice(at));
      break;
    }
    out += escape(xml.slice(at, next));
    const close = next === cdata ? ']]>' : '-->';
    const end = xml.indexOf(close, next + 4);
    const stop = end === -1 ? xml.length : end + close.length;
    out += xml.slice(next, stop);
    at = stop;
  }
  return found ? out : undefined;
}

/**
 * A DOCTYPE that only names a DTD (`<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS
 * 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">`, as old CMSs write), right
 * after the XML declaration: no internal subset, so nothing can be declared or expanded, and the
 * DTD is never fetched. It is blanked before the checks (its line breaks kept); any other
 * DOCTYPE (an internal subset, a SYSTEM address alone, one further on) is refused by them.
 */
const NAMING_DOCTYPE = /^<!DOCTYPE\s+(?!html[\s>])[A-Za-z_][\w:.-]{0,63}(?:\s+PUBLIC\s+(?:"[^"<>[\]]{0,300}"|'[^'<>[\]]{0,300}')\s+(?:"[^"<>[\]]{0,300}"|'[^'<>[\]]{0,300}'))?\s{0,50}>/i;

function withoutNamingDoctype(xml: string): string {
  // Where a DOCTYPE may stand: after spaces and the XML declaration (found with indexOf, not a pattern).
  let at = xml.length - xml.trimStart().length;
  if (xml.startsWith('<?xml', at)) {
    const end = xml.indexOf('?>', at);
    if (end === -1) return xml;
    at = end + 2;
    at += xml.slice(at, at + 1000).length - xml.slice(at, at + 1000).trimStart().length;
  }
  const doctype = NAMING_DOCTYPE.exec(xml.slice(at, at + 1000));
  if (!doctype) return xml;
  return xml.slice(0, at) + doctype[0].replace(/[^\n]/g, ' ') + xml.slice(at + doctype[0].length);
}

/** The top-level nodes of a document, after the checks above and XMLValidator's. */
export function parseXml(xml: string): XmlNode[] {
  const read = withoutNamingDoctype(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml);
  if (!/^\s*</.test(read)) throw new PullProblem({ kind: 'not-xml' });
  refuseDeclarations(read);
  // An entity declaration anywhere — even where the scan above took it for a comment's or CDATA's
  // text (a `<!--` inside an attribute value or a processing instruction fools it) — is refused.
  if (/<!ENTITY/i.test(read)) throw new PullProblem({ kind: 'doctype' });
  let text = read;
  let valid = XMLValidator.validate(text);
  // A bare `&` (common in Korean feeds' links) is taken as the `&amp;` it means; any other fault is said.
  const forgiven = valid === true ? undefined : withAmpersandsEscaped(text);
  if (forgiven !== undefined && XMLValidator.validate(forgiven) === true) {
    text = forgiven;
    valid = true;
  }
  if (valid !== true) {
    throw new PullProblem({ kind: 'malformed', ...(valid.err.line > 0 ? { line: valid.err.line } : {}), detail: serverText(valid.err.msg) });
  }
  parser ??= new XMLParser(options);
  try {
    return parser.parse(text) as XmlNode[];
  } catch (error) {
    // What the validator let through and the parser would not (nesting over 100 levels, a reserved name).
    throw new PullProblem({ kind: 'malformed', detail: serverText(error instanceof Error ? error.message : String(error)) });
  }
}

/** The element name of a node, or undefined for text. */
export function tagOf(node: XmlNode): string | undefined {
  for (const key of Object.keys(node)) if (key !== ATTRIBUTES && key !== TEXT) return key;
  return undefined;
}

/** The children of an element node. */
export function kidsOf(node: XmlNode | undefined): XmlNode[] {
  const tag = node && tagOf(node);
  const kids = tag === undefined ? undefined : node?.[tag];
  return Array.isArray(kids) ? (kids as XmlNode[]) : [];
}

/** The child elements named `name`. */
export const childrenNamed = (nodes: XmlNode[], name: string): XmlNode[] => nodes.filter((node) => tagOf(node) === name);

/** The first child element named `name`. */
export const childNamed = (nodes: XmlNode[], name: string): XmlNode | undefined => nodes.find((node) => tagOf(node) === name);

/** An attribute of an element node. */
export function attributeOf(node: XmlNode | undefined, name: string): string | undefined {
  const attributes = node?.[ATTRIBUTES] as Record<string, unknown> | undefined;
  const value = attributes?.[ATTRIBUTE_PREFIX + name];
  return typeof value === 'string' ? value : undefined;
}

/** The text of an element (its text and CDATA, joined); undefined when it has none. */
export function textOf(node: XmlNode | undefined): string | undefined {
  const parts = kidsOf(node).flatMap((kid) => (typeof kid[TEXT] === 'string' || typeof kid[TEXT] === 'number' ? [String(kid[TEXT])] : []));
  return parts.length === 0 ? undefined : parts.join('');
}

/**
 * An element's content as markup: its text when it holds only text (HTML in CDATA, or escaped),
 * else its child elements written back as XML (Atom's `type="xhtml"`, or HTML a feed left
 * unescaped in `<description>`).
 */
export function markupOf(node: XmlNode | undefined): string | undefined {
  const kids = kidsOf(node);
  if (!kids.some((kid) => tagOf(kid) !== undefined)) return textOf(node);
  builder ??= new XMLBuilder({ ...options, suppressEmptyNode: false });
  return builder.build(kids) as string;
}

/** The first element of a document: its root. */
export function rootOf(nodes: XmlNode[]): XmlNode | undefined {
  return nodes.find((node) => tagOf(node) !== undefined);
}
