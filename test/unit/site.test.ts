import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postMatcher, searchTerms } from '../../src/board/query.js';
import { html, httpUrl, joinHtml, scriptData, sitePath, staticHtml } from '../../src/formats/site/html.js';
import { bodyParagraphs } from '../../src/formats/site/pages.js';
import { gramShard, searchPosts } from '../../src/formats/site/search-core.js';
import { searchIndex } from '../../src/formats/site/search-index.js';
import { HOSTILE_PIECES, hostileText } from '../support/hostile.js';
import { makePost } from '../support/posts.js';
import type { Post } from '../../src/board/post.js';

describe('the web board: one escaper', () => {
  it('escapes every value put into a template, in text and in attributes', () => {
    const title = `<script>alert(1)</script> "quoted" 'single' & <img src=x onerror=alert(2)>`;
    const page = html`<h1 title="${title}">${title}</h1>`.markup;
    expect(page).toBe(
      '<h1 title="&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &#39;single&#39; &amp; &lt;img src=x onerror=alert(2)&gt;">&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &#39;single&#39; &amp; &lt;img src=x onerror=alert(2)&gt;</h1>',
    );
  });

  it('keeps markup it built, once: nothing is escaped twice or let through unescaped', () => {
    const inner = html`<b>${'a & b'}</b>`;
    expect(html`<p>${inner} ${['<i>', inner]}</p>`.markup).toBe('<p><b>a &amp; b</b> &lt;i&gt;<b>a &amp; b</b></p>');
    expect(joinHtml(['<x>', inner], ' | ').markup).toBe('&lt;x&gt; | <b>a &amp; b</b>');
  });

  it('takes only a real template literal, and a style sheet only without values', () => {
    const fake = Object.assign(['<script>alert(1)</script>'], { raw: ['<script>alert(1)</script>'] }) as unknown as TemplateStringsArray;
    expect(() => html(fake)).toThrow(TypeError);
    expect(() => staticHtml(fake)).toThrow(TypeError);
  });

  it('links only http and https addresses; href, src and action take nothing else', () => {
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '//evil.example', 'http:/x', 'file:///etc/passwd']) {
      expect(httpUrl(bad), bad).toBeUndefined();
    }
    expect(httpUrl('https://www.korea.kr/a?b=<2>&c="d"')?.href).toBe('https://www.korea.kr/a?b=%3C2%3E&c=%22d%22');
    expect(() => html`<a href="${'https://www.korea.kr/'}">x</a>`).toThrow(TypeError);
    expect(() => html`<a href="${'javascript:alert(1)'}">x</a>`).toThrow(TypeError);
    expect(() => html`<script src="${'evil.js'}"></script>`).toThrow(TypeError);
    expect(() => sitePath('javascript:alert(1)')).toThrow(TypeError);
    expect(() => sitePath('https://evil.example/')).toThrow(TypeError);
    expect(html`<a href="${sitePath('../../posts/2912/index.html')}">x</a>`.markup).toBe('<a href="../../posts/2912/index.html">x</a>');
  });

  it('a body: paragraphs at blank lines, its http(s) addresses linked and nothing else', () => {
    const body = '첫 문단 https://www.korea.kr/news?id=1&x=2에서 보세요.\n둘째 줄 javascript:alert(1)\r\n\r\n<script>alert(1)</script> www.evil.example';
    expect(bodyParagraphs(body).map((paragraph) => paragraph.markup)).toEqual([
      '<p>첫 문단 <a href="https://www.korea.kr/news?id=1&amp;x=2">https://www.korea.kr/news?id=1&amp;x=2</a>에서 보세요.<br>\n둘째 줄 javascript:alert(1)</p>',
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; www.evil.example</p>',
    ]);
  });

  it('shows what a page would hide or obey: control characters, bidi overrides, lone surrogates', () => {
    expect(html`${'a\x1b[31mb\u202ec\ud800d\u0085e\u2066'}`.markup).toBe('a␛[31mb&lt;U+202E&gt;c\uFFFDd&lt;U+0085&gt;e&lt;U+2066&gt;');
  });

  it('script data cannot end a script element or a string', () => {
    const data = scriptData(['</script><script>alert(1)</script>', '\u2028\u2029', '&']);
    expect(data).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(data)).toEqual(['</script><script>alert(1)</script>', '\u2028\u2029', '&']);
  });
});

