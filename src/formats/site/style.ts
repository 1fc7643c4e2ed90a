import { createHash } from 'node:crypto';
import { staticHtml } from './html.js';

/**
 * The web board's one style sheet, inlined into every page (no file to fetch, nothing to go
 * stale). Korean first: the system's Korean fonts, `word-break: keep-all` so a line breaks
 * between words as Korean is read, and long runs (a URL, a word with no spaces) broken anywhere
 * rather than pushing the page wider than a phone. On a narrow screen the board's table becomes
 * a list, each post a title over its line of details; printed, only the posts are left.
 */
export const STYLE = staticHtml`
:root{color-scheme:light;--text:#1b1b1b;--muted:#4d4d4d;--line:#d6d6d6;--head:#f3f4f6;--link:#0a4f9c;--visited:#5b2a86;--accent:#0a4f9c}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;color:var(--text);background:#fff;font-family:system-ui,-apple-system,"Apple SD Gothic Neo","Malgun Gothic","맑은 고딕","Noto Sans KR","Noto Sans CJK KR","Nanum Gothic",sans-serif;font-size:1rem;line-height:1.7;word-break:keep-all;overflow-wrap:anywhere}
a{color:var(--link)}
a:visited{color:var(--visited)}
a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem}
.skip:focus{left:0;z-index:1}
.vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.wrap{max-width:64rem;margin:0 auto;padding:0 1rem}
header.site{border-bottom:2px solid var(--accent)}
header.site .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1rem;padding-top:.75rem;padding-bottom:.75rem}
.site-name{margin:0;font-size:1.25rem;font-weight:700}
.site-name a{color:var(--text);text-decoration:none}
form.search{display:flex;gap:.25rem;flex:1 1 14rem;max-width:22rem}
form.search input{flex:1;min-width:0;font:inherit;padding:.3rem .5rem;border:1px solid #767676;border-radius:4px}
form.search button{font:inherit;padding:.3rem .8rem;border:1px solid var(--accent);border-radius:4px;background:var(--accent);color:#fff;cursor:pointer}
main{display:block;padding-top:1rem;padding-bottom:2rem}
h1{font-size:1.5rem;line-height:1.4;margin:.5rem 0 1rem}
.count{color:var(--muted);margin:0 0 .5rem}
table.board{width:100%;border-collapse:collapse;border-top:2px solid var(--text)}
table.board th,table.board td{padding:.6rem .5rem;border-bottom:1px solid var(--line);text-align:center;vertical-align:top}
table.board th{background:var(--head);font-weight:600}
table.board td.title{text-align:left}
table.board .num{white-space:nowrap;font-variant-numeric:tabular-nums}
table.board td.when{white-space:nowrap}
table.board td.author{overflow-wrap:normal;min-width:5em}
table.board .subtitle{display:block;color:var(--muted);font-size:.9rem}
.empty{padding:2rem 0;text-align:center;color:var(--muted)}
nav.pages{margin:1.5rem 0;text-align:center}
nav.pages ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;justify-content:center;gap:.25rem}
nav.pages li>a,nav.pages li>span,#search-pages>*{display:inline-block;min-width:2.25rem;padding:.3rem .5rem;border:1px solid var(--line);border-radius:4px;text-decoration:none}
nav.pages li>[aria-current]{background:var(--accent);border-color:var(--accent);color:#fff;font-weight:700}
nav.pages li>.off{color:#6b6b6b;border-color:#eee}
article h1{margin-bottom:.25rem}
article .subtitle{margin:0 0 .75rem;font-size:1.1rem;color:var(--muted)}
dl.meta{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0 0 1rem;padding:.5rem 0;border-top:2px solid var(--text);border-bottom:1px solid var(--line);color:var(--muted);font-size:.95rem}
dl.meta div{display:flex;gap:.35rem}
dl.meta dt{font-weight:600}
dl.meta dd{margin:0}
.body p{margin:0 0 1em}
.source{margin:1.5rem 0;padding:.75rem 1rem;background:var(--head);border-left:4px solid var(--accent)}
nav.posts{margin:1.5rem 0;border-top:1px solid var(--line)}
nav.posts ul{list-style:none;margin:0;padding:0}
nav.posts li{padding:.5rem 0;border-bottom:1px solid var(--line)}
nav.posts .label{display:inline-block;min-width:5rem;font-weight:600}
.back a{display:inline-block;padding:.4rem 1rem;border:1px solid var(--accent);border-radius:4px;text-decoration:none}
ol.results{padding-left:1.5rem}
ol.results li{margin:.4rem 0}
ol.results time{color:var(--muted);font-size:.9rem;white-space:nowrap}
footer.site{border-top:1px solid var(--line);color:var(--muted);font-size:.9rem}
footer.site .wrap{padding-top:1rem;padding-bottom:2rem}
footer.site p{margin:.25rem 0}
@media (max-width:40rem){
h1{font-size:1.25rem}
table.board,table.board tbody{display:block}
table.board thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.board tr{display:flex;flex-wrap:wrap;align-items:baseline;padding:.6rem 0;border-bottom:1px solid var(--line)}
table.board th,table.board td{padding:0;border:0;text-align:left;color:var(--muted);font-size:.9rem}
table.board td.title{order:-1;flex:0 0 100%;margin-bottom:.2rem;color:var(--text);font-size:1rem}
table.board td.author::before,table.board td.when::before{content:"\\00a0·\\00a0"}
table.board td.views::before{content:"\\00a0·\\00a0" attr(data-label) "\\00a0"}
}
@media print{
header.site form,nav.pages,nav.posts,.back,.skip,footer.site{display:none}
body{font-size:11pt;color:#000}
a{color:#000}
.source a::after{content:" <" attr(href) ">"}
table.board th{background:none}
tr,article p{break-inside:avoid}
}
`;

/** The style sheet's hash, for the pages' Content-Security-Policy (an inline style allowed by what it is). */
export const STYLE_HASH = `sha256-${createHash('sha256').update(STYLE.markup, 'utf8').digest('base64')}`;
