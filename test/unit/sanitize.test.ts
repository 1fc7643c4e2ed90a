import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visibleBlock, visibleLine } from '../../src/render/sanitize.js';

/** Characters a terminal acts on or hides: none may survive sanitizing. */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

describe('board text is shown, never obeyed', () => {
  it.each([
    ['ANSI colour', 'red \x1b[31mRED\x1b[0m', 'red ␛[31mRED␛[0m'],
    ['clear screen', '\x1b[2J\x1b[H', '␛[2J␛[H'],
    ['OSC 8 hyperlink', '\x1b]8;;http://evil\x07click\x1b]8;;\x07', '␛]8;;http://evil␇click␛]8;;␇'],
    ['C1 CSI', 'a\u009b31mb', 'a<U+009B>31mb'],
    ['bell and backspace', 'ding\x07\x08', 'ding␇␈'],
    ['DEL', 'x\x7f', 'x␡'],
    ['bidi override', 'abc\u202Efed', 'abc<U+202E>fed'],
    ['zero-width space', '보도\u200B자료', '보도<U+200B>자료'],
    ['line separator', 'a\u2028b', 'a<U+2028>b'],
    ['newline in a title', '제목\n둘째 줄', '제목␊둘째 줄'],
    ['tab in a title', 'a\tb', 'a␉b'],
  ])('%s', (_, raw, shown) => {
    expect(visibleLine(raw)).toBe(shown);
  });

  it('a lone surrogate is shown by its code', () => {
    expect(visibleLine('a\uD800b')).toBe('a<U+D800>b');
  });

  it('decomposed Hangul is shown composed', () => {
    const nfd = '한국생산성본부'.normalize('NFD');
    expect(nfd.length).toBeGreaterThan(7);
    expect(visibleLine(nfd)).toBe('한국생산성본부');
  });

  it('emoji joined by a zero-width joiner stay one picture', () => {
    expect(visibleLine('👩‍💻 개발자')).toBe('👩‍💻 개발자');
    expect(visibleLine('a\u200Db')).toBe('a<U+200D>b');
  });

  it('text measures the same alone as inside a line: a leading mark gets ◌, a joining letter its code', () => {
    expect(visibleLine('\u0301abc')).toBe('\u25CC\u0301abc');
    expect(visibleLine('\u0EB3x')).toBe('\u25CC\u0EB3x');
    expect(visibleLine('x\u{11A84}')).toBe('x<U+11A84>');
  });

  it('a body keeps its line breaks (CRLF as one) and turns tabs into spaces', () => {
    expect(visibleBlock('첫 문단\r\n\r\n둘째\t문단\x1b[2J')).toBe('첫 문단\n\n둘째    문단␛[2J');
  });

  it('no unsafe character survives, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(UNSAFE.test(visibleLine(text).replace(/\u200D/g, ''))).toBe(false);
        expect(UNSAFE.test(visibleBlock(text).replace(/[\n\u200D]/g, ''))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
