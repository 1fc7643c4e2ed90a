import { describe, expect, it } from 'vitest';
import { EXCEL_CELL_CHARS, sheetChangeKind } from '../../src/board/sheet-changes.js';

describe('what looks like a spreadsheet\'s own doing, cell by cell', () => {
  it.each([
    ['1e5', '100000', 'number'],
    ['1e5', '1.00E+05', 'number'],
    ['1.50', '1.5', 'number'],
    ['1234', '1,234', 'number'],
    ['1,234', '1234', 'number'],
    ['-0.50', '-0.5', 'number'],
    ['12345678901234567890', '12345678901234500000', 'number'],
    ['12345678901234567890', '1.23457E+19', 'number'],
    ['0012345', '12345', 'leading-zeros'],
    ['2024-09-06', '2024/9/6', 'date'],
    ['10:30', '10:30:00 AM', 'time'],
    ['12:30', '12:30:00 PM', 'time'],
    ['15:04', '오후 3:04', 'time'],
    ['10:30', '10:30:00', 'time'],
    ['1:30', '01:30:00', 'time'],
    ['00:00', '00:00:00', 'time'],
    ['Jan 5', 'January 5, 2026', 'date'],
    ['3-1', 'March 1, 2026', 'date'],
    ['1/2', 'January 2, 2026', 'date'],
    ['2024-09-06 10:00', '2024-09-06 10:00:00', 'date'],
    ['(123)', '-123', 'number'],
    ['5.', '5', 'number'],
    ['1e400', '1.79769313486232E+308', 'number'],
    ['첫 줄 둘째 줄', '첫 줄 둘\n째 줄', 'line-breaks'],
    ['첫 줄\n\n둘째 줄', '첫 줄\n둘째 줄', 'line-breaks'],
  ] as const)('%j → %j: %s', (before, after, kind) => {
    expect(sheetChangeKind(before, after)).toBe(kind);
  });

  it.each([
    ['1e5', '2e5'],
    ['100', '1000'],
    ['0012345', '12346'],
    ['12345678901234567890', '1.2E+19'],
    ['2024-09-06', '2024/9/7'],
    ['10:30', '10:31:00 AM'],
    ['12345678901234567890', '12345678901234567891'],
    ['Jan 5', 'January 6, 2026'],
    ['(123)', '123'],
    ['10:30', '10:30:00 PM'],
    ['보도자료', '보도 자료'],
    ['첫 줄\n둘째 줄', '첫 줄 둘째 줄'],
    ['제목', '제목 고침'],
  ])('%j → %j is a person\'s edit', (before, after) => {
    expect(sheetChangeKind(before, after)).toBeUndefined();
  });

  it("a text longer than Excel's cell cut at 32,767 characters (trimmed, as import trims); not a shorter cut, not a text that fitted", () => {
    const long = 'ㄱ'.repeat(EXCEL_CELL_CHARS - 2) + ' 끝말 이어짐';
    expect(sheetChangeKind(long, long.slice(0, EXCEL_CELL_CHARS))).toBe('cut');
    // Cut just after a space, which import then trims.
    const spaced = `${'ㄱ'.repeat(EXCEL_CELL_CHARS - 1)} 이어짐`;
    expect(sheetChangeKind(spaced, 'ㄱ'.repeat(EXCEL_CELL_CHARS - 1))).toBe('cut');
    expect(sheetChangeKind(long, long.slice(0, 20_000))).toBeUndefined();
    const fits = 'ㄴ'.repeat(EXCEL_CELL_CHARS);
    expect(sheetChangeKind(fits, fits.slice(0, -5))).toBeUndefined();
  });
});
