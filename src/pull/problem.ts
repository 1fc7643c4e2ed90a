/**
 * What can go wrong when a feed is fetched, decoded or read: typed, never worded here. The words
 * are in the catalogues (src/i18n/en.ts and ko.ts, `pull.problems`), one function per kind;
 * `pullProblemText` picks the one for a problem.
 *
 * No kind carries a URL: a briefing source's URL holds its service key, which is never printed
 * (the command names the source instead). Text that comes from the server (an API's message,
 * the XML parser's detail) is stripped of control characters and cut short where it is made.
 */
export type PullProblemKind =
  /** No answer (headers and the whole body) within the time-out of one try. */
  | { kind: 'timeout'; seconds: number }
  /** The response is longer than the size cap (said by Content-Length, or counted while reading). */
  | { kind: 'too-big'; limit: number }
  /** More redirects than allowed (a loop ends here too). */
  | { kind: 'redirects'; count: number }
  /** The address, or a redirect, is not http or https (ftp:, file:, data: …). `scheme` without the colon. */
  | { kind: 'scheme'; scheme: string }
  /** Not an address at all, or one with a user name or password in it. */
  | { kind: 'bad-url' }
  /**
   * The server answered with an error status (after the retries a 5xx or 429 gets). `retryAfter`:
   * the seconds a 429 or 503 asked to wait, when that was longer than postboard waits.
   */
  | { kind: 'http'; status: number; retryAfter?: number }
  /** The connection failed: `code` as Node gives it (ECONNREFUSED, ENOTFOUND, ECONNRESET, UND_ERR_SOCKET …). */
  | { kind: 'network'; code: string }
  /** The server's certificate or TLS setup was refused (CERT_HAS_EXPIRED, …): not retried. */
  | { kind: 'tls'; code: string }
  /** The signal passed in was aborted (Ctrl+C). */
  | { kind: 'cancelled' }
  /** The document has a DOCTYPE (entity declarations, external DTDs): refused before it is parsed. */
  | { kind: 'doctype' }
  /** Not well-formed XML; `line` where the parser saw it, when it says. */
  | { kind: 'malformed'; line?: number; detail: string }
  /** Empty, or does not start with markup (JSON, plain text, an error page's words). */
  | { kind: 'not-xml' }
  /** Well-formed XML, but neither RSS, Atom nor the briefing API's answer: `root` is its first element. */
  | { kind: 'not-a-feed'; root: string }
  /** A character set postboard does not know (from Content-Type or the XML declaration). */
  | { kind: 'charset'; name: string }
  /** Bytes that are not valid in the character set the feed says it is in (never turned into U+FFFD). */
  | { kind: 'undecodable'; name: string }
  /** The briefing API answered with an error code (SERVICE_KEY_IS_NOT_REGISTERED_ERROR, …) and its message. */
  | { kind: 'api'; code: string; message: string };

export class PullProblem extends Error {
  constructor(readonly problem: PullProblemKind) {
    // For a stack under POSTBOARD_DEBUG only: users read the catalogue's words.
    super(`pull: ${JSON.stringify(problem)}`);
    this.name = 'PullProblem';
  }
}

/** The words for each kind of problem, in one language (the catalogues hold one each). */
export type PullProblemTexts = { [K in PullProblemKind['kind']]: (problem: Extract<PullProblemKind, { kind: K }>) => string };

/** A problem in the words of one catalogue: `pullProblemText(t.pull.problems, error.problem)`. */
export function pullProblemText(texts: PullProblemTexts, problem: PullProblemKind): string {
  return (texts[problem.kind] as (problem: PullProblemKind) => string)(problem);
}

/** Text from a server, fit to be quoted in one line: no control or format characters, at most `max` characters. */
export function serverText(text: string, max = 200): string {
  const line = text.replace(/[\p{Cc}\p{Cf}\u2028\u2029\s]+/gu, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
