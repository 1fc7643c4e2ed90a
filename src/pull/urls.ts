/**
 * A link from a feed as a release's address: absolute http or https only (a relative link, a
 * `javascript:` or `mailto:` one, or text that is no address at all gives none). The text is
 * kept as the feed wrote it, trimmed: its Hangul is not turned into percent-escapes.
 */
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
