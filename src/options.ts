import type { Command } from 'commander';
import { isCalendarDate, localDate, PERIODS, periodStart, type Period } from './board/dates.js';
import { FIELD_NAMES, parseFieldList, type FieldKey } from './board/fields.js';
import { statusNamed, type Status } from './board/post.js';
import { naturallyAscending, searchTerms, SORT_KEYS, type PostFilter, type PostOrder, type SortKey } from './board/query.js';
import type { Context } from './context.js';
import { UsageError } from './errors.js';
import { type Lang, MESSAGES } from './i18n/index.js';

/**
 * Turning option strings into typed values, with one-line usage errors that name the option
 * and the bad value. Shared by every command, so `--limit x` reads the same everywhere.
 */
export class OptionParser {
  constructor(
    private readonly ctx: Context,
    private readonly command: string,
  ) {}

  get t() {
    return this.ctx.t;
  }

  fail(message: string): never {
    throw new UsageError(message, this.command);
  }

  wholeNumber(option: string, value: string | undefined): number | undefined {
    if (value === undefined) return undefined;
    const trimmed = value.trim();
    if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1 || !Number.isSafeInteger(Number(trimmed))) {
      this.fail(this.ctx.t.usage.wholeNumber(option, value));
    }
    return Number(trimmed);
  }

  choice<T extends string>(option: string, choices: readonly T[], value: string | undefined): T | undefined {
    if (value === undefined) return undefined;
    if (!(choices as readonly string[]).includes(value)) this.fail(this.ctx.t.usage.oneOf(option, choices, value));
    return value as T;
  }

  /** A status by any of its names (published/hidden, 노출/비노출, any case); `all`/`전체` where allowed. */
  status(option: string, value: string | undefined, allowAll: true): Status | 'all' | undefined;
  status(option: string, value: string | undefined, allowAll: false): Status | undefined;
  status(option: string, value: string | undefined, allowAll: boolean): Status | 'all' | undefined {
    if (value === undefined) return undefined;
    const named = statusNamed(value);
    if (named) return named;
    if (allowAll && ['all', '전체'].includes(value.normalize('NFC').trim().toLowerCase())) return 'all';
    const choices = allowAll ? ['published', 'hidden', '노출', '비노출', 'all', '전체'] : ['published', 'hidden', '노출', '비노출'];
    return this.fail(this.ctx.t.usage.oneOf(option, choices, value));
  }

  date(option: string, value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    if (!isCalendarDate(value.trim())) this.fail(this.ctx.t.usage.date(option, value));
    return value.trim();
  }

  fields(value: string | undefined): FieldKey[] | undefined {
    if (value === undefined) return undefined;
    const parsed = parseFieldList(value);
    if ('unknown' in parsed) this.fail(this.ctx.t.usage.fields(parsed.unknown, FIELD_NAMES));
    return parsed.fields;
  }

  text(option: string, value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    if (value.trim() === '') this.fail(this.ctx.t.usage.empty(option));
    return value;
  }

  conflict(a: [string, unknown], b: [string, unknown]): void {
    if (a[1] !== undefined && a[1] !== false && b[1] !== undefined && b[1] !== false) {
      this.fail(this.ctx.t.usage.conflict(a[0], b[0]));
    }
  }
}

/** The raw strings of the filter and sort options, as commander hands them over. */
export interface RawFilterOptions {
  status?: string;
  author?: string;
  department?: string;
  /** Every `--search` given (each one's words must all be there). */
  search?: string | string[];
  since?: string;
  until?: string;
  period?: string;
  sort?: string;
  asc?: boolean;
  desc?: boolean;
}


/** Declares the filter and sort options `list`, `export` and `stats` share. */
export function addFilterOptions(command: Command, lang: Lang): Command {
  const help = MESSAGES[lang].filters;
  return command
    .option('--status <status>', help.status)
    .option('--author <text>', help.author)
    .option('--department <text>', help.department)
    // Given twice, both: `-s 원전 -s 협력` finds the posts with both words.
    .option('-s, --search <text>', help.search as string, (value: string, previous: string[] = []) => [...previous, value])
    .option('--since <date>', help.since)
    .option('--until <date>', help.until)
    .option('--period <period>', help.period)
    .option('--sort <key>', help.sort)
    .option('--asc', help.asc)
    .option('--desc', help.desc);
}

export function parseFilter(raw: RawFilterOptions, parse: OptionParser, now: Date): { filter: PostFilter; order: PostOrder } {
  parse.conflict(['--period', raw.period], ['--since', raw.since]);
  parse.conflict(['--period', raw.period], ['--until', raw.until]);
  parse.conflict(['--asc', raw.asc], ['--desc', raw.desc]);
  const period = parse.choice<Period>('--period', PERIODS, raw.period);
  const today = localDate(now);
  const since = period ? periodStart(period, today) : parse.date('--since', raw.since);
  const until = period ? today : parse.date('--until', raw.until);
  if (since && until && since > until) parse.fail(parse.t.usage.sinceAfterUntil(since, until));
  const searches = raw.search === undefined ? undefined : (Array.isArray(raw.search) ? raw.search : [raw.search]).map((text) => parse.text('--search', text) as string);
  const filter: PostFilter = {
    status: parse.status('--status', raw.status, true) ?? 'all',
    author: parse.text('--author', raw.author),
    department: parse.text('--department', raw.department),
    search: searches === undefined ? undefined : [...new Set(searches.flatMap(searchTerms))],
    since,
    until,
  };
  const sort: SortKey = parse.choice('--sort', SORT_KEYS, raw.sort) ?? 'id';
  const ascending = raw.asc ? true : raw.desc ? false : naturallyAscending(sort);
  return { filter, order: { sort, ascending } };
}
