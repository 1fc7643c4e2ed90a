import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/i18n/index.js';
import { pullProblemText, type PullProblemKind } from '../../src/pull/problem.js';

/** Every problem pull can meet has its words in both catalogues: one line, naming what went wrong. */

const SAMPLES: { [K in PullProblemKind['kind']]: [Extract<PullProblemKind, { kind: K }>, ...string[]] } = {
  timeout: [{ kind: 'timeout', seconds: 20 }, '20'],
  'too-big': [{ kind: 'too-big', limit: 20 * 1024 * 1024 }, '20 MB'],
  redirects: [{ kind: 'redirects', count: 5 }, '5'],
  scheme: [{ kind: 'scheme', scheme: 'ftp' }, 'ftp:'],
  'bad-url': [{ kind: 'bad-url' }, 'http'],
  http: [{ kind: 'http', status: 503, retryAfter: 3600 }, '503', '3,600'],
  network: [{ kind: 'network', code: 'ECONNREFUSED' }, 'ECONNREFUSED'],
  tls: [{ kind: 'tls', code: 'CERT_HAS_EXPIRED' }, 'CERT_HAS_EXPIRED'],
  cancelled: [{ kind: 'cancelled' }],
  doctype: [{ kind: 'doctype' }, 'DOCTYPE'],
  malformed: [{ kind: 'malformed', line: 8, detail: "Expected closing tag 'item'" }, '8', "Expected closing tag 'item'"],
  'not-xml': [{ kind: 'not-xml' }, 'XML'],
  'not-a-feed': [{ kind: 'not-a-feed', root: 'urlset' }, '<urlset>'],
  charset: [{ kind: 'charset', name: 'x-unknown' }, 'x-unknown'],
  undecodable: [{ kind: 'undecodable', name: 'UTF-8' }, 'UTF-8'],
  api: [{ kind: 'api', code: '30', message: 'SERVICE_KEY_IS_NOT_REGISTERED_ERROR' }, 'SERVICE_KEY_IS_NOT_REGISTERED_ERROR', '30', 'POSTBOARD_BRIEFING_KEY'],
};

describe('the words for pull problems', () => {
  for (const lang of ['en', 'ko'] as const) {
    it(`are one line in ${lang}, with what the problem holds`, () => {
      for (const [problem, ...shown] of Object.values(SAMPLES)) {
        const text = pullProblemText(MESSAGES[lang].pull.problems, problem);
        expect(text, problem.kind).toMatch(/^\S[^\n]*\S$/);
        for (const value of shown) expect(text, problem.kind).toContain(value);
      }
    });
  }

  it('differ between the languages', () => {
    for (const [problem] of Object.values(SAMPLES)) {
      expect(pullProblemText(MESSAGES.ko.pull.problems, problem)).not.toBe(pullProblemText(MESSAGES.en.pull.problems, problem));
    }
  });
});
