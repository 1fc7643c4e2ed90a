/**
 * A press release as a feed or the briefing API gives it, read into plain text: what `pull`
 * turns into a post (the command fills author, status and number, and validates it like `add`).
 * Nothing here is checked against the board's limits: a title of 300 characters is given as it
 * is, so that the command can refuse that item (and say why) while taking the others.
 *
 * Every text is NFC, without control characters; a line (title, subtitle, department, agency)
 * is one line with its spaces collapsed; the body keeps paragraphs (one blank line between)
 * and line breaks, LF only, no trailing spaces. An empty value is left out (undefined), except
 * title and body, which are '' when the feed has none.
 */
export interface Release {
  /** Entities decoded (`&middot;`, a double-escaped `&amp;quot;`, `&#39;`), a leading `[부처]` prefix moved to `department`. */
  title: string;
  /** Briefing: SubTitle1. RSS/Atom: none. */
  subtitle?: string;
  /** Briefing: SubTitle1, SubTitle2, SubTitle3, the ones that are not empty, in order (the post holds only the first). */
  subtitles?: string[];
  /** Readable text of the HTML (see text.ts htmlToText): paragraphs, line breaks, tables as rows with cells split by " | ". */
  body: string;
  /** RSS `<author>` (or `dc:creator`), else a `<category>` that names an office, else the `[부처]` title prefix. Atom: the entry's author name. */
  department?: string;
  /** Briefing: MinisterCode. RSS/Atom: the channel or feed title's first word when it names a ministry, agency or local government. */
  agency?: string;
  /** The release's date, YYYY-MM-DD in Korea time (Asia/Seoul). Undefined when the feed gives none that can be read. */
  date?: string;
  /** The release's own page: absolute http or https only, else undefined. */
  url?: string;
  /** guid, Atom id, or NewsItemId: for messages ("item 156647084: title is too long"). */
  id?: string;
  /**
   * Briefing only: the EmbargoDate (when the release may be published) as an ISO 8601 UTC
   * instant, when it has one. A release pulled before it is still under embargo.
   */
  embargo?: string;
}

export type FeedKind = 'rss' | 'atom' | 'briefing';

/** What `parseFeed` reads from a document. */
export interface ParsedFeed {
  kind: FeedKind;
  /** The channel's or feed's title (RSS, Atom), as a line. */
  title?: string;
  /** In document order (feeds list the newest first). */
  releases: Release[];
}
