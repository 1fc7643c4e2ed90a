import { describe, expect, it } from 'vitest';
import { authorName, cleanBody, htmlLine, htmlToText, looksLikeOffice, publisherOf, splitOfficePrefix } from '../../src/pull/text.js';

/** A release's HTML and its entity-laden titles as the plain text a post holds. */

describe('htmlToText (a release body)', () => {
  it('keeps paragraphs apart by one blank line and turns <br> into a line break', () => {
    expect(htmlToText('<p>첫째 문단</p><p>둘째 문단<br>둘째 줄<br/>셋째 줄</p>')).toBe('첫째 문단\n\n둘째 문단\n둘째 줄\n셋째 줄');
  });

  it('drops the editor\'s empty paragraphs, &nbsp; runs and trailing spaces, and CR', () => {
    expect(htmlToText('<p>&nbsp;</p><p>&nbsp;&nbsp;○ 가&nbsp;&nbsp;&nbsp;나 </p>\r\n<p>&nbsp;</p><p>&nbsp;</p><p>다</p>')).toBe('○ 가 나\n\n다');
  });

  it('drops images, buttons, form controls, scripts, styles and iframes with all they hold', () => {
    const html =
      '<p>본문<img src="a.png" alt="사진 설명"></p><button onclick="print()">인쇄</button><input value="검색어"><select><option>선택</option></select>' +
      '<script>document.write("스크립트")</script><style>p { color: red }</style><iframe src="https://www.youtube.com/embed/x">영상</iframe><noscript>자바스크립트를 켜세요</noscript>';
    expect(htmlToText(html)).toBe('본문');
  });

  it('keeps the line breaks and paragraphs of a description that is plain text, not HTML', () => {
    expect(htmlToText('해양수산부는 안전점검을 실시한다.\n\n점검은 12월 한 달간 진행된다.\n- 구명장비\n- 소방설비\r\n\r\n문의: 해사안전정책과 &amp; 044-200-5800')).toBe(
      '해양수산부는 안전점검을 실시한다.\n\n점검은 12월 한 달간 진행된다.\n- 구명장비\n- 소방설비\n\n문의: 해사안전정책과 & 044-200-5800',
    );
    expect(htmlToText('<p>한 문단\n이어지는 줄</p>')).toBe('한 문단 이어지는 줄');
  });

  it('keeps an empty table cell in its place, so values stay under their headings, and the caption above the table', () => {
    const html = '<table><caption>시·도별 집행률</caption><tr><th>지역</th><th>상반기</th><th>하반기</th></tr><tr><td>서울</td><td></td><td>58.2%</td></tr><tr><td></td><td>&nbsp;</td><td></td></tr></table>';
    expect(htmlToText(html)).toBe('시·도별 집행률\n지역 | 상반기 | 하반기\n서울 | | 58.2%');
  });

  it('keeps a link\'s words, not its address', () => {
    expect(htmlToText('<p>자세한 내용은 <a href="https://www.korea.kr/">정책브리핑</a>에서 볼 수 있다.</p>')).toBe('자세한 내용은 정책브리핑에서 볼 수 있다.');
  });

  it('reads a table row by row, cells split by " | ", even with paragraphs in the cells, headings left as they are', () => {
    const html = '<table><thead><tr><th>구분</th><th>Before</th><th>After</th></tr></thead><tbody><tr><td><p>지원</p><p>대상</p></td><td>60%</td><td>80%</td></tr><tr><td></td><td></td><td></td></tr></tbody></table><p>끝</p>';
    expect(htmlToText(html)).toBe('구분 | Before | After\n지원 대상 | 60% | 80%\n\n끝');
  });

  it('decodes entities once (a CDATA body is not XML-decoded) and writes NFC', () => {
    expect(htmlToText('<p>R&amp;D &middot; &lsquo;혁신&rsquo; &#39;성장&#39; &#xAC00;</p>')).toBe('R&D · ‘혁신’ \'성장\' 가');
    // 가 as a conjoining jamo sequence (NFD) becomes the one syllable.
    expect(htmlToText('<p>\u1100\u1161</p>')).toBe('가');
  });

  it('lists items one to a line, headings without upper-casing', () => {
    expect(htmlToText('<h3>Key points</h3><ul><li>하나</li><li>둘</li></ul><ol><li>첫째</li><li>둘째</li></ol>')).toBe('Key points\n\n- 하나\n- 둘\n\n1. 첫째\n2. 둘째');
  });

  it('removes control characters the board would refuse, keeping line breaks', () => {
    expect(htmlToText('<p>가\u0007나\u001b[31m다</p>')).toBe('가나[31m다');
  });

  it('gives no text for no HTML', () => {
    expect(htmlToText('')).toBe('');
    expect(htmlToText('<p> </p><img src="x">')).toBe('');
  });

  it('reads deeply nested markup without running out of stack', () => {
    const html = '<div>'.repeat(5000) + '깊은 본문' + '</div>'.repeat(5000);
    expect(() => htmlToText(html)).not.toThrow();
  });
});

