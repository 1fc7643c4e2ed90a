import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, decodeUtf8Way } from '../../src/utf8.js';

describe('decoding a board file', () => {
  it('gives exactly what buffer.toString("utf8") gives, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 6000 }), fc.string({ unit: 'grapheme', maxLength: 3000 }), (noise, text) => {
        for (const bytes of [Buffer.from(noise), Buffer.from(text.repeat(3)), Buffer.concat([Buffer.from(text.repeat(3)), Buffer.from(noise)])]) {
          expect(decodeUtf8(bytes)).toBe(bytes.toString('utf8'));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a large Korean file takes the fast way and comes out the same; malformed bytes take Node\'s', () => {
    const text = `{"title": "${'청정수소 글로벌 협력 '.repeat(2000)}", "emoji": "👩‍💻🇰🇷"}`;
    expect(decodeUtf8Way(Buffer.from(text))).toEqual({ text, way: 'icu' });
    const broken = Buffer.concat([Buffer.from(text), Buffer.from([0xff])]);
    expect(decodeUtf8Way(broken)).toEqual({ text: broken.toString('utf8'), way: 'node' });
    expect(decodeUtf8Way(Buffer.from('짧은 글')).way).toBe('node');
  });
});

describe('encoding output', () => {
  it('gives exactly what Buffer.from gives, lone surrogates included', async () => {
    const { encodeUtf8 } = await import('../../src/utf8.js');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (text) => {
        const long = text.repeat(3);
        expect(encodeUtf8(long).equals(Buffer.from(long))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
