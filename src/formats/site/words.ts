/**
 * The words of the web board (`export --format site`), in each catalogue under `site`: what its
 * pages say, in the site's language, and what the command says about the folder it writes.
 * Words the search page's script fills in carry `{query}`, `{count}`, `{page}` and `{pages}`.
 */
export interface SiteText {
  /** The site's name when --title gives none. */
  defaultTitle: string;
  skip: string;
  searchLabel: string;
  searchButton: string;
  /** A list page's title after the site's name, from page 2 on. */
  pageTitle: (page: number, pages: number) => string;
  total: (count: string, posts: number) => string;
  pageOf: (page: number, pages: number) => string;
  listCaption: (page: number, pages: number) => string;
  empty: string;
  pagesLabel: string;
  first: string;
  previous: string;
  next: string;
  last: string;
  /** A page number's link, as a screen reader says it ("2쪽", "page 2"). */
  pageNumber: (page: number) => string;
  otherPosts: string;
  previousPost: string;
  nextPost: string;
  noPost: string;
  backToList: string;
  source: string;
  /** The link to a post's original, naming the site it is on. */
  original: (host: string) => string;
  feed: string;
  sitemap: string;
  madeWith: string;
  searchHeading: string;
  searchNeedsScript: string;
  searching: string;
  searchEmpty: string;
  /** With `{query}`: the page's title while searching. */
  searchTitle: (query: string, site: string) => string;
  none: (query: string) => string;
  found: (query: string, count: string, posts: number) => string;
  searchFailed: string;
  /** The search results' own pages. */
  resultsPage: (page: string, pages: string) => string;
  /** What the marker file in a folder the site was written to says to a person who opens it. */
  marker: string;
  /** Messages of the command. */
  outputNeeded: string;
  siteOnly: (option: string) => string;
  published: string;
  notAFolder: (path: string) => string;
  notOurs: (path: string, marker: string) => string;
  /** `file`: the board's own file found in the folder. */
  holdsBoard: (path: string, file: string) => string;
  /** The folder holds what its static host keeps (.git, CNAME…). */
  holdsHostFiles: (path: string, file: string) => string;
  youAreIn: (path: string) => string;
}
