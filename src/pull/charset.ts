import iconv from 'iconv-lite';
import { PullProblem, serverText } from './problem.js';

/**
 * A feed's bytes as text. Which character set: a byte-order mark, then the charset of the HTTP
 * Content-Type, then the XML declaration's encoding, then UTF-8 (XML's default).
 *
 * The byte-order mark comes first, before the header (the issue's order was header first):
 * RFC 7303 §3.3 makes a BOM authoritative over the charset parameter, as browsers do, since a
 * server's default charset is often wrong and the bytes that begin the body are not.
 *
 * Korean feeds are often EUC-KR, declared only in the prolog (`<?xml … encoding="EUC-KR"?>`)
 * and served as `text/xml` without a charset. EUC-KR, KS_C_5601-1987 and their aliases are read
 * as CP949 (Windows' superset of EUC-KR: what those servers really send). Bytes that are not
 * valid in the set named are refused (`undecodable`), never turned into U+FFFD; a set that is
 * not known is refused too (`charset`).
 */
export function decodeFeed(bytes: Uint8Array, contentType?: string): string {
  const bom = byteOrderMark(bytes);
  if (bom) return decode(bytes.subarray(bom.length), bom.charset, bom.charset);
  const header = headerCharset(contentType);
  const prolog = declarationCharset(bytes);
  const declared = header ?? prolog;
  try {
    return decode(bytes, declared ?? 'utf-8', declared ?? 'UTF-8');
  } catch (error) {
    // A server that labels every file UTF-8 while the feed is EUC-KR and says so in its prolog (common
    // on Korean sites): the prolog is believed when the header's charset cannot read the bytes.
    if (header === undefined || prolog === undefined || canonical(prolog) === canonical(header)) throw error;
    return decode(bytes, prolog, prolog);
  }
}

function byteOrderMark(bytes: Uint8Array): { charset: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return undefined;
}

/** The `charset` parameter of a Content-Type (`text/xml; charset="euc-kr"`), if it has one. */
export function headerCharset(contentType: string | undefined): string | undefined {
  const match = contentType && /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const name = match ? (match[1] ?? match[2] ?? '').trim() : '';
  return name === '' ? undefined : name;
}

/**
 * The encoding an XML declaration names. The declaration is ASCII in every encoding a feed
 * could be in but UTF-16, which XML tells apart by its first bytes (`<?` as 3C 00 3F 00 or
 * 00 3C 00 3F, XML 1.0 appendix F).
 */
function declarationCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return 'utf-16be';
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 512)).toString('latin1');
  const declaration = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return declaration?.[1];
}

/** What iconv-lite calls a character set a feed may name: the Korean ones all as CP949. */
function canonical(name: string): string | undefined {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (['euckr', 'cp949', 'ms949', 'windows949', 'xwindows949', 'uhc', 'ksc56011987', 'ksc5601', 'ksx1001', 'korean', 'csksc56011987', 'isoir149', 'cseuckr'].includes(key)) return 'cp949';
  if (key === 'utf8' || key === 'unicode11utf8') return 'utf-8';
  // UTF-16 without a byte-order mark: the XML declaration's own bytes told which end first.
  if (key === 'utf16') return 'utf-16le';
  return iconv.encodingExists(name) ? name : undefined;
}

function decode(bytes: Uint8Array, charset: string, shownName: string): string {
  const name = canonical(charset);
  if (!name) throw new PullProblem({ kind: 'charset', name: serverText(shownName, 40) });
  let text: string;
  if (name === 'utf-8') {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      throw new PullProblem({ kind: 'undecodable', name: 'UTF-8' });
    }
  } else {
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name, { stripBOM: false });
    // CP949 has no U+FFFD of its own: each one is a byte sequence that is not CP949.
    if (name === 'cp949' && text.includes('\uFFFD')) throw new PullProblem({ kind: 'undecodable', name: serverText(shownName, 40) });
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
