/**
 * A link from a feed as a release's address: absolute http or https only (a relative link, a
 * `javascript:` or `mailto:` one, or text that is no address at all gives none). The text is
 * kept as the feed wrote it, trimmed: its Hangul is not turned into percent-escapes.
 */
/**
 * A link as a release's address, a relative one (`/board.es?list_no=1`) resolved against the
 * base it has (Atom's `xml:base`, else the address the feed itself came from), as feed readers
 * do; the result must still be http or https.
 */
export function linkUrl(text: string | undefined, base: string | undefined): string | undefined {
  const absolute = httpUrl(text);
  if (absolute || !text?.trim() || !base || /[\s\p{Cc}]/u.test(text.trim())) return absolute;
  try {
    return httpUrl(new URL(text.trim(), base).href);
  } catch {
    return undefined;
  }
}

export function httpUrl(text: string | undefined): string | undefined {
  const link = text?.trim();
  if (!link || /[\s\p{Cc}]/u.test(link)) return undefined;
  try {
    const url = new URL(link);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? link : undefined;
  } catch {
    return undefined;
  }
}
