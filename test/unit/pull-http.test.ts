import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, fetchFeed, type FetchOptions } from '../../src/pull/http.js';
import { PullProblem, type PullProblemKind } from '../../src/pull/problem.js';
import { VERSION } from '../../src/version.js';
import { feedFixture, startFeedServer, type FeedServer } from '../support/feed-server.js';

/**
 * fetchFeed against a real HTTP server on 127.0.0.1 (test/support/feed-server.ts): what a
 * cron job meets on the way to a ministry's feed — slow servers, 5xx, huge answers, redirect
 * loops — and what it must not do (buffer 50 MB, follow a redirect to file:, retry a 404).
 * Waits between tries are 10 ms here (limits.backoffMs); the time-outs 1 s.
 */

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});

const fast = { backoffMs: 10 };
const MOIS = feedFixture('mois-rss.xml');

/** The problem fetchFeed ended with (the test fails if it succeeded). */
async function problemOf(url: string, options: FetchOptions = {}): Promise<PullProblemKind> {
  try {
    await fetchFeed(url, { ...options, limits: { ...fast, ...options.limits } });
  } catch (error) {
    if (error instanceof PullProblem) return error.problem;
    throw error;
  }
  throw new Error('fetchFeed succeeded');
}

describe('fetchFeed', () => {
  it('fetches a feed: its bytes, type, validators and address, saying who asks and for what', async () => {
    server.route('/mois.xml', { body: MOIS, headers: { 'content-type': 'application/rss+xml; charset=UTF-8' }, etag: '"v1"', lastModified: 'Mon, 26 Aug 2024 03:00:00 GMT' });
    const fetched = await fetchFeed(server.url('/mois.xml'), { limits: fast });
    expect(fetched.status).toBe('fetched');
    if (fetched.status !== 'fetched') return;
    expect(Buffer.from(fetched.bytes).equals(MOIS)).toBe(true);
    expect(fetched.contentType).toBe('application/rss+xml; charset=UTF-8');
    expect(fetched.validators).toEqual({ etag: '"v1"', lastModified: 'Mon, 26 Aug 2024 03:00:00 GMT' });
    expect(fetched.url).toBe(server.url('/mois.xml'));
    const [request] = server.requestsTo('/mois.xml');
    expect(request?.headers['user-agent']).toBe(`postboard/${VERSION}`);
    expect(request?.headers.accept).toMatch(/application\/rss\+xml/);
    expect(request?.headers['if-none-match']).toBeUndefined();
  });

  it('asks again with If-None-Match and If-Modified-Since, and a 304 is "unchanged" without a body', async () => {
    server.route('/etag.xml', { body: MOIS, etag: '"abc"' });
    server.route('/modified.xml', { body: MOIS, lastModified: 'Wed, 28 Aug 2024 06:00:00 GMT' });
    const first = await fetchFeed(server.url('/etag.xml'), { limits: fast });
    expect(first.status === 'fetched' && first.validators).toEqual({ etag: '"abc"' });
    const again = await fetchFeed(server.url('/etag.xml'), { limits: fast, validators: { etag: '"abc"' } });
    expect(again).toEqual({ status: 'unchanged' });
    expect(server.requestsTo('/etag.xml')[1]?.headers['if-none-match']).toBe('"abc"');
    expect(await fetchFeed(server.url('/modified.xml'), { limits: fast, validators: { lastModified: 'Wed, 28 Aug 2024 06:00:00 GMT' } })).toEqual({ status: 'unchanged' });
    expect(server.requestsTo('/modified.xml')[0]?.headers['if-modified-since']).toBe('Wed, 28 Aug 2024 06:00:00 GMT');
    // A changed feed (another ETag) comes whole.
    const changed = await fetchFeed(server.url('/etag.xml'), { limits: fast, validators: { etag: '"old"' } });
    expect(changed.status).toBe('fetched');
  });

  it('tries again after 5xx answers and succeeds (500, 500, 200: three requests)', async () => {
    server.route('/flaky.xml', [{ status: 500 }, { status: 502 }, { body: MOIS }]);
    const fetched = await fetchFeed(server.url('/flaky.xml'), { limits: fast });
    expect(fetched.status).toBe('fetched');
    expect(server.requestsTo('/flaky.xml')).toHaveLength(3);
  });

  it('gives up after `tries` failures with the last status', async () => {
    server.route('/down.xml', { status: 503 });
    expect(await problemOf(server.url('/down.xml'))).toEqual({ kind: 'http', status: 503 });
    expect(server.requestsTo('/down.xml')).toHaveLength(DEFAULT_LIMITS.tries);
  });

  it('never tries a 4xx again', async () => {
    server.route('/gone.xml', { status: 404, body: 'not here' });
    expect(await problemOf(server.url('/gone.xml'))).toEqual({ kind: 'http', status: 404 });
    expect(server.requestsTo('/gone.xml')).toHaveLength(1);
    server.route('/forbidden.xml', { status: 403 });
    expect(await problemOf(server.url('/forbidden.xml'))).toEqual({ kind: 'http', status: 403 });
    expect(server.requestsTo('/forbidden.xml')).toHaveLength(1);
  });

  it('waits a short Retry-After before trying a 429 again, and stops at once on a long one', async () => {
    server.route('/busy.xml', [{ status: 429, headers: { 'retry-after': '1' } }, { body: MOIS }]);
    const started = Date.now();
    expect((await fetchFeed(server.url('/busy.xml'), { limits: fast })).status).toBe('fetched');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.requestsTo('/busy.xml')).toHaveLength(2);

    server.route('/later.xml', { status: 429, headers: { 'retry-after': '3600' } });
    expect(await problemOf(server.url('/later.xml'))).toEqual({ kind: 'http', status: 429, retryAfter: 3600 });
    expect(server.requestsTo('/later.xml')).toHaveLength(1);
  });

  it('follows a chain of redirects by hand, to the end', async () => {
    server.redirect('/a.xml', '/b.xml', 301);
    server.redirect('/b.xml', server.url('/c.xml'), 307);
    server.redirect('/c.xml', '/final.xml', 308);
    server.route('/final.xml', { body: MOIS });
    const fetched = await fetchFeed(server.url('/a.xml'), { limits: fast });
    expect(fetched.status === 'fetched' && fetched.url).toBe(server.url('/final.xml'));
  });

  it('stops a redirect loop after maxRedirects, without trying again', async () => {
    server.redirect('/loop-1.xml', '/loop-2.xml');
    server.redirect('/loop-2.xml', '/loop-1.xml');
    expect(await problemOf(server.url('/loop-1.xml'))).toEqual({ kind: 'redirects', count: 5 });
    // The first request and five redirects followed, once.
    expect(server.requestsTo('/loop-1.xml').length + server.requestsTo('/loop-2.xml').length).toBe(6);
    expect(await problemOf(server.url('/loop-1.xml'), { limits: { maxRedirects: 0 } })).toEqual({ kind: 'redirects', count: 0 });
  });

  it('refuses a redirect to anything but http or https, and such an address from the start', async () => {
    server.redirect('/to-ftp.xml', 'ftp://127.0.0.1/feed.xml');
    server.redirect('/to-file.xml', 'file:///etc/passwd');
    expect(await problemOf(server.url('/to-ftp.xml'))).toEqual({ kind: 'scheme', scheme: 'ftp' });
    expect(await problemOf(server.url('/to-file.xml'))).toEqual({ kind: 'scheme', scheme: 'file' });
    expect(server.requestsTo('/to-file.xml')).toHaveLength(1);
    expect(await problemOf('file:///etc/passwd')).toEqual({ kind: 'scheme', scheme: 'file' });
    expect(await problemOf('not an address')).toEqual({ kind: 'bad-url' });
    expect(await problemOf(`http://user:secret@127.0.0.1:${new URL(server.origin).port}/mois.xml`)).toEqual({ kind: 'bad-url' });
  });

  it('times out a server that trickles its body forever (the time-out covers the body)', async () => {
    server.route('/trickle.xml', { headers: { 'content-type': 'text/xml' }, trickle: { everyMs: 100, chunk: '<' } });
    const started = Date.now();
    expect(await problemOf(server.url('/trickle.xml'), { limits: { timeoutMs: 1000, tries: 1 } })).toEqual({ kind: 'timeout', seconds: 1 });
    expect(Date.now() - started).toBeLessThan(5000);
    const [request] = server.requestsTo('/trickle.xml');
    expect(request?.bytesSent).toBeGreaterThan(0);
  });

  it('times out a server that never answers, and a time-out is tried again', async () => {
    server.route('/silent.xml', [{ delayMs: 60_000 }, { body: MOIS }]);
    const fetched = await fetchFeed(server.url('/silent.xml'), { limits: { ...fast, timeoutMs: 1000, tries: 2 } });
    expect(fetched.status).toBe('fetched');
    expect(server.requestsTo('/silent.xml')).toHaveLength(2);
  });

  it('refuses a 50 MB answer by its Content-Length, before reading it', async () => {
    server.route('/huge-declared.xml', { stream: { bytes: 50 * 1024 * 1024, contentLength: true } });
    const progress: number[] = [];
    expect(await problemOf(server.url('/huge-declared.xml'), { onProgress: (received) => progress.push(received) })).toEqual({ kind: 'too-big', limit: DEFAULT_LIMITS.maxBytes });
    expect(progress).toEqual([]);
    expect(server.requestsTo('/huge-declared.xml')).toHaveLength(1);
  });

  it('stops reading a 50 MB answer without Content-Length at the cap, and lets the connection go', async () => {
    const limit = DEFAULT_LIMITS.maxBytes;
    server.route('/huge.xml', { stream: { bytes: 50 * 1024 * 1024 } });
    let most = 0;
    expect(await problemOf(server.url('/huge.xml'), { onProgress: (received) => (most = Math.max(most, received)) })).toEqual({ kind: 'too-big', limit });
    expect(most).toBeLessThanOrEqual(limit);
    expect(most).toBeGreaterThan(limit - 1024 * 1024);
    const [request] = server.requestsTo('/huge.xml');
    // Let the server notice the closed connection.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(request?.abandoned).toBe(true);
    expect(request?.bytesSent).toBeLessThan(40 * 1024 * 1024);
  });

  it('counts a gzip answer as it is unpacked (a small download that unpacks to 30 MB is too big)', async () => {
    const packed = gzipSync(Buffer.alloc(30 * 1024 * 1024, 0x20));
    server.route('/bomb.xml', { body: packed, headers: { 'content-encoding': 'gzip', 'content-type': 'text/xml' } });
    expect(packed.byteLength).toBeLessThan(1024 * 1024);
    expect(await problemOf(server.url('/bomb.xml'))).toEqual({ kind: 'too-big', limit: DEFAULT_LIMITS.maxBytes });
  });

  it('reports progress: the size the server announced, and the bytes as they arrive', async () => {
    server.route('/progress.xml', { body: MOIS });
    const calls: [number, number | undefined][] = [];
    await fetchFeed(server.url('/progress.xml'), { limits: fast, onProgress: (received, total) => calls.push([received, total]) });
    expect(calls[0]).toEqual([0, MOIS.byteLength]);
    expect(calls.at(-1)).toEqual([MOIS.byteLength, MOIS.byteLength]);
  });

  it('tries again when the connection is cut, and names a refused connection', async () => {
    server.route('/cut.xml', [{ hangUp: true }, { body: MOIS }]);
    expect((await fetchFeed(server.url('/cut.xml'), { limits: fast })).status).toBe('fetched');
    expect(server.requestsTo('/cut.xml')).toHaveLength(2);

    const closed = await startFeedServer();
    const url = closed.url('/feed.xml');
    await closed.close();
    expect(await problemOf(url, { limits: { tries: 2 } })).toEqual({ kind: 'network', code: 'ECONNREFUSED' });
  });

  it('refuses a certificate it cannot trust, at once (no second try)', async () => {
    const tls = await startFeedServer({ https: true });
    try {
      tls.route('/feed.xml', { body: MOIS });
      expect(await problemOf(tls.url('/feed.xml'))).toEqual({ kind: 'tls', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
      expect(tls.connections).toBe(1);
      expect(tls.requests).toEqual([]);
    } finally {
      await tls.close();
    }
  });

  it('stops when its signal is aborted, even between tries', async () => {
    server.route('/slow-cancel.xml', { trickle: { everyMs: 100 } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    expect(await problemOf(server.url('/slow-cancel.xml'), { signal: controller.signal })).toEqual({ kind: 'cancelled' });
    expect(Date.now() - started).toBeLessThan(5000);

    server.route('/wait-cancel.xml', { status: 503 });
    const waiting = new AbortController();
    setTimeout(() => waiting.abort(), 200);
    expect(await problemOf(server.url('/wait-cancel.xml'), { signal: waiting.signal, limits: { backoffMs: 60_000 } })).toEqual({ kind: 'cancelled' });
  });
});
