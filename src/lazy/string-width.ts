// Loaded only for text with grapheme clusters (emoji, combining marks): see render/width.ts.
// Vendor modules export names only: a default export does not survive the CommonJS chunking.
export { default as stringWidth } from 'string-width';
