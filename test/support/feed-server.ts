import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './cli.js';

/**
 * A feed server for tests: 127.0.0.1 on a port the system picks, with answers each test
 * scripts per path, and a record of every request it got.
 *
 *   const server = await startFeedServer();
 *   server.route('/feed.xml', { body: feedFixture('mois-rss.xml'), headers: { 'content-type': 'application/rss+xml' } });
 *   server.route('/flaky.xml', [{ status: 500 }, { status: 500 }, { body: '<rss/>' }]);   // one answer per request, the last repeats
 *   server.route('/cached.xml', { body, etag: '"v1"' });          // a request with If-None-Match: "v1" gets a 304
 *   server.route('/slow.xml', { trickle: { everyMs: 100 } });       // headers, then a byte every 100 ms, forever
 *   server.route('/huge.xml', { stream: { bytes: 50 * 1024 * 1024 } }); // made as it is sent, never held whole
 *   server.route('/briefing', (request) => ({ body: feedFixture(`briefing-${request.query.get('startDate')}.xml`) }));
 *   server.redirect('/old.xml', '/feed.xml');                       // 302; also to another scheme: 'ftp://…'
 *   fetch(server.url('/feed.xml')); server.requests; server.requestsTo('/feed.xml');
 *   await server.close();
 *
 * Paths are matched without their query; an unknown path is a 404.
 *
 * `startFeedServer({ https: true })` serves https with a self-signed certificate made by openssl
 * for localhost (`server.certificate` is its file: NODE_EXTRA_CA_CERTS for a process that is to
 * trust it, and an address with `localhost` for the name to match).
 */

export interface FeedAnswer {
  /** Default 200. */
  status?: number;
  headers?: Record<string, string>;
  /** Default empty. */
  body?: string | Uint8Array;
  /** Sent as ETag; a request whose If-None-Match holds it gets a 304 (no body). */
  etag?: string;
  /** Sent as Last-Modified; a request whose If-Modified-Since is the same text gets a 304. */
  lastModified?: string;
  /** Wait this long before answering at all (no status line either). */
  delayMs?: number;
  /** After the status line and headers, one chunk every `everyMs` (default: one space), until the client goes. */
  trickle?: { everyMs: number; chunk?: string };
  /** A body of `bytes` bytes, made as it is written (with back-pressure), with a Content-Length when `contentLength`. */
  stream?: { bytes: number; contentLength?: boolean; chunkBytes?: number };
  /** Close the connection without answering. */
  hangUp?: boolean;
}

export type FeedRoute = FeedAnswer | FeedAnswer[] | ((request: FeedRequest) => FeedAnswer);

export interface FeedRequest {
  method: string;
  /** The path without its query. */
  path: string;
  /** The path with its query, as sent. */
  target: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Body bytes written for this request so far. */
  bytesSent: number;
  /** The client went before the whole answer was written. */
  abandoned: boolean;
}

export interface FeedServer {
  /** http://127.0.0.1:<port> (https:// with `https`) */
  origin: string;
  /** With `https`: the PEM file of the server's self-signed certificate (CN and subjectAltName localhost). */
  certificate?: string;
  /** TCP connections accepted (a TLS handshake that fails makes one, and no request). */
  readonly connections: number;
  url(path: string): string;
  route(path: string, route: FeedRoute): void;
  redirect(path: string, location: string, status?: number): void;
  /** Every request, in the order they came. */
  readonly requests: FeedRequest[];
  requestsTo(path: string): FeedRequest[];
  close(): Promise<void>;
}

/** A file of test/fixtures/feeds/ as bytes. */
export function feedFixture(name: string): Buffer {
  return readFileSync(join(ROOT, 'test', 'fixtures', 'feeds', name));
}

