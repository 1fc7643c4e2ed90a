import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../../src/pull/charset.js';
import { parseFeed } from '../../src/pull/feed.js';
import { htmlToText } from '../../src/pull/text.js';
import { PullProblem, type PullProblemKind } from '../../src/pull/problem.js';
import { feedFixture } from '../support/feed-server.js';

/**
 * Feeds as Korean ministries write them (test/fixtures/feeds/), read into releases; and the
 * documents that must not be read: DOCTYPEs with entities, malformed XML, things that are no feed.
 */

const feed = (name: string) => parseFeed(decodeFeed(feedFixture(name)));

function problemOf(xml: string): PullProblemKind {
  try {
    parseFeed(xml);
  } catch (error) {
    if (error instanceof PullProblem) return error.problem;
    throw error;
  }
  throw new Error('parseFeed succeeded');
}

describe('an RSS 2.0 feed shaped like 행정안전부\'s', () => {
  const parsed = feed('mois-rss.xml');
  const [digital, summer, local] = parsed.releases;

  it('is RSS, titled, with its items in order', () => {
    expect(parsed.kind).toBe('rss');
    expect(parsed.title).toBe('행정안전부 보도자료');
    expect(parsed.releases.map((release) => release.title)).toEqual([
      '세계 최고 디지털플랫폼정부, 10개 개발도상국에 전파한다',
      '여름철 물놀이 안전사고 예방·대응 강화',
      '"지방소멸 대응" 현장 간담회 개최… \'고향사랑기부제\' 활성화 논의',
    ]);
  });

  it('takes the department from <author>, the agency from the channel, the date from an upper-case KST pubDate', () => {
    expect(summer).toMatchObject({ department: '안전개선과', agency: '행정안전부', date: '2019-07-21' });
    expect(digital).toMatchObject({ department: '디지털정부정책과', date: '2024-08-26' });
    expect(local?.date).toBe('2024-08-28');
  });

  it('links each release to its page (the &amp; of the XML read), with the guid as its id', () => {
    expect(digital?.url).toBe('https://www.mois.go.kr/frt/bbs/type010/commonSelectBoardArticle.do?bbsId=BBSMSTR_000000000008&nttId=110433');
    expect(digital?.id).toBe(digital?.url);
  });

  it('reads the HTML of the CDATA body as text: paragraphs, line breaks, tables by row; no image, button, script, style or link address', () => {
    expect(digital?.body).toBe(
      [
        '행정안전부(장관 이상민)는 2024년 8월 26일(월)부터 8월 30일(금)까지 디지털정부 정책관리자 초청연수를 실시하여 정부가 추진하고 있는 디지털플랫폼정부를 10개 참가국에 공유한다.',
        '',
        '○ 2014년부터 시작된 디지털정부 초청연수 과정은 ODA(공적개발원조) 사업의 일환으로',
        '한국 디지털정부에 관심있는 개발도상국의 고위급 공무원을 초청하여 정책과 우수사례를 공유하기 위해 마련됐다.',
        '',
        '연수 개요',
        '구분 | 내용',
        '기간 | 2024. 8. 26.(월) ~ 8. 30.(금)',
        '참가국 | 태국, 몽골, 스리랑카, 네팔, 라오스 등 10개국',
        '',
        '이용석 디지털정부혁신실장은 “디지털정부 정책관리자 과정은 세계 최고 수준의 디지털플랫폼정부 관련 정책을 공유하는 좋은 기회가 될 것”이라고 밝혔다.',
        '',
        '붙임 보도자료.hwpx',
      ].join('\n'),
    );
    expect(summer?.body).toContain('\n\n- 구명조끼 착용하기\n- 물에 들어가기 전 준비운동 하기\n');
    for (const release of parsed.releases) {
      expect(release.body).not.toMatch(/인쇄|SNS 공유|스크립트|margin|사진|https?:|<|&nbsp;|\u00a0| \n|\r/);
      expect(release.body).toBe(release.body.normalize('NFC'));
    }
  });

  it('is the same read from the EUC-KR copy, declared only in its prolog', () => {
    expect(feed('mois-rss-euckr.xml')).toEqual(parsed);
  });
});

