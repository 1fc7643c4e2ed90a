/**
 * One key for every address of one korea.kr release, so that a release pulled twice, or
 * pulled after someone pasted it by hand, is seen as the same release.
 *
 * korea.kr (대한민국 정책브리핑) shows each article at a `…View.do` page with its number in
 * `newsId`; the same article is reachable in many ways:
 *
 *   https://www.korea.kr/briefing/pressReleaseView.do?newsId=156647084&pageIndex=19&repCodeType=…&repCode=…&startDate=…&srchWord=&period=year
 *                                                                  (a board search's link, as post 2912 has it)
 *   https://www.korea.kr/briefing/pressReleaseView.do?newsId=156647084&call_from=rsslink   (the old RSS feeds)
 *   https://www.korea.kr/briefing/pressReleaseView.do?newsId=156647084&call_from=openData  (the briefing API's OriginalUrl)
 *   https://m.korea.kr/briefing/pressReleaseView.do?call_from=rsslink&newsId=156337109    (mobile; any order)
 *   https://m.korea.kr/news/pressReleaseView.do?newsId=155809549                          (mobile, older path)
 *   http://www.korea.kr/policy/pressReleaseView.do?newsId=156081058                       (before 2019)
 *   https://www.korea.kr/briefing/pressReleaseView.do?newsId=156665860&pWise=sub&pWiseSub=C2
 *   https://www.korea.kr/news/policyNewsView.do?newsId=148964458, /multi/visualNewsView.do?newsId=…,
 *   /briefing/speechView.do?newsId=…                                                        (other kinds, same numbering)
 *
 * with or without `www.`, over http or https. Policy news (148…), press releases (156…) and the
 * rest share one numbering, so the key is the number alone: `korea.kr/newsId=156647084`.
 * Other korea.kr sites number their articles otherwise (gonggam.korea.kr's `news_id` is a UUID)
 * and get no key, nor do korea.kr pages that are not an article (a file download with a
 * `newsId`, the home page).
 */
export function releaseAddress(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (host !== 'korea.kr' && host !== 'www.korea.kr' && host !== 'm.korea.kr') return undefined;
  if (!/View\.do$/i.test(parsed.pathname)) return undefined;
  for (const [name, value] of parsed.searchParams) {
    if (name.toLowerCase() !== 'newsid') continue;
    const number = value.trim();
    if (!/^\d{1,20}$/.test(number)) return undefined;
    return `korea.kr/newsId=${number.replace(/^0+(?=\d)/, '')}`;
  }
  return undefined;
}
