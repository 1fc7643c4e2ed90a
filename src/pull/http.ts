import { VERSION } from '../version.js';
import { PullProblem, type PullProblemKind } from './problem.js';

/**
 * One feed fetched over a network that is assumed hostile, with Node's own fetch (undici).
 *
 * - http and https only, the address and every redirect's target alike (no ftp:, file:, data:);
 *   redirects are followed here, one by one (`redirect: 'manual'`), at most `maxRedirects`.
 * - One time-out per try covers everything the try waits for: connecting, every redirect, the
 *   headers and the whole body, so a server that trickles a byte a second is cut off too.
 * - The body is read as a stream and counted: a Content-Length over the cap is refused before
 *   reading, and reading stops (the connection is aborted) at the first chunk past the cap, so at
 *   most the cap and one chunk are ever held. A gzip body is counted as it is unpacked.
 * - A try that fails on a 5xx, a 429, a time-out or a broken connection is tried again, up to
 *   `tries` in all, after `backoffMs`, then twice that, …; a Retry-After (429 or 503) is waited
 *   when it is at most `maxRetryWaitMs`, else the answer is final. A 4xx is final at once, as are
 *   certificate errors, a bad address and a refused scheme.
 * - Conditional GET: the validators of the last fetch (ETag, Last-Modified) are sent as
 *   If-None-Match and If-Modified-Since; a 304 is `unchanged` and costs no body.
 * - Nothing but the feed itself is fetched (no images, no DTDs: xml.ts refuses DOCTYPEs).
 *
 * Failures are PullProblems (see problem.ts); none holds the address, which may hold a key.
 * `Fetched.url` (the address after redirects) may hold one too: it is for the program, not for
 * printing.
 */

export interface FetchLimits {
  /** One try, from connecting to the body's last byte. */
  timeoutMs: number;
  /** The most bytes of body taken (after any gzip is unpacked). */
  maxBytes: number;
  /** Tries in all, the first one included. */
  tries: number;
  maxRedirects: number;
  /** The wait before the second try; each later one waits twice the one before. */
  backoffMs: number;
  /** The longest Retry-After honoured; a longer one ends the tries at once. */
  maxRetryWaitMs: number;
}

export const DEFAULT_LIMITS: FetchLimits = {
  timeoutMs: 20_000,
  maxBytes: 20 * 1024 * 1024,
  tries: 3,
  maxRedirects: 5,
  backoffMs: 1_000,
  maxRetryWaitMs: 30_000,
};

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type Fetched =
  /** A 304 to a conditional GET: the feed is as it was. */
  | { status: 'unchanged' }
  | { status: 'fetched'; bytes: Uint8Array; contentType?: string; validators: Validators; /** After redirects. */ url: string };

export interface FetchOptions {
  limits?: Partial<FetchLimits>;
  validators?: Validators;
  /** Bytes of body received so far, and how many are coming when the server said. Called once the headers are in (0), then per chunk. */
  onProgress?: (received: number, total: number | undefined) => void;
  /** Aborting it ends the fetch (and any wait between tries) with `cancelled`. */
  signal?: AbortSignal;
  /** Added to (and may replace) the User-Agent and Accept sent. */
  headers?: Record<string, string>;
}

const ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A try that failed, and whether another is worth it (and after how long, when the server said). */
class TryFailed {
  constructor(
    readonly problem: PullProblemKind,
    readonly retry: boolean,
    readonly waitMs?: number,
  ) {}
}

// Why the try's controller was aborted.
const TIMED_OUT = Symbol('timed out');
const CANCELLED = Symbol('cancelled');
const DONE = Symbol('done');

export async function fetchFeed(url: string, options: FetchOptions = {}): Promise<Fetched> {
  const limits: FetchLimits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(options.limits ?? {})) if (value !== undefined) limits[key as keyof FetchLimits] = value;
  const tries = Math.max(1, limits.tries);
  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted) throw new PullProblem({ kind: 'cancelled' });
    try {
      return await fetchOnce(url, limits, options);
    } catch (error) {
      if (!(error instanceof TryFailed)) throw error;
      if (!error.retry || attempt >= tries) throw new PullProblem(error.problem);
      await pause(Math.max(error.waitMs ?? 0, limits.backoffMs * 2 ** (attempt - 1)), options.signal);
    }
  }
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancel = () => {
      clearTimeout(timer);
      reject(new PullProblem({ kind: 'cancelled' }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', cancel);
      resolve();
    }, ms);
    if (signal?.aborted) cancel();
    else signal?.addEventListener('abort', cancel, { once: true });
  });
}

