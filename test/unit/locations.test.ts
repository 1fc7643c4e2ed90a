import { describe, expect, it } from 'vitest';
import { ambiguousUrl, boardKind, isUrlLike, lastingLocation, shownLocation } from '../../src/store/index.js';

/** Where a board is, as messages show it and as a draft keeps it: never with a password. */
describe('a database URL in a message', () => {
  it.each([
    ['postgres://board:s3cret@db:5432/news', 'postgres://board:***@db:5432/news'],
    // Unencoded / ? # @ in a password: everything up to the last @ is the password, whatever a URL parser makes of it.
    ['postgres://postgres:2024/Secret@127.0.0.1:5433/news', 'postgres://postgres:***@127.0.0.1:5433/news'],
    ['postgres://postgres:2024?Secret@127.0.0.1/news', 'postgres://postgres:***@127.0.0.1/news'],
    ['postgres://postgres:2024#Secret@127.0.0.1/news', 'postgres://postgres:***@127.0.0.1/news'],
    ['postgres://postgres:SEC@RETY@127.0.0.1:notaport/news', 'postgres://postgres:***@127.0.0.1:notaport/news'],
    ['postgres://board@db/news?schema=esg&password=s3cret', 'postgres://board@db/news?schema=esg&password=***'],
    ['postgres://board@db/news?sslpassword=s3cret&sslmode=require', 'postgres://board@db/news?sslpassword=***&sslmode=require'],
    ['mysql://root:s3cret@db:3306/news', 'mysql://root:***@db:3306/news'],
    ['postgres://board@db/news?schema=esg', 'postgres://board@db/news?schema=esg'],
    // The driver decodes query names: an encoded "password" is a password.
    ['postgres://board@db/news?%70assword=s3cret', 'postgres://board@db/news?%70assword=***'],
    ['postgres://board@db/news?schema=esg&passwor%64=s3cret', 'postgres://board@db/news?schema=esg&passwor%64=***'],
    // An @ in the query is not the end of a password.
    ['postgres://board@db:5432/news?schema=drafts&application_name=kim@laptop', 'postgres://board@db:5432/news?schema=drafts&application_name=kim@laptop'],
    ['postgres://board:s3cret@db/news?application_name=kim@laptop', 'postgres://board:***@db/news?application_name=kim@laptop'],
  ])('%s is shown as %s', (location, shown) => {
    expect(shownLocation(location)).toBe(shown);
    expect(shownLocation(location)).not.toMatch(/s3cret|Secret|RETY/);
  });

  it('a draft keeps the URL without any password (the driver finds it again in PGPASSWORD or ~/.pgpass)', () => {
    expect(lastingLocation('postgres://board:s3cret@db:5432/news?schema=esg')).toBe('postgres://board@db:5432/news?schema=esg');
    expect(lastingLocation('postgres://board@db/news?password=s3cret&schema=esg')).toBe('postgres://board@db/news?schema=esg');
    expect(lastingLocation('postgres://board@db/news?schema=esg&password=s3cret')).toBe('postgres://board@db/news?schema=esg');
    expect(lastingLocation('postgres://board@db/news?password=s3cret')).toBe('postgres://board@db/news');
    expect(lastingLocation('postgres://board@db/news?schema=a&%70assword=s3cret')).toBe('postgres://board@db/news?schema=a');
    expect(lastingLocation('postgres://board@db/news?schema=drafts&application_name=kim@laptop')).toBe('postgres://board@db/news?schema=drafts&application_name=kim@laptop');
  });

  it('a file keeps its full path and its kind', () => {
    expect(lastingLocation('/srv/boards/a.json')).toBe('/srv/boards/a.json');
    expect(lastingLocation('sqlite:/srv/archive')).toBe('sqlite:/srv/archive');
    expect(lastingLocation('archive.sqlite')).toBe(`${process.cwd()}/archive.sqlite`);
    expect(boardKind(lastingLocation('sqlite:archive')).kind).toBe('sqlite');
  });

  it('a password with an unencoded / # or ? is a URL read two ways (part of it would be taken for the host)', () => {
    expect(ambiguousUrl('postgres://atk:Se@kr3t/PW@127.0.0.1/atkdb')).toBe(true);
    expect(ambiguousUrl('postgres://atk:4821/Sekr3t@127.0.0.1/atkdb')).toBe(true);
    expect(ambiguousUrl('postgres://postgres:2024?Secret@127.0.0.1/news')).toBe(true);
    expect(ambiguousUrl('postgres://postgres:2024#Secret@127.0.0.1/news')).toBe(true);
    expect(ambiguousUrl('postgres://board:s3%2Fcr%3Fet@db/news?schema=esg&application_name=kim@laptop')).toBe(false);
    expect(ambiguousUrl('postgres://board@db/news')).toBe(false);
  });

  it('any scheme:// is a URL, never a file name', () => {
    expect(isUrlLike('mysql://root@db/news')).toBe(true);
    expect(isUrlLike('postgress://root@db/news')).toBe(true);
    expect(isUrlLike('data/posts.json')).toBe(false);
    expect(isUrlLike('jdbc:postgresql://db/news')).toBe(true);
    expect(isUrlLike('postgres:/db/news')).toBe(true);
    expect(isUrlLike('sqlite:archive.db')).toBe(false);
  });
});