describe('RSS with namespaced elements', () => {
  it('takes content:encoded over a summary description, dc:creator and dc:date, and RSS 1.0 items beside the channel', () => {
    const rss2 =
      '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>국토교통부 보도자료</title>' +
      '<item><title>전세사기 피해 지원</title><description>요약</description><content:encoded><![CDATA[<p>전문 첫 문단</p><p>둘째 문단</p>]]></content:encoded>' +
      '<dc:creator>주택정책과</dc:creator><dc:date>2024-08-20T10:00:00+09:00</dc:date><link>https://www.molit.go.kr/a?id=1</link></item></channel></rss>';
    expect(parseFeed(rss2).releases).toEqual([
      { title: '전세사기 피해 지원', body: '전문 첫 문단\n\n둘째 문단', department: '주택정책과', agency: '국토교통부', date: '2024-08-20', url: 'https://www.molit.go.kr/a?id=1', id: 'https://www.molit.go.kr/a?id=1' },
    ]);
    const rss1 =
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="x"><title>통계청</title></channel>' +
      '<item rdf:about="https://kostat.go.kr/1"><title>7월 고용동향</title><link>https://kostat.go.kr/1</link><description>취업자 증가</description><dc:date>2024-08-14</dc:date></item></rdf:RDF>';
    expect(parseFeed(rss1)).toEqual({
      kind: 'rss',
      title: '통계청',
      releases: [{ title: '7월 고용동향', body: '취업자 증가', agency: '통계청', date: '2024-08-14', url: 'https://kostat.go.kr/1', id: 'https://kostat.go.kr/1' }],
    });
  });

  it('reads HTML a feed left unescaped in <description>, and a link given only as a permalink guid', () => {
    const xml = '<rss><channel><item><title>제목</title><description><p>첫 문단</p><p>둘째 <b>강조</b> 문단</p></description><guid>https://www.mois.go.kr/x?n=1</guid></item></channel></rss>';
    expect(parseFeed(xml).releases).toEqual([{ title: '제목', body: '첫 문단\n\n둘째 강조 문단', url: 'https://www.mois.go.kr/x?n=1', id: 'https://www.mois.go.kr/x?n=1' }]);
  });
});

describe('a [부처] prefix in the press-release API', () => {
  it('moves the office into the department, as in feeds', () => {
    const xml = '<response><header><resultCode>0</resultCode></header><body><NewsItem><NewsItemId>1</NewsItemId><Title><![CDATA[[행정안전부] 2027년 지방재정 운용방향 발표]]></Title><DataContents><![CDATA[<p>본문</p>]]></DataContents><MinisterCode>행정안전부</MinisterCode></NewsItem></body></response>';
    expect(parseFeed(xml).releases[0]).toMatchObject({ title: '2027년 지방재정 운용방향 발표', department: '행정안전부', agency: '행정안전부' });
  });
});

