import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { visibleLine } from '../../src/render/sanitize.js';
import { clusterMeasure, isPlain, measureFor, needsClusters, simpleMeasure } from '../../src/render/width.js';

describe('display width', () => {
  it.each([
    ['ASCII', 'Hello', 5],
    ['Hangul syllables are two columns', '한국생산성본부', 14],
    ['mixed', '무탄소에너지(CFE)', 17],
    ['CJK brackets are wide too', '「제2차」', 9],
    ['ambiguous punctuation is narrow, as string-width counts it', '‘…·’', 4],
    ['fullwidth forms', 'ＡＢ', 4],
  ])('%s', (_, text, width) => {
    expect(simpleMeasure.width(text)).toBe(width);
    expect(stringWidth(text)).toBe(width);
  });

  it('an unassigned code point in a combining block is measured as string-width does (zero)', async () => {
    expect(needsClusters('\u20F1')).toBe(true);
    expect((await measureFor(['\u20F1'])).width('a\u20F1')).toBe(stringWidth('a\u20F1'));
  });

  it('emoji and clustered text are measured by string-width', async () => {
    const measure = await measureFor(['👩‍💻', 'e\u0301', '🇰🇷']);
    expect(measure.width('👩‍💻 개발')).toBe(stringWidth('👩‍💻 개발'));
    expect(measure.width('🇰🇷')).toBe(2);
    expect(measure.width('e\u0301')).toBe(1);
  });

  it('agrees with string-width on any visible text', async () => {
    const measure = await clusterMeasure();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (raw) => {
        const text = visibleLine(raw);
        expect(measure.width(text)).toBe(stringWidth(text));
        if (!needsClusters(text)) expect(simpleMeasure.width(text)).toBe(stringWidth(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('fit never exceeds the columns and never splits a cluster', async () => {
    const measure = await clusterMeasure();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.integer({ min: 0, max: 40 }), (raw, columns) => {
        const text = visibleLine(raw);
        const kept = measure.fit(text, columns);
        expect(text.startsWith(kept.text)).toBe(true);
        expect(kept.width).toBe(stringWidth(kept.text));
        expect(kept.width).toBeLessThanOrEqual(columns);
        const segments = [...new Intl.Segmenter().segment(text)].map((s) => s.index);
        expect(kept.text.length === text.length || segments.includes(kept.text.length)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('plain text takes the fast way, and the fast way is right', () => {
  /** Every character the plain set holds, and a few just outside it. */
  const plainChars = [
    ...'abcXYZ019 ~!@#$%^&*()-_=+[]{};:\'",.<>/?`|\\',
    ...'가나다한글뷁ㄱㅎㅏㅣ',
    ...'éüßÆ±×÷«»',
    ...'‐–—‘’“”•…‰′″※‽⁇',
    ...'　、。〃〈〉《》「」『』【】〔〕〖〗〜〝〞〟',
    ...'！（）＊Ａｚ～｟｠',
    ...'■□▲△◆◇○●',
  ];
  const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{M}\p{Extended_Pictographic}]/u;

  it('text of those characters is NFC, shows nothing to hide, and measures as string-width does', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...plainChars), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(isPlain(text)).toBe(true);
        expect(text.normalize('NFC')).toBe(text);
        expect(UNSAFE.test(text)).toBe(false);
        expect(needsClusters(text)).toBe(false);
        expect(visibleLine(text)).toBe(text);
        expect(simpleMeasure.width(text)).toBe(stringWidth(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('every character that takes the fast way, one by one: nothing to hide, NFC, string-width\'s width', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (!isPlain(char)) continue;
      expect(UNSAFE.test(char), `U+${code.toString(16)}`).toBe(false);
      expect(char.normalize('NFC')).toBe(char);
      expect(simpleMeasure.width(char), `U+${code.toString(16)}`).toBe(stringWidth(char));
    }
  });

  it('the characters just outside it still go the careful way', () => {
    expect(visibleLine('관리자\u3164')).toBe('관리자<U+3164>');
    expect(visibleLine('soft\u00adhyphen')).toBe('soft<U+00AD>hyphen');
    expect(needsClusters('▶\ufe0f')).toBe(true);
  });
});
