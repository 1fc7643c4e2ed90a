import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeFeed, headerCharset } from '../../src/pull/charset.js';
import { PullProblem, type PullProblemKind } from '../../src/pull/problem.js';
import { feedFixture } from '../support/feed-server.js';

/**
 * A feed's bytes as text: byte-order mark, then the HTTP charset, then the XML declaration,
 * then UTF-8; EUC-KR read right; nothing guessed into U+FFFD.
 */

const korean = '<?xml version="1.0" encoding="EUC-KR"?><rss><channel><title>행정안전부 보도자료 · 안전개선과</title></channel></rss>';
const eucKr = iconv.encode(korean, 'cp949');
const utf8 = (text: string) => new Uint8Array(Buffer.from(text));

function problemOf(bytes: Uint8Array, contentType?: string): PullProblemKind {
  try {
    decodeFeed(bytes, contentType);
  } catch (error) {
    if (error instanceof PullProblem) return error.problem;
    throw error;
  }
  throw new Error('decodeFeed succeeded');
}

describe('decodeFeed', () => {
  it('reads EUC-KR declared only in the prolog, served as text/xml without a charset', () => {
    expect(decodeFeed(eucKr, 'text/xml')).toBe(korean);
    expect(decodeFeed(eucKr)).toBe(korean);
    const fixture = decodeFeed(feedFixture('mois-rss-euckr.xml'), 'text/xml');
    expect(fixture).toBe(feedFixture('mois-rss.xml').toString('utf8').replace('encoding="UTF-8"', 'encoding="EUC-KR"'));
  });

  it('takes the HTTP charset over the prolog, in any of its spellings', () => {
    const declaredUtf8 = iconv.encode(korean.replace('EUC-KR', 'UTF-8'), 'cp949');
    expect(decodeFeed(declaredUtf8, 'application/rss+xml; charset=euc-kr')).toBe(korean.replace('EUC-KR', 'UTF-8'));
    expect(decodeFeed(eucKr, 'text/xml;charset="KS_C_5601-1987"')).toBe(korean);
    expect(decodeFeed(eucKr, 'text/xml; Charset=CP949')).toBe(korean);
    expect(decodeFeed(utf8(korean), 'text/xml; charset=utf-8')).toBe(korean);
  });

  it('takes a byte-order mark over everything else, and drops it', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(korean)]);
    expect(decodeFeed(bom, 'text/xml; charset=euc-kr')).toBe(korean);
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(korean, 'utf16le')]);
    expect(decodeFeed(utf16)).toBe(korean);
  });

  it('reads UTF-16 without a byte-order mark by its first bytes', () => {
    expect(decodeFeed(new Uint8Array(Buffer.from(korean.replace('EUC-KR', 'UTF-16'), 'utf16le')))).toBe(korean.replace('EUC-KR', 'UTF-16'));
  });

  it('reads UTF-8 when nothing says otherwise', () => {
    expect(decodeFeed(utf8('<rss><channel><title>보도자료</title></channel></rss>'))).toBe('<rss><channel><title>보도자료</title></channel></rss>');
  });

  it('refuses bytes that are not valid in the set named, rather than make U+FFFD of them', () => {
    // EUC-KR bytes read as UTF-8 (no charset anywhere)
    expect(problemOf(iconv.encode('<rss><channel><title>행정안전부</title></channel></rss>', 'cp949'))).toEqual({ kind: 'undecodable', name: 'UTF-8' });
    expect(problemOf(new Uint8Array([...Buffer.from('<rss>'), 0xa1, 0x20, ...Buffer.from('</rss>')]), 'text/xml; charset=euc-kr')).toEqual({ kind: 'undecodable', name: 'euc-kr' });
  });

  it('refuses a character set it does not know', () => {
    expect(problemOf(utf8('<rss/>'), 'text/xml; charset=x-unknown-set')).toEqual({ kind: 'charset', name: 'x-unknown-set' });
    expect(problemOf(utf8('<?xml version="1.0" encoding="KLINGON-8"?><rss/>'))).toEqual({ kind: 'charset', name: 'KLINGON-8' });
  });
});

describe('headerCharset', () => {
  it('is the charset parameter, quoted or not', () => {
    expect(headerCharset('text/xml; charset=EUC-KR')).toBe('EUC-KR');
    expect(headerCharset('text/xml;charset="utf-8"; foo=bar')).toBe('utf-8');
    expect(headerCharset('text/xml')).toBeUndefined();
    expect(headerCharset(undefined)).toBeUndefined();
  });
});