describe('a feed made to cost time', () => {
  // Each took minutes to hours before (patterns that backtracked); bounded, the pull ends.
  it.each([
    ['a prolog of many comments', () => parseFeed(`<?xml version="1.0"?>${'<!---->'.repeat(5000)}<rss version="2.0"><channel><item><title>x</title></item></channel></rss>`)],
    ['a bare & before a million unclosed comments', () => problemOf(`<rss>&${'<!--'.repeat(1_000_000)}</rss>`)],
    ['half a million <a without a >', () => htmlToText('<a'.repeat(500_000))],
    ['an author of 200,000 a@', () => parseFeed(`<rss><channel><item><title>t</title><author>${'a@'.repeat(200_000)}</author></item></channel></rss>`)],
  ])('%s is read at once', (_, read) => {
    const started = performance.now();
    read();
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('refuses an entity declared where a <!-- in an attribute or a processing instruction hid it from the DOCTYPE scan', () => {
    expect(problemOf('<rss><x a="<!--"/><!DOCTYPE r [<!ENTITY e "EXPANDED">]><channel><item><title>&e;</title></item></channel></rss>')).toEqual({ kind: 'doctype' });
    expect(problemOf('<rss><?pi <!-- ?><!DOCTYPE r [<!ENTITY lt "x">]><channel><item><title>&lt;</title></item></channel></rss>')).toEqual({ kind: 'doctype' });
  });
});

describe('a sloppy feed', () => {
  it('reads a feed whose DOCTYPE only names the RSS 0.91 DTD (nothing declared, nothing fetched); one that declares anything is refused', () => {
    const named = '<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"\n "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"><channel><title>해양수산부 보도자료</title><item><title>제목</title><description>본문</description></item></channel></rss>';
    expect(parseFeed(named).releases).toEqual([{ title: '제목', agency: '해양수산부', body: '본문' }]);
    expect(problemOf(named.replace('.dtd">', '.dtd" [<!ENTITY x "y">]>'))).toEqual({ kind: 'doctype' });
    expect(problemOf('<!DOCTYPE rss SYSTEM "file:///etc/passwd"><rss><channel><item><title>x</title></item></channel></rss>')).toEqual({ kind: 'doctype' });
    expect(problemOf('<rss><channel><title>t</title></channel></rss>\n<!DOCTYPE rss PUBLIC "a" "b">')).toEqual({ kind: 'doctype' });
  });

  it('takes a bare & (in a link, in R&D) as the &amp; it means, outside CDATA; any other fault is still malformed', () => {
    const xml = '<rss version="2.0"><channel><title>행정안전부 보도자료</title><item><title>R&D 예산 &amp; 투자 &middot; 확대</title><link>https://www.mois.go.kr/a.do?b=1&c=2</link><description><![CDATA[<p>A &amp; B & C</p>]]></description></item></channel></rss>';
    expect(parseFeed(xml).releases).toEqual([{ title: 'R&D 예산 & 투자 · 확대', agency: '행정안전부', body: 'A & B & C', url: 'https://www.mois.go.kr/a.do?b=1&c=2', id: 'https://www.mois.go.kr/a.do?b=1&c=2' }]);
    expect(() => parseFeed('<rss><channel><item><title>R&D</title></channel></rss>')).toThrow(PullProblem);
  });
});

describe('a feed with [부처] title prefixes and <category>', () => {
  const { releases } = feed('prefixed-rss.xml');

  it('moves a leading office prefix into the department, and no label or trailing bracket', () => {
    expect(releases.map((release) => [release.title, release.department])).toEqual([
      ['세계 최고 디지털플랫폼정부, 10개 개발도상국에 전파한다', '행정안전부'],
      // <category> 보도자료 is a topic, 기초생활보장과 an office: the office comes before the prefix.
      ['2025년 기준 중위소득 6.42% 인상', '기초생활보장과'],
      ['[보도자료] 2024년 하반기 달라지는 제도', '국무조정실'],
      ['농촌 빈집 정비 지원 확대 [농림축산식품부]', undefined],
    ]);
  });

  it('takes the agency from a [부처] prefix (the channel title names none), and reads RFC 822 with GMT, 2024.07.01 and 2024-08-20 12:00:00', () => {
    // The ministry the prefix names is the agency even where <category> gives the department.
    expect(releases.map((release) => release.agency)).toEqual(['행정안전부', '보건복지부', undefined, undefined]);
    // 08:00 GMT on 25 July is 17:00 in Seoul, the same day.
    expect(releases.map((release) => release.date)).toEqual(['2024-08-26', '2024-07-25', '2024-07-01', '2024-08-20']);
  });

  it('keeps korea.kr links as they are, and a guid that is no permalink only as the id', () => {
    expect(releases[1]?.url).toBe('https://m.korea.kr/briefing/pressReleaseView.do?call_from=rsslink&newsId=156643381');
    expect(releases[1]?.id).toBe('156643381');
  });
});

describe('an Atom feed', () => {
  const parsed = feed('atom.xml');
  const [income, covid, reform] = parsed.releases;

  it('reads html, xhtml and text content, and entry authors as departments', () => {
    expect(parsed).toMatchObject({ kind: 'atom', title: '보건복지부 보도자료' });
    expect(income).toMatchObject({
      title: '2025년 기준 중위소득 6.42% 인상… 4인 가구 월 609만 원',
      department: '기초생활보장과',
      agency: '보건복지부',
      date: '2024-07-25',
      url: 'https://www.mohw.go.kr/board.es?mid=a10503000000&bid=0027&list_no=1482626&act=view',
      id: 'tag:mohw.go.kr,2024:press/1482626',
      body: '보건복지부는 25일 제74차 중앙생활보장위원회를 열어 2025년도 기준 중위소득을 4인 가구 기준 609만 7,773원으로 의결했다.\n\n이는 올해 572만 9,913원보다 6.42% 오른 금액이다.',
    });
    expect(covid?.body).toBe('질병관리청은 코로나19 입원환자가 늘고 있어 고위험군의 예방수칙 준수를 당부했다.\n\n65세 이상 어르신은 사람이 많은 곳에서 마스크를 쓰는 것이 좋다.');
    expect(reform?.body).toBe('의료개혁특별위원회는 30일 제6차 회의를 열고 전문의 중심 병원 전환 방안을 논의했다.');
  });

  it('reads markup in an html title as text, and keeps a < in a text title', () => {
    const xml =
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="html">&lt;b&gt;[속보]&lt;/b&gt; 태풍 &amp;lt;카눈&amp;gt; 북상</title></entry>' +
      '<entry><title>&lt;2024 지방자치 박람회&gt; 개막</title></entry></feed>';
    expect(parseFeed(xml).releases.map((release) => release.title)).toEqual(['[속보] 태풍 <카눈> 북상', '<2024 지방자치 박람회> 개막']);
  });

  it('takes a [부처] prefix, dates in Korea time (23:30 UTC is the next day); a relative link only against a base', () => {
    expect(covid).toMatchObject({ title: '코로나19 재유행 대비 고위험군 예방수칙 안내', department: '질병관리청', date: '2024-08-14' });
    expect(reform?.date).toBe('2024-08-30');
    expect(reform?.url).toBeUndefined();
    // The address the feed came from is the base of its relative links (as feed readers do), and xml:base before it.
    const based = parseFeed(decodeFeed(feedFixture('atom.xml')), 'https://www.mohw.go.kr/rss/press.xml').releases[2];
    expect(based?.url).toBe('https://www.mohw.go.kr/board.es?list_no=1482800');
    const xmlBase = '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.go.kr/news/"><entry><title>t</title><link href="view?id=1"/></entry><entry><title>u</title><link href="javascript:alert(1)"/></entry></feed>';
    expect(parseFeed(xmlBase, 'https://other.example/feed').releases.map((release) => release.url)).toEqual(['https://example.go.kr/news/view?id=1', undefined]);
  });
});

describe('the 정책브리핑 API answer', () => {
  it('reads each NewsItem: title, SubTitle1, body, ministry, approval date, korea.kr link, id, embargo', () => {
    const parsed = feed('briefing-20240826.xml');
    expect(parsed.kind).toBe('briefing');
    const [digital, finance] = parsed.releases;
    expect(digital).toMatchObject({
      title: '세계 최고 디지털플랫폼정부, 10개 개발도상국에 전파한다',
      subtitle: '- 8.26.~8.30. 디지털정부 정책관리자 초청연수 실시',
      subtitles: ['- 8.26.~8.30. 디지털정부 정책관리자 초청연수 실시', '- 태국·몽골 등 10개국 국장급 공무원 11명 참석'],
      agency: '행정안전부',
      date: '2024-08-26',
      url: 'https://www.korea.kr/briefing/pressReleaseView.do?newsId=156647084&call_from=openData',
      id: '156647084',
      embargo: '2024-08-26T03:00:00.000Z',
    });
    expect(digital?.department).toBeUndefined();
    expect(digital?.body.split('\n\n')).toHaveLength(3);
    expect(digital?.body).not.toMatch(/포스터|https?:/);
    // An empty SubTitle1 is no subtitle; an entity in a CDATA title is decoded; the table is read by row.
    expect(finance).toMatchObject({ title: '"민생 회복" 지방재정 신속집행 점검회의 개최', date: '2024-08-27', embargo: '2024-08-27T21:00:00.000Z' });
    expect(finance?.subtitle).toBeUndefined();
    expect(finance?.body).toContain('구분 | 목표 | 집행률\n지방자치단체 | 60% | 58.2%\n');
  });

  it('reads the next window, and an empty answer as no releases', () => {
    expect(feed('briefing-20240829.xml').releases.map((release) => [release.id, release.date, release.agency])).toEqual([
      ['156647901', '2024-08-29', '보건복지부'],
      ['156648120', '2024-08-31', '행정안전부'],
    ]);
    expect(feed('briefing-empty.xml')).toEqual({ kind: 'briefing', releases: [] });
  });

  it('reads the later <items><item> shape too', () => {
    const xml = '<response><header><resultCode>00</resultCode><resultMsg>NORMAL SERVICE.</resultMsg></header><body><items><item><Title>제목</Title><DataContents>&lt;p&gt;본문&lt;/p&gt;</DataContents><MinisterCode>기획재정부</MinisterCode><ApproveDate>07/23/2026 09:00:00</ApproveDate></item></items></body></response>';
    expect(parseFeed(xml).releases).toEqual([{ title: '제목', body: '본문', agency: '기획재정부', date: '2026-07-23' }]);
  });

  it('turns an error answer, in either shape data.go.kr uses, into an `api` problem', () => {
    expect(() => feed('briefing-error-key.xml')).toThrow(expect.objectContaining({ problem: { kind: 'api', code: '30', message: 'SERVICE_KEY_IS_NOT_REGISTERED_ERROR' } }));
    expect(() => feed('briefing-error-limit.xml')).toThrow(expect.objectContaining({ problem: { kind: 'api', code: '22', message: 'LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR' } }));
    // "No data in this window" is not a failure.
    expect(parseFeed('<response><header><resultCode>03</resultCode><resultMsg>NODATA_ERROR</resultMsg></header></response>').releases).toEqual([]);
  });
});

describe('items that will not make a valid post', () => {
  it('are given as they are, for the command to refuse one by one', () => {
    const titles = feed('invalid-items.xml').releases.map((release) => release.title);
    expect(titles).toHaveLength(3);
    expect(titles[0]).toBe('주민등록증 모바일 확인 서비스 전국 확대');
    expect(titles[1]).toBe('');
    expect([...(titles[2] ?? '')]).toHaveLength(300);
  });
});

describe('XML that is refused', () => {
  it('refuses a billion-laughs DOCTYPE at once, expanding nothing', () => {
    const xml = decodeFeed(feedFixture('billion-laughs.xml'));
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    expect(problemOf(xml)).toEqual({ kind: 'doctype' });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses an external entity (SYSTEM "file:///etc/passwd") as a DOCTYPE, reading no file', () => {
    expect(problemOf(decodeFeed(feedFixture('external-entity.xml')))).toEqual({ kind: 'doctype' });
  });

  it('refuses even a harmless-looking internal entity, which the parser alone would expand', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY who "행정안전부">]><rss><channel><item><title>&who; 보도자료</title></item></channel></rss>';
    expect(problemOf(xml)).toEqual({ kind: 'doctype' });
  });

  it('refuses a DOCTYPE that comes after the root element has begun (fast-xml-parser would read its entities there)', () => {
    const xml = '<rss><channel><!DOCTYPE x [<!ENTITY who "행정안전부">]><item><title>&who;</title></item></channel></rss>';
    expect(problemOf(xml)).toEqual({ kind: 'doctype' });
    expect(problemOf('<rss><channel><!doctype x><item/></channel></rss>')).toEqual({ kind: 'doctype' });
  });

  it('reads a DOCTYPE inside CDATA or a comment as the text it is', () => {
    const xml = '<rss><channel><!-- <!DOCTYPE x> --><item><title>제목</title><description><![CDATA[<!DOCTYPE html><html><body><p>본문</p></body></html>]]></description></item></channel></rss>';
    expect(parseFeed(xml).releases).toEqual([{ title: '제목', body: '본문' }]);
  });

  it('says where malformed XML breaks', () => {
    expect(problemOf(decodeFeed(feedFixture('malformed.xml')))).toEqual({ kind: 'malformed', line: 8, detail: expect.stringContaining("'itme'") });
    expect(problemOf('<rss><channel><title>A &amp; B</title></chanel></rss>')).toMatchObject({ kind: 'malformed', line: 1 });
  });

  it('tells an HTML page, a sitemap, JSON and nothing at all from a feed', () => {
    expect(problemOf('<!DOCTYPE html>\n<html><head><title>로그인</title></head><body></body></html>')).toEqual({ kind: 'not-a-feed', root: 'html' });
    expect(problemOf('<?xml version="1.0"?><urlset><url><loc>https://www.mois.go.kr/</loc></url></urlset>')).toEqual({ kind: 'not-a-feed', root: 'urlset' });
    expect(problemOf('{"response":{"header":{"resultCode":"30"}}}')).toEqual({ kind: 'not-xml' });
    expect(problemOf('')).toEqual({ kind: 'not-xml' });
    expect(problemOf('SERVICE ERROR')).toEqual({ kind: 'not-xml' });
  });
});
