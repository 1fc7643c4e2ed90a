import type { BoardProblem } from './board-file.js';

/**
 * Adds where in the text a problem is: line and column of a syntax error, the line of a bad
 * post. Runs only when a board is already broken, so it may re-read the text at leisure.
 */
export async function locateProblem(text: string, problem: BoardProblem): Promise<BoardProblem> {
  try {
    return await locate(text, problem);
  } catch (error) {
    // JSON nested thousands deep overflows the (recursive) locating parser: say what, not where.
    if (error instanceof RangeError) return problem.kind === 'syntax' ? { ...problem, detail: simpleDetail(problem.detail) } : problem;
    throw error;
  }
}

async function locate(text: string, problem: BoardProblem): Promise<BoardProblem> {
  if (problem.kind === 'syntax') return locateSyntaxError(text, problem.detail);
  if (problem.kind === 'invalid-post' || problem.kind === 'duplicate-id') {
    const path: (string | number)[] = ['posts', problem.index];
    if (problem.kind === 'invalid-post' && problem.issue.field) path.push(...problem.issue.field.split('.'));
    const offset = await offsetOf(text, path);
    return offset === undefined ? problem : { ...problem, line: lineAndColumn(text, offset).line };
  }
  return problem;
}

async function locateSyntaxError(text: string, v8Message: string): Promise<BoardProblem> {
  // V8 says "... in JSON at position 123" for most errors; for an unexpected token it quotes a
  // snippet instead, and then jsonc-parser finds the offset.
  const position = /at position (\d+)/.exec(v8Message);
  const detail = simpleDetail(v8Message);
  let offset = position ? Number(position[1]) : undefined;
  if (offset === undefined) {
    const { parse } = await import('../../lazy/jsonc.js');
    const errors: import('../../lazy/jsonc.js').ParseError[] = [];
    parse(text, errors, { disallowComments: true, allowTrailingComma: false });
    offset = errors[0]?.offset ?? text.length;
  }
  return { kind: 'syntax', ...lineAndColumn(text, offset), detail };
}

async function offsetOf(text: string, path: (string | number)[]): Promise<number | undefined> {
  const { findNodeAtLocation, parseTree } = await import('../../lazy/jsonc.js');
  const root = parseTree(text);
  if (!root) return undefined;
  // The deepest node that exists: a missing field is reported at its post.
  for (let depth = path.length; depth > 0; depth--) {
    const node = findNodeAtLocation(root, path.slice(0, depth));
    if (node) return node.offset;
  }
  return undefined;
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** V8's JSON error without its position or quoted snippet (those are said as line and column). */
function simpleDetail(v8Message: string): string {
  return v8Message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/^Unexpected end of JSON input$/, 'Unexpected end of the file');
}
