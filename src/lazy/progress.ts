// The progress bar, loaded only for long exports on a terminal.
export { SingleBar } from 'cli-progress';