describe('htmlLine (a title, subtitle or name)', () => {
  it('decodes the entities feeds write, a double escape included', () => {
    expect(htmlLine('안전&middot;재난')).toBe('안전·재난');
    expect(htmlLine('&quot;지방소멸 대응&quot; 간담회')).toBe('"지방소멸 대응" 간담회');
    expect(htmlLine('&#39;고향사랑기부제&#39; 활성화&#8230;')).toBe("'고향사랑기부제' 활성화…");
    expect(htmlLine('R&D 예산')).toBe('R&D 예산');
  });

  it('keeps a < as text: a title is never markup', () => {
    expect(htmlLine('<2024 지방자치 박람회> 개막')).toBe('<2024 지방자치 박람회> 개막');
    expect(htmlLine('<b>굵게</b>')).toBe('<b>굵게</b>');
  });

  it('is one line: whitespace collapsed, control and invisible characters gone, trimmed', () => {
    expect(htmlLine('  세계 최고\n\t디지털플랫폼정부\u200b \u0007 ')).toBe('세계 최고 디지털플랫폼정부');
    expect(htmlLine('줄\u2028나눔&nbsp;&nbsp;공백')).toBe('줄 나눔 공백');
  });
});

describe('the [부처] title prefix', () => {
  it('is moved out when it names an office', () => {
    expect(splitOfficePrefix('[행정안전부] 세계 최고 디지털플랫폼정부')).toEqual({ office: '행정안전부', title: '세계 최고 디지털플랫폼정부' });
    expect(splitOfficePrefix('[기재부·행안부]공동 발표')).toEqual({ office: '기재부·행안부', title: '공동 발표' });
    expect(splitOfficePrefix('[공정거래위원회] 하도급 실태조사')).toEqual({ office: '공정거래위원회', title: '하도급 실태조사' });
  });

  it('stays when it is a label, a topic, or not leading, or when nothing would be left', () => {
    for (const title of ['[보도자료] 하반기 달라지는 제도', '[해명] 보도 관련', '[사진] 현장 방문', '[정부] 발표', '제목 [행정안전부]', '[행정안전부]', '[KOTRA] 수출 동향', '[AI] 정책']) {
      expect(splitOfficePrefix(title)).toEqual({ title });
    }
  });

  it('reads names as offices by their ending, three syllables at least', () => {
    for (const name of ['행정안전부', '안전개선과', '국무조정실', '경찰청', '법제처', '감사원', '서울특별시', '경기도', '강남구', '양평군', '국민권익위', '정책기획관', '한국생산성본부']) {
      expect(looksLikeOffice(name), name).toBe(true);
    }
    for (const name of ['보도자료', '정부', '경제', '사전보도', '연구', '대한민국', '정책브리핑', 'KOTRA', '해명자료']) {
      expect(looksLikeOffice(name), name).toBe(false);
    }
  });
});

describe('the publisher a channel names', () => {
  it('is the first word of its title when that word is an office', () => {
    expect(publisherOf('행정안전부 보도자료')).toBe('행정안전부');
    expect(publisherOf('[행정안전부] 보도자료')).toBe('행정안전부');
    expect(publisherOf('보건복지부')).toBe('보건복지부');
    expect(publisherOf('대한민국 정책브리핑')).toBeUndefined();
    expect(publisherOf('정책브리핑 - 부처 보도자료')).toBeUndefined();
    expect(publisherOf(undefined)).toBeUndefined();
  });
});

describe('RSS <author> as a department', () => {
  it('is the name, not an e-mail address', () => {
    expect(authorName('안전개선과')).toBe('안전개선과');
    expect(authorName('webmaster@mois.go.kr (행정안전부 대변인실)')).toBe('행정안전부 대변인실');
    expect(authorName('webmaster@mois.go.kr')).toBeUndefined();
    expect(authorName(undefined)).toBeUndefined();
  });
});

describe('cleanBody', () => {
  it('keeps at most one blank line, LF only, no trailing spaces', () => {
    expect(cleanBody('가  \r\n\r\n\r\n\r\n나\u2029다\t\n')).toBe('가\n\n나\n다');
  });
});
