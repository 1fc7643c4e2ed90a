import type { Style } from './style.js';
import type { TextMeasure } from './width.js';

export interface TableColumn {
  header: string;
  /** Cell texts, already sanitized to one visible line each. */
  cells: readonly string[];
  align?: 'left' | 'right';
  /**
   * Columns with a rank give up width when the table is too wide, lowest rank first (the
   * title, then other free text). Columns without one (numbers, dates) keep theirs.
   */
  shrinkRank?: number;
}

export interface TableOptions {
  /** The widest a line may be, in columns; undefined for no limit. */
  maxWidth: number | undefined;
  measure: TextMeasure;
  style: Style;
  /** A style for a whole row, e.g. dim for a hidden post. */
  rowStyle?: (row: number) => ((text: string) => string) | undefined;
}

const GAP = '  ';
/** The title keeps this many columns while other text columns can still give some up. */
const READABLE = 10;
/** The narrowest any column gets before whole lines are cut. */
const BARE = 1;

/**
 * Lays out a borderless table: a header, a rule, one line per row. Every line has exactly the
 * same display width, never more than `maxWidth`: cells that do not fit end in `…`.
 */
export function renderTable(columns: readonly TableColumn[], options: TableOptions): string[] {
  const { measure, style, maxWidth } = options;
  const widths = columns.map((column) =>
    Math.max(measure.width(column.header), ...column.cells.map((cell) => measure.width(cell))),
  );
  const lineWidth = () => widths.reduce((sum, w) => sum + w, 0) + GAP.length * (columns.length - 1);

  if (maxWidth !== undefined && lineWidth() > maxWidth) {
    const ranked = columns
      .map((column, index) => ({ index, rank: column.shrinkRank }))
      .filter((c): c is { index: number; rank: number } => c.rank !== undefined)
      .sort((a, b) => a.rank - b.rank)
      .map(({ index }) => index);
    // The title takes what is left: it alone gives width, down to a readable few words...
    const [first] = ranked;
    if (first !== undefined) widths[first] = Math.max(Math.min(widths[first] ?? 0, READABLE), (widths[first] ?? 0) - (lineWidth() - maxWidth));
    // ...then the widest text column gives one column at a time, so none is cut to nothing first.
    while (lineWidth() > maxWidth) {
      const widest = ranked.reduce<number | undefined>((best, index) => ((widths[index] ?? 0) > (best === undefined ? BARE : (widths[best] ?? 0)) ? index : best), undefined);
      if (widest === undefined) break;
      widths[widest] = (widths[widest] ?? 0) - 1;
    }
  }

  const cell = (text: string, index: number) => fitCell(text, widths[index] ?? 0, columns[index]?.align ?? 'left', measure, style.glyphs.ellipsis);
  const rows = columns[0]?.cells.map((_, row) => columns.map((column, index) => cell(column.cells[row] ?? '', index)).join(GAP)) ?? [];
  const header = columns.map((column, index) => cell(column.header, index)).join(GAP);
  // Even bare columns can be too wide for a very narrow width: then whole lines are cut.
  const width = Math.min(lineWidth(), maxWidth ?? Infinity);
  const fitLine = (line: string) => (width < lineWidth() ? fitCell(line, width, 'left', measure, style.glyphs.ellipsis) : line);
  return [
    style.heading(fitLine(header)),
    style.muted(style.glyphs.rule.repeat(width)),
    ...rows.map((line, row) => (options.rowStyle?.(row) ?? same)(fitLine(line))),
  ];
}

const same = (text: string) => text;

/** `text` padded to exactly `width` columns, or cut to end in `…` (or `ellipsis`, when it fits). */
export function fitCell(text: string, width: number, align: 'left' | 'right', measure: TextMeasure, ellipsis = '…'): string {
  let shown = text;
  let used = measure.width(text);
  if (used > width) {
    if (width === 0) return '';
    const mark = measure.width(ellipsis) < width ? ellipsis : ellipsis.slice(0, 1);
    const kept = measure.fit(text, width - measure.width(mark));
    // "대한민국 …" reads as two things; "대한민국…" as one cut title.
    const trimmed = kept.text.trimEnd();
    shown = trimmed + mark;
    used = measure.width(trimmed) + measure.width(mark);
  }
  const padding = ' '.repeat(width - used);
  return align === 'right' ? padding + shown : shown + padding;
}
