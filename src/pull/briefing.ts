import { isCalendarDate } from '../board/dates.js';
import { instantOf, koreaDate } from './dates.js';
import { PullProblem, serverText } from './problem.js';
import type { Release } from './release.js';
import { htmlLine, htmlToText, lineOrNothing, splitOfficePrefix } from './text.js';
import { childNamed, childrenNamed, kidsOf, tagOf, textOf, type XmlNode } from './xml.js';
import { httpUrl } from './urls.js';

/**
 * 정책브리핑 보도자료 API (data.go.kr "문화체육관광부_정책브리핑_보도자료_API",
 * apis.data.go.kr/1371000/pressReleaseService/pressReleaseList), which replaced korea.kr's RSS
 * feeds. Its guide (data.go.kr/data/15095295) lists three parameters, all required: serviceKey,
 * startDate and endDate (YYYYMMDD); no paging: one call answers a whole window, and a window is
 * at most three days (the API refuses a longer one). The answer is XML:
 *
 *   <response><header><resultCode>0</resultCode><resultMsg>NORMAL SERVICE</resultMsg></header>
 *   <body><NewsItem><NewsItemId>156647084</NewsItemId><Title>…</Title><SubTitle1>…</SubTitle1>
 *   <DataContents>(HTML)</DataContents><MinisterCode>행정안전부</MinisterCode>
 *   <OriginalUrl>https://www.korea.kr/briefing/pressReleaseView.do?newsId=156647084&amp;call_from=openData</OriginalUrl>
 *   <ApproveDate>08/26/2024 12:00:00</ApproveDate><EmbargoDate>…</EmbargoDate>…</NewsItem>…</body></response>
 *
 * (later answers wrap the items as <body><items><item>, which is read too). The data.go.kr
 * gateway itself answers a bad key or a spent quota with its own shape:
 *
 *   <OpenAPI_ServiceResponse><cmmMsgHeader><errMsg>SERVICE ERROR</errMsg>
 *   <returnAuthMsg>SERVICE_KEY_IS_NOT_REGISTERED_ERROR</returnAuthMsg>
 *   <returnReasonCode>30</returnReasonCode></cmmMsgHeader></OpenAPI_ServiceResponse>
 */

/** How many days one call may cover, both ends included. */
export const BRIEFING_WINDOW_DAYS = 3;

const compact = (date: string) => date.replace(/-/g, '');

function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * The calls that cover `since` to `until` (YYYY-MM-DD, both included), oldest first: windows of
 * three days (20240801–20240803, 20240804–20240806, …), the last one cut at `until`. None when
 * `since` is after `until` or either is not a real date.
 */
export function briefingWindows(since: string, until: string): { startDate: string; endDate: string }[] {
  if (!isCalendarDate(since) || !isCalendarDate(until) || since > until) return [];
  const windows: { startDate: string; endDate: string }[] = [];
  for (let start = since; start <= until; start = addDays(start, BRIEFING_WINDOW_DAYS)) {
    const end = addDays(start, BRIEFING_WINDOW_DAYS - 1);
    windows.push({ startDate: compact(start), endDate: compact(end < until ? end : until) });
  }
  return windows;
}

/**
 * The address of one call. data.go.kr hands out each key twice: "encoded" (already
 * percent-encoded: `abc%2Bdef%3D%3D`) and "decoded" (`abc+def==`), and the decoded one holds
 * `+`, `/` and `=`, which a query string must encode (a bare `+` is a space). Either is taken:
 * an encoded key is decoded first, then the key is encoded once. Whatever the endpoint's own
 * query holds is kept.
 */
export function briefingRequestUrl(endpoint: string, key: string, window: { startDate: string; endDate: string }): string {
  const url = new URL(endpoint);
  let raw = key.trim();
  if (/%[0-9A-Fa-f]{2}/.test(raw)) {
    try {
      raw = decodeURIComponent(raw);
    } catch {
      // Not percent-encoding after all (a lone %): the key as it is.
    }
  }
  url.searchParams.set('serviceKey', raw);
  url.searchParams.set('startDate', window.startDate);
  url.searchParams.set('endDate', window.endDate);
  return url.href;
}

/** resultCode values that mean the call went well: "0" as the guide says, "00" as most data.go.kr APIs say. */
const isSuccess = (code: string | undefined) => code === undefined || code === '' || /^0+$/.test(code) || /^INFO-0+$/i.test(code);
/** No release in the window: data.go.kr's NODATA_ERROR (03) is an empty list, not a failure. */
const isNoData = (code: string | undefined, message: string | undefined) => code === '03' || /NODATA/i.test(message ?? '');

/** The root elements the briefing API answers with. */
export function isBriefingRoot(root: XmlNode): boolean {
  const tag = tagOf(root);
  return tag === 'response' || tag === 'OpenAPI_ServiceResponse' || childNamed(kidsOf(root), 'NewsItem') !== undefined;
}

const field = (item: XmlNode[], name: string): string | undefined => textOf(childNamed(item, name))?.trim() || undefined;

/** The releases of a briefing API answer, or its error as a PullProblem. */
export function readBriefing(root: XmlNode): Release[] {
  const kids = kidsOf(root);
  if (tagOf(root) === 'OpenAPI_ServiceResponse') {
    const header = kidsOf(childNamed(kids, 'cmmMsgHeader'));
    throw new PullProblem({
      kind: 'api',
      code: serverText(field(header, 'returnReasonCode') ?? '', 20),
      message: serverText(field(header, 'returnAuthMsg') ?? field(header, 'errMsg') ?? ''),
    });
  }
  const header = kidsOf(childNamed(kids, 'header'));
  const code = field(header, 'resultCode');
  const message = field(header, 'resultMsg');
  if (!isSuccess(code)) {
    if (isNoData(code, message)) return [];
    throw new PullProblem({ kind: 'api', code: serverText(code ?? '', 20), message: serverText(message ?? '') });
  }
  const body = childNamed(kids, 'body');
  const holder = body ? kidsOf(body) : kids;
  const items = [...childrenNamed(holder, 'NewsItem'), ...childrenNamed(kidsOf(childNamed(holder, 'items')), 'item')];
  return items.map((item) => briefingRelease(kidsOf(item)));
}

function briefingRelease(item: XmlNode[]): Release {
  const subtitles = ['SubTitle1', 'SubTitle2', 'SubTitle3'].flatMap((name) => lineOrNothing(field(item, name)) ?? []);
  const subtitle = lineOrNothing(field(item, 'SubTitle1'));
  // A `[행정안전부]` prefix, as some ministries title their releases: the office is the department.
  const { office, title } = splitOfficePrefix(htmlLine(field(item, 'Title') ?? ''));
  const release: Release = {
    title,
    ...(office ? { department: office } : {}),
    body: htmlToText(textOf(childNamed(item, 'DataContents')) ?? ''),
  };
  if (subtitle) release.subtitle = subtitle;
  if (subtitles.length > 0) release.subtitles = subtitles;
  const agency = lineOrNothing(field(item, 'MinisterCode') ?? field(item, 'MinisterName'));
  if (agency) release.agency = agency;
  const date = koreaDate(field(item, 'ApproveDate'));
  if (date) release.date = date;
  const url = httpUrl(field(item, 'OriginalUrl'));
  if (url) release.url = url;
  const id = field(item, 'NewsItemId');
  if (id) release.id = serverText(id, 100);
  const embargo = instantOf(field(item, 'EmbargoDate'));
  if (embargo) release.embargo = embargo;
  return release;
}