/** An address to fetch: http or https, no user name or password in it (fetch refuses those). */
function address(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new TryFailed({ kind: 'bad-url' }, false);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TryFailed({ kind: 'scheme', scheme: url.protocol.replace(/:$/, '').slice(0, 20) }, false);
  }
  if (url.username !== '' || url.password !== '') throw new TryFailed({ kind: 'bad-url' }, false);
  return url;
}

/** Seconds or an HTTP date, as milliseconds from now; undefined when absent or unreadable. */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Lets a response's body go without reading it (the connection may be reused, or is closed). */
async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Already broken or aborted: nothing to let go.
  }
}

async function fetchOnce(start: string, limits: FetchLimits, options: FetchOptions): Promise<Fetched> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(TIMED_OUT), limits.timeoutMs);
  const cancel = () => controller.abort(CANCELLED);
  options.signal?.addEventListener('abort', cancel, { once: true });
  const conditional = options.validators?.etag !== undefined || options.validators?.lastModified !== undefined;
  const headers: Record<string, string> = {
    'user-agent': `postboard/${VERSION}`,
    accept: ACCEPT,
    ...(options.validators?.etag !== undefined ? { 'if-none-match': options.validators.etag } : {}),
    ...(options.validators?.lastModified !== undefined ? { 'if-modified-since': options.validators.lastModified } : {}),
    ...options.headers,
  };
  try {
    let url = address(start);
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(url, { redirect: 'manual', signal: controller.signal, headers });
      if (REDIRECTS.has(response.status)) {
        await discard(response);
        const location = response.headers.get('location');
        if (!location) throw new TryFailed({ kind: 'http', status: response.status }, false);
        if (redirects >= limits.maxRedirects) throw new TryFailed({ kind: 'redirects', count: limits.maxRedirects }, false);
        url = address(location, url);
        continue;
      }
      if (response.status === 304 && conditional) {
        await discard(response);
        return { status: 'unchanged' };
      }
      if (!response.ok) {
        await discard(response);
        const status = response.status;
        const wait = status === 429 || status === 503 ? retryAfterMs(response.headers.get('retry-after')) : undefined;
        if (wait !== undefined && wait > limits.maxRetryWaitMs) {
          throw new TryFailed({ kind: 'http', status, retryAfter: Math.ceil(wait / 1000) }, false);
        }
        throw new TryFailed({ kind: 'http', status }, status >= 500 || status === 429, wait);
      }
      const bytes = await readBody(response, limits, controller, options.onProgress);
      const validators: Validators = {};
      const etag = response.headers.get('etag');
      const lastModified = response.headers.get('last-modified');
      if (etag) validators.etag = etag;
      if (lastModified) validators.lastModified = lastModified;
      const contentType = response.headers.get('content-type');
      return { status: 'fetched', bytes, ...(contentType ? { contentType } : {}), validators, url: url.href };
    }
  } catch (error) {
    if (error instanceof TryFailed) throw error;
    if (controller.signal.reason === TIMED_OUT) throw new TryFailed({ kind: 'timeout', seconds: Math.round(limits.timeoutMs / 100) / 10 }, true);
    if (controller.signal.reason === CANCELLED) throw new TryFailed({ kind: 'cancelled' }, false);
    const code = errorCode(error);
    if (/CERT|TLS|SSL|UNABLE_TO_|SELF_SIGNED/i.test(code)) throw new TryFailed({ kind: 'tls', code }, false);
    throw new TryFailed({ kind: 'network', code }, true);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
    // Whatever is still open of this try (a body not read to its end) is let go.
    if (!controller.signal.aborted) controller.abort(DONE);
  }
}

/** The code Node gives a failed connection (fetch wraps it: TypeError "fetch failed", cause ECONNREFUSED). */
function errorCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code.slice(0, 40);
    current = current.cause;
  }
  return error instanceof Error ? error.name.slice(0, 40) : 'UNKNOWN';
}

async function readBody(response: Response, limits: FetchLimits, controller: AbortController, onProgress: FetchOptions['onProgress']): Promise<Uint8Array> {
  const encoding = response.headers.get('content-encoding');
  const lengthHeader = response.headers.get('content-length');
  // Content-Length counts the bytes on the wire: with gzip, not the bytes that arrive here.
  const total = lengthHeader !== null && /^\d+$/.test(lengthHeader.trim()) && (!encoding || encoding === 'identity') ? Number(lengthHeader) : undefined;
  if (total !== undefined && total > limits.maxBytes) {
    controller.abort(DONE);
    throw new TryFailed({ kind: 'too-big', limit: limits.maxBytes }, false);
  }
  onProgress?.(0, total);
  const chunks: Uint8Array[] = [];
  let received = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > limits.maxBytes) {
        controller.abort(DONE);
        throw new TryFailed({ kind: 'too-big', limit: limits.maxBytes }, false);
      }
      chunks.push(value);
      onProgress?.(received, total);
    }
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