export async function startFeedServer(options: { https?: boolean } = {}): Promise<FeedServer> {
  const routes = new Map<string, { route: FeedRoute; served: number }>();
  const requests: FeedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();

  const later = (ms: number, action: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, ms);
    timers.add(timer);
  };

  const answerOf = (entry: { route: FeedRoute; served: number }, request: FeedRequest): FeedAnswer => {
    const { route } = entry;
    const index = entry.served++;
    if (typeof route === 'function') return route(request);
    if (Array.isArray(route)) return route[Math.min(index, route.length - 1)] ?? {};
    return route;
  };

  const send = (answer: FeedAnswer, request: FeedRequest, response: ServerResponse) => {
    if (answer.hangUp) {
      response.socket?.destroy();
      return;
    }
    const headers: Record<string, string> = { ...answer.headers };
    if (answer.etag) headers.etag = answer.etag;
    if (answer.lastModified) headers['last-modified'] = answer.lastModified;
    const ifNoneMatch = request.headers['if-none-match'];
    const ifModifiedSince = request.headers['if-modified-since'];
    const matches =
      (answer.etag !== undefined && ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim() === answer.etag)) ||
      (answer.lastModified !== undefined && ifModifiedSince === answer.lastModified);
    if (matches) {
      response.writeHead(304, headers).end();
      return;
    }
    const status = answer.status ?? 200;
    response.on('close', () => {
      if (!response.writableFinished) request.abandoned = true;
    });
    if (answer.trickle) {
      response.writeHead(status, headers);
      response.flushHeaders();
      const { everyMs, chunk = ' ' } = answer.trickle;
      const drip = () => {
        if (response.destroyed || response.writableEnded) return;
        response.write(chunk);
        request.bytesSent += Buffer.byteLength(chunk);
        later(everyMs, drip);
      };
      later(everyMs, drip);
      return;
    }
    if (answer.stream) {
      const { bytes, contentLength = false, chunkBytes = 64 * 1024 } = answer.stream;
      if (contentLength) headers['content-length'] = String(bytes);
      response.writeHead(status, headers);
      const block = Buffer.alloc(chunkBytes, 0x20);
      const pump = () => {
        while (request.bytesSent < bytes && !response.destroyed) {
          const size = Math.min(chunkBytes, bytes - request.bytesSent);
          request.bytesSent += size;
          if (!response.write(size === chunkBytes ? block : block.subarray(0, size))) {
            response.once('drain', pump);
            return;
          }
        }
        if (!response.destroyed) response.end();
      };
      pump();
      return;
    }
    const body = typeof answer.body === 'string' ? Buffer.from(answer.body) : (answer.body ?? Buffer.alloc(0));
    if (headers['content-length'] === undefined && headers['Content-Length'] === undefined) headers['content-length'] = String(body.byteLength);
    response.writeHead(status, headers);
    request.bytesSent += body.byteLength;
    response.end(body);
  };

  const handle = (incoming: IncomingMessage, response: ServerResponse) => {
    const target = incoming.url ?? '/';
    const parsed = new URL(target, 'http://127.0.0.1');
    const request: FeedRequest = {
      method: incoming.method ?? 'GET',
      path: parsed.pathname,
      target,
      query: parsed.searchParams,
      headers: incoming.headers,
      bytesSent: 0,
      abandoned: false,
    };
    requests.push(request);
    const entry = routes.get(parsed.pathname);
    if (!entry) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const answer = answerOf(entry, request);
    if (answer.delayMs) later(answer.delayMs, () => send(answer, request, response));
    else send(answer, request, response);
  };
  let folder: string | undefined;
  let certificate: string | undefined;
  let server: ReturnType<typeof createServer>;
  if (options.https) {
    folder = mkdtempSync(join(tmpdir(), 'postboard-feed-tls-'));
    const key = join(folder, 'key.pem');
    certificate = join(folder, 'certificate.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', certificate, '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost'], { stdio: 'ignore' });
    server = createTlsServer({ key: readFileSync(key), cert: readFileSync(certificate) }, handle);
  } else {
    server = createServer(handle);
  }
  let connections = 0;
  server.on('connection', (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `${options.https ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    ...(certificate ? { certificate } : {}),
    get connections() {
      return connections;
    },
    url: (path) => origin + path,
    route(path, route) {
      routes.set(path, { route, served: 0 });
    },
    redirect(path, location, status = 302) {
      routes.set(path, { route: { status, headers: { location } }, served: 0 });
    },
    requests,
    requestsTo: (path) => requests.filter((request) => request.path === path),
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (folder) rmSync(folder, { recursive: true, force: true });
    },
  };
}
