import { describe, expect, it } from 'vitest';
import { releaseAddress } from '../../src/board/source-url.js';

/** Every address of one korea.kr release comes to one key, so that a release is on the board once. */

describe('releaseAddress', () => {
  it.each([
    // post 2912 as the seed board has it: a board search's link
    'https://www.korea.kr/briefing/pressReleaseView.do?newsId=156647084&pageIndex=19&repCodeType=%EC%A0%95%EB%B6%80%EB%B6%80%EC%B2%98&repCode=A00007,A00002&startDate=2023-09-02&endDate=2024-09-02&srchWord=&period=year',
    'https://www.korea.kr/briefing/pressReleaseView.do?newsId=156647084',
    'http://www.korea.kr/briefing/pressReleaseView.do?newsId=156647084',
    'https://korea.kr/briefing/pressReleaseView.do?newsId=156647084',
    'https://WWW.Korea.KR./briefing/pressReleaseView.do?newsId=156647084#content',
    'https://www.korea.kr/briefing/pressReleaseView.do?newsId=156647084&call_from=rsslink',
    'https://www.korea.kr/briefing/pressReleaseView.do?newsId=156647084&call_from=openData',
    'https://m.korea.kr/briefing/pressReleaseView.do?call_from=rsslink&newsId=156647084',
    'https://m.korea.kr/briefing/pressReleaseView.do?newsId=156647084&pWiseMinistry=ministryNews&repCode=C00003&repCodeType=%EC%A0%95%EB%B6%80%EB%B6%80%EC%B2%98',
    'https://m.korea.kr/news/pressReleaseView.do?newsId=156647084',
    'http://www.korea.kr/policy/pressReleaseView.do?newsId=156647084',
    'https://www.korea.kr/briefing/pressReleaseView.do?newsId=156647084&pWise=sub&pWiseSub=C2',
    '  https://www.korea.kr/briefing/pressReleaseView.do?newsId=0156647084  ',
  ])('%s is korea.kr/newsId=156647084', (url) => {
    expect(releaseAddress(url)).toBe('korea.kr/newsId=156647084');
  });

  it('gives other kinds of korea.kr article their number too (one numbering)', () => {
    expect(releaseAddress('https://www.korea.kr/news/policyNewsView.do?newsId=148964458&call_from=rsslink')).toBe('korea.kr/newsId=148964458');
    expect(releaseAddress('https://www.korea.kr/multi/visualNewsView.do?newsId=148969392&call_from=openData')).toBe('korea.kr/newsId=148969392');
  });

  it('tells different releases apart', () => {
    expect(releaseAddress('https://www.korea.kr/briefing/pressReleaseView.do?newsId=156647350')).not.toBe(releaseAddress('https://www.korea.kr/briefing/pressReleaseView.do?newsId=156647084'));
  });

  it.each([
    'https://www.mois.go.kr/frt/bbs/type010/commonSelectBoardArticle.do?bbsId=BBSMSTR_000000000008&nttId=110433',
    'https://gonggam.korea.kr/newsContentView.es?call_from=rsslink&news_id=657f58cb-1d79-4566-9d2b-70ad555511a9',
    'https://www.korea.kr/common/download.do?fileId=198497842&tblKey=GMN&newsId=156647084',
    'https://www.korea.kr/briefing/pressReleaseList.do',
    'https://www.korea.kr/briefing/pressReleaseView.do',
    'https://www.korea.kr/briefing/pressReleaseView.do?newsId=abc',
    'https://www.korea.kr.evil.example/briefing/pressReleaseView.do?newsId=156647084',
    'https://evilkorea.kr/briefing/pressReleaseView.do?newsId=156647084',
    'ftp://www.korea.kr/briefing/pressReleaseView.do?newsId=156647084',
    'korea.kr/newsId=156647084',
    'not a url',
  ])('%s has no key', (url) => {
    expect(releaseAddress(url)).toBeUndefined();
  });
});
