// The RSS writer, loaded only by `export --format rss`.
export { Feed } from 'feed';
