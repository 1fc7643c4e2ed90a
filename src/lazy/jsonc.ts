// Loaded only when a board file is broken, to say on which line.
// The ES build: the package's "main" is a UMD wrapper whose requires a bundler cannot follow.
export { findNodeAtLocation, parse, parseTree } from 'jsonc-parser/lib/esm/main.js';
export type { Node, ParseError } from 'jsonc-parser/lib/esm/main.js';