/** What the search page finds for `query` in the index of `posts`: its files read back as the browser reads them. */
function searched(posts: readonly Post[], query: string): number[] {
  const { layout, files } = searchIndex(posts);
  const parts = new Map<string, unknown>();
  for (const file of files) new Function('postboardSearch', file.text)((kind: string, number: number, data: unknown) => parts.set(`${kind}/${number}`, data));
  const entry = (gram: string) => {
    const flat = parts.get(`g/${gramShard(gram, layout.shards)}`) as string[];
    for (let k = 0; k < flat.length; k += 2) if (flat[k] === gram) return flat[k + 1];
    return undefined;
  };
  return searchPosts(searchTerms(query), entry).map((place) => (posts[place] as Post).id);
}

describe('the web board: its search finds what list --search finds', () => {
  const board = [
    makePost({ id: 1, title: '청정수소, 글로벌 협력과 기술 공유의 장 열려', body: '수소 경제' }),
    makePost({ id: 2, title: '무탄소에너지(CFE) 글로벌 확산', body: '청정수소 생산 기술을 논의했다' }),
    makePost({ id: 3, title: '원전 협력 확대', body: '에너지 분야\n\n수\n소' }),
    makePost({ id: 4, title: 'ÉNERGIE Propre', body: 'İstanbul 회의' }),
    // Every pair of 청정수소 (청정, 정수, 수소), none of them one after another: not found.
    makePost({ id: 5, title: '청정 에너지', body: '정수기와 수소' }),
  ];
  const expected = (query: string) => board.filter(postMatcher({ status: 'all', search: searchTerms(query) })).map((post) => post.id);

  it.each(['수소', '청정수소', '에너지', '협', '수', '"에너지 분야"', '수소 협력', '글로벌 확산', 'énergie', 'énergie propre', 'İ', 'i̇stanbul', '소 경', '없는말', '"수\n소"', '力'])('%s', (query) => {
    expect(searched(board, query)).toEqual(expected(query));
  });

  it('for any posts and any terms: exactly the posts list --search keeps', () => {
    const text = fc.oneof(hostileText(4), fc.constantFrom(...HOSTILE_PIECES), fc.string({ unit: fc.constantFrom('가', '나', '다', '수', '소', ' ', '\n', 'a', 'A', 'İ', '\u0301'), maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 3 }), (texts, which, slices) => {
        const posts = texts.map(([title, body], i) => makePost({ id: texts.length - i, title, body }));
        // Terms cut from the posts' own text (so some are found), and random ones.
        const source = posts.map((post) => `${post.title}\n${post.body}`).join('\n');
        const cut = slices.map(([at, length]) => source.slice(at % Math.max(1, source.length)).slice(0, 1 + (length % 5)));
        const terms = [...cut, ...which.map((n) => ['수소', '가', '소 ', 'a'][n % 4] as string)].map((term) => term.normalize('NFC').toLowerCase().trim()).filter((term) => term && !/\s/.test(term));
        const query = terms.map((term) => `"${term.replace(/"/g, '')}"`).join(' ');
        const listed = posts.filter(postMatcher({ status: 'all', search: searchTerms(query) })).map((post) => post.id);
        expect(searched(posts, query)).toEqual(listed);
      }),
      { numRuns: 300 },
    );
  });

  it('a term of three or more letters only where its pairs run on, one after another (three letters, long texts: every pair is everywhere)', () => {
    const letters = fc.string({ unit: fc.constantFrom('가', '나', '다'), minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(fc.array(fc.tuple(letters, letters), { minLength: 1, maxLength: 5 }), fc.array(fc.string({ unit: fc.constantFrom('가', '나', '다'), minLength: 3, maxLength: 6 }), { minLength: 1, maxLength: 2 }), (texts, terms) => {
        const posts = texts.map(([title, body], i) => makePost({ id: texts.length - i, title, body }));
        const query = terms.join(' ');
        expect(searched(posts, query)).toEqual(posts.filter(postMatcher({ status: 'all', search: searchTerms(query) })).map((post) => post.id));
      }),
      { numRuns: 300 },
    );
  });
});
