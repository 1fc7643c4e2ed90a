import { fieldSpec, fieldValue, NUMBER_FIELDS, type FieldKey } from '../board/fields.js';
import type { Post } from '../board/post.js';
import type { Messages } from '../i18n/index.js';
import { visibleBlock, visibleLine } from './sanitize.js';
import type { Style } from './style.js';
import { renderTable, type TableColumn } from './table.js';
import { measureFor } from './width.js';
import { wrapText } from './wrap.js';

export interface RenderOptions {
  t: Messages;
  style: Style;
  /** Columns available, or undefined for no limit (a pipe). */
  width: number | undefined;
}

export interface PostViewOptions extends RenderOptions {
  /** A post not saved yet (a preview): its number is not known until it is, so none is shown. */
  unnumbered?: boolean;
}

/** One table cell: the value as a single visible line. */
function cellText(post: Post, key: FieldKey, t: Messages, statusShown: boolean): string {
  const value = fieldValue(post, key);
  switch (fieldSpec(key).kind) {
    case 'count':
      return t.number(Number(value));
    case 'status':
      return t.status[post.status];
    case 'timestamp':
      // Stored in UTC; read in the user's own time.
      return value === '' ? '' : t.localTime(String(value));
  }
  switch (key) {
    case 'title':
      // Marked hidden in the title only when no status column says so already.
      return visibleLine(post.status === 'hidden' && !statusShown ? `${t.hiddenMark} ${post.title}` : post.title);
    case 'body':
      // The start of the body, its line breaks folded into spaces.
      return visibleLine(post.body.slice(0, 500).replace(/\s+/g, ' ').trim());
    default:
      return visibleLine(String(value));
  }
}

/** The board as a table, like the one on the web board: 번호 / 제목 / 글쓴이 / 날짜 / 조회수. */
export async function renderPostTable(posts: readonly Post[], fields: readonly FieldKey[], options: RenderOptions): Promise<string[]> {
  const { t, style, width } = options;
  const columns: TableColumn[] = fields.map((key) => {
    const spec = fieldSpec(key);
    return {
      header: t.fields[key],
      cells: posts.map((post) => cellText(post, key, t, fields.includes('status'))),
      align: NUMBER_FIELDS.includes(key) ? 'right' : 'left',
      shrinkRank: spec.shrink,
    };
  });
  const measure = await measureFor(columns.flatMap((column) => [column.header, ...column.cells]));
  return renderTable(columns, {
    maxWidth: width,
    measure,
    style,
    rowStyle: (row) => (posts[row]?.status === 'hidden' ? style.hidden : undefined),
  });
}

const RULE_WIDTH = 72;

/** One post in full, as `show` prints it: title, meta line, body, source. */
export async function renderPostView(post: Post, options: PostViewOptions): Promise<string[]> {
  const { t, style, width } = options;
  const title = visibleLine(post.status === 'hidden' ? `${t.hiddenMark} ${post.title}` : post.title);
  const meta = [
    `${t.show.number} ${options.unnumbered ? t.show.numberLater : post.id}`,
    `${t.show.author} ${visibleLine(post.author)}`,
    post.department ? `${t.show.department} ${visibleLine(post.department)}` : undefined,
    `${t.show.date} ${post.date}`,
    `${t.show.views} ${t.number(post.views)}`,
    `${t.show.status} ${t.status[post.status]}`,
  ].filter((part): part is string => part !== undefined);
  const body = visibleBlock(post.body).trim();
  const source = post.source;
  const sourceLine = source
    ? [source.agency, source.date].filter(Boolean).map((part) => visibleLine(part ?? '')).join(` ${style.glyphs.dot} `)
    : '';
  // A URL is shown whole as one word: a space or a quote in it (kept so) would end a terminal's link there.
  const url = source?.url ? visibleLine(source.url).replace(/[\s"<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`) : '';

  const subtitle = post.subtitle ? visibleLine(post.subtitle) : '';
  const measure = await measureFor([title, subtitle, ...meta, body, sourceLine]);
  const lines: string[] = [];
  lines.push(...wrapText(title, width, measure).map(style.heading));
  if (subtitle) lines.push(...wrapText(subtitle, width, measure));
  lines.push(...joinWrapped(meta, ` ${style.glyphs.dot} `, width, measure.width).map(style.muted));
  lines.push(style.muted(style.glyphs.rule.repeat(Math.min(width ?? RULE_WIDTH, RULE_WIDTH))));
  lines.push(...(body ? wrapText(body, width, measure) : [style.muted(t.show.noBody)]));
  if (sourceLine || url) {
    lines.push('');
    const label = `${t.show.source}: `;
    if (sourceLine) lines.push(...wrapText(label + sourceLine, width, measure));
    // A URL is never broken: a terminal wraps it and it still copies as one.
    if (url) lines.push(sourceLine ? style.link(url) : label + style.link(url));
  }
  return lines;
}

/** Joins parts with `separator`, starting a new line where the next part would not fit. */
function joinWrapped(parts: readonly string[], separator: string, width: number | undefined, measure: (text: string) => number): string[] {
  if (width === undefined) return [parts.join(separator)];
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    const candidate = line ? line + separator + part : part;
    if (line && measure(candidate) > width) {
      lines.push(line);
      line = part;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}
